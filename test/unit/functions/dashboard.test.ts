import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import { activities, AS_OF_SERIAL, contacts, customers, definition } from './workbook';

function dashboard(view: string, lang = 'ja', log: CellValue[][] = activities): CellValue[][] {
  const result = callFunction(findFunction('KIMERU.DASHBOARD')!, [
    customers,
    contacts,
    log,
    definition,
    AS_OF_SERIAL,
    view,
    lang,
  ]);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('DASHBOARD', () => {
  it('"ranks": customers per rank in the definition’s order, with their share', () => {
    const out = dashboard('ranks');
    expect(out[0]).toEqual(['ランク', '社数', '割合(%)']);
    const counts = Object.fromEntries(out.slice(1).map((r) => [r[0], r[1]]));
    // The same ranks KIMERU.RANK gives: A, B, A, C.
    expect(counts).toMatchObject({ A: 2, B: 1, C: 1 });
    expect(out.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(4);
  });

  it('"keyperson": per rank, customers whose key person was met within the rank’s limit, and a total', () => {
    const out = dashboard('keyperson', 'en');
    expect(out[0]).toEqual(['Rank', 'Standard', 'Customers', 'Key person met in time', 'Met (%)']);
    const total = out[out.length - 1]!;
    expect(total[0]).toBe('Total');
    const ranks = out.slice(1, -1);
    expect(ranks.reduce((n, r) => n + Number(r[2]), 0)).toBe(total[2]);
    expect(ranks.reduce((n, r) => n + Number(r[3]), 0)).toBe(total[3]);
    // C002 has a key person nobody met: not every customer is counted as met.
    expect(Number(total[3])).toBeLessThan(Number(total[2]));
    expect(total[4]).toBe(Math.round((Number(total[3]) / Number(total[2])) * 100));
  });

  it('"reps": gaps per rep, most gaps first', () => {
    const out = dashboard('reps');
    expect(out[0]).toEqual(['営業担当', '対象社数', 'ギャップのある社数', 'ギャップ数', '達成率(%)']);
    const gaps = out.slice(1).map((r) => Number(r[3]));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    const all = callFunction(findFunction('KIMERU.GAPCHECK')!, [
      customers,
      contacts,
      activities,
      definition,
      AS_OF_SERIAL,
    ]);
    if (!all.ok) throw new Error(all.message);
    // Every gap GAPCHECK lists is counted for exactly one rep.
    expect(gaps.reduce((a, b) => a + b, 0)).toBe(all.value.length - 1);
  });

  it('"weekly": 26 weeks up to the as-of date, a column per rep; an activity logged later counts', () => {
    const out = dashboard('weekly');
    expect(out).toHaveLength(27);
    expect(out[0]![0]).toBe('週（開始日）');
    const sum = (t: CellValue[][]) =>
      t.slice(1).reduce((n, r) => n + r.slice(1).reduce<number>((m, c) => m + Number(c), 0), 0);
    const before = sum(out);
    expect(before).toBeGreaterThan(0);
    const log = activities.map((r) => [...r]);
    const added = [...log[1]!];
    added[0] = '2026/11/28'; // the date column
    log.push(added);
    const after = dashboard('weekly', 'ja', log);
    expect(sum(after)).toBe(before + 1);
  });

  it('names the views when given another', () => {
    const result = callFunction(findFunction('KIMERU.DASHBOARD')!, [
      customers,
      contacts,
      activities,
      definition,
      AS_OF_SERIAL,
      'pie',
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('reps, ranks, keyperson, weekly');
  });
});
