import * as team from '../fixtures/team/workbook';
import { EXPECTED_RANKS, EXPECTED_UNREAD, EXPECTED_VERDICTS } from '../fixtures/team/expected';
import { ranksBeside, unreadBySheet, verdictsOf } from '../unit/team/verdicts';
import { EXPECTED_ACTIONS, EXPECTED_COVERAGE, EXPECTED_SATO } from '../fixtures/team/expected-actions';
import { actionLines, coverageLines } from '../unit/team/actions-read';
import { buildProject, loadScript, type Built, type Script } from './appsscript-harness';
import type { CellValue } from '../../shared/values';

/**
 * The team's workbook (test/fixtures/team) in Google Sheets: the cells typed in as a user types
 * them (dates become Date objects of the script's own realm, numbers numbers), read back with
 * getValues() and passed to the built Code.js's custom functions, as Sheets does. Held to the same
 * hand-written expectations as the core.
 */

let built: Built;
beforeAll(async () => {
  built = await buildProject();
}, 120_000);

function typedWorkbook(): { s: Script; range: (sheet: string) => CellValue[][]; asOf: unknown } {
  const sheets = { ...team.teamSheets(), 設定: [['基準日', team.AS_OF]] };
  const s = loadScript(built, { sheets: Object.fromEntries(Object.keys(sheets).map((n) => [n, []])) });
  for (const [name, rows] of Object.entries(sheets)) s.gas.book.sheet(name).typeRows(rows);
  const range = (sheet: string) => s.gas.book.sheet(sheet).getDataRange().getValues() as CellValue[][];
  const asOf = s.gas.book.sheet('設定').getRange('B1').getValues()[0]![0];
  return { s, range, asOf };
}

describe("a real team's workbook, through the built Apps Script bundle", () => {
  it('gives the same ranks, verdicts and list of unread rows as worked out by hand', () => {
    const { s, range, asOf } = typedWorkbook();
    expect(Object.prototype.toString.call(asOf)).toBe('[object Date]');
    const [customers, contacts, activities, definition] = [
      range(team.CUSTOMER_SHEET),
      range(team.CONTACT_SHEET),
      range(team.LOG_SHEET),
      range(team.DEFINITION_SHEET),
    ];
    s.gas.setAuthMode('CUSTOM_FUNCTION');

    const rank = s.call('KIMERU_RANK', customers, definition) as CellValue[][];
    expect(ranksBeside(customers, rank)).toEqual(EXPECTED_RANKS);

    const all = s.call('KIMERU_GAPCHECK', customers, contacts, activities, definition, asOf, 'all');
    expect(verdictsOf(all as CellValue[][])).toEqual(EXPECTED_VERDICTS);

    expect(unreadBySheet(s.call('KIMERU_ISSUES', customers, contacts, activities) as CellValue[][])).toEqual(
      EXPECTED_UNREAD,
    );
  });
});

describe("the team's next actions and key-person coverage, through the built Apps Script bundle", () => {
  it('lists the actions and the coverage as worked out by hand, and GAPCHECK carries the rep', () => {
    const { s, range, asOf } = typedWorkbook();
    const [customers, contacts, activities, definition] = [
      range(team.CUSTOMER_SHEET),
      range(team.CONTACT_SHEET),
      range(team.LOG_SHEET),
      range(team.DEFINITION_SHEET),
    ];
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const actions = s.call(
      'KIMERU_ACTIONS',
      customers,
      contacts,
      activities,
      definition,
      asOf,
    ) as CellValue[][];
    expect(actionLines(actions)).toEqual(EXPECTED_ACTIONS);
    const sato = s.call('KIMERU_ACTIONS', customers, contacts, activities, definition, asOf, '佐藤');
    expect(actionLines(sato as CellValue[][])).toEqual(EXPECTED_SATO);
    const coverage = s.call('KIMERU_COVERAGE', customers, contacts, activities, asOf) as CellValue[][];
    expect(coverageLines(coverage)).toEqual(EXPECTED_COVERAGE);
    // The most urgent gap: 中島's A customer whose key person 西 浩 nobody has met.
    const gaps = s.call(
      'KIMERU_GAPCHECK',
      customers,
      contacts,
      activities,
      definition,
      asOf,
    ) as CellValue[][];
    expect(gaps[1]!.slice(8)).toEqual(['中島', '西 浩', '', '']);
  });
});
