import { formatIssue, issueFix } from '../../../shared/issues';
import { CUSTOMER_TABLE, readTable } from '../../../shared/tables';
import { readNumber, readNumberCell } from '../../../shared/values';

// What a host hands over for a number cell that carries a date format: a Date at local midnight.
const shown = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);

describe('a number formatted as a date by mistake', () => {
  it('reads 1899-12-30 back as 0 and 1905-07-18 as 2026, with a warning', () => {
    expect(readNumberCell(shown(1899, 12, 30))).toMatchObject({ ok: true, value: 0 });
    const r = readNumberCell(shown(1905, 7, 18));
    expect(r).toMatchObject({ ok: true, value: 2026, warning: { key: 'values.dateInNumberColumn' } });
  });

  it('readNumber itself still refuses a Date (a threshold typed as a date is reported)', () => {
    expect(readNumber(shown(1905, 7, 18)).ok).toBe(false);
  });

  it('in a numeric free column (年間取引額) the Date is read as its number and listed', () => {
    const t = readTable(
      [
        ['顧客ID', '顧客名', '年間取引額', '取引開始日'],
        ['C1', '山田製作所', 1200, shown(2020, 4, 1)],
        ['C2', '鈴木商店', shown(1905, 7, 18), shown(2021, 5, 1)],
        ['C3', '佐藤工業', '300万円', shown(2022, 6, 1)],
      ],
      CUSTOMER_TABLE,
      { sheet: '顧客' },
    );
    expect(t.rows.map((r) => r.extra['年間取引額'])).toEqual([1200, 2026, 3000000]);
    // A column of dates stays dates.
    expect(t.rows.map((r) => r.extra['取引開始日'])).toEqual(['2020-04-01', '2021-05-01', '2022-06-01']);
    expect(t.issues).toHaveLength(1);
    const issue = t.issues[0]!;
    expect(issue).toMatchObject({ row: 3, column: 'C', severity: 'warning', value: '1905-07-18' });
    expect(formatIssue('ja', issue)).toContain('この数値は日付の書式になっています');
    expect(issueFix('ja', issue)).toBe('書式を数値に戻してください');
  });
});
