import { readFile, rm, writeFile } from 'node:fs/promises';
import * as team from '../fixtures/team/workbook';
import { EXPECTED_RANKS, EXPECTED_UNREAD, EXPECTED_VERDICTS } from '../fixtures/team/expected';
import { ranksBeside, unreadBySheet, verdictsOf } from '../unit/team/verdicts';
import { EXPECTED_ACTIONS, EXPECTED_COVERAGE, EXPECTED_SATO } from '../fixtures/team/expected-actions';
import { actionLines, coverageLines } from '../unit/team/actions-read';
import { readDate, type CellValue } from '../../shared/values';
import { FUNCTIONS } from '../../shared/functions';
import {
  buildAddin,
  excelEntity,
  excelError,
  loadFunctions,
  type CustomFunctionsStandIn,
} from './office-harness';
import { join } from 'node:path';

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

  it('lists an error cell as its row, and reads a data-type cell by the text it shows', () => {
    const customers = asExcel(team.customers);
    const k001 = customers.findIndex((r) => r[0] === 'K001');
    (customers[k001] as unknown[])[1] = excelEntity(String(team.customers[k001]?.[1]));
    const activities = asExcel(team.activities);
    // Row 5: 顧客ID filled by a VLOOKUP that failed, 顧客名 typed: read by the name, with a warning.
    (activities[4] as unknown[])[1] = excelError('NotAvailable', '#N/A');
    // Row 8 (the call without a date): its date is now a formula's #N/A.
    (activities[7] as unknown[])[0] = excelError('NotAvailable', '#N/A');
    const [contacts, definition] = [team.contacts, team.definition].map(asExcel);
    const asOf = readDate(team.AS_OF);
    if (!asOf.ok || asOf.value === null) throw new Error('as-of');
    const serial = asOf.value + EXCEL_EPOCH_DAYS;

    expect(ranksBeside(customers, cf.call('RANK', customers, definition, null) as CellValue[][])).toEqual(
      EXPECTED_RANKS,
    );
    const all = cf.call('GAPCHECK', customers, contacts, activities, definition, serial, 'all', null);
    expect(verdictsOf(all as CellValue[][])).toEqual(EXPECTED_VERDICTS);
    const unread = unreadBySheet(
      cf.call('ISSUES', customers, contacts, activities, null, null) as CellValue[][],
    );
    const expected = EXPECTED_UNREAD.map((e) =>
      e.sheet === '活動履歴' && e.row === 8 ? { ...e, value: '#N/A' } : e,
    );
    expected.splice(
      expected.findIndex((e) => e.sheet === '活動履歴'),
      0,
      {
        sheet: '活動履歴',
        row: 5,
        column: 'B',
        value: '#N/A',
        outcome: 'warning',
      },
    );
    expect(unread).toEqual(expected);
  });

  it('the stand-in is as strict as Excel: without the metadata flags one #N/A is the whole result', async () => {
    const meta = JSON.parse(await readFile(join(dir, 'functions.json'), 'utf8')) as Record<string, unknown>;
    delete meta.allowErrorForDataTypeAny;
    delete meta.allowCustomDataForDataTypeAny;
    await writeFile(join(dir, 'functions.plain.json'), JSON.stringify(meta));
    const plain = await loadFunctions(dir, 'functions.plain.json');
    const definition = asExcel(team.definition);
    const customers = asExcel(team.customers);
    (customers[1] as unknown[])[1] = excelError('NotAvailable', '#N/A');
    expect(plain.call('RANK', customers, definition, null)).toEqual({ excelError: '#N/A' });
    (customers[1] as unknown[])[1] = excelEntity('青山精機');
    expect(plain.call('RANK', customers, definition, null)).toEqual({ excelError: '#VALUE!' });
    // The built metadata has both flags: the same call computes.
    expect(Array.isArray(cf.call('RANK', customers, definition, null))).toBe(true);
  });
});

describe("the team's next actions and key-person coverage, through the built Excel functions", () => {
  it('lists the actions and the coverage as worked out by hand, over a whole-column customer list', () => {
    const customers = asExcel(team.customers);
    const whole = [...customers];
    while (whole.length < 1_048_576) whole.push(new Array<unknown>(customers[0]!.length).fill(''));
    const [contacts, activities, definition] = [team.contacts, team.activities, team.definition].map(asExcel);
    const asOf = readDate(team.AS_OF);
    if (!asOf.ok || asOf.value === null) throw new Error('as-of');
    const serial = asOf.value + EXCEL_EPOCH_DAYS;
    const fn = (id: string) => cf.associated.get(id) as (...args: unknown[]) => CellValue[][];

    expect(actionLines(fn('ACTIONS')(whole, contacts, activities, definition, serial, null, null))).toEqual(
      EXPECTED_ACTIONS,
    );
    expect(actionLines(fn('ACTIONS')(whole, contacts, activities, definition, serial, '佐藤', null))).toEqual(
      EXPECTED_SATO,
    );
    expect(coverageLines(fn('COVERAGE')(whole, contacts, activities, serial, null, null))).toEqual(
      EXPECTED_COVERAGE,
    );
    const reps = fn('GAPCHECK')(whole, contacts, activities, definition, serial, 'reps', 'en');
    expect(reps[0]).toEqual([
      'Rep',
      'Customers',
      'Customers with gaps',
      'Gaps',
      'Items with no data',
      'Version',
    ]);
    expect(reps.slice(1, 5).map((r) => r.slice(0, 4))).toEqual([
      ['佐藤', 4, 3, 6],
      ['高橋', 3, 2, 2],
      ['田村', 3, 1, 2],
      ['中島', 1, 1, 2],
    ]);
  });
});

describe('cell objects (errors, data types) read where a cell is read, through the built Excel functions', () => {
  // Excel hands a data type over as its JSON and, with allowErrorForDataTypeAny, an error as an
  // object. The core reads such an object only in a cell it reads; every function must give what
  // it gives when each object is replaced by the value its cell shows, written here by hand.
  const entity = (text: string) => ({ type: 'Entity', basicValue: '#VALUE!', text, properties: {} });
  const formatted = (n: number) => ({ type: 'FormattedNumber', basicValue: n, numberFormat: '#,##0' });

  /** Every other text as an entity showing it and every third number formatted; `errors` as #N/A. */
  function withObjects(
    grid: unknown[][],
    errors: [number, number][],
  ): { objects: unknown[][]; shown: unknown[][] } {
    const objects = grid.map((row, r) =>
      row.map((v, c) => {
        if (typeof v === 'string' && v !== '' && (r + c) % 2 === 0) return entity(v);
        if (typeof v === 'number' && (r + c) % 3 === 0) return formatted(v);
        return v;
      }),
    );
    const shown = grid.map((row) => [...row]);
    for (const [r, c] of errors) {
      (objects[r] as unknown[])[c] = excelError('NotAvailable', '#N/A');
      (shown[r] as unknown[])[c] = '#N/A';
    }
    return { objects, shown };
  }

  const outcome = (id: string, args: unknown[]): unknown => {
    try {
      return cf.call(id, ...args);
    } catch (e) {
      return { thrown: e instanceof Error ? e.message : String(e) };
    }
  };

  it('gives every function the same result as the values the cells show', () => {
    const asOf = readDate(team.AS_OF);
    if (!asOf.ok || asOf.value === null) throw new Error('as-of');
    const serial = asOf.value + EXCEL_EPOCH_DAYS;
    // Errors in a header, a customer's ID, a log row's date, its people met and its 内容 (unread).
    const customers = withObjects(asExcel(team.customers), [
      [2, 4],
      [5, 0],
    ]);
    const contacts = withObjects(asExcel(team.contacts), [[3, 1]]);
    const activities = withObjects(asExcel(team.activities), [
      [2, 0],
      [3, 3],
      [5, 5],
    ]);
    const definition = withObjects(asExcel(team.definition), []);
    const given: Record<string, { objects: unknown; shown: unknown }> = {
      customers,
      contacts,
      activities,
      definition,
      as_of: { objects: [[formatted(serial)]], shown: [[serial]] },
    };
    let compared = 0;
    for (const id of cf.associated.keys()) {
      const def = FUNCTIONS.find((f) => f.name === id);
      if (!def) throw new Error(`no definition for ${id}`);
      const args = (which: 'objects' | 'shown') => def.params.map((p) => given[p.name]?.[which] ?? null);
      const shown = outcome(id, args('shown'));
      expect(JSON.stringify(shown)).not.toContain('[object Object]');
      expect(outcome(id, args('objects'))).toEqual(shown);
      compared++;
    }
    expect(compared).toBe(FUNCTIONS.length);
    // The error cells are listed as what they show, at their rows.
    const listed = JSON.stringify(
      cf.call('ISSUES', customers.objects, contacts.objects, activities.objects, null, null),
    );
    expect(listed).toContain('#N/A');
  });
});
