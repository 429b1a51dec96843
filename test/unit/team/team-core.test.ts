import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_RANKS, EXPECTED_UNREAD, EXPECTED_VERDICTS } from '../../fixtures/team/expected';
import { sortUnread, unreadOf, verdictsOf } from './verdicts';

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

// Ranges as a function gets them: the sheet's own rows, so row numbers are the sheet's.
const ARGUMENT_SHEETS: Record<string, string> = {
  customers: team.CUSTOMER_SHEET,
  contacts: team.CONTACT_SHEET,
  activities: team.LOG_SHEET,
  definition: team.DEFINITION_SHEET,
};
const ORDER = [team.CUSTOMER_SHEET, team.CONTACT_SHEET, team.LOG_SHEET, team.DEFINITION_SHEET];

describe("a real team's workbook, through the core", () => {
  const args = [team.customers, team.contacts, team.activities, team.definition, team.AS_OF] as const;

  it('ranks every readable customer as worked out by hand', () => {
    const out = call('KIMERU.RANK', team.customers, team.definition);
    const ranks = Object.fromEntries(
      team.customers
        .map((r, i) => [r[0], out[i]![0]])
        .filter(([id, rank]) => /^K\d+$/.test(String(id)) && /^[A-C]$/.test(String(rank))),
    );
    expect(ranks).toEqual(EXPECTED_RANKS);
  });

  it('gives every readable customer the verdict worked out by hand', () => {
    expect(verdictsOf(call('KIMERU.GAPCHECK', ...args, 'all'))).toEqual(EXPECTED_VERDICTS);
  });

  it('lists exactly the rows that could not be read, and nothing for the total row or the notes', () => {
    const list = unreadOf(call('KIMERU.ISSUES', team.customers, team.contacts, team.activities)).map((e) => ({
      ...e,
      sheet: ARGUMENT_SHEETS[e.sheet] ?? e.sheet,
    }));
    expect(sortUnread(list, ORDER)).toEqual(EXPECTED_UNREAD);
  });

  it('says under GAPCHECK how many rows were left out', () => {
    const out = call('KIMERU.GAPCHECK', ...args);
    expect(out.at(-1)![0]).toMatch(/^⚠ 読めなかった行 6件・注意 \d+件。/);
  });
});
