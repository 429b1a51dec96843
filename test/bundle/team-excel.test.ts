import { rm } from 'node:fs/promises';
import * as team from '../fixtures/team/workbook';
import { EXPECTED_RANKS, EXPECTED_UNREAD, EXPECTED_VERDICTS } from '../fixtures/team/expected';
import { ranksBeside, unreadBySheet, verdictsOf } from '../unit/team/verdicts';
import { readDate, type CellValue } from '../../shared/values';
import { buildAddin, loadFunctions, type CustomFunctionsStandIn } from './office-harness';

/**
 * The team's workbook (test/fixtures/team) through the built Excel functions, with what Excel
 * passes: typed dates as serial numbers (days since 1899-12-30, time as the fraction), blank cells
 * as '', and the customer list as a whole-column argument (A:G, 1,048,576 rows). Held to the same
 * hand-written expectations as the core.
 */

jest.setTimeout(120_000);

let dir: string;
let cf: CustomFunctionsStandIn;
beforeAll(async () => {
  dir = await buildAddin();
  cf = await loadFunctions(dir);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 as an Excel serial
const DATE_TEXT = /^\d{4}\/\d{1,2}\/\d{1,2}(?: \d{1,2}:\d{2})?$/;

/** A grid as Excel hands it over: typed dates are serial numbers, blanks are ''. */
function asExcel(grid: readonly (readonly unknown[])[]): unknown[][] {
  return grid.map((r) =>
    r.map((v) => {
      if (typeof v === 'string' && DATE_TEXT.test(v)) {
        const day = readDate(v);
        const time = /(\d{1,2}):(\d{2})$/.exec(v);
        const fraction = time ? (Number(time[1]) * 60 + Number(time[2])) / 1440 : 0;
        if (day.ok && day.value !== null) return day.value + EXCEL_EPOCH_DAYS + fraction;
      }
      return v === null || v === undefined ? '' : v;
    }),
  );
}

describe("a real team's workbook, through the built Excel functions", () => {
  const fn = (id: string) => cf.associated.get(id) as (...args: unknown[]) => CellValue[][];

  it('gives the same ranks, verdicts and list of unread rows as worked out by hand', () => {
    const customers = asExcel(team.customers);
    const whole = [...customers];
    while (whole.length < 1_048_576) whole.push(new Array<unknown>(customers[0]!.length).fill(''));
    const [contacts, activities, definition] = [team.contacts, team.activities, team.definition].map(asExcel);
    const asOf = readDate(team.AS_OF);
    if (!asOf.ok || asOf.value === null) throw new Error('as-of');
    const serial = asOf.value + EXCEL_EPOCH_DAYS;

    const rank = fn('RANK')(whole, definition, null);
    expect(ranksBeside(customers, rank)).toEqual(EXPECTED_RANKS);

    const all = fn('GAPCHECK')(whole, contacts, activities, definition, serial, 'all', null);
    expect(verdictsOf(all)).toEqual(EXPECTED_VERDICTS);

    expect(unreadBySheet(fn('ISSUES')(whole, contacts, activities, null, null))).toEqual(EXPECTED_UNREAD);
  });
});
