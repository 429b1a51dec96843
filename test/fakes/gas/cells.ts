import { instantOf, localWall, serialOf, wallOf, wallOfSerial, type Wall } from './time';

/**
 * What a cell holds in the fake. Text, numbers and booleans as themselves; a date as Sheets
 * keeps it, a serial number of the wall-clock time in the spreadsheet's zone; a formula with
 * its cached value (the fake computes no formula: the value is '' unless a test seeds one).
 */
export type Stored =
  string | number | boolean | { date: number } | { error: string } | { formula: string; value: Stored };

/** Error literals Sheets turns typed text into (an error cell, not text). */
const ERROR_LITERAL = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)$/i;

export const BLANK = '';

export function isBlank(s: Stored | undefined): boolean {
  return s === undefined || s === BLANK;
}

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function dateStored(w: Wall): Stored {
  return { date: serialOf(w) };
}

/**
 * A value handed to setValues, stored as Sheets would store it. Strings are parsed as typed
 * input: "'x" is the text x, "=…" a formula, and a subset of what Sheets coerces becomes a
 * number, boolean, error or date (plain and grouped numbers, percentages, TRUE/FALSE, #N/A and
 * the other error literals, y/m/d, y-m-d and 年月日 dates with an optional time, m/d, H:mm).
 * Anything else stays text.
 */
export function storeInput(value: unknown, timeZone: string): Stored {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDateValue(value)) return dateStored(wallOf(value.getTime(), timeZone));
  if (typeof value !== 'string')
    throw new Error(
      `Exception: Cannot set a cell to a value of type ${Object.prototype.toString.call(value)}`,
    );
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith('=')) return { formula: value, value: BLANK };
  const typed = coerceTyped(value);
  // Sheets reads input starting with + - @ (after spaces) as a formula too, unless it is a
  // number: "-5" is -5, but "-5個" or "@田中" is a formula that does not parse.
  if (typeof typed === 'string' && /^\s*[+\-@]/.test(value))
    return { formula: `=${value.trim()}`, value: { error: '#ERROR!' } };
  return typed;
}

/** Sheets refuses a cell of more than 50,000 characters. */
export const MAX_CELL_CHARS = 50_000;

/** A value seeded by a test (the workbook as the user left it): stored as is, no parsing. */
export function storeSeed(value: unknown): Stored {
  if (value === null || value === undefined) return BLANK;
  if (isDateValue(value)) return dateStored(localWall(value));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new Error(`cannot seed a cell with ${String(value)}`);
}

function coerceTyped(text: string): Stored {
  const s = text.trim();
  if (/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^[+-]?\d+(\.\d+)?%$/.test(s)) return Number(s.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (ERROR_LITERAL.test(s)) return { error: s.toUpperCase() };
  const date =
    /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (date) {
    const [, y, mo, d, h, mi, sec] = date;
    const w = { year: +y!, month: +mo!, day: +d!, hour: +(h ?? 0), minute: +(mi ?? 0), second: +(sec ?? 0) };
    if (valid(w)) return dateStored(w);
  }
  const monthDay = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (monthDay) {
    const w = {
      year: new Date().getFullYear(),
      month: +monthDay[1]!,
      day: +monthDay[2]!,
      hour: 0,
      minute: 0,
      second: 0,
    };
    if (valid(w)) return dateStored(w);
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (time && +time[1]! < 24 && +time[2]! < 60)
    return dateStored({ year: 1899, month: 12, day: 30, hour: +time[1]!, minute: +time[2]!, second: 0 });
  return text;
}

function valid(w: Wall): boolean {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

/**
 * What getValues returns for a stored cell: '' for blanks, a Date (of `DateCtor`'s realm) for
 * dates, the error's text ("#N/A") for an error cell, as Sheets returns it.
 */
export function output(s: Stored | undefined, timeZone: string, DateCtor: DateConstructor): unknown {
  if (s === undefined) return BLANK;
  if (typeof s !== 'object') return s;
  if ('formula' in s) return output(s.value, timeZone, DateCtor);
  if ('error' in s) return s.error;
  return new DateCtor(instantOf(wallOfSerial(s.date), timeZone));
}

/** A stored cell in a form tests can compare and read: dates as text, formulas marked. */
export function describe(s: Stored | undefined): unknown {
  if (s === undefined) return BLANK;
  if (typeof s !== 'object') return s;
  if ('formula' in s) return { formula: s.formula };
  if ('error' in s) return { error: s.error };
  const w = wallOfSerial(s.date);
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}` };
}

/** 'A' → 1, 'AA' → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An A1 reference: a cell, a block, or whole columns ("A:M", open-ended in rows). */
/** A block, or columns from `from` (default row 1) to the sheet's last row ("A:M", "A3:M"). */
export type A1 =
  | { row: number; column: number; rows: number; columns: number }
  | { column: number; columns: number; from?: number };

export function parseA1(a1: string): A1 {
  const cols = /^([A-Z]+)(\d+)?:([A-Z]+)$/i.exec(a1);
  if (cols) {
    const first = columnNumber(cols[1]!);
    const columns = columnNumber(cols[3]!) - first + 1;
    return cols[2] ? { column: first, columns, from: Number(cols[2]) } : { column: first, columns };
  }
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1);
  if (!m) throw new Error(`Exception: Range not found (${a1})`);
  const row = Number(m[2]);
  const column = columnNumber(m[1]!);
  const lastRow = m[4] ? Number(m[4]) : row;
  const lastColumn = m[3] ? columnNumber(m[3]) : column;
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}
