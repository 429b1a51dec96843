import { CUSTOMER_TABLE, readTable } from '../../../shared/tables';

// A customer list as teams keep it: a title, the header, customers, a total row, a blank row
// and footnotes. Only the customers are data.
const grid = [
  ['2026年度 顧客一覧', '', '', ''],
  ['', '', '', ''],
  ['顧客ID', '顧客名', '年間取引額', '業種'],
  ['C001', '山田製作所', 1200, '製造業'],
  ['C002', '計測技研株式会社', 800, '製造業'],
  ['C003', '合計商事', 300, '卸売'],
  ['', '合計', 2300, ''],
  ['', '', '', ''],
  ['※金額は税抜', '', '', ''],
  ['注: 取引額は前年度の実績です', '', '', ''],
];

describe('tables end where the data ends', () => {
  it('reads customers, and lists the total row and the notes below as not data', () => {
    const t = readTable(grid, CUSTOMER_TABLE, { sheet: '顧客' });
    expect(t.rows.map((r) => r.cells.name)).toEqual(['山田製作所', '計測技研株式会社', '合計商事']);
    expect(t.dataRows).toEqual({ first: 4, last: 6 });
    expect(t.notData).toEqual([
      { row: 7, reason: 'total' },
      { row: 9, reason: 'note' },
      { row: 10, reason: 'note' },
    ]);
    expect(t.issues).toEqual([]);
  });

  it('knows an English Total and a subtotal in the id column', () => {
    const t = readTable(
      [
        ['Customer ID', 'Customer name', 'Annual sales'],
        ['C1', 'Acme', 10],
        ['Subtotal', '', 10],
        ['C2', 'Totally Foods', 5],
        ['Total', '', 15],
      ],
      CUSTOMER_TABLE,
      { sheet: 'Customers' },
    );
    expect(t.rows.map((r) => r.cells.name)).toEqual(['Acme', 'Totally Foods']);
    expect(t.notData).toEqual([
      { row: 3, reason: 'total' },
      { row: 5, reason: 'total' },
    ]);
  });

  it('keeps a customer row below a blank row: only note-like rows are skipped', () => {
    const t = readTable(
      [
        ['顧客ID', '顧客名'],
        ['C1', '山田製作所'],
        ['', ''],
        ['C2', '鈴木商店'],
      ],
      CUSTOMER_TABLE,
      { sheet: '顧客' },
    );
    expect(t.rows.map((r) => r.cells.id)).toEqual(['C1', 'C2']);
    expect(t.notData).toEqual([]);
    expect(t.dataRows).toEqual({ first: 2, last: 4 });
  });
});
