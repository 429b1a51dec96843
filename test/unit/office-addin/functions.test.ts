import { SHEET_ROWS, trimWholeColumn } from '../../../office-addin/src/functions';

describe('a whole-column argument (A:D)', () => {
  it('is cut after its last row with a value, so 1,048,576 mostly empty rows cost nothing', () => {
    const column: unknown[][] = Array.from({ length: SHEET_ROWS }, () => [null, '']);
    column[0] = ['顧客ID', '顧客名'];
    column[1] = ['C1', '山田製作所'];
    column[3] = [null, '鈴木商店']; // a blank row inside the data stays
    const trimmed = trimWholeColumn(column) as unknown[][];
    expect(trimmed).toEqual([
      ['顧客ID', '顧客名'],
      ['C1', '山田製作所'],
      [null, ''],
      [null, '鈴木商店'],
    ]);
  });

  it('leaves a range of any other height as it is, blank rows included', () => {
    const range = [['顧客ID'], ['C1'], [null], [null]];
    expect(trimWholeColumn(range)).toBe(range);
    expect(trimWholeColumn('ja')).toBe('ja');
  });
});
