import { createApi } from '../../../shared/commands';
import { planSetup } from '../../../shared/commands/setup';
import type { CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok, TODAY } from './workbook-fixture';

/*
 * Setup reads an activity log's top and last rows only (the host calls stay the same for 10 rows
 * and 10,000), yet tells the user what a whole read tells: where the rows are, how many, the
 * total row and the notes under them, and the name over them.
 */

function longLog(rows: number, tail: CellValue[][]): Record<string, CellValue[][]> {
  const log: CellValue[][] = [
    ['行動記録（2026年度）', '', '', '', ''],
    ['日付', '顧客ID', '面談者', '種別', '内容'],
  ];
  for (let r = 0; r < rows; r++)
    log.push([46_300 + (r % 300), `C${1 + (r % 3)}`, '山本', '訪問', `メモ ${r}`]);
  return {
    顧客: [
      ['顧客ID', '顧客名', '営業担当'],
      ['C1', '株式会社テスト1', '佐藤'],
      ['C2', '株式会社テスト2', '高橋'],
      ['C3', '株式会社テスト3', '佐藤'],
    ],
    行動: [...log, ...tail],
  };
}

async function both(sheets: Record<string, CellValue[][]>) {
  const wb = new MemoryWorkbook(sheets);
  const write = jest.spyOn(wb, 'write');
  const report = await ok(createApi(wb, clock, 'ja').setup({}));
  // What planning from every row read whole says, and writes.
  const whole = planSetup(Object.keys(sheets), structuredClone(sheets), { lang: 'ja' }, TODAY);
  return { report, whole: whole.report, wb, plan: write.mock.calls[0]?.[0], wholePlan: whole.plan };
}

describe('setup over a long log reads its ends only and reports it as a whole read does', () => {
  it('a 2,000-row log with a total row and a note under it', async () => {
    const tail: CellValue[][] = [
      ['', '合計', '', '', ''],
      ['', '', '', '', ''],
      ['※ 2027年1月分から新様式', '', '', '', ''],
    ];
    const { report, whole, wb, plan, wholePlan } = await both(longLog(2_000, tail));
    expect(report.tables.activities).toMatchObject({
      sheet: '行動',
      headerRow: 2,
      dataRows: { first: 3, last: 2_002 },
      rows: 2_000,
      notData: [
        { row: 2_003, reason: 'total' },
        { row: 2_005, reason: 'note' },
      ],
    });
    expect(report.tables).toEqual(whole.tables);
    expect(report.messages).toEqual(whole.messages);
    expect(plan).toEqual(wholePlan);
    // Two reads: every sheet's ends, then every sheet but the log whole.
    expect(wb.calls.readSheets).toBe(2);
  });

  it('a 2,000-row log that grows: its name grows from its header, as from a whole read', async () => {
    const { report, whole, plan, wholePlan } = await both(longLog(2_000, []));
    expect(report.tables.activities).toMatchObject({
      dataRows: { first: 3, last: 2_002 },
      rows: 2_000,
      notData: [],
    });
    expect(report.tables).toEqual(whole.tables);
    expect(plan).toEqual(wholePlan);
    expect(plan).toContainEqual(
      expect.objectContaining({
        kind: 'defineName',
        sheet: '行動',
        firstRow: 2,
        lastRow: 2_002,
        growColumn: 2,
      }),
    );
  });

  it('a long customer list is still read whole: its rows and what could not be read are exact', async () => {
    const sheets = longLog(10, []);
    const customers = sheets['顧客']!;
    for (let c = 4; c <= 300; c++) customers.push([`C${c}`, c === 150 ? '' : `株式会社テスト${c}`, '佐藤']);
    const { report, whole } = await both(sheets);
    expect(report.customerCount).toBe(whole.customerCount);
    expect(report.issues).toEqual(whole.issues);
    expect(report.issues.length).toBeGreaterThan(0);
  });
});
