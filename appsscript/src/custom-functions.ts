import { callFunction, FUNCTIONS, sheetsName, type FunctionDef } from '../../shared/functions';
import type { CellValue } from '../../shared/values/cell';
import { isDate, type SheetDates } from './dates';
import { widthOf } from './width';

export type CustomFunction = (...args: unknown[]) => unknown[][];

/**
 * One Sheets custom function per entry of the core's table, KIMERU_RANK… Sheets hands a
 * single-cell range over as a scalar and dates as Date objects; callFunction reads both. An
 * error becomes a thrown Error, which Sheets shows as #ERROR! with its message.
 */
export function customFunctions(dates: () => SheetDates | null): Record<string, CustomFunction> {
  const out: Record<string, CustomFunction> = {};
  for (const def of FUNCTIONS) out[sheetsName(def)] = (...args) => runCustom(def, args, dates);
  return out;
}

function runCustom(def: FunctionDef, args: unknown[], dates: () => SheetDates | null): unknown[][] {
  const result = callFunction(def, localDates(args, dates));
  if (!result.ok) throw new Error(result.message);
  return rectangle(result.value);
}

/** Dates as the sheet shows them, when the spreadsheet's time zone is not the script's. */
function localDates(args: unknown[], dates: () => SheetDates | null): unknown[] {
  const hasDate = args.some((a) =>
    Array.isArray(a) ? a.some((r) => (Array.isArray(r) ? r.some(isDate) : isDate(r))) : isDate(a),
  );
  const d = hasDate ? dates() : null;
  if (!d || d.same) return args;
  const fix = (v: unknown): unknown => (isDate(v) ? d.fromSheet(v) : Array.isArray(v) ? v.map(fix) : v);
  return args.map(fix);
}

/** Sheets wants a non-empty rectangle without undefined/null holes. */
function rectangle(rows: CellValue[][]): unknown[][] {
  if (rows.length === 0) return [['']];
  const width = widthOf(rows);
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}
