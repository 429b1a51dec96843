import { SheetsWorkbook } from '../../../appsscript/src/port';
import { createApi } from '../../../shared/commands';
import { excelNameFormula } from '../../../shared/port';
import { dayFromParts, type CellValue } from '../../../shared/values';
import { HyperFormulaWorkbook } from '../../../playground/src/hf-workbook';
import { loadGrids } from '../../../playground/src/sample-workbook';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';
import { createGas } from '../../fakes/gas';

/*
 * kimeru's names cover a table's rows, not whole columns, and grow as the team adds rows below
 * the table: by typing them or by logging from the sidebar. Each host grows them its own way.
 */

const TODAY = dayFromParts(2026, 11, 29);
const clock = { now: () => ({ day: TODAY, minutes: 9 * 60 }) };

function team(): Record<string, CellValue[][]> {
  return {
    顧客: [
      ['顧客ID', '顧客名', '営業担当'],
      ['C1', '北海商事', '佐藤'],
      ['C2', '南商店', '高橋'],
    ],
    活動履歴: [
      ['日付', '顧客ID', '種別', '内容'],
      ['2026/11/02', 'C1', '訪問', '紹介'],
      ['2026/11/10', 'C2', '電話', '確認'],
    ],
  };
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('the playground and the command line (HyperFormula)', () => {
  async function setUp() {
    const wb = new HyperFormulaWorkbook({ lang: 'ja' });
    loadGrids(
      wb,
      Object.entries(team()).map(([name, grid]) => ({ name, grid })),
    );
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    // A dashboard cell counting the filled cells the name reaches (header included).
    wb.setUserInput('顧客', 0, 5, '=COUNTA(KIMERU_ACTIVITIES)');
    const cells = () => wb.values('顧客')[0]![5];
    return { wb, api, cells };
  }

  it('names the log header to last row, then grows it with a logged row and a typed one', async () => {
    const { wb, api, cells } = await setUp();
    expect(wb.definedNames().find((n) => n.name === 'KIMERU_ACTIVITIES')).toEqual({
      name: 'KIMERU_ACTIVITIES',
      sheet: '活動履歴',
      firstColumn: 1,
      lastColumn: 4,
      firstRow: 1,
      lastRow: 3,
      growColumn: 2,
    });
    expect(cells()).toBe(12); // 3 rows × 4 columns
    const logged = await ok(
      api.logActivity({
        date: '2026-11-28',
        customerId: 'C1',
        contactIds: [],
        type: 'visit',
        purpose: '',
        content: '定例',
        nextAction: '',
        nextDue: '',
        rep: '佐藤',
        key: 'k-1',
      }),
    );
    expect(logged).toMatchObject({ ok: true, row: 4 });
    expect(cells()).toBe(16); // the logged row: date, customer, type, content
    // A rep types a row by hand under the log.
    wb.setUserInput('活動履歴', 4, 0, '2026/11/29');
    expect(cells()).toBe(16); // no customer yet: not a row of the log
    wb.setUserInput('活動履歴', 4, 1, 'C2');
    expect(cells()).toBe(18);
  });

  it('saves the growing name as Excel’s formula and reads it back from the file', async () => {
    const { wb } = await setUp();
    const saved = saveXlsx(wb, { kind: 'csv', fileName: 'team.csv' }, 'ja');
    const reopened = openWorkbookFile(saved, 'team.xlsx', 'ja').workbook;
    expect(reopened.definedNames().find((n) => n.name === 'KIMERU_CUSTOMERS')).toEqual({
      name: 'KIMERU_CUSTOMERS',
      sheet: '顧客',
      firstColumn: 1,
      lastColumn: 3,
      firstRow: 1,
      lastRow: 3,
      growColumn: 2,
    });
  });
});

describe('Google Sheets', () => {
  it('makes a growing name an open-ended range, so rows appended below are in it', async () => {
    const gas = createGas({ sheets: team() });
    const port = new SheetsWorkbook(gas.book, gas.services);
    await port.write([
      {
        kind: 'defineName',
        name: 'KIMERU_ACTIVITIES',
        sheet: '活動履歴',
        firstColumn: 1,
        lastColumn: 4,
        firstRow: 1,
        lastRow: 3,
        growColumn: 2,
      },
      {
        kind: 'defineName',
        name: 'KIMERU_CUSTOMERS',
        sheet: '顧客',
        firstColumn: 1,
        lastColumn: 3,
        firstRow: 1,
        lastRow: 3,
      },
      {
        kind: 'defineName',
        name: 'KIMERU_CONTACTS',
        sheet: '顧客',
        firstColumn: 1,
        lastColumn: 3,
        firstRow: 2,
        lastRow: 3,
        growColumn: 2,
      },
    ]);
    expect(gas.book.namedRanges.get('KIMERU_CONTACTS')?.reference).toBe('顧客!A2:C');
    // Open-ended from the header row; from row 1 that is the columns themselves.
    expect(gas.book.namedRanges.get('KIMERU_ACTIVITIES')?.reference).toBe('活動履歴!A:D');
    expect(gas.book.namedRanges.get('KIMERU_CUSTOMERS')?.reference).toBe('顧客!A1:C3');
    const appended = await port.append({ sheet: '活動履歴', rows: [['2026/11/28', 'C1', '訪問', '']] });
    const range = gas.book.namedRanges.get('KIMERU_ACTIVITIES')!.range;
    expect(range.row + range.rows - 1).toBeGreaterThanOrEqual(appended.rows[0]!);
  });
});

describe('Excel', () => {
  it('grows a name by a formula ending at the last row with a value in the grow column', () => {
    expect(
      excelNameFormula({
        kind: 'defineName',
        name: 'KIMERU_ACTIVITIES',
        sheet: "O'Brien 日報",
        firstColumn: 1,
        lastColumn: 13,
        firstRow: 3,
        lastRow: 120,
        growColumn: 2,
      }),
    ).toBe(
      "='O''Brien 日報'!$A$3:INDEX('O''Brien 日報'!$M:$M,MAX(120,IFERROR(LOOKUP(2,1/('O''Brien 日報'!$B:$B<>\"\"),ROW('O''Brien 日報'!$B:$B)),0)))",
    );
    expect(
      excelNameFormula({
        kind: 'defineName',
        name: 'KIMERU_CUSTOMERS',
        sheet: '顧客',
        firstColumn: 1,
        lastColumn: 28,
        firstRow: 2,
        lastRow: 52,
      }),
    ).toBe("='顧客'!$A$2:$AB$52");
  });
});
