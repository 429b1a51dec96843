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
    if (limits) checkSize(def, raw, limits, lang);
    const args = coerceArgs(def, raw);
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

function checkSize(def: FunctionDef, raw: readonly unknown[], limits: CallLimits, lang: Lang): void {
  let total = 0;
  let largest = { name: '', cells: -1 };
  def.params.forEach((p, i) => {
    if (p.kind !== 'range') return;
    const cells = cellCount(raw[i]);
    total += cells;
    if (cells > largest.cells) largest = { name: p.name, cells };
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

/** Cells a range argument holds, counted without reading them. */
function cellCount(value: unknown): number {
  if (!isArray(value)) return value === undefined || value === null ? 0 : 1;
  // An index loop: in a host's realm (a vm context, Apps Script) for…of over 300,000 rows goes
  // through the iterator protocol and cost 9 ms per call.
  const rows = value as unknown[];
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    n += isArray(row) ? (row as unknown[]).length : 1;
  }
  return n;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The optional trailing `lang` argument decides the language of headers and messages. */
function langOf(def: FunctionDef, raw: readonly unknown[]): Lang {
  const i = def.params.findIndex((p) => p.name === 'lang');
  return i >= 0 ? toLang(scalar(raw[i])) : 'ja';
}

export function coerceArgs(def: FunctionDef, raw: readonly unknown[]): CoercedArgs {
  const args: CoercedArgs = { ranges: {}, dates: {}, texts: {}, booleans: {} };
  def.params.forEach((p, i) => coerceOne(p, raw[i], args));
  return args;
}

function coerceOne(p: ParamDef, value: unknown, args: CoercedArgs): void {
  const missing = isMissing(value);
  if (missing && !p.optional)
    throw new KimeruError({ key: 'functions.missingArgument', params: { name: p.name } });
  switch (p.kind) {
    case 'range':
      args.ranges[p.name] = missing ? [] : toMatrix(value);
      return;
    case 'date': {
      if (missing) {
        args.dates[p.name] = null;
        return;
      }
      const r = readDate(scalar(value));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badDateArgument',
          params: { name: p.name, value: String(scalar(value)) },
        });
      args.dates[p.name] = r.value;
      return;
    }
    case 'boolean': {
      const r = readBoolean(scalar(value));
      if (!r.ok)
        throw new KimeruError({
          key: 'functions.badBooleanArgument',
          params: { name: p.name, value: String(scalar(value)) },
        });
      args.booleans[p.name] = r.value;
      return;
    }
    case 'text':
      args.texts[p.name] = normalizeText(scalar(value));
      return;
  }
}

/** Hosts pass an omitted optional argument as undefined or null (Excel) or nothing at all (Sheets). */
function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A single cell arrives as a scalar in Sheets and as [[v]] in Excel: both become a matrix. */
function toMatrix(value: unknown): CellValue[][] {
  if (!Array.isArray(value)) return [[value as CellValue]];
  // The usual range is rows of cells already: used as it is, never copied. An index loop, not
  // every(): in a host's realm a callback per row of 300,000 cost 5 ms per call.
  let rows = true;
  for (let r = 0; rows && r < value.length; r++) rows = isArray(value[r]);
  if (rows) return value as CellValue[][];
  return value.map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
}

// Read once, not per row: in a vm realm (the benchmark runs the built bundles in one) every
// lookup of a global such as Array costs about 0.1 µs.
const isArray = Array.isArray;

function scalar(value: unknown): CellValue {
  let v = value;
  while (Array.isArray(v)) v = v[0];
  return v as CellValue;
}
