import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_RANKS, EXPECTED_UNREAD, EXPECTED_VERDICTS } from '../../fixtures/team/expected';
import { ranksBeside, unreadBySheet, verdictsOf } from './verdicts';

/**
 * The team's own workbook through the core's functions, with cells as people typed them. The
 * Apps Script bundle, the Excel functions and the CLI are held to the same expectations in their
 * own tests (test/bundle/team-*.test.ts, test/unit/cli/team.test.ts).
 */

function call(name: string, ...args: unknown[]): CellValue[][] {
  const r = callFunction(findFunction(name)!, args);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe("a real team's workbook, through the core", () => {
  const args = [team.customers, team.contacts, team.activities, team.definition, team.AS_OF] as const;

  it('ranks every readable customer as worked out by hand', () => {
    const out = call('KIMERU.RANK', team.customers, team.definition);
    expect(ranksBeside(team.customers, out)).toEqual(EXPECTED_RANKS);
  });

  it('gives every readable customer the verdict worked out by hand', () => {
    expect(verdictsOf(call('KIMERU.GAPCHECK', ...args, 'all'))).toEqual(EXPECTED_VERDICTS);
  });

  it('lists exactly the rows that could not be read, and nothing for the total row or the notes', () => {
    expect(unreadBySheet(call('KIMERU.ISSUES', team.customers, team.contacts, team.activities))).toEqual(
      EXPECTED_UNREAD,
    );
  });

  it('says under GAPCHECK how many rows were left out', () => {
    const out = call('KIMERU.GAPCHECK', ...args);
    expect(out.at(-1)![0]).toMatch(/^⚠ 読めなかった行 6件・注意 \d+件。/);
  });
});
