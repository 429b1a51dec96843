import { createApi } from '../../../shared/commands';
import type { CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok } from './workbook-fixture';

/*
 * A 合計 row and the notes under a table are not data: setup adopts the rows above them only,
 * and its name for dashboards stops there. These depend on readTable telling totals and notes
 * apart (TableLayout.dataRows / notData), which lands separately; the lead enables this file
 * once both are merged.
 */

function withTotals(): Record<string, CellValue[][]> {
  return {
    顧客マスタ: [
      ['顧客マスタ（2026年度）', '', '', ''],
      ['顧客ID', '顧客名', '営業担当', '年間取引額'],
      ['C001', '株式会社山田製作所', '佐藤', 12000000],
      ['C002', '(株)鈴木商事', '高橋', 3500000],
      ['C003', '田中工業㈱', '佐藤', 8000000],
      ['', '合計', '', 23500000],
      ['', '', '', ''],
      ['※ 年間取引額は税抜きです', '', '', ''],
    ],
  };
}

describe('setup adopts the data rows, not the total or the notes under them', () => {
  it('reads three customers from rows 3–5 and says rows 6 and 8 are not data', async () => {
    const wb = new MemoryWorkbook(withTotals());
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.customerCount).toBe(3);
    expect(report.tables.customers).toMatchObject({
      sheet: '顧客マスタ',
      headerRow: 2,
      dataRows: { first: 3, last: 5 },
      rows: 3,
      notData: [
        { row: 6, reason: 'total' },
        { row: 8, reason: 'note' },
      ],
    });
    expect(report.text).toContain('  データに含めない行: 6行目（合計）、8行目（注記）');
  });

  it('names header to last customer, without growing past the total row', async () => {
    const wb = new MemoryWorkbook(withTotals());
    await ok(createApi(wb, clock, 'ja').setup({}));
    expect(wb.names.get('KIMERU_CUSTOMERS')).toEqual({
      sheet: '顧客マスタ',
      firstColumn: 1,
      lastColumn: 4,
      firstRow: 2,
      lastRow: 5,
    });
  });

  it('ranks the three customers, not 合計 and the note', async () => {
    const wb = new MemoryWorkbook(withTotals());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const ranking = await ok(api.runRanking());
    expect(ranking.message).toContain('3社をランク分けしました');
  });
});
