import { createApi, type KimeruApi } from '../../../shared/commands';
import type { ActivityInput } from '../../../shared/engines';
import { dateCell, formulaCell } from '../../../shared/port';
import { dayFromParts } from '../../../shared/values';
import type { CellValue } from '../../../shared/values';
import { ExcelWorkbook, type ExcelRun, type ExcelWorkbookOptions } from '../../../office-addin/src/port';
import { FakeExcel } from '../../fakes/excel';
import { sizedWorkbook, teamWorkbook } from '../commands/workbook-fixture';

const TODAY = dayFromParts(2026, 11, 29);
const clock = { now: () => ({ day: TODAY, minutes: 10 * 60 + 30 }) };

const portOver = (excel: FakeExcel, options?: ExcelWorkbookOptions): ExcelWorkbook =>
  new ExcelWorkbook(excel.run as unknown as ExcelRun, options);

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

function activity(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    date: '2026-11-28',
    customerId: 'C002',
    contactIds: [],
    type: 'visit',
    purpose: '定例',
    content: '在庫状況の確認',
    nextAction: '',
    nextDue: '',
    rep: '高橋',
    key: 'k-1',
    ...over,
  };
}

/** The user's sheets as Excel holds them before kimeru runs: every one must read the same after. */
function userSheets(excel: FakeExcel, names: string[]): Record<string, unknown[][]> {
  return Object.fromEntries(names.map((n) => [n, excel.values(n)]));
}

describe('setup in an existing Excel workbook', () => {
  let excel: FakeExcel;
  let api: KimeruApi;
  beforeEach(() => {
    excel = new FakeExcel(teamWorkbook());
    api = createApi(portOver(excel), clock, 'ja');
  });

  it('adds kimeru’s sheets and names, adopts the customer list and changes no cell of the user’s sheets', async () => {
    const before = userSheets(excel, ['メモ', '得意先リスト', '行動']);
    const report = await ok(api.setup({}));
    expect(report.sheets.customers).toBe('得意先リスト');
    expect(report.customerCount).toBe(4);
    expect(report.sheets.activities).toBe('行動 (kimeru)');
    expect(userSheets(excel, ['メモ', '得意先リスト', '行動'])).toEqual(before);
    expect(excel.log.filter((w) => ['メモ', '得意先リスト', '行動'].includes(w.sheet))).toEqual([]);
    expect(excel.sheetNames()).toEqual(
      expect.arrayContaining(['行動 (kimeru)', '連絡先', '定義', 'ランク', 'ギャップ', 'kimeru設定']),
    );
    expect(excel.names.get('KIMERU_ACTIVITIES')).toEqual({ sheet: '行動 (kimeru)', address: 'A:M' });
    expect(excel.names.get('KIMERU_ASOF')).toEqual({ sheet: 'kimeru設定', address: 'B3' });
    // The as-of date is a real date cell: a serial number shown as a date.
    expect(excel.values('kimeru設定')[2]![1]).toBe(46355);
    expect(excel.formats('kimeru設定')[2]![1]).toBe('yyyy/mm/dd');
    expect(excel.sheet('行動 (kimeru)')!.frozenRows).toBe(1);
  });

  it('changes nothing when run again', async () => {
    await ok(api.setup({}));
    const after = userSheets(excel, excel.sheetNames());
    const writes = excel.log.length;
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect(excel.log).toHaveLength(writes);
    expect(userSheets(excel, excel.sheetNames())).toEqual(after);
  });

  it('reads back through the same adapter what it wrote (the definition, the settings)', async () => {
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    expect(state.version).toBe(1);
    expect((await ok(api.getState())).asOf).toBe('2026-11-29');
  });
});

describe('logging an activity into Excel', () => {
  let excel: FakeExcel;
  let api: KimeruApi;
  beforeEach(async () => {
    excel = new FakeExcel(teamWorkbook());
    api = createApi(portOver(excel), clock, 'ja');
    await ok(api.setup({}));
    // Contacts the team typed into kimeru's contact sheet.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('連絡先').getRange('A2:F3').values = [
        ['', 'C002', '山本 健', '', '専務', 'キーマン'],
        ['', 'C002', '伊藤 誠', '', '', '担当者'],
      ];
      await ctx.sync();
    });
  });

  it('appends one row below the last one, and a retried submit writes nothing', async () => {
    const state = await ok(api.getState());
    const ito = state.contacts.find((c) => c.name === '伊藤 誠')!;
    const first = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(first).toMatchObject({ ok: true, row: 2, duplicate: false });
    const retry = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(retry).toMatchObject({ ok: true, duplicate: true });
    const log = excel.values('行動 (kimeru)');
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 6)).toEqual(['C002', '(株)鈴木商事', '伊藤 誠', '', '訪問']);
    expect(log[1]![0]).toBe(46354); // 2026-11-28 as a date serial
    expect(excel.formats('行動 (kimeru)')[1]![0]).toBe('yyyy/mm/dd');
    const second = await ok(api.logActivity(activity({ key: 'k-2' })));
    expect(second).toMatchObject({ row: 3, duplicate: false });
  });

  it('stores text that Excel would turn into a formula, a number or a date as that very text', async () => {
    const typed = ['=IMPORTXML("http://x")', '+81 3-1234-5678', '-1', '2026/12/01', '1,200', 'TRUE'];
    await ok(
      api.logActivity(
        activity({ content: typed[0]!, nextAction: typed[1]!, purpose: typed[2]!, rep: '高橋' }),
      ),
    );
    await ok(
      api.logActivity(
        activity({ key: 'k-2', content: typed[3]!, nextAction: typed[4]!, purpose: typed[5]! }),
      ),
    );
    const rows = excel.values('行動 (kimeru)').slice(1);
    const cells = rows.flat();
    for (const text of typed) expect(cells).toContain(text);
    expect(
      excel
        .formulas('行動 (kimeru)')
        .flat()
        .filter((f) => String(f).startsWith('=IMPORT')),
    ).toEqual(['=IMPORTXML("http://x")']); // text, not a formula: the formulas view shows the text itself
    expect(
      excel
        .sheet('行動 (kimeru)')!
        .rows.flat()
        .some((c) => c?.formula !== undefined),
    ).toBe(false);
  });
});

describe('ranking and gap check in Excel', () => {
  it('writes the ranking and gap sheets from the same data the memory workbook gets', async () => {
    const excel = new FakeExcel(teamWorkbook());
    const api = createApi(portOver(excel), clock, 'ja');
    await ok(api.setup({}));
    const rank = await ok(api.runRanking('2026/11/29'));
    expect(rank.headline).toEqual(['A: 2', 'B: 1', 'C: 1']);
    expect(excel.values('ランク')[1]!.slice(0, 5)).toEqual([
      '顧客ID',
      '顧客名',
      'ランク',
      '前回ランク',
      '変動',
    ]);
    const gaps = await ok(api.runGapCheck('2026/11/29'));
    expect(gaps.headline.join('\n')).toMatch(/キーマン/);
    expect(excel.values('ギャップ').length).toBeGreaterThan(2);
    // A second ranking replaces the sheet: no row of the first run is left behind.
    const rows = excel.values('ランク').length;
    await ok(api.runRanking('2026/11/30'));
    expect(excel.values('ランク')).toHaveLength(rows);
  });
});

describe('round trips', () => {
  async function syncsFor(customers: number): Promise<Record<string, number>> {
    const excel = new FakeExcel(sizedWorkbook(customers));
    const api = createApi(portOver(excel), clock, 'ja');
    const counts: Record<string, number> = {};
    const measure = async (name: string, run: () => Promise<unknown>): Promise<void> => {
      const before = excel.counts.syncs;
      await run();
      counts[name] = excel.counts.syncs - before;
    };
    await measure('setup', () => ok(api.setup({})));
    await measure('log', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
    await measure('retry', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
    await measure('rank', () => ok(api.runRanking('2026/11/29')));
    await measure('gaps', () => ok(api.runGapCheck('2026/11/29')));
    await measure('review', () => ok(api.runReview('2026/11/29')));
    return counts;
  }

  it('makes the same number of context.sync() calls for 10 and for 10,000 customers', async () => {
    const small = await syncsFor(10);
    expect(await syncsFor(10_000)).toEqual(small);
    expect(small).toEqual({ setup: 5, log: 7, retry: 6, rank: 7, gaps: 7, review: 9 });
  });
});

describe('the port itself', () => {
  it('hands a used range that starts below A1 over from A1', async () => {
    const excel = new FakeExcel({ 顧客: [[], [], ['', '', '顧客ID', '顧客名'], ['', '', 'C001', '山田']] });
    const grid = await portOver(excel).readSheets(['顧客', 'ない']);
    expect(grid).toEqual({
      顧客: [
        ['', '', '', ''],
        ['', '', '', ''],
        ['', '', '顧客ID', '顧客名'],
        ['', '', 'C001', '山田'],
      ],
    });
  });

  it('reads a sheet too large for one response in chunks, with the same result', async () => {
    const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [`C${i}`, `株式会社テスト${i}`, i]);
    const excel = new FakeExcel({ 顧客: rows });
    excel.payloadLimitBytes = 40_000;
    const grid = await portOver(excel, { readChunkCells: 3000 }).readSheets(['顧客']);
    expect(grid['顧客']).toEqual(rows);
  });

  it('splits a write too large for one request, every request under the limit', async () => {
    const excel = new FakeExcel({});
    excel.payloadLimitBytes = 50_000;
    const port = portOver(excel, { writeBudgetBytes: 40_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => [`C${i}`, `株式会社テスト${i}`, i]);
    const before = excel.counts.syncs;
    await port.write([{ kind: 'addSheet', sheet: 'ランク', rows }]);
    expect(excel.counts.syncs - before).toBeGreaterThan(2);
    expect(excel.values('ランク')).toEqual(rows);
  });

  it('refuses a plan that would fail half-way before writing anything', async () => {
    const excel = new FakeExcel({ ランク: [['x']] });
    const port = portOver(excel);
    await expect(
      port.write([
        { kind: 'addSheet', sheet: '新しい', rows: [['a']] },
        { kind: 'addSheet', sheet: 'ランク', rows: [['b']] },
      ]),
    ).rejects.toThrow('ランク');
    expect(excel.sheetNames()).toEqual(['ランク']);
    expect(excel.log).toEqual([]);
  });

  it('writes kimeru’s own formulas as formulas and timestamps as date-times', async () => {
    const excel = new FakeExcel({});
    await portOver(excel).write([
      {
        kind: 'addSheet',
        sheet: 'ダッシュボード',
        rows: [['=text', formulaCell('=SUM(C1:C2)'), dateCell(TODAY, 10 * 60 + 30)]],
      },
    ]);
    expect(excel.formulas('ダッシュボード')[0]).toEqual(['=text', '=SUM(C1:C2)', 46355 + 630 / 1440]);
    expect(excel.formats('ダッシュボード')[0]![2]).toBe('yyyy/mm/dd hh:mm');
    expect(excel.quotePrefixed('ダッシュボード')).toEqual(['A1']);
  });

  it('fills a ragged setBlock row without touching the cells beyond it', async () => {
    const excel = new FakeExcel({});
    const port = portOver(excel);
    await port.write([
      {
        kind: 'addSheet',
        sheet: '設定',
        rows: [
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ],
      },
    ]);
    await port.write([
      { kind: 'setBlock', sheet: '設定', row: 1, column: 1, rows: [['x', 'y', 'z'], ['w']] },
    ]);
    expect(excel.values('設定')).toEqual([
      ['x', 'y', 'z'],
      ['w', 'e', 'f'],
    ]);
  });
});
