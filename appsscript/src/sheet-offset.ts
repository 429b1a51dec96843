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
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
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
  return sheetReading(args, () => false).args;
}

/** What a custom function reads: its arguments, and how its table ranges' rows read. */
export interface SheetReading {
  /** The arguments, every Date outside the table ranges moved as sheetDays moves it. */
  args: unknown[];
  /**
   * A new reader of table range `a`'s rows (argument index), which moves their Dates as
   * sheetDays would, row by row as the core reads them; null when nothing moves.
   */
  rows: ((a: number) => RowMover | null) | null;
}

/** A row reader of one range (see Moving.rowsOf): the shape of the core's RowReader. */
export type RowMover = ((row: unknown) => unknown) & {
  dayOf: (time: number, column: number) => number;
  pass: (row: unknown) => void;
};

/**
 * sheetDays for a custom function: the arguments `isTable` names are left as they are, and
 * their rows moved as the core reads them (a 300,000-row log is neither copied nor walked a
 * second time: each row read is moved while it is in the processor's caches, and its copy
 * dies young).
 */
export function sheetReading(args: unknown[], isTable: (a: number) => boolean): SheetReading {
  const samples = sample(args);
  const offset = inferFrom(samples);
  if (offset === null) return { args, rows: null };
  const moving = new Moving(samples, offset);
  const moved = args.map((arg, a) => {
    if (!Array.isArray(arg)) return isDate(arg) ? moving.fix(arg, moving.dateOnly(a, -1), 0) : arg;
    if (isTable(a)) return arg;
    const rowOf = moving.rowsOf(a);
    let out: unknown[] | null = null;
    for (let r = 0; r < arg.length; r++) {
      const row: unknown = arg[r];
      const v = rowOf(row);
      if (v !== row) (out ??= arg.slice())[r] = v;
    }
    return out ?? arg;
  });
  return {
    args: moved,
    rows: (a) => (isTable(a) && Array.isArray(args[a]) ? moving.rowsOf(a) : null),
  };
}

/** The Dates of one call moved under the inferred offset (see sheetReading). */
class Moving {
  /** Per range and column: how many sampled Dates sit within an hour of midnight, of how many. */
  private readonly near = new Map<number, Map<number, [number, number]>>();
  // A log repeats a few hundred instants: each one's moved Date is made once (a time-zone look-up
  // per Date made the moving pass 2.5× GAPCHECK's own time at 10k customers), and shared between
  // the cells of one instant: nothing reading them changes them. Kept by step (−60, 0, +60 → 0, 1,
  // 2) in small tables indexed by the hour, as DateDays keeps days: a Map keyed by a time (a
  // number past the small integers) cost more than moving the Date.
  private readonly movedBy = [new MovedDates(), new MovedDates(), new MovedDates()];
  // The Dates of one call come from one realm: its Date constructor tells them apart at the cost
  // of an instanceof (isDate, which any realm's Date passes, stays the answer for anything else).
  private readonly RealmDate: DateConstructor;

  constructor(
    samples: readonly Sample[],
    private readonly offset: number,
  ) {
    // Date-only columns: more than half of their sampled Dates within an hour of midnight under
    // the inferred offset. Their Dates an hour off midnight (the other side of a daylight-saving
    // change) are put back on it.
    for (const s of samples) {
      let columns = this.near.get(s.arg);
      if (!columns) this.near.set(s.arg, (columns = new Map()));
      const tally = columns.get(s.column) ?? [0, 0];
      const m = wallMinutes(s.date.getTime(), offset);
      if (m <= 60 || m >= DAY_MINUTES - 60) tally[0]++;
      tally[1]++;
      columns.set(s.column, tally);
    }
    this.RealmDate = (samples[0] as Sample).date.constructor as DateConstructor;
  }

  /**
   * Whether a column holds dates alone. A column with no sampled Date counts as date-only: the
   * correction touches only Dates exactly an hour off midnight.
   */
  dateOnly(arg: number, column: number): boolean {
    const tally = this.near.get(arg)?.get(column);
    return tally === undefined || tally[0] * 2 > tally[1];
  }

  /**
   * A reader of range `a`'s rows, in order: each row with its Dates moved (a copy), or the row
   * itself when none moves. A date-time takes the step of its row's date-only Dates (an
   * activity's day and its logged time), or, without one, of the last row that had one. It also
   * tells the day a Date shows without moving its row (`dayOf`), for a table reader that reads
   * most rows as they are; the rows it reads so are handed to `pass`, to learn their step.
   */
  rowsOf(a: number): RowMover {
    let step = 0;
    // Whether each column is date-only, looked up once per range rather than per cell.
    const dateOnlyAt: boolean[] = [];
    const dateOnlyOf = (c: number): boolean => (dateOnlyAt[c] ??= this.dateOnly(a, c));
    // The row's step, from its first date-only Date on or an hour off midnight (else the last
    // row's stays); whether the row holds a Date at all.
    const learn = (row: readonly unknown[]): boolean => {
      let dated = false;
      for (let c = 0; c < row.length; c++) {
        const v: unknown = row[c];
        if (!this.dateCell(v)) continue;
        dated = true;
        if (!dateOnlyOf(c)) continue;
        const own = this.stepOf(v);
        if (own !== null) {
          step = own;
          break;
        }
      }
      return dated;
    };
    const read = ((row: unknown) => {
      if (!Array.isArray(row)) return this.dateCell(row) ? this.fix(row, dateOnlyOf(0), step) : row;
      if (!learn(row)) return row;
      let copy: unknown[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const v: unknown = row[c];
        if (!this.dateCell(v)) continue;
        const moved = this.fix(v, dateOnlyOf(c), step);
        if (moved !== v) (copy ??= row.slice())[c] = moved;
      }
      return copy ?? row;
    }) as RowMover;
    read.pass = (row) => {
      if (Array.isArray(row)) learn(row);
    };
    read.dayOf = (time, column) => this.dayAt(time, dateOnlyOf(column));
    return read;
  }

  /**
   * The day (since 1970-01-01) the sheet shows for a Date at `time` — the calendar day its moved
   * Date reads in the script's realm — or NaN when that depends on its row's daylight-saving step:
   * a Date within an hour of midnight, unless it is a date-only Date on midnight or an hour off it
   * (whose own step fix takes).
   */
  dayAt(time: number, dateOnlyColumn: boolean): number {
    const wall = time + this.offset * MINUTE;
    const day = Math.floor(wall / DAY_MS);
    const ms = wall - day * DAY_MS;
    if (dateOnlyColumn) {
      if (ms === 0 || ms === HOUR_MS) return day;
      if (ms === DAY_MS - HOUR_MS) return day + 1;
    }
    return ms >= HOUR_MS && ms < DAY_MS - HOUR_MS ? day : NaN;
  }

  private dateCell(v: unknown): v is Date {
    return typeof v === 'object' && v !== null && (v instanceof this.RealmDate || isDate(v));
  }

  /** The daylight-saving step (minutes, 0 or ±60) a date-only Date shows, or null for none. */
  private stepOf(v: Date): number | null {
    return this.stepAt(v.getTime());
  }

  private stepAt(time: number): number | null {
    if (time !== time) return null;
    // wallMinutes in milliseconds, with one division: a row reads up to three Dates.
    const wall = time + this.offset * MINUTE;
    const ms = wall - Math.floor(wall / DAY_MS) * DAY_MS;
    return ms === 0 ? 0 : ms === HOUR_MS ? -60 : ms === DAY_MS - HOUR_MS ? 60 : null;
  }

  /**
   * `v` moved so that its realm-local clock shows the sheet's under the inferred offset plus
   * `step`: a date-only Date takes its own step (so it lands on midnight), a date-time the step
   * it is given.
   */
  fix(v: Date, dateOnlyColumn: boolean, step: number): Date {
    const time = v.getTime();
    if (time !== time) return v;
    const own = dateOnlyColumn ? this.stepAt(time) : null;
    const shift = own ?? step;
    const memo = this.movedBy[shift / 60 + 1] as MovedDates;
    const k = ((time / 3_600_000) | 0) & (MOVED_SIZE - 1);
    let out = memo.times[k] === time ? memo.dates[k] : undefined;
    if (out === undefined) {
      out = this.move(v, time, shift);
      memo.times[k] = time;
      memo.dates[k] = out;
    }
    return out ?? v;
  }

  /** `v` moved by the inferred offset plus `shift` minutes; null when it stays as it is. */
  private move(v: Date, time: number, shift: number): Date | null {
    const wall = time + (this.offset + shift) * MINUTE;
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
  }
}

/** Moved Dates by time, one per hour slot (another time in a slot replaces the one kept there). */
class MovedDates {
  readonly times = new Float64Array(MOVED_SIZE).fill(NaN);
  readonly dates = new Array<Date | null>(MOVED_SIZE).fill(null);
}
const MOVED_SIZE = 4096;

/** Minutes past midnight of the wall clock at `time` under `offset`. */
function wallMinutes(time: number, offset: number): number {
  const m = utcMinutes(time) + offset;
  return ((m % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}
