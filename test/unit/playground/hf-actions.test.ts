import { createEngine } from '../../../playground/src/hf-workbook';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_ACTIONS, EXPECTED_COVERAGE, EXPECTED_SATO } from '../../fixtures/team/expected-actions';
import { actionLines, coverageLines } from '../team/actions-read';
import type { CellValue } from '../../../shared/values';

/*
 * ACTIONS and COVERAGE in the playground's formula engine (the HyperFormula plugin made from the
 * one function table), over the team's workbook: the whole result spills, as worked out by hand.
 */

function spilled(
  formula: (ref: (sheet: string, rows: number, cols: number) => string) => string,
): CellValue[][] {
  const hf = createEngine();
  const sheets = team.teamSheets();
  const ref = (sheet: string, rows: number, cols: number) =>
    `'${sheet}'!A1:${String.fromCharCode(64 + cols)}${rows}`;
  hf.batch(() => {
    for (const [name, rows] of Object.entries(sheets))
      hf.setSheetContent(hf.getSheetId(hf.addSheet(name))!, rows as (string | number)[][]);
    hf.setSheetContent(hf.getSheetId(hf.addSheet('out'))!, [[formula(ref)]]);
  });
  return hf.getSheetValues(hf.getSheetId('out')!) as CellValue[][];
}

const tables = (ref: (sheet: string, rows: number, cols: number) => string) =>
  [
    ref(team.CUSTOMER_SHEET, team.customers.length, 7),
    ref(team.CONTACT_SHEET, team.contacts.length, 5),
    ref(team.LOG_SHEET, team.activities.length, 10),
  ].join(', ');

it('spills KIMERU.ACTIONS, for everyone and for one rep', () => {
  const def = (ref: (sheet: string, rows: number, cols: number) => string) =>
    ref(team.DEFINITION_SHEET, team.definition.length, Math.max(...team.definition.map((r) => r.length)));
  const all = spilled((ref) => `=KIMERU.ACTIONS(${tables(ref)}, ${def(ref)}, "${team.AS_OF}")`);
  expect(actionLines(all)).toEqual(EXPECTED_ACTIONS);
  const sato = spilled((ref) => `=KIMERU.ACTIONS(${tables(ref)}, ${def(ref)}, "${team.AS_OF}", "佐藤")`);
  expect(actionLines(sato)).toEqual(EXPECTED_SATO);
});

it('spills KIMERU.COVERAGE', () => {
  const out = spilled((ref) => `=KIMERU.COVERAGE(${tables(ref)}, "${team.AS_OF}")`);
  expect(coverageLines(out.filter((r) => r.some((c) => c !== null && c !== '')))).toEqual(EXPECTED_COVERAGE);
});
