import { callFunction, FUNCTIONS } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import { survivors } from '../../support/collector';
import { activities, AS_OF_SERIAL, contacts, customers, definition } from './workbook';

/**
 * A custom function lets go of its ranges when it returns. The core keeps a few objects of each
 * read until the next (keep-shapes.ts); before, through them it kept the whole input of the last
 * call alive — 54 MB more at 10,000 customers, until the next recalculation.
 */

const history: CellValue[][] = [
  ['基準日', '顧客ID', '顧客名', 'ランク', '版'],
  ['2026/05/01', 'C001', '山田製作所', 'B', '第1版'],
  ['2026/11/01', 'C002', '鈴木商事', 'A', '第2版'],
];

/** Copies of the workbook's ranges, as a host hands over new arrays for each call. */
function ranges(): Record<string, CellValue[][]> {
  const copy = (grid: CellValue[][]): CellValue[][] => grid.map((row) => [...row]);
  return {
    customers: copy(customers),
    contacts: copy(contacts),
    activities: copy(activities),
    definition: copy(definition),
    rank_history: copy(history),
  };
}

/** Calls every function once on its own ranges; WeakRefs to those ranges. */
function callEach(): WeakRef<object>[] {
  const refs: WeakRef<object>[] = [];
  for (const def of FUNCTIONS) {
    const r = ranges();
    const args = def.params.map((p): unknown => (p.name === 'as_of' ? AS_OF_SERIAL : r[p.name]));
    const result = callFunction(def, args);
    expect(result.ok ? def.name : result.message).toBe(def.name);
    for (const p of def.params) {
      const grid = r[p.name];
      if (grid) refs.push(new WeakRef(grid));
    }
  }
  return refs;
}

describe('a function call', () => {
  it('keeps none of its ranges once it has returned', async () => {
    const refs = callEach();
    expect(refs.length).toBeGreaterThan(25);
    expect(await survivors(refs)).toBe(0);
  });
});
