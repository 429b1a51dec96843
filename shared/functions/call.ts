import { t, toLang, type Lang } from '../i18n';
import { formatIssues, isKimeruError, KimeruError } from '../issues';
import { readBoolean, readDate, normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import type { CallResult, CoercedArgs, FunctionDef, ParamDef } from './types';

/**
 * Runs one custom function for a host: coerces the raw arguments once (ranges, dates, flags),
 * runs it, and turns any failure into an error value whose message names the argument or cell —
 * a custom function never throws a raw exception at the user.
 */
export function callFunction(def: FunctionDef, raw: readonly unknown[], limits?: CallLimits): CallResult {
  const lang = langOf(def, raw);
  try {
    const cells: number[] = [];
    const args = coerceArgs(def, raw, cells);
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
function langOf(def: FunctionDef, raw: readonly unknown[]): Lang {
  const i = def.params.findIndex((p) => p.name === 'lang');
  return i >= 0 ? toLang(scalar(raw[i])) : 'ja';
}

/** The arguments as the functions read them; `cells` gets each range argument's cell count. */
export function coerceArgs(def: FunctionDef, raw: readonly unknown[], cells: number[] = []): CoercedArgs {
  const args: CoercedArgs = { ranges: {}, dates: {}, texts: {}, booleans: {} };
  def.params.forEach((p, i) => {
    cells[i] = coerceOne(p, raw[i], args);
  });
  return args;
}

/** Stores one argument in `args`; the cells it holds when it is a range. */
function coerceOne(p: ParamDef, value: unknown, args: CoercedArgs): number {
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
      args.ranges[p.name] = matrix.rows;
      return matrix.cells;
    }
    case 'date': {
      if (missing) {
        args.dates[p.name] = null;
        return 0;
      }
      const r = readDate(scalar(value));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badDateArgument',
          params: { name: p.name, value: String(scalar(value)) },
        });
      args.dates[p.name] = r.value;
      return 0;
    }
    case 'boolean': {
      const r = readBoolean(scalar(value));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badBooleanArgument',
          params: { name: p.name, value: String(scalar(value)) },
        });
      args.booleans[p.name] = r.value;
      return 0;
    }
    case 'text':
      args.texts[p.name] = normalizeText(scalar(value));
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

function scalar(value: unknown): CellValue {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  return v as CellValue;
}
