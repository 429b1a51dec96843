import { starterDefinition, writeDefinition } from '../../../shared/definition';
import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import { activities, AS_OF_SERIAL, contacts, customers } from './workbook';

/**
 * GAPCHECK reads only the activity columns its definition's items measure: a broken cell in a
 * column no item looks at neither changes the result nor counts as an unread row.
 */
function gapcheck(definition: CellValue[][], log: CellValue[][], mode = 'all'): CellValue[][] {
  const result = callFunction(findFunction('KIMERU.GAPCHECK')!, [
    customers,
    contacts,
    log,
    definition,
    AS_OF_SERIAL,
    mode,
  ]);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The log with a formula error in C001's next due date and an unknown type on C002's row. */
const broken = activities.map((row, r) => {
  if (r === 1) return row.map((v, c) => (c === 6 ? '#N/A' : v));
  if (r === 3) return row.map((v, c) => (c === 3 ? '飲み会' : v));
  return row;
});

const starter = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 3 });
const withoutNextAction = (() => {
  const def = starterDefinition('ja');
  return writeDefinition(
    { ...def, items: def.items.filter((i) => i.metric !== 'next_action_overdue') },
    { lang: 'ja', version: 3 },
  );
})();

const issueLine = (table: CellValue[][]): string => String(table[table.length - 1]![0]);

describe('GAPCHECK reads the columns its items measure', () => {
  it('reports a broken due date when an item measures next actions', () => {
    const table = gapcheck(starter, broken);
    expect(issueLine(table)).toMatch(/注意 1件/);
    expect(gapcheck(starter, broken, 'issues').map((r) => r[3])).toContain('次回期日');
  });

  it('leaves the next-action columns and the types unread when no item measures them', () => {
    const clean = gapcheck(withoutNextAction, activities);
    const table = gapcheck(withoutNextAction, broken);
    expect(table).toEqual(clean);
    expect(table.some((r) => String(r[3]).includes('次回アクション'))).toBe(false);
    expect(gapcheck(withoutNextAction, broken, 'issues').length).toBe(1);
  });
});
