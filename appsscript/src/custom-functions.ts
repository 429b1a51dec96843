import {
  callFunction,
  FUNCTIONS,
  sheetsName,
  type CallLimits,
  type FunctionDef,
} from '../../shared/functions';
import type { CellValue, HostRows, RowReader } from '../../shared/values/cell';
import { sheetReading } from './sheet-offset';
import { widthOf } from './width';

export type CustomFunction = (...args: unknown[]) => unknown[][];

/**
 * The most one custom function reads in Sheets: 10 million cells, Sheets' own limit for a whole
 * spreadsheet. GAPCHECK just under it (28,000 customers, 840,000 activities in date order) took
 * 2.2–2.7 s through the built Code.js on a 2-core machine, each call a new execution as in Apps
 * Script (bench/hosts-worker.ts), inside Apps Script's 30 s with a 10× margin for its slower
 * engine (see the README's limits).
 */
export const SHEETS_LIMITS: CallLimits = {
  maxCells: 10_000_000,
  reason: {
    ja: 'Apps Script のカスタム関数は30秒で止まります',
    en: 'Apps Script stops a custom function after 30 s',
  },
};

/**
 * One Sheets custom function per entry of the core's table, KIMERU_RANK… Sheets hands a
 * single-cell range over as a scalar and dates as Date objects; callFunction reads both. An
 * error becomes a thrown Error, which Sheets shows as #ERROR! with its message.
 *
 * No Apps Script service is called: the spreadsheet's time zone is read from the dates
 * themselves (see sheet-offset.ts).
 */
export function customFunctions(): Record<string, CustomFunction> {
  const out: Record<string, CustomFunction> = {};
  for (const def of FUNCTIONS) out[sheetsName(def)] = (...args) => runCustom(def, args);
  return out;
}

function runCustom(def: FunctionDef, args: unknown[]): unknown[][] {
  // The table ranges' Dates are moved row by row as the core reads them (see sheetReading).
  const reading = sheetReading(args, (a) => def.params[a]?.table === true);
  // Cleared after the call: the core keeps its table options past it (keepShapes), and through
  // this reader they would hold on to the call's ranges.
  let rows = reading.rows;
  const hostRows: HostRows | undefined =
    rows === null
      ? undefined
      : (argument) => (rows?.(def.params.findIndex((p) => p.name === argument)) ?? null) as RowReader | null;
  try {
    const result = callFunction(def, reading.args, SHEETS_LIMITS, undefined, hostRows);
    if (!result.ok) throw new Error(result.message);
    return rectangle(result.value);
  } finally {
    rows = null;
  }
}

/** Sheets wants a non-empty rectangle without undefined/null holes. */
function rectangle(rows: CellValue[][]): unknown[][] {
  if (rows.length === 0) return [['']];
  const width = widthOf(rows);
  const out: unknown[][] = new Array<unknown[]>(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = fullRow(rows[k] as CellValue[], width);
  return out;
}

/** The row as it is when it already fills the width without holes (RANK's 10,000 rows), else a copy. */
function fullRow(row: CellValue[], width: number): unknown[] {
  let full = row.length === width;
  for (let i = 0; full && i < width; i++) if (row[i] === null || row[i] === undefined) full = false;
  if (full) return row;
  const copy = new Array<unknown>(width);
  for (let i = 0; i < width; i++) copy[i] = row[i] ?? '';
  return copy;
}
