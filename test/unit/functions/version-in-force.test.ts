import { callFunction, findFunction } from '../../../shared/functions';
import { historyHeader, historyRow, nextVersion, starterDefinition } from '../../../shared/definition';
import { sampleWorkbook } from '../../../shared/sample';
import { dayFromParts } from '../../../shared/values';
import type { CellValue } from '../../../shared/values';

/*
 * The functions given the definition history (定義履歴) instead of the definition sheet compute
 * with the version in force on their as-of date: the sample company saved version 1 on
 * 2026/04/01 and version 2 on 2026/10/01, so a September as-of date is checked against version 1.
 */

const wb = sampleWorkbook();
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function call(name: string, ...args: unknown[]): CellValue[][] {
  const result = callFunction(findFunction(name)!, args);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The 版 column of GAPCHECK "items": one version label for every item row. */
function versionsOf(table: CellValue[][]): Set<CellValue> {
  const col = table[0]!.indexOf('版');
  return new Set(
    table
      .slice(1)
      .filter((r) => r[0] !== '' && r[0] !== null && r[col] !== '')
      .map((r) => r[col]),
  );
}

describe('a function given the definition history', () => {
  const gaps = (definition: CellValue[][], asOf: number) =>
    call('GAPCHECK', wb.customers, wb.contacts, wb.activities, definition, asOf, 'items');

  it('uses the version in force on the as-of date', () => {
    expect(versionsOf(gaps(wb.history, serial(2026, 9, 15)))).toEqual(new Set(['第1版']));
    expect(versionsOf(gaps(wb.history, serial(2026, 10, 1)))).toEqual(new Set(['第2版']));
    expect(versionsOf(gaps(wb.history, serial(2026, 11, 29)))).toEqual(new Set(['第2版']));
  });

  it('computes a past date with what was decided then', () => {
    // Version 1 (2026/04/01) without item IN2; version 2 (2026/10/01) adds it back.
    const starter = starterDefinition('ja');
    const v1 = nextVersion(
      [],
      { ...starter, items: starter.items.filter((i) => i.id !== 'IN2') },
      {
        date: dayFromParts(2026, 4, 1),
        author: '部長',
        note: '初版',
      },
    );
    const v2 = nextVersion([v1], starter, {
      date: dayFromParts(2026, 10, 1),
      author: '部長',
      note: 'IN2 を追加',
    });
    const history = [historyHeader('ja'), historyRow(v1, 'ja'), historyRow(v2, 'ja')];
    const items = (asOf: number) => gaps(history, asOf).map((r) => r[0]);
    expect(items(serial(2026, 9, 30))).not.toContain('IN2');
    expect(items(serial(2026, 10, 1))).toContain('IN2');
  });

  it('given the definition sheet, uses the sheet whatever the date', () => {
    expect(versionsOf(gaps(wb.definition, serial(2026, 9, 15)))).toEqual(new Set(['第2版']));
  });

  it('RANK, which has no as-of date, ranks by the latest saved version', () => {
    const ranks = call('RANK', wb.customers, wb.history);
    expect(ranks.flat().filter((v) => v === 'A').length).toBeGreaterThan(0);
  });
});
