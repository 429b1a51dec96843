import { createApi } from '../../../shared/commands';
import type { WriteCell } from '../../../shared/port';
import type { CellValue } from '../../../shared/values';
import { ExcelWorkbook, type ExcelRun, type ExcelWorkbookOptions } from '../../../office-addin/src/port';
import { FakeExcel, type FakeRequestContext } from '../../fakes/excel';
import { activity, clock, ok } from '../commands/workbook-fixture';

/*
 * A team's own activity log (adopted at setup, no kimeru table) often has a helper column filled
 * down far past the last entry: 月 = IF(A5="","",MONTH(A5)). Those cells show "" and may be left
 * out of Excel's values-only used range, which the fake assumes. Logging must land below them and
 * never clear one.
 */

const portOver = (excel: FakeExcel, options?: ExcelWorkbookOptions): ExcelWorkbook =>
  new ExcelWorkbook(excel.run as unknown as ExcelRun, options);

const monthFormula = (row: number): string => `=IF(A${row}="","",MONTH(A${row}))`;

const LOG_HEADER = [
  '日付',
  '顧客名',
  '面談者',
  '種別',
  '目的',
  '内容',
  '次回アクション',
  '次回期日',
  '営業担当',
  '月',
];

/** A customer list and the team's log of `entries` rows, its 月 column (J) not yet filled. */
function teamBook(entries: number): Record<string, CellValue[][]> {
  const log: CellValue[][] = [LOG_HEADER];
  for (let i = 0; i < entries; i++)
    log.push([
      new Date(2026, 10, 1 + (i % 28)),
      i % 2 ? '東邦オートパーツ株式会社' : '株式会社山田製作所',
      i % 2 ? '森さん' : '山田様',
      i % 3 ? '訪問' : '電話',
      '定例',
      `在庫の確認 ${i + 1}`,
      '',
      '',
      i % 2 ? '田村 大輔' : '佐藤 健太',
    ]);
  return {
    顧客: [
      ['顧客ID', '顧客名', 'フリガナ', '営業担当', '年間取引額'],
      ['C001', '株式会社山田製作所', 'ヤマダセイサクショ', '佐藤 健太', '1,200万円'],
      ['C002', '東邦オートパーツ株式会社', 'トウホウオートパーツ', '田村 大輔', '８５０万円'],
    ],
    行動: log,
  };
}

/** Fills the 月 formula into J2:J`lastRow` through the Excel API, as a user's fill-down does. */
async function fillMonthColumn(excel: FakeExcel, sheet: string, lastRow: number): Promise<void> {
  await excel.run(async (ctx: FakeRequestContext) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(`J2:J${lastRow}`).formulas = Array.from(
      { length: lastRow - 1 },
      (_, i) => [monthFormula(i + 2)],
    );
    await ctx.sync();
  });
}

/** The formulas of column J from row 2 to `lastRow`. */
const monthColumn = (excel: FakeExcel, sheet: string, lastRow: number): unknown[] =>
  excel
    .formulas(sheet)
    .slice(1, lastRow)
    .map((r) => r[9]);

describe('the Excel fake’s used ranges', () => {
  it('leaves a formula showing "" out of the values-only used range but not out of the full one', async () => {
    const excel = new FakeExcel(teamBook(2));
    await fillMonthColumn(excel, '行動', 40);
    const addresses = await excel.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('行動');
      const valuesOnly = ws.getUsedRangeOrNullObject(true).load('address');
      const full = ws.getUsedRangeOrNullObject(false).load('address');
      await ctx.sync();
      return [valuesOnly.address, full.address];
    });
    expect(addresses).toEqual(['行動!A1:J3', '行動!A1:J40']);
    expect(excel.values('行動')[3]![9]).toBe('');
    expect(excel.values('行動')[1]![9]).toBe(0); // over a filled A2: the fake computes no MONTH
  });
});

describe('logging into an adopted log whose formula column runs past the last entry', () => {
  it('lands below the formulas and changes none of them', async () => {
    const excel = new FakeExcel(teamBook(2));
    await fillMonthColumn(excel, '行動', 40);
    const api = createApi(portOver(excel), clock, 'ja');
    const report = await ok(api.setup({ customerSheet: '顧客' }));
    expect(report.sheets.activities).toBe('行動');
    expect(excel.tables.some((t) => t.sheet.name === '行動')).toBe(false);
    const before = excel.formulas('行動');
    const from = excel.log.length;

    const logged = await ok(
      api.logActivity(
        activity({
          customerId: 'C002',
          rep: '田村 大輔',
          content: '来期の設備投資計画をヒアリング',
          key: 'team-1',
        }),
      ),
    );
    expect(logged).toMatchObject({ ok: true, row: 41, duplicate: false });
    // The row is inserted where it is written (a concurrent append cannot overwrite it); this
    // log has no 記録ID column, so the key goes to kimeru's hidden key sheet, not the team's cells.
    expect(excel.log.slice(from).map((w) => `${w.sheet} ${w.address}`)).toEqual([
      '行動 insert(Down) A41:J41',
      '行動 numberFormat A41:J41',
      '行動 values A41:J41',
      '_kimeru_keys insert(Down) A1:C1',
      '_kimeru_keys values A1:C1',
    ]);
    expect(excel.sheet('_kimeru_keys')?.visibility).toBe('Hidden');
    expect(excel.values('_kimeru_keys')).toEqual([['team-1', '行動', 41]]);
    const after = excel.formulas('行動');
    expect(after.slice(0, 40)).toEqual(before);
    expect(monthColumn(excel, '行動', 40)).toEqual(Array.from({ length: 39 }, (_, i) => monthFormula(i + 2)));
    expect(after[40]![1]).toBe('東邦オートパーツ株式会社');
    expect(after[40]![5]).toBe('来期の設備投資計画をヒアリング');

    // The next one goes below the one just logged, which now is a value row.
    const next = await ok(api.logActivity(activity({ customerId: 'C001', rep: '佐藤 健太', key: 'team-2' })));
    expect(next).toMatchObject({ row: 42 });
    expect(excel.values('行動')[3]!.slice(0, 9)).toEqual(['', '', '', '', '', '', '', '', '']);
  });

  it('moves below a row whose only content is a formula showing "", a row written in another column', async () => {
    const excel = new FakeExcel({ 記録: [['内容', 'メモ', '月']] });
    await excel.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem('記録').getRange('C2').formulas = [['=IF(A2="","",MONTH(A2))']];
      await ctx.sync();
    });
    const port = portOver(excel);
    const rows: WriteCell[][] = [['訪問', '在庫の確認', null]];
    expect(await port.append({ sheet: '記録', rows })).toEqual({ rows: [3], duplicates: 0 });
    expect(excel.formulas('記録')).toEqual([
      ['内容', 'メモ', '月'],
      ['', '', '=IF(A2="","",MONTH(A2))'],
      ['訪問', '在庫の確認', ''],
    ]);
  });

  it('writes right below the last entry when the rows below are only formatted (pre-drawn borders)', async () => {
    const excel = new FakeExcel(teamBook(2));
    await excel.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem('行動').getRange('A4:J200').numberFormat = Array.from(
        { length: 197 },
        () => new Array<string>(10).fill('@'),
      );
      await ctx.sync();
    });
    const got = await portOver(excel).append({ sheet: '行動', rows: [['2026/11/28', '株式会社山田製作所']] });
    expect(got.rows).toEqual([4]);
  });

  it('still finds the formulas when the rows between are too large for one response', async () => {
    const excel = new FakeExcel(teamBook(3));
    await fillMonthColumn(excel, '行動', 3000);
    excel.payloadLimitBytes = 40_000;
    const port = portOver(excel, { readChunkCells: 5000 });
    const row: WriteCell[] = ['2026/11/28', '株式会社山田製作所', '山田様', '訪問', '', '', '', '', '', null];
    // A row that does not reach the 月 column overwrites nothing right below the entries.
    expect((await port.append({ sheet: '行動', rows: [['2026/11/29', '株式会社山田製作所']] })).rows).toEqual(
      [5],
    );
    const before = excel.counts.syncs;
    expect((await port.append({ sheet: '行動', rows: [row] })).rows).toEqual([3001]);
    expect(excel.counts.syncs - before).toBeGreaterThan(3); // refused whole, then read in row chunks
    expect(monthColumn(excel, '行動', 3000)).toEqual(
      Array.from({ length: 2999 }, (_, i) => monthFormula(i + 2)),
    );
  });
});

describe('round trips of an append to an adopted log', () => {
  /** Syncs of one logged row (and of its retry) on a log of `entries` rows, with formulas filled down or not. */
  async function syncsWith(entries: number, formulasBelow: number): Promise<{ log: number; retry: number }> {
    const excel = new FakeExcel(teamBook(entries));
    const withKey = excel.sheet('行動')!;
    withKey.setCell(0, 10, { value: 'キー', format: 'General' });
    if (formulasBelow > 0) await fillMonthColumn(excel, '行動', entries + 1 + formulasBelow);
    const port = portOver(excel);
    const row: WriteCell[] = [
      '2026/11/28',
      '株式会社山田製作所',
      '',
      '訪問',
      '',
      '',
      '',
      '',
      '',
      null,
      'k-1',
    ];
    const measure = async (): Promise<{ syncs: number; rows: number[] }> => {
      const before = excel.counts.syncs;
      const result = await port.append({ sheet: '行動', rows: [row], keyColumn: 11 });
      return { syncs: excel.counts.syncs - before, rows: result.rows };
    };
    const log = await measure();
    expect(log.rows).toEqual([entries + 2 + formulasBelow]);
    const retry = await measure();
    expect(retry.rows).toEqual([]);
    if (formulasBelow > 0)
      expect(monthColumn(excel, '行動', entries + 1 + formulasBelow)).toEqual(
        Array.from({ length: entries + formulasBelow }, (_, i) => monthFormula(i + 2)),
      );
    return { log: log.syncs, retry: retry.syncs };
  }

  it('makes as many context.sync() calls for 10 as for 10,000 rows, one more when formulas run below', async () => {
    const plain = await syncsWith(10, 0);
    expect(await syncsWith(10_000, 0)).toEqual(plain);
    expect(plain).toEqual({ log: 2, retry: 1 });
    const withFormulas = await syncsWith(10, 990);
    expect(await syncsWith(10_000, 990)).toEqual(withFormulas);
    expect(withFormulas).toEqual({ log: 3, retry: 1 });
  });
});

describe('appending to a kimeru table', () => {
  it('is unchanged by formulas below the table: one rows.add in the same round trips, the formula moved down intact', async () => {
    const excel = new FakeExcel({});
    const port = portOver(excel);
    await port.write([
      { kind: 'addSheet', sheet: '記録', rows: [['内容', 'キー', '月']], table: 'KimeruLog' },
    ]);
    await excel.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem('記録').getRange('C10').formulas = [['=IF(A10="","",MONTH(A10))']];
      await ctx.sync();
    });
    const from = excel.log.length;
    const before = excel.counts.syncs;
    expect(await port.append({ sheet: '記録', rows: [['訪問', 'k1']], keyColumn: 2 })).toEqual({
      rows: [2],
      duplicates: 0,
    });
    expect(await port.append({ sheet: '記録', rows: [['電話', 'k2']], keyColumn: 2 })).toEqual({
      rows: [3],
      duplicates: 0,
    });
    expect(excel.counts.syncs - before).toBe(4);
    expect(excel.log.slice(from).map((w) => w.address)).toEqual([
      'rows.add KimeruLog A2:C2',
      'rows.add KimeruLog A3:C3',
    ]);
    expect(excel.formulas('記録')[10]![2]).toBe('=IF(A10="","",MONTH(A10))'); // moved to C11 by the insert
  });
});
