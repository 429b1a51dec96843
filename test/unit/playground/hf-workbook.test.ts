import { formatIssue } from '../../../shared/issues';
import { DetailedCellError } from 'hyperformula';
import { createApi } from '../../../shared/commands';
import { dateCell, formulaCell, type WriteCell } from '../../../shared/port';
import { dayFromParts } from '../../../shared/values';
import { HyperFormulaWorkbook } from '../../../playground/src/hf-workbook';
import { loadGrids } from '../../../playground/src/sample-workbook';
import { sizedWorkbook, teamWorkbook } from '../commands/workbook-fixture';

/*
 * The HyperFormula workbook behaves like a spreadsheet host: text typed by people stays text,
 * dates are real dates, kimeru's formulas compute (and spill) under their Excel names, and every
 * command runs in a constant number of batches whatever the row count.
 */

const TODAY = dayFromParts(2026, 11, 29);
const clock = { now: () => ({ day: TODAY, minutes: 9 * 60 + 5 }) };

function workbookOf(sheets: Record<string, unknown[][]>): HyperFormulaWorkbook {
  const wb = new HyperFormulaWorkbook({ lang: 'ja' });
  loadGrids(
    wb,
    Object.entries(sheets).map(([name, grid]) => ({ name, grid: grid as never })),
  );
  return wb;
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('cells kimeru writes', () => {
  it('keeps text that looks like a formula, a number, a date or a flag exactly as typed', async () => {
    const wb = new HyperFormulaWorkbook();
    const texts = [
      '=SUM(A1)',
      '+81 3-1234-5678',
      '-1',
      '@田中',
      '＝全角',
      '123',
      '１２３',
      '2026/11/29',
      'TRUE',
      "'引用",
      '10%',
      '1,200万円',
    ];
    await wb.write([{ kind: 'addSheet', sheet: 'メモ', rows: [texts] }]);
    const read = await wb.readSheets(['メモ']);
    expect(read['メモ']).toEqual([texts]);
  });

  it('stores dates as date cells (serial numbers shown as dates, read back as Dates) and numbers as numbers', async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.write([
      {
        kind: 'addSheet',
        sheet: '記録',
        rows: [[dateCell(TODAY), dateCell(TODAY, 10 * 60 + 30), 1200, true, null]],
      },
    ]);
    const [serial, stampSerial] = wb.values('記録')[0] as [number, number];
    expect(serial).toBe(46355); // 2026-11-29 as Excel counts days
    expect(stampSerial).toBeCloseTo(46355 + 10.5 / 24, 8);
    const [day, stamp, n, flag] = (await wb.readSheets(['記録']))['記録']![0]!;
    expect(day).toEqual(new Date(2026, 10, 29));
    expect(stamp).toEqual(new Date(2026, 10, 29, 10, 30));
    expect([n, flag]).toEqual([1200, true]);
    expect(wb.formatAt('記録', 0, 0)).toBe('date');
    expect(wb.formatAt('記録', 0, 1)).toBe('datetime');
    expect(wb.formatAt('記録', 0, 2)).toBeUndefined();
  });

  it('computes formulas kimeru writes, Japanese sheet names unquoted as Excel writes them', async () => {
    const wb = workbookOf({ 顧客: [['売上'], [100], [250]] });
    await wb.write([{ kind: 'addSheet', sheet: '集計', rows: [[formulaCell('=SUM(顧客!A2:A3)')]] }]);
    expect((await wb.readSheets(['集計']))['集計']).toEqual([[350]]);
    wb.setUserInput('顧客', 1, 0, '1000');
    expect((await wb.readSheets(['集計']))['集計']).toEqual([[1250]]);
  });
});

describe("kimeru's functions under their Excel names", () => {
  it('ranks a whole customer table in one formula whose result spills beside it', async () => {
    const wb = workbookOf(teamWorkbook());
    await ok(createApi(wb, clock, 'ja').setup({}));
    await wb.write([
      {
        kind: 'addSheet',
        sheet: '集計',
        rows: [[formulaCell('=KIMERU.RANK(得意先リスト!A1:G8, 定義!A1:L40)')]],
      },
    ]);
    const column = wb.values('集計').map((r) => r[0]);
    expect(column.slice(0, 3)).toEqual(['', '', 'ランク']);
    expect(column.slice(3)).toEqual(expect.arrayContaining(['A']));
    expect(column.slice(3).every((v) => ['A', 'B', 'C', ''].includes(v as string))).toBe(true);
  });

  it('answers a bad argument with #VALUE! and a message naming it', async () => {
    const wb = workbookOf(teamWorkbook());
    await ok(createApi(wb, clock, 'ja').setup({}));
    await wb.write([
      {
        kind: 'addSheet',
        sheet: '集計',
        rows: [
          [
            formulaCell(
              '=KIMERU.GAPCHECK(KIMERU_CUSTOMERS, KIMERU_CONTACTS, KIMERU_ACTIVITIES, KIMERU_DEFINITION, "来週", "items")',
            ),
          ],
        ],
      },
    ]);
    const value = wb.values('集計')[0]?.[0];
    expect(value).toBeInstanceOf(DetailedCellError);
    expect((value as DetailedCellError).value).toBe('#VALUE!');
    expect((value as DetailedCellError).message).toContain('来週');
  });

  it('grows a whole-column result when rows are appended to the customer list', async () => {
    const wb = workbookOf(sizedWorkbook(3));
    await ok(createApi(wb, clock, 'ja').setup({}));
    await wb.write([
      {
        kind: 'addSheet',
        sheet: '集計',
        rows: [[formulaCell('=KIMERU.RANK(KIMERU_CUSTOMERS, KIMERU_DEFINITION)')]],
      },
    ]);
    expect(
      wb
        .values('集計')
        .map((r) => r[0])
        .filter((v) => v !== '' && v !== null),
    ).toHaveLength(4);
    await wb.append({ sheet: '顧客', rows: [['C4', '株式会社追加', '佐藤', '製造業', 20, 990000]] });
    expect(
      wb
        .values('集計')
        .map((r) => r[0])
        .filter((v) => v !== '' && v !== null),
    ).toHaveLength(5);
  });
});

describe('writes are safe', () => {
  it('applies a plan all or nothing: a sheet name that exists refuses the whole plan', async () => {
    const wb = workbookOf({ メモ: [['方針']] });
    await expect(
      wb.write([
        { kind: 'addSheet', sheet: '新しい', rows: [['x']] },
        { kind: 'addSheet', sheet: 'メモ', rows: [['y']] },
      ]),
    ).rejects.toMatchObject({ issues: [{ key: 'port.sheetExists', params: { sheet: 'メモ' } }] });
    // What the user reads, through the API's formatting in their language:
    expect(formatIssue('ja', { key: 'port.sheetExists', params: { sheet: 'メモ' } })).toBe(
      '「メモ」という名前のシートが既にあります',
    );
    expect(wb.hf.getSheetNames()).toEqual(['メモ']);
  });

  it("refuses to rewrite the user's own sheet, but appends below its last row", async () => {
    const wb = workbookOf({ 行動: [['日付', '内容'], ['2026/11/01', '訪問'], [], ['', '']] });
    await expect(wb.write([{ kind: 'replaceSheet', sheet: '行動', rows: [['x']] }])).rejects.toThrow(
      'シート「行動」は kimeru が作ったシートではないため、書き込みません',
    );
    const r = await wb.append({
      sheet: '行動',
      rows: [['2026/11/28', '=見積 提出'] as WriteCell[]],
      keyColumn: 2,
    });
    expect(r).toEqual({ rows: [3], duplicates: 0 });
    const again = await wb.append({
      sheet: '行動',
      rows: [['2026/11/28', '=見積 提出'] as WriteCell[]],
      keyColumn: 2,
    });
    expect(again).toEqual({ rows: [], duplicates: 1 });
    expect((await wb.readSheets(['行動']))['行動']).toEqual([
      ['日付', '内容'],
      ['2026/11/01', '訪問'],
      ['2026/11/28', '=見積 提出'],
    ]);
  });

  it('runs setup, logging and ranking in as many batches for 10,000 customers as for 10', async () => {
    const counts = async (customers: number) => {
      const wb = workbookOf(sizedWorkbook(customers));
      const api = createApi(wb, clock, 'ja');
      await ok(api.setup({}));
      await ok(
        api.logActivity({
          date: '2026-11-28',
          customerId: 'C2',
          contactIds: [],
          type: 'call',
          purpose: '',
          content: '電話で近況確認',
          nextAction: '',
          nextDue: '',
          rep: '高橋',
          key: 'k1',
        }),
      );
      await ok(api.runRanking('2026-11-29'));
      return { ...wb.calls };
    };
    const small = await counts(10);
    const large = await counts(10_000);
    expect(large).toEqual(small);
  });
});
