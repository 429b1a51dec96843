import { callFunction, findFunction } from '../../../shared/functions';
import { AS_OF_SERIAL, sampleWorkbook } from '../../../shared/sample';
import type { CellValue } from '../../../shared/values';

/*
 * REVIEW given the confirmations sheet (確認記録): an item without a metric (AT2 経営課題の把握)
 * is 未確認 until a manager's record for that rep and half-year says otherwise; a record of another
 * half-year does not count, and an unreadable one is listed, never guessed.
 */

const wb = sampleWorkbook();
const HEADER = ['期間', '営業担当', '項目ID', '項目', '出来ている', 'メモ', '確認者'];

function review(confirmations?: CellValue[][]): CellValue[][] {
  const args: unknown[] = [
    wb.customers,
    wb.contacts,
    wb.activities,
    wb.definition,
    AS_OF_SERIAL,
    wb.reviewAnswers,
  ];
  if (confirmations) args.push('ja', confirmations);
  const r = callFunction(findFunction('REVIEW')!, args);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** The 判定 (class) of a rep's row for an item, by the item's name. */
function verdict(table: CellValue[][], rep: string, item: string): CellValue {
  const head = table[0]!;
  const row = table.find((r) => r[head.indexOf('営業担当')] === rep && r[head.indexOf('項目')] === item);
  return row?.[head.indexOf('判定')];
}

describe('REVIEW with the confirmations sheet', () => {
  it('without it, an item without a metric is not confirmed', () => {
    expect(verdict(review(), '田村 大輔', '経営課題の把握')).toBe('未確認');
  });

  it("uses this half-year's confirmations only", () => {
    const table = review([
      HEADER,
      ['2026H2', '田村 大輔', 'AT2', '経営課題の把握', '○', '商談メモで確認', '部長'],
      ['2026H1', '中島 翔', 'AT2', '経営課題の把握', '○', '前期の確認', '部長'],
    ]);
    expect(verdict(table, '田村 大輔', '経営課題の把握')).not.toBe('未確認');
    expect(verdict(table, '中島 翔', '経営課題の把握')).toBe('未確認');
  });

  it('lists a record whose 出来ている cannot be read, and leaves it unconfirmed', () => {
    const table = review([HEADER, ['2026H2', '田村 大輔', 'AT2', '経営課題の把握', 'たぶん', '', '部長']]);
    expect(verdict(table, '田村 大輔', '経営課題の把握')).toBe('未確認');
    expect(table.flat().join('\n')).toMatch(/読めなかった行 1件/);
  });
});
