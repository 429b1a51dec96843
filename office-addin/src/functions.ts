import { callFunction, FUNCTIONS, type CallLimits, type FunctionDef } from '../../shared/functions';
import type { CellValue } from '../../shared/values/cell';
import { dayFromDate, dayToSerial } from '../../shared/values';

/**
 * Excel's custom functions: one wrapper per entry of the core's function table, associated by
 * its bare name (RANK) — the manifest's namespace makes it =KIMERU.RANK(…). Excel hands a range
 * over as a 2D array, a date cell as a serial number and an omitted optional argument as null;
 * `callFunction` reads all of these. A failure becomes a CustomFunctions.Error whose message
 * (shown in Excel's error tooltip) names the argument, row and column.
 */

type ExcelCell = string | number | boolean;

/** The function Excel calls for one table entry. */
export function excelFunction(def: FunctionDef): (...args: unknown[]) => ExcelCell[][] {
  return (...args: unknown[]) => {
    const result = callFunction(def, args.map(trimWholeColumn), EXCEL_LIMITS, cellValueOf);
    if (result.ok) return toSpill(result.value);
    const code =
      result.error === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    throw new CustomFunctions.Error(code, result.message);
  };
}

/** Rows of a worksheet: a whole-column reference (A:D) reaches a custom function this tall. */
export const SHEET_ROWS = 1_048_576;

/**
 * The most one custom function reads in Excel: 5 million cells. Excel has no time limit for a
 * custom function, but a recalculation that blocks the workbook for more than half a minute is
 * one users kill: GAPCHECK over 10 million cells once took 9.9 s through the built functions.js
 * on a loaded 2-core machine (bench/hosts.ts), and half of that kept a 6× margin for slower PCs
 * and the browser; at 4.9 million cells it now takes 0.56 s. Excel on the web refuses an argument
 * over 5 MB before kimeru sees it (about 40,000 log rows; see the README's limits).
 */
export const EXCEL_LIMITS: CallLimits = {
  maxCells: 5_000_000,
  reason: {
    ja: '再計算が30秒を超えないための上限です',
    en: 'kept so that a recalculation stays under 30 s',
  },
};

/**
 * A whole-column argument (顧客!A:D) without its trailing blank rows: Excel hands over all
 * 1,048,576 rows, nearly all empty (null or ''). One scan from the bottom finds the last row with
 * a value; reading the rest would cost seconds and memory for nothing.
 */
export function trimWholeColumn(arg: unknown): unknown {
  if (!Array.isArray(arg) || arg.length !== SHEET_ROWS) return arg;
  let end = arg.length;
  while (end > 0 && isBlankRow(arg[end - 1])) end--;
  return arg.slice(0, end);
}

function isBlankRow(row: unknown): boolean {
  if (!Array.isArray(row)) return row === null || row === undefined || row === '';
  for (const v of row) if (v !== null && v !== undefined && v !== '') return false;
  return true;
}

/**
 * Excel's cell objects as the core reads cells. With `allowErrorForDataTypeAny` an error cell
 * arrives as an object (a CustomFunctions.Error-like `{code: '#N/A'}` or the data-types JSON
 * `{type: 'Error', basicValue: '#N/A'}`); it becomes its text, which the core lists as that row's
 * problem. With `allowCustomDataForDataTypeAny` a data type arrives as its JSON: a formatted
 * number or a string by its value, an entity (a company converted to a Stocks or Geography type)
 * by the text the cell shows; one with nothing to show (an image) as #VALUE!. The core calls this
 * for the cells it reads (callFunction's `cellObjects`): a pass over every cell of a 300,000-row
 * log first cost as much as reading it.
 */
export function cellValueOf(v: object): string | number | boolean {
  const cell = v as CellObject;
  const primitive = (x: unknown): x is string | number | boolean =>
    typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
  if (typeof cell.code === 'string' && cell.code.startsWith('#')) return cell.code;
  if (cell.type === 'Error') {
    if (typeof cell.errorType === 'string' && ERROR_TEXT[cell.errorType])
      return ERROR_TEXT[cell.errorType] as string;
    return typeof cell.basicValue === 'string' && cell.basicValue.startsWith('#')
      ? cell.basicValue
      : '#VALUE!';
  }
  if (typeof cell.text === 'string') return cell.text;
  if (primitive(cell.basicValue)) return cell.basicValue;
  return '#VALUE!';
}

type CellObject = Record<string, unknown>;

// Excel's error types (the data-types JSON) → the text a cell shows.
const ERROR_TEXT: Record<string, string> = {
  NotAvailable: '#N/A',
  Value: '#VALUE!',
  Ref: '#REF!',
  Div0: '#DIV/0!',
  Num: '#NUM!',
  Name: '#NAME?',
  Null: '#NULL!',
  Spill: '#SPILL!',
  Calc: '#CALC!',
  Field: '#FIELD!',
  Blocked: '#BLOCKED!',
  Connect: '#CONNECT!',
  Busy: '#BUSY!',
  Unknown: '#UNKNOWN!',
  External: '#EXTERNAL!',
  GettingData: '#GETTING_DATA',
};

/**
 * A result Excel can spill: rectangular, no Date objects (serial numbers instead), no
 * null/undefined (blank text), and never empty (Excel rejects a 0×0 array).
 */
export function toSpill(matrix: readonly CellValue[][]): ExcelCell[][] {
  let width = 1;
  for (const row of matrix) width = Math.max(width, row.length);
  const rows = matrix.length === 0 ? [[]] : matrix;
  const out: ExcelCell[][] = new Array<ExcelCell[]>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = spillRow(rows[k] as CellValue[], width);
  return out;
}

/** The row as it is when every cell is already one Excel takes (RANK's 10,000 rows), else a copy. */
function spillRow(row: readonly CellValue[], width: number): ExcelCell[] {
  let ready = row.length === width;
  for (let i = 0; ready && i < width; i++) {
    const v = row[i];
    ready = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  }
  if (ready) return row as ExcelCell[];
  const out = new Array<ExcelCell>(width).fill('');
  for (let i = 0; i < row.length; i++) out[i] = toCell(row[i]);
  return out;
}

function toCell(v: CellValue): ExcelCell {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dayToSerial(dayFromDate(v));
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return v;
}

/** Associates every function when loaded by Excel (the shared runtime defines CustomFunctions). */
export function associateAll(): string[] {
  const ids = FUNCTIONS.map((def) => def.name);
  FUNCTIONS.forEach((def) => CustomFunctions.associate(def.name, excelFunction(def)));
  return ids;
}

// Outside Excel (a browser opening the page directly) there is nothing to register with.
if (typeof CustomFunctions !== 'undefined') associateAll();
