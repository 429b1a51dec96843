import type { MessageKey, Params } from '../i18n';

/** What a host hands us for one cell: Sheets' getValues, Excel's values, HyperFormula, ExcelJS. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * How a host's cell object — anything a host hands over that is neither a primitive nor a Date,
 * such as Excel's error and data-type objects — reads as a cell. The table reader calls it only
 * for the cells it reads, so a host need not convert a whole range first.
 */
export type CellObjectReader = (cell: object) => CellValue;

/**
 * A reader of one range's rows, in order, as the core must read them where a host's rows need a
 * change first (a Google sheet in another time zone than the script's: its Dates moved, see
 * appsscript/src/sheet-offset.ts). It gets each row as the table reader reads it and returns a
 * copy when it changes anything, the host's row otherwise: a range is never copied whole, and
 * the copies live only while their row is read.
 */
export type RowReader = ((row: CellValue[]) => CellValue[]) & {
  /**
   * Offered by a reader that moves Dates: the day (since 1970-01-01) a Date cell of grid column
   * `column` shows, from its time, read without moving its row; NaN when only its row, read
   * through the reader, can tell. A table reader that reads rows this way hands every row it does
   * not read through the reader to `pass`, in order.
   */
  dayOf?: (time: number, column: number) => number;
  /** A row that went by without being read through the reader: it learns from it what it would have. */
  pass?: (row: CellValue[]) => void;
};

/**
 * The host's row readers by range argument (`customers`, `contacts`, `activities`): each call a
 * new one, for one read of that range from its first row; null where the rows read as they are.
 */
export type HostRows = (argument: string) => RowReader | null;

/** `row` with every cell object read by `objects`: the row itself when it has none, else a copy. */
export function withCellObjects(row: readonly CellValue[], objects: CellObjectReader): CellValue[] {
  let copy: CellValue[] | null = null;
  for (let c = 0; c < row.length; c++) {
    const v: unknown = row[c];
    if (typeof v !== 'object' || v === null || isDateValue(v)) continue;
    copy ??= row.slice();
    copy[c] = objects(v);
  }
  return copy ?? (row as CellValue[]);
}

/** The result of reading one cell as a given kind: a value (null = blank) or why it failed. */
export type Read<T> =
  | { ok: true; value: T; warning?: { key: MessageKey; params: Params } }
  | { ok: false; key: MessageKey; params: Params };

/**
 * True for a Date of any realm: Apps Script and test sandboxes hand over Dates that fail
 * `instanceof Date` in the core's realm.
 */
export function isDateValue(v: unknown): v is Date {
  // The type test first: most cells are strings and numbers, which toString would box.
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

// Error values as spreadsheets show them. Sheets hands an error cell to Apps Script as this text;
// the Excel adapter turns Excel's error objects into it. Exact match only: a cell a person typed
// that merely starts with # is text.
const ERROR_LITERALS = new Set([
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#DIV/0!',
  '#NUM!',
  '#NAME?',
  '#NULL!',
  '#ERROR!',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#GETTING_DATA',
]);

/** The error a cell holds (#N/A, #REF!…), or null for any other value. */
export function errorValueOf(v: unknown): string | null {
  return typeof v === 'string' && v.charCodeAt(0) === 35 && ERROR_LITERALS.has(v) ? v : null;
}
