import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import { activities, AS_OF_SERIAL, contacts, customers, definition } from './workbook';

/** GAPCHECK as a host calls it. */
function gapcheck(mode: string, lang = 'ja'): CellValue[][] {
  const result = callFunction(findFunction('KIMERU.GAPCHECK')!, [
    customers,
    contacts,
    activities,
    definition,
    AS_OF_SERIAL,
    mode,
    lang,
  ]);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

// C004 (rank C) has no activity at all: nothing says whether its next action was late or its
// visits recorded on time.
describe('GAPCHECK and no data (データなし)', () => {
  it('shows no-data rows in "all" mode and leaves them out of "gaps"', () => {
    const all = gapcheck('all');
    expect(all.filter((r) => r[0] === 'C004' && r[6] === 'データなし').map((r) => [r[3], r[5]])).toEqual([
      ['次回アクションの期日厳守', '行動の記録なし'],
      ['行動の記録', '直近30日に記録日時のある行動なし'],
    ]);
    expect(gapcheck('gaps').some((r) => r[6] === 'データなし')).toBe(false);
  });

  it('counts no data apart per item: never in "checked", never a gap', () => {
    const items = gapcheck('items');
    expect(items[0]).toEqual(['項目ID', '項目', '対象社数', 'ギャップ社数', 'データなし社数', '版']);
    // IN1: C001 due later, C002 nothing open, C003 overdue since 11/01; C004 no data.
    expect(items.find((r) => r[0] === 'IN1')!.slice(2, 5)).toEqual([3, 1, 1]);
    // IN2: C001–C003 recorded the same day; C004 no data.
    expect(items.find((r) => r[0] === 'IN2')!.slice(2, 5)).toEqual([3, 0, 1]);
    expect(gapcheck('items', 'en')[0]![4]).toBe('Customers with no data');
  });

  it('counts no data apart per customer', () => {
    const summary = gapcheck('summary');
    expect(summary[0]![6]).toBe('データなし項目数');
    expect(summary.find((r) => r[0] === 'C004')![6]).toBe(2);
    expect(summary.find((r) => r[0] === 'C001')![6]).toBe(0);
  });
});
