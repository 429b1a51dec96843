/**
 * Scenarios for the sheet-offset inference, run by sheet-offset.test.ts in a realm of a given
 * zone (a child process, see test/fakes/realm-zone.ts). Dates cross as wall times in the sheet's
 * zone and come back as what the core sees: the calendar day readDate reads and the local clock.
 */
import { sheetDays, sheetReading } from '../../../appsscript/src/sheet-offset';
import { dayToIso, readDate } from '../../../shared/values';
import { instantOf } from '../../fakes/gas/time';

/** A date cell: `at` ("2026-10-03" or "2026-10-03 18:45") is what the sheet shows in `zone`. */
export type DateCell = { at: string; zone: string } | { invalid: true };
export type Cell = string | number | boolean | DateCell;
export type Arg = Cell | Cell[][];

export interface Scenario {
  name: string;
  args: Arg[];
}

export interface Outcome {
  name: string;
  /** The arguments were handed on as the same array. */
  same: boolean;
  /** What the core sees: a date as "yyyy-mm-dd HH:MM" (day by readDate, clock local), else as is. */
  seen: unknown[];
  /** The same when every range is a table whose rows the core reads one by one (sheetReading). */
  seenRowByRow: unknown[];
  /** The caller's arrays and Dates are as they were. */
  callerUnchanged: boolean;
  /** Per range argument, the rows handed on as a copy (not the caller's own row). */
  copiedRows: number[][];
  /**
   * Read as a table reader reads most rows, as they are (every other row only passed to the row
   * reader): where a Date's day without moving it (dayOf) or a row read after passed ones differs
   * from reading every row through the reader. Empty when they agree.
   */
  passedMismatches: string[];
  /** How many Dates dayOf told the day of (not NaN). */
  daysTold: number;
}

function isDateCell(c: unknown): c is DateCell {
  return typeof c === 'object' && c !== null;
}

function toDate(c: DateCell): Date {
  if ('invalid' in c) return new Date(NaN);
  const [day, time = '00:00'] = c.at.split(' ') as [string, string?];
  const [year, month, d] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(instantOf({ year, month, day: d, hour, minute, second: 0 }, c.zone));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function seenOf(v: unknown): unknown {
  if (!(v instanceof Date)) return v;
  const r = readDate(v);
  if (!r.ok || r.value === null) return 'invalid';
  return `${dayToIso(r.value)} ${pad(v.getHours())}:${pad(v.getMinutes())}`;
}

function snapshot(args: unknown[]): string {
  return JSON.stringify(args, (_k, v: unknown) => (v instanceof Date ? `D${v.getTime()}` : v));
}

export function run(scenarios: Scenario[]): Outcome[] {
  return scenarios.map(({ name, args }) => {
    const built: unknown[] = args.map((a) =>
      Array.isArray(a)
        ? a.map((row) => row.map((c) => (isDateCell(c) ? toDate(c) : c)))
        : isDateCell(a)
          ? toDate(a)
          : a,
    );
    const rows = built.map((a) => (Array.isArray(a) ? [...(a as unknown[][])] : null));
    const before = snapshot(built);
    const out = sheetDays(built);
    const reading = sheetReading(built, (i) => Array.isArray(built[i]));
    const seenRowByRow = reading.args.map((a, i) => {
      if (!Array.isArray(a)) return seenOf(a);
      const rowsOf = reading.rows?.(i) ?? null;
      return (a as unknown[][]).map((row) =>
        (rowsOf === null ? row : (rowsOf(row) as unknown[])).map(seenOf),
      );
    });
    const passedMismatches: string[] = [];
    let daysTold = 0;
    reading.args.forEach((a, i) => {
      const every = reading.rows?.(i) ?? null;
      const some = reading.rows?.(i) ?? null;
      if (!Array.isArray(a) || every === null || some === null) return;
      (a as unknown[][]).forEach((row, k) => {
        const moved = every(row) as unknown[];
        row.forEach((v, c) => {
          if (!(v instanceof Date)) return;
          const day = some.dayOf(v.getTime(), c);
          if (Number.isNaN(day)) return;
          daysTold++;
          const r = readDate(moved[c] as Date);
          const want = r.ok ? r.value : null;
          if (day !== want)
            passedMismatches.push(`arg ${i} row ${k} col ${c}: ${dayToIso(day)} ≠ ${seenOf(moved[c])}`);
        });
        if (k % 2 === 0) some.pass(row);
        else {
          const got = JSON.stringify((some(row) as unknown[]).map(seenOf));
          if (got !== JSON.stringify(moved.map(seenOf))) passedMismatches.push(`arg ${i} row ${k}: ${got}`);
        }
      });
    });
    const callerUnchanged =
      snapshot(built) === before &&
      built.every((a, i) => !Array.isArray(a) || a.every((r, k) => r === rows[i]![k]));
    const copiedRows: number[][] = [];
    built.forEach((a, i) => {
      if (!Array.isArray(a)) return;
      const o = out[i] as unknown[][];
      copiedRows.push(o.flatMap((row, k) => (row === a[k] ? [] : [k])));
    });
    return {
      name,
      same: out === built,
      seen: out.map((a) => (Array.isArray(a) ? (a as unknown[][]).map((row) => row.map(seenOf)) : seenOf(a))),
      seenRowByRow,
      callerUnchanged,
      copiedRows,
      passedMismatches,
      daysTold,
    };
  });
}
