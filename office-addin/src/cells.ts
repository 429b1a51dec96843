import { needsTextGuard, type WriteCell } from '../../shared/port';
import { dateFromDay, dayToSerial, serialToDay } from '../../shared/values';

/**
 * WriteCell → what to assign to an Excel range. Excel parses a string written through
 * `range.values` like typed input: "=SUM(A1)" becomes a formula, "-1" and "1,200" numbers,
 * "2026/11/29" or "2026年11月29日" a date, "TRUE" a boolean, "#N/A" an error. kimeru's text must
 * stay text, so such strings (the core's one rule, `needsTextGuard`) get a leading apostrophe —
 * Excel's own "this is text" mark, which is not part of the value (a read gives the text back
 * without it). An apostrophe costs nothing per cell, unlike a text number format, and leaves the
 * cell behaving normally when a user edits it.
 */

export type ExcelInput = string | number | boolean;

export const DATE_FORMAT = 'yyyy/mm/dd';
export const DATE_TIME_FORMAT = 'yyyy/mm/dd hh:mm';
export const GENERAL_FORMAT = 'General';

/** One cell: its input (for `values`, or for `formulas` when it is a formula) and number format. */
export function encodeCell(cell: WriteCell): { input: ExcelInput; format: string | null; formula: boolean } {
  if (cell === null) return { input: '', format: null, formula: false };
  if (typeof cell === 'string')
    return { input: needsTextGuard(cell) ? `'${cell}` : cell, format: null, formula: false };
  if (typeof cell === 'number')
    return { input: Number.isFinite(cell) ? cell : '', format: null, formula: false };
  if (typeof cell === 'boolean') return { input: cell, format: null, formula: false };
  if (cell.kind === 'formula') {
    const f = cell.formula.trim();
    return { input: f.startsWith('=') ? f : `=${f}`, format: null, formula: true };
  }
  const minutes = cell.minutes;
  return minutes === undefined
    ? { input: dayToSerial(cell.day), format: DATE_FORMAT, formula: false }
    : { input: dayToSerial(cell.day) + minutes / 1440, format: DATE_TIME_FORMAT, formula: false };
}

/** A rectangular block ready to assign, with its estimated request size. */
export interface EncodedBlock {
  rows: number;
  columns: number;
  /** Inputs; null leaves a cell as it is (padding of a ragged row). */
  inputs: (ExcelInput | null)[][];
  /** Number formats, or null when no cell needs one set. */
  formats: (string | null)[][] | null;
  /** Write through `formulas` (which also takes constants) when any cell is a formula. */
  hasFormula: boolean;
  /** Estimated bytes of each row in the request, to keep a sync under Excel's payload limit. */
  rowBytes: number[];
}

/**
 * Encodes rows for one write. Date cells get a date format; other cells keep theirs, except
 * numbers when `resetNumbers` (a replaced sheet, where a date format left from an earlier run
 * would show a number as a date). Text ignores number formats, so it never needs one: that
 * keeps the format array — and the request — small, or absent.
 */
export function encodeBlock(rows: readonly WriteCell[][], resetNumbers = false): EncodedBlock {
  let columns = 1;
  for (const r of rows) columns = Math.max(columns, r.length);
  let anyFormat = false;
  let hasFormula = false;
  const inputs: (ExcelInput | null)[][] = [];
  const formats: (string | null)[][] = [];
  const rowBytes: number[] = [];
  const formatBytes: number[] = [];
  for (const row of rows) {
    const inputRow: (ExcelInput | null)[] = new Array<ExcelInput | null>(columns).fill(null);
    const formatRow: (string | null)[] = new Array<string | null>(columns).fill(null);
    let bytes = 2;
    let fbytes = 2 + (columns - row.length) * 5;
    row.forEach((cell, j) => {
      const e = encodeCell(cell);
      inputRow[j] = e.input;
      formatRow[j] = e.format ?? (resetNumbers && typeof e.input === 'number' ? GENERAL_FORMAT : null);
      if (formatRow[j] !== null) anyFormat = true;
      if (e.formula) hasFormula = true;
      bytes += jsonSize(e.input);
      fbytes += formatRow[j] === null ? 5 : formatRow[j]!.length + 3;
    });
    bytes += (columns - row.length) * 5;
    inputs.push(inputRow);
    formats.push(formatRow);
    rowBytes.push(bytes);
    formatBytes.push(fbytes);
  }
  if (anyFormat) formatBytes.forEach((b, i) => (rowBytes[i]! += b));
  return { rows: rows.length, columns, inputs, formats: anyFormat ? formats : null, hasFormula, rowBytes };
}

/** Bytes of a value in the JSON request Excel receives (UTF-8; an over-estimate for escapes). */
export function jsonSize(value: ExcelInput | null): number {
  if (typeof value !== 'string') return value === null ? 5 : String(value).length + 1;
  let n = 3;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    n += c < 0x20 || c === 0x22 || c === 0x5c ? 6 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/**
 * True for a number format that shows a date (yyyy/mm/dd, m/d/yyyy, ggge"年"m"月"d"日", with or
 * without a time); false for General, numbers, currencies, percentages and time-only formats.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || /^general$/i.test(format.trim())) return false;
  const bare = format
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // escaped characters
    .replace(/\[[^\]]*\]/g, '') // [Red], [$-ja-JP], [h]
    .replace(/[Ee][+-]/g, ''); // scientific notation
  if (/[ydge]/i.test(bare)) return true;
  // m is a month unless it sits with hours or seconds (h:mm, mm:ss).
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}

/** An Excel serial (days since 1899-12-30, with the time as a fraction) as a local Date. */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const date = dateFromDay(serialToDay(days));
  date.setMilliseconds(Math.round((serial - days) * 86_400_000));
  return date;
}
