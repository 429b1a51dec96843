import { t, toLang, type Lang } from '../i18n';
import { formatIssues, isKimeruError, KimeruError } from '../issues';
import { readBoolean, readDate, normalizeText } from '../values';
import {
  isDateValue,
  withCellObjects,
  type CellObjectReader,
  type CellValue,
  type HostRows,
} from '../values/cell';
import type { CallResult, CoercedArgs, FunctionDef, ParamDef } from './types';

/**
 * Runs one custom function for a host: coerces the raw arguments once (ranges, dates, flags),
 * runs it, and turns any failure into an error value whose message names the argument or cell —
 * a custom function never throws a raw exception at the user.
 */
export function callFunction(
  def: FunctionDef,
  raw: readonly unknown[],
  limits?: CallLimits,
  /**
   * How the host's cell objects read (Excel's errors and data types). The `table` ranges keep
   * theirs until the table reader reads a cell; every other argument is read here.
   */
  cellObjects?: CellObjectReader,
  /** How the `table` ranges' rows read, where the host's need a change first (see HostRows). */
  hostRows?: HostRows,
): CallResult {
  const lang = langOf(def, raw, cellObjects);
  try {
    const cells: number[] = [];
    const args = coerceArgs(def, raw, cells, cellObjects);
    if (hostRows) args.hostRows = hostRows;
    if (limits) checkSize(def, cells, limits, lang);
    return { ok: true, value: def.run(args, lang) };
  } catch (e) {
    if (isKimeruError(e)) return { ok: false, error: 'value', message: formatIssues(lang, e.issues, 3) };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: 'value', message: t(lang, 'error.internal', { detail }) };
  }
}

/**
 * How much one call may read on a host: past it the call stops at once with a message naming the
 * argument and the limit, instead of running into the host's time limit (Apps Script stops a
 * custom function after 30 s) or its size limit.
 */
export interface CallLimits {
  /** Cells of all range arguments together. */
  maxCells: number;
  /** Why the host has this limit, shown in the message. */
  reason: Record<Lang, string>;
}

/** `cells`: each range argument's cells, by parameter position (coerceArgs counts them). */
function checkSize(def: FunctionDef, cells: readonly number[], limits: CallLimits, lang: Lang): void {
  let total = 0;
  let largest = { name: '', cells: -1 };
  def.params.forEach((p, i) => {
    if (p.kind !== 'range') return;
    const count = cells[i] ?? 0;
    total += count;
    if (count > largest.cells) largest = { name: p.name, cells: count };
  });
  if (total <= limits.maxCells) return;
  throw new KimeruError({
    key: 'functions.tooLarge',
    params: {
      name: largest.name,
      cells: grouped(largest.cells),
      total: grouped(total),
      max: grouped(limits.maxCells),
      why: limits.reason[lang],
    },
  });
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The optional trailing `lang` argument decides the language of headers and messages. */
function langOf(def: FunctionDef, raw: readonly unknown[], objects: CellObjectReader | undefined): Lang {
  const i = def.params.findIndex((p) => p.name === 'lang');
  return i >= 0 ? toLang(scalarOf(raw[i], objects)) : 'ja';
}

/** The arguments as the functions read them; `cells` gets each range argument's cell count. */
export function coerceArgs(
  def: FunctionDef,
  raw: readonly unknown[],
  cells: number[] = [],
  cellObjects?: CellObjectReader,
): CoercedArgs {
  const args: CoercedArgs = { ranges: {}, dates: {}, texts: {}, booleans: {} };
  if (cellObjects) args.cellObjects = cellObjects;
  def.params.forEach((p, i) => {
    cells[i] = coerceOne(p, raw[i], args, cellObjects);
  });
  return args;
}

/** Stores one argument in `args`; the cells it holds when it is a range. */
function coerceOne(
  p: ParamDef,
  given: unknown,
  args: CoercedArgs,
  objects: CellObjectReader | undefined,
): number {
  // A single cell's object (an #N/A as-of date) reads as its value, as a range's cells do.
  const value = objects !== undefined && !isArray(given) ? scalarOf(given, objects) : given;
  const missing = isMissing(value);
  if (missing && !p.optional)
    throw new KimeruError({ key: 'functions.missingArgument', params: { name: p.name } });
  switch (p.kind) {
    case 'range': {
      if (missing) {
        args.ranges[p.name] = [];
        return 0;
      }
      const matrix = toMatrix(value);
      args.ranges[p.name] =
        objects === undefined || p.table
          ? matrix.rows
          : matrix.rows.map((row) => withCellObjects(row, objects));
      return matrix.cells;
    }
    case 'date': {
      if (missing) {
        args.dates[p.name] = null;
        return 0;
      }
      const r = readDate(scalarOf(value, objects));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badDateArgument',
          params: { name: p.name, value: String(scalarOf(value, objects)) },
        });
      args.dates[p.name] = r.value;
      return 0;
    }
    case 'boolean': {
      const r = readBoolean(scalarOf(value, objects));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badBooleanArgument',
          params: { name: p.name, value: String(scalarOf(value, objects)) },
        });
      args.booleans[p.name] = r.value;
      return 0;
    }
    case 'text':
      args.texts[p.name] = normalizeText(scalarOf(value, objects));
      return 0;
  }
}

/** Hosts pass an omitted optional argument as undefined or null (Excel) or nothing at all (Sheets). */
function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * A single cell arrives as a scalar in Sheets and as [[v]] in Excel: both become a matrix. One
 * pass over the rows also counts the cells (a second pass over 300,000 rows cost 7 ms per call
 * in a host's realm, most of it fetching each row from memory).
 */
function toMatrix(value: unknown): { rows: CellValue[][]; cells: number } {
  if (!isArray(value)) return { rows: [[value as CellValue]], cells: 1 };
  // The usual range is rows of cells already: used as it is, never copied. An index loop, not
  // every() or for…of: in a host's realm a callback or an iterator per row of 300,000 cost 5–9 ms.
  const list = value as unknown[];
  let cells = 0;
  let rows = true;
  for (let r = 0; r < list.length; r++) {
    const row = list[r];
    if (isArray(row)) cells += (row as unknown[]).length;
    else {
      cells++;
      rows = false;
    }
  }
  if (rows) return { rows: list as CellValue[][], cells };
  return { rows: list.map((row) => (isArray(row) ? (row as CellValue[]) : [row as CellValue])), cells };
}

// Read once, not per row: in a vm realm (the benchmark runs the built bundles in one) every
// lookup of a global such as Array costs about 0.1 µs.
const isArray = Array.isArray;

/** A single cell's value (Excel passes one as [[v]]), its host object read. */
function scalarOf(value: unknown, objects: CellObjectReader | undefined): CellValue {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  if (objects !== undefined && typeof v === 'object' && v !== null && !isDateValue(v)) return objects(v);
  return v as CellValue;
}
