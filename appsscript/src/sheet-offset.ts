/**
 * The spreadsheet's UTC offset, read from the dates a custom function is given — no Apps Script
 * service call (each is a round trip to Google's servers, and a custom function should make none).
 *
 * Sheets passes a date cell as the instant of its wall-clock time in the spreadsheet's zone; the
 * core reads a Date's calendar day in the script realm's zone (appsscript.json's). A date-only
 * cell sits at midnight in the sheet's zone, so its UTC time of day gives the offset away. When
 * the inferred offset is the realm's own (the usual case) the arguments are handed on untouched;
 * otherwise each Date is moved so that its realm-local calendar day and clock are the sheet's.
 *
 * Daylight saving: one offset is inferred per call; a date-only Date an hour off midnight under it
 * is put back on midnight, and a date-time takes the same hour as the date-only Dates of its row
 * (or of the last row that had one).
 *
 * Limits: candidate offsets are the quarter hours in [−10 h, +14 h), so a sheet at UTC−11, −12
 * or +14 may read a day off; a date-time with no date-only Date beside it, at a daylight-saving
 * change, may read 1 h off.
 */

import { isDate } from './dates';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
/** The lowest candidate offset (minutes); candidates run over one day from here, by 15 minutes. */
const LOW = -600;
const STEP = 15;
const CANDIDATES = DAY_MINUTES / STEP;
/** How many rows of a range, and how many Dates of it, are sampled. */
const SAMPLE_ROWS = 64;
const SAMPLE_DATES = 64;
/** A scalar Date (an "as of" day) weighs as much as this many range Dates. */
const SCALAR_WEIGHT = 4;

/** Minutes past UTC midnight (fractional when not on a whole minute). */
function utcMinutes(time: number): number {
  return (((time % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE;
}

/** The candidate index whose local midnight this instant is, or −1. */
function candidateOf(time: number): number {
  const m = utcMinutes(time);
  if (m % STEP !== 0) return -1;
  let offset = (DAY_MINUTES - m) % DAY_MINUTES; // local = UTC + offset is midnight
  if (offset >= LOW + DAY_MINUTES) offset -= DAY_MINUTES;
  return (offset - LOW) / STEP;
}

function atRealmMidnight(d: Date): boolean {
  return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
}

interface Sample {
  date: Date;
  weight: number;
  /** The range (argument index) and column it came from; column −1 for a scalar. */
  arg: number;
  column: number;
}

/** The Dates looked at: every scalar Date, and from each range at most 64 from its first 64 rows. */
function sample(args: readonly unknown[]): Sample[] {
  const out: Sample[] = [];
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!Array.isArray(arg)) {
      if (isDate(arg) && !Number.isNaN(arg.getTime()))
        out.push({ date: arg, weight: SCALAR_WEIGHT, arg: a, column: -1 });
      continue;
    }
    let taken = 0;
    const rows = Math.min(arg.length, SAMPLE_ROWS);
    for (let r = 0; r < rows && taken < SAMPLE_DATES; r++) {
      const row: unknown = arg[r];
      const cells: readonly unknown[] = Array.isArray(row) ? row : [row];
      for (let c = 0; c < cells.length && taken < SAMPLE_DATES; c++) {
        const v = cells[c];
        if (isDate(v) && !Number.isNaN(v.getTime())) {
          out.push({ date: v, weight: 1, arg: a, column: c });
          taken++;
        }
      }
    }
  }
  return out;
}

/**
 * The sheet's offset (minutes east of UTC) as the sampled Dates show it, or null when they do not
 * tell it apart from the realm's own (then nothing is moved).
 */
export function inferSheetOffset(args: readonly unknown[]): number | null {
  return inferFrom(sample(args));
}

function inferFrom(samples: readonly Sample[]): number | null {
  if (samples.length === 0) return null;
  const scores = new Array<number>(CANDIDATES).fill(0);
  let realmScore = 0;
  const realmOffsets = new Set<number>();
  for (const s of samples) {
    const time = s.date.getTime();
    const k = candidateOf(time);
    if (k >= 0) scores[k]! += s.weight;
    if (atRealmMidnight(s.date)) realmScore += s.weight;
    realmOffsets.add(-s.date.getTimezoneOffset());
  }
  let best = 0;
  for (const v of scores) if (v > best) best = v;
  // No date at any candidate's midnight, or the realm's own zone explains the dates as well as
  // any fixed offset (the same zone, daylight saving included): nothing to move.
  if (best === 0 || realmScore >= best) return null;
  const top: number[] = [];
  for (let k = 0; k < CANDIDATES; k++) if (scores[k] === best) top.push(LOW + k * STEP);
  if (top.length === 1) return top[0]!;
  if (top.length === 2 && top[1]! - top[0]! === 60) {
    // Daylight saving: the realm's own offset when it is one of the two, else the greater.
    if (realmOffsets.has(top[0]!) && !realmOffsets.has(top[1]!)) return top[0]!;
    return top[1]!;
  }
  return null;
}

/**
 * The arguments as the sheet shows them: untouched (the same array) when the sheet's offset is
 * the realm's own or cannot be told; otherwise one pass that copies only the rows holding a Date
 * that moves — never a whole range; the caller's arrays are left as they were.
 */
export function sheetDays(args: unknown[]): unknown[] {
  const samples = sample(args);
  const offset = inferFrom(samples);
  if (offset === null) return args;

  // Date-only columns: more than half of their sampled Dates within an hour of midnight under the
  // inferred offset. Their Dates an hour off midnight (the other side of a daylight-saving change)
  // are put back on it.
  // A column with no sampled Date counts as date-only: the correction touches only Dates exactly
  // an hour off midnight.
  const near = new Map<number, Map<number, [number, number]>>();
  for (const s of samples) {
    let columns = near.get(s.arg);
    if (!columns) near.set(s.arg, (columns = new Map()));
    const tally = columns.get(s.column) ?? [0, 0];
    const m = wallMinutes(s.date.getTime(), offset);
    if (m <= 60 || m >= DAY_MINUTES - 60) tally[0]++;
    tally[1]++;
    columns.set(s.column, tally);
  }
  const dateOnly = (arg: number, column: number): boolean => {
    const tally = near.get(arg)?.get(column);
    return tally === undefined || tally[0] * 2 > tally[1];
  };

  /** The daylight-saving step (minutes, 0 or ±60) a date-only Date shows, or null for none. */
  // A log repeats a few hundred instants: each one's step, and each moved Date, is worked out once
  // (a time-zone look-up per Date made the moving pass 2.5× GAPCHECK's own time at 10k customers).
  // The moved Dates are shared between the cells of one instant: nothing reading them changes them.
  const steps = new Map<number, number | null>();
  const stepOf = (v: Date): number | null => {
    const time = v.getTime();
    if (Number.isNaN(time)) return null;
    let step = steps.get(time);
    if (step === undefined) {
      const m = wallMinutes(time, offset);
      step = m === 0 ? 0 : m === 60 ? -60 : m === DAY_MINUTES - 60 ? 60 : null;
      steps.set(time, step);
    }
    return step;
  };
  /** By step (−60, 0, +60 → 0, 1, 2), each instant's moved Date; null where it does not move. */
  const movedBy = [
    new Map<number, Date | null>(),
    new Map<number, Date | null>(),
    new Map<number, Date | null>(),
  ];

  /**
   * `v` moved so that its realm-local clock shows the sheet's under the inferred offset plus
   * `step`: a date-only Date takes its own step (so it lands on midnight), a date-time the step
   * the date-only Dates of its row (or, without one, of the last such row) showed.
   */
  const fix = (v: Date, dateOnlyColumn: boolean, step: number): Date => {
    const time = v.getTime();
    if (Number.isNaN(time)) return v;
    const own = dateOnlyColumn ? stepOf(v) : null;
    const shift = own ?? step;
    const memo = movedBy[shift / 60 + 1] as Map<number, Date | null>;
    let out = memo.get(time);
    if (out === undefined) {
      out = move(v, time, shift);
      memo.set(time, out);
    }
    return out ?? v;
  };

  /** `v` moved by the inferred offset plus `shift` minutes; null when it stays as it is. */
  const move = (v: Date, time: number, shift: number): Date | null => {
    const wall = time + (offset + shift) * MINUTE;
    const realmWall = time - v.getTimezoneOffset() * MINUTE;
    if (wall === realmWall) return null;
    const C = v.constructor as DateConstructor;
    // The realm's offset at the result is, but for a daylight-saving change between, its own.
    const guess = new C(wall + v.getTimezoneOffset() * MINUTE);
    if (guess.getTimezoneOffset() === v.getTimezoneOffset()) return guess;
    const u = new C(wall);
    const out = new C(0);
    out.setFullYear(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate());
    out.setHours(u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds(), u.getUTCMilliseconds());
    return out;
  };

  // The Dates of one call come from one realm: its Date constructor tells them apart at the cost of
  // an instanceof (isDate, which any realm's Date passes, stays the answer for anything else).
  const RealmDate = (samples[0] as Sample).date.constructor as DateConstructor;
  const dateCell = (v: unknown): v is Date =>
    typeof v === 'object' && v !== null && (v instanceof RealmDate || isDate(v));

  return args.map((arg, a) => {
    if (!Array.isArray(arg)) return isDate(arg) ? fix(arg, dateOnly(a, -1), 0) : arg;
    let out: unknown[] | null = null;
    let step = 0;
    // Whether each column is date-only, looked up once per range rather than per cell.
    const dateOnlyAt: boolean[] = [];
    const dateOnlyOf = (c: number): boolean => (dateOnlyAt[c] ??= dateOnly(a, c));
    for (let r = 0; r < arg.length; r++) {
      const row: unknown = arg[r];
      if (!Array.isArray(row)) {
        if (!dateCell(row)) continue;
        const v = fix(row, dateOnlyOf(0), step);
        if (v !== row) (out ??= arg.slice())[r] = v;
        continue;
      }
      // The row's step first, from its date-only Dates (an activity's day and its logged time).
      let dated = false;
      for (let c = 0; c < row.length; c++) {
        const v: unknown = row[c];
        if (!dateCell(v)) continue;
        dated = true;
        if (!dateOnlyOf(c)) continue;
        const own = stepOf(v);
        if (own !== null) {
          step = own;
          break;
        }
      }
      if (!dated) continue;
      let copy: unknown[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const v: unknown = row[c];
        if (!dateCell(v)) continue;
        const moved = fix(v, dateOnlyOf(c), step);
        if (moved !== v) (copy ??= row.slice())[c] = moved;
      }
      if (copy) (out ??= arg.slice())[r] = copy;
    }
    return out ?? arg;
  });
}

/** Minutes past midnight of the wall clock at `time` under `offset`. */
function wallMinutes(time: number, offset: number): number {
  const m = utcMinutes(time) + offset;
  return ((m % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}
