import {
  callFunction,
  FUNCTIONS,
  sheetsName,
  type CallLimits,
  type FunctionDef,
} from '../../shared/functions';
import type { CellValue } from '../../shared/values/cell';
import { realmTimeZone, wallShift } from './dates';
import { widthOf } from './width';

export type CustomFunction = (...args: unknown[]) => unknown[][];

/**
 * The most one custom function reads in Sheets: 10 million cells, Sheets' own limit for a whole
 * spreadsheet. GAPCHECK over that much (30,000 customers, 900,000 activities) took 4.4 s through
 * the built Code.js on a loaded 2-core machine (bench/hosts.ts), inside Apps Script's 30 s with a
 * 5× margin for its slower engine (see the README's limits).
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
 * `sheetZone` names the spreadsheet's time zone (null when it cannot be known). It is asked at
 * most once per calculation; nothing here calls a service per value.
 */
export function customFunctions(sheetZone: () => string | null): Record<string, CustomFunction> {
  const out: Record<string, CustomFunction> = {};
  for (const def of FUNCTIONS) out[sheetsName(def)] = (...args) => runCustom(def, args, sheetZone);
  return out;
}

function runCustom(def: FunctionDef, args: unknown[], sheetZone: () => string | null): unknown[][] {
  const result = callFunction(def, sheetDays(args, sheetZone()), SHEETS_LIMITS);
  if (!result.ok) throw new Error(result.message);
  return rectangle(result.value);
}

/**
 * Dates as the sheet shows them. Sheets passes a date cell as the instant of its wall-clock time
 * in the spreadsheet's zone; the core reads a Date's calendar day in the script's zone. When the
 * two zones are the same (appsscript.json's zone is the spreadsheet's — the usual case) the
 * arguments are passed on untouched. Otherwise one pass interprets each Date in the
 * spreadsheet's zone with Intl (see wallShift); a row holding a Date that needs moving is copied,
 * never the whole range, and the caller's arrays are left as they were.
 */
export function sheetDays(args: unknown[], sheetZone: string | null): unknown[] {
  if (sheetZone === null || sheetZone === realmTimeZone()) return args;
  const shift = wallShift(sheetZone);
  const fix = (v: unknown): unknown => {
    if (!isDateObject(v)) return v;
    const s = shift(v);
    return s === 0 || Number.isNaN(s) ? v : new (v.constructor as DateConstructor)(v.getTime() + s);
  };
  return args.map((arg) => {
    if (!Array.isArray(arg)) return fix(arg);
    let out: unknown[] | null = null;
    for (let r = 0; r < arg.length; r++) {
      const row: unknown = arg[r];
      if (!Array.isArray(row)) {
        const v = fix(row);
        if (v !== row) (out ??= arg.slice())[r] = v;
        continue;
      }
      let copy: unknown[] | null = null;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'object' || v === null) continue;
        const moved = fix(v);
        if (moved !== v) (copy ??= row.slice())[c] = moved;
      }
      if (copy) (out ??= arg.slice())[r] = copy;
    }
    return out ?? arg;
  });
}

/** True for a Date from any realm (Apps Script, or a test's vm context). */
function isDateObject(value: unknown): value is Date {
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
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
