import { FakeOfficeError } from './proxy';
import type { ChartState, ConditionalFormatState } from './charts';
/**
 * The state behind the Excel fake: worksheets of cells as Excel stores them (a value, maybe a
 * formula, a number format, the quote-prefix flag), and how Excel turns what an add-in writes
 * into a cell — a string is parsed like typed input, so "=…" becomes a formula, "1,200" a number
 * and "2026/11/29" a date, unless it starts with an apostrophe.
 */

export type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar;
  formula?: string;
  format: string;
  quotePrefix?: boolean;
  /** An error cell (#N/A…): `values` reads its text back, but it is not text. */
  error?: boolean;
}

/** A rectangle of cells, 0-based and inclusive of top/left, with its size. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** An Excel table: its header row is the box's top row, the rows below are its data body. */
export interface TableState {
  name: string;
  sheet: FakeSheet;
  box: Box;
  style: string;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const GENERAL = 'General';

export class FakeSheet {
  /** Sparse: rows[r][c]; a missing cell is empty with the General format. */
  readonly rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  /** Merged areas (Range.merge in Excel): an insert may not cut one. */
  readonly merged: Box[] = [];
  /** Worksheet protection with every cell locked (Excel's default): any edit is refused. */
  protected = false;
  /** The sheet's AutoFilter range, with rows hidden by it: cells may not be inserted into it. */
  filter: Box | null = null;
  /** visibility: Visible, Hidden or VeryHidden. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Charts and conditional formats added through Office.js, in order. */
  readonly charts: ChartState[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];

  constructor(public name: string) {}

  /** Excel refuses any change to the cells of a protected sheet (locked cells are the default). */
  guardEdit(box: Box, what: string): void {
    if (this.protected)
      throw new FakeOfficeError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet (${what} ${formatBox(box)}).`,
      );
  }

  cell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  setCell(r: number, c: number, cell: Cell | undefined): void {
    const row = (this.rows[r] ??= []);
    row[c] = cell;
  }

  /** Moves the cells of `columns` columns from `left`, at and below row `from`, down `count` rows. */
  shiftDown(from: number, left: number, columns: number, count: number): void {
    for (let r = this.rows.length - 1; r >= from; r--) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = left; c < left + columns; c++) {
        const cell = row[c];
        if (cell === undefined) continue;
        this.setCell(r + count, c, cell);
        row[c] = undefined;
      }
    }
  }

  /**
   * The used range. Without valuesOnly: every cell with a value, a formula or a non-General
   * format. With valuesOnly, Excel counts "only cells with values" and does not document whether
   * a formula showing "" is one; the fake takes the worst case for an adapter that looks for the
   * last row — such a formula cell is left out, as if the cell were empty.
   */
  usedBox(valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const used =
          cell.value !== '' || (!valuesOnly && (cell.formula !== undefined || cell.format !== GENERAL));
        if (!used) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      });
    });
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The values of a box, '' for empty cells. */
  values(box: Box): Scalar[][] {
    return rowsOf(box, (r, c) => this.cell(r, c)?.value ?? '');
  }

  formulas(box: Box): Scalar[][] {
    return rowsOf(box, (r, c) => {
      const cell = this.cell(r, c);
      return cell?.formula ?? cell?.value ?? '';
    });
  }

  formats(box: Box): string[][] {
    return rowsOf(box, (r, c) => this.cell(r, c)?.format ?? GENERAL);
  }
}

function rowsOf<T>(box: Box, at: (r: number, c: number) => T): T[][] {
  return Array.from({ length: box.rows }, (_, i) =>
    Array.from({ length: box.columns }, (_, j) => at(box.top + i, box.left + j)),
  );
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A calendar date as Excel's serial number (1900 date system). */
export function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / 86_400_000;
}

/**
 * What Excel stores when an add-in writes `input` into a cell through `values` (or `formulas`,
 * which parses the same way). Close enough to Excel's own parsing to catch an adapter that
 * forgets to guard text: formulas, signed numbers, numbers with separators or %, booleans,
 * error literals and ISO / Japanese dates all stop being the text that was written.
 */
export function parseInput(input: Scalar, previous: Cell | undefined): Cell | undefined {
  const format = previous?.format ?? GENERAL;
  if (typeof input !== 'string') return { value: input, format };
  if (input === '') return format === GENERAL ? undefined : { value: '', format };
  if (input.startsWith("'")) return { value: input.slice(1), format, quotePrefix: true };
  const t = input.trim();
  const number = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(%?)$/.exec(t);
  if (number) {
    const n = Number(t.replace(/[,%]/g, ''));
    return { value: number[1] ? n / 100 : n, format };
  }
  if (/^[=+\-@]/.test(t)) return { value: '#NAME?', formula: t.startsWith('=') ? t : `=${t}`, format };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', format };
  if (/^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i.test(t))
    return { value: t.toUpperCase(), format, error: true };
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (date) {
    const serial = serialOf(Number(date[1]), Number(date[2]), Number(date[3]));
    return { value: serial, format: format === GENERAL ? 'yyyy/m/d' : format };
  }
  return { value: input, format };
}

/**
 * The value the fake gives a formula written through `formulas`. It calculates nothing but the
 * helper-column pattern teams fill down past their last entry, =IF(A5="","",…) over an empty A5,
 * which shows ""; any other formula shows 0. Computed once, when written: the fake never
 * recalculates.
 */
export function formulaValue(sheet: FakeSheet, formula: string): Scalar {
  const blankTest = /^=IF\(\s*\$?([A-Z]{1,3})\$?(\d{1,7})\s*=\s*""\s*,\s*""\s*,/i.exec(formula);
  if (!blankTest) return 0;
  const referenced = sheet.cell(Number(blankTest[2]) - 1, columnIndex(blankTest[1]!));
  return referenced === undefined || referenced.value === '' ? '' : 0;
}

/** A1-style column letters for a 0-based column. */
export function columnName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B3", "A1:C9", "A:M" or "3:5" (no sheet part) into a box; null when malformed. */
export function parseAddress(address: string): Box | null {
  const parts = address.replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts.length === 0) return null;
  const ends = parts.map((p) => /^([A-Za-z]{0,3})(\d{0,7})$/.exec(p));
  if (ends.some((m) => m === null || (m[1] === '' && m[2] === ''))) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  const wholeColumns = a[2] === '' && b[2] === '';
  const wholeRows = a[1] === '' && b[1] === '';
  if ((a[2] === '') !== (b[2] === '') || (a[1] === '') !== (b[1] === '')) return null;
  if (parts.length === 1 && (wholeColumns || wholeRows)) return null;
  const top = wholeColumns ? 0 : Number(a[2]) - 1;
  const bottom = wholeColumns ? MAX_ROWS - 1 : Number(b[2]) - 1;
  const left = wholeRows ? 0 : columnIndex(a[1]!);
  const right = wholeRows ? MAX_COLUMNS - 1 : columnIndex(b[1]!);
  if (top < 0 || left < 0 || bottom < top || right < left || bottom >= MAX_ROWS || right >= MAX_COLUMNS)
    return null;
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** "A1:C3" for a box; whole columns print as "A:M" the way Excel does. */
export function formatBox(box: Box): string {
  const bottom = box.top + box.rows - 1;
  const right = box.left + box.columns - 1;
  if (box.top === 0 && box.rows === MAX_ROWS) return `${columnName(box.left)}:${columnName(right)}`;
  const start = `${columnName(box.left)}${box.top + 1}`;
  return box.rows === 1 && box.columns === 1 ? start : `${start}:${columnName(right)}${bottom + 1}`;
}

/** Excel quotes a sheet name in an address unless it is letters, digits and underscores. */
export function qualified(sheet: string, box: Box): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${formatBox(box)}`;
}
