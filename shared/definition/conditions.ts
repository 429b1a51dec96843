import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { MAX_KEY_LENGTH, readNumber } from '../values';
import type { Condition, ConditionOp } from './model';
import { labelKey, SHEET_LABELS } from './labels';

/**
 * The small expression language of ranking rules, as a manager types it in one cell:
 *   年間取引額 >= 1億 かつ 従業員数 >= 300
 *   「業種」 = 製造業 AND Employees ≥ 300
 *   従業員数 300人以上 ＆ 業種 を含む 製造
 *   業種 入力あり
 * Conditions are joined by かつ / 且つ / AND / & / ＆. A column name or a text value may be wrapped
 * in 「」, 『』 or "" (needed when it contains spaces, operators or かつ). Values are numbers when
 * they read as numbers (1億, 1,000万円, ３００) and text otherwise; "quoted" values stay text.
 */

export type ConditionsRead =
  { ok: true; conditions: Condition[] } | { ok: false; key: MessageKey; params: Params };

const QUOTES: Record<string, string> = { '「': '」', '『': '』', '"': '"', '“': '”' };

// Symbols are compared after mapping full-width ＞＜＝！ to ASCII, one character for one, so
// positions in the mapped copy are positions in the original text.
const SYMBOL_OPS: ReadonlyArray<[string, ConditionOp]> = [
  ['>=', '>='],
  ['=>', '>='],
  ['≥', '>='],
  ['≧', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['≤', '<='],
  ['≦', '<='],
  ['<>', '<>'],
  ['!=', '<>'],
  ['≠', '<>'],
  ['==', '='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];
// Word operators; English ones need a space before them so "filled_at" stays a column name.
const WORD_OPS: ReadonlyArray<[string, ConditionOp, boolean]> = [
  ['を含む', 'contains', false],
  ['含む', 'contains', false],
  ['contains', 'contains', true],
  ['が入力あり', 'filled', false],
  ['入力あり', 'filled', false],
  ['が入力済み', 'filled', false],
  ['入力済み', 'filled', false],
  ['is filled', 'filled', true],
  ['filled', 'filled', true],
];
// "従業員数 300人以上": a value followed by a Japanese comparison word.
const SUFFIX_OPS: Record<string, ConditionOp> = { 以上: '>=', 以下: '<=', 未満: '<', 超: '>' };
const SUFFIX_FORM = /^(?:が|は)?\s*(\S+?)\s*(以上|以下|未満|超)$/;
// Counting words after a number ("300人", "5社") are dropped before reading it.
const COUNT_UNIT = /(人|名|社|件|回|日|個|拠点|店舗|people|days?)$/i;

function asciiOps(s: string): string {
  return s.replace(/[＞＜＝！]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Reads a rule cell into conditions; blank or "(その他)" is the default rule (no conditions). */
export function parseConditions(text: string): ConditionsRead {
  const s = text.trim();
  if (s === '' || SHEET_LABELS.otherwise.has(labelKey(s))) return { ok: true, conditions: [] };
  if (s.length > MAX_KEY_LENGTH)
    return { ok: false, key: 'definition.conditionTooLong', params: { length: s.length, max: MAX_KEY_LENGTH } };
  const conditions: Condition[] = [];
  for (const part of splitConnectors(s)) {
    const c = parseCondition(part.trim());
    if ('key' in c) return { ok: false, key: c.key, params: c.params };
    conditions.push(c);
  }
  return { ok: true, conditions };
}

/** Splits on かつ / AND / & outside quotes. */
function splitConnectors(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let closer: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (closer !== null) {
      if (ch === closer) closer = null;
      continue;
    }
    const opener = QUOTES[ch];
    if (opener !== undefined) {
      closer = opener;
      continue;
    }
    let width = 0;
    if (s.startsWith('かつ', i) || s.startsWith('且つ', i)) width = 2;
    else if (ch === '&' || ch === '＆') width = 1;
    else if (/\s/.test(s.charAt(i - 1)) && /^and\s/i.test(s.slice(i, i + 4))) width = 3;
    if (width > 0) {
      parts.push(s.slice(start, i));
      start = i + width;
      i += width - 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

type Failure = { key: MessageKey; params: Params };

function parseCondition(p: string): Condition | Failure {
  const syntax: Failure = { key: 'definition.conditionSyntax', params: { text: p } };
  if (p === '') return syntax;
  let column: string;
  let rest: string;
  const closer = QUOTES[p.charAt(0)];
  if (closer !== undefined) {
    const end = p.indexOf(closer, 1);
    if (end < 0) return syntax;
    column = p.slice(1, end).trim();
    rest = p.slice(end + 1).trim();
  } else {
    const at = findOperator(p);
    if (at < 0) return parseSuffixForm(p, syntax);
    column = p.slice(0, at).trim();
    rest = p.slice(at);
  }
  if (column === '') return { key: 'definition.conditionColumnMissing', params: { text: p } };
  const op = operatorAt(rest, 0, true);
  if (!op) {
    const suffix = SUFFIX_FORM.exec(rest);
    if (!suffix) return syntax;
    return numericCondition(column, SUFFIX_OPS[suffix[2] ?? ''] ?? '>=', suffix[1] ?? '', p);
  }
  let value = rest.slice(op.width).trim();
  if (op.op === 'filled') return value === '' ? { column, op: 'filled', value: null } : syntax;
  // "業種に製造を含む": the natural Japanese order, column and value before the operator.
  if (op.op === 'contains' && value === '' && closer === undefined) {
    const at = particleAt(column);
    if (at > 0) {
      value = column.slice(at + 1).trim();
      column = column.slice(0, at).trim();
    }
  }
  if (value === '') return { key: 'definition.conditionValueMissing', params: { text: p } };
  const quoted = unquote(value);
  if (op.op === 'contains') return { column, op: op.op, value: quoted ?? value };
  if (op.op === '=' || op.op === '<>') {
    if (quoted !== null) return { column, op: op.op, value: quoted };
    const n = readCount(value);
    if (n !== null && !Number.isFinite(n)) return notFinite(value);
    return { column, op: op.op, value: n ?? value };
  }
  return numericCondition(column, op.op, quoted ?? value, p);
}

// The first に / が after the column's first character with something after it ("業種に製造"), or -1.
// A scan, not a regex: lazy groups around \s* backtrack quadratically on long runs of spaces.
function particleAt(s: string): number {
  for (let i = 1; i < s.length - 1; i++) {
    const ch = s.charAt(i);
    if (ch === 'に' || ch === 'が') return i;
  }
  return -1;
}

/**
 * "従業員数 300人以上", "従業員数が300以上": column, then a space run, が or は, then the value (no
 * spaces) and a comparison word at the end. Scanned by hand so a long cell stays linear.
 */
function parseSuffixForm(p: string, syntax: Failure): Condition | Failure {
  const word = Object.keys(SUFFIX_OPS).find((w) => p.endsWith(w));
  if (word === undefined) return syntax;
  const body = p.slice(0, p.length - word.length).trimEnd();
  let start = body.length; // the value is the last run of non-space characters
  while (start > 0 && !/\s/.test(body.charAt(start - 1))) start--;
  let column: string;
  let value: string;
  if (start > 0) {
    column = body.slice(0, start);
    value = body.slice(start);
  } else {
    // No space: the column ends at the first が / は that leaves a value after it.
    let at = -1;
    for (let i = 1; i < body.length - 1 && at < 0; i++) if (/[がは]/.test(body.charAt(i))) at = i;
    if (at < 0) return syntax;
    column = body.slice(0, at);
    value = body.slice(at + 1);
  }
  if (column.trim() === '' || value === '') return syntax;
  return numericCondition(column.trim(), SUFFIX_OPS[word] ?? '>=', value, p);
}

function numericCondition(column: string, op: ConditionOp, raw: string, text: string): Condition | Failure {
  const n = readCount(raw);
  if (n === null) return { key: 'definition.conditionNotNumber', params: { text, value: raw } };
  if (!Number.isFinite(n)) return notFinite(raw);
  return { column, op, value: n };
}

/** "1e309" reads as Infinity: no amount is that large, and it would not survive a save (JSON). */
function notFinite(raw: string): Failure {
  return { key: 'definition.numberNotFinite', params: { value: raw } };
}

/** A number from "1億", "1,000万円", "３００", "300人"; null when it is not one. */
function readCount(raw: string): number | null {
  for (const candidate of [raw, raw.trim().replace(COUNT_UNIT, '')]) {
    const r = readNumber(candidate);
    if (r.ok && r.value !== null) return r.value;
  }
  return null;
}

function unquote(v: string): string | null {
  const closer = QUOTES[v.charAt(0)];
  if (closer === undefined || v.length < 2 || !v.endsWith(closer)) return null;
  return v.slice(1, -1);
}

/** Index of the first operator outside quotes, or -1. */
function findOperator(p: string): number {
  // Mapped and lower-cased once for the whole scan: per position they made a long cell quadratic.
  const mapped = asciiOps(p);
  const lower = p.toLowerCase();
  for (let i = 0; i < p.length; i++) if (operatorIn(p, mapped, lower, i, false)) return i;
  return -1;
}

function operatorAt(p: string, i: number, atStart: boolean): { op: ConditionOp; width: number } | null {
  return operatorIn(p, asciiOps(p), p.toLowerCase(), i, atStart);
}

function operatorIn(
  p: string,
  mapped: string,
  lower: string,
  i: number,
  atStart: boolean,
): { op: ConditionOp; width: number } | null {
  for (const [sym, op] of SYMBOL_OPS) if (mapped.startsWith(sym, i)) return { op, width: sym.length };
  for (const [word, op, needsSpace] of WORD_OPS) {
    if (!lower.startsWith(word, i)) continue;
    if (needsSpace && !atStart && !/\s/.test(p.charAt(i - 1))) continue;
    const after = p.charAt(i + word.length);
    if (needsSpace && after !== '' && !/\s/.test(after)) continue;
    return { op, width: word.length };
  }
  return null;
}

// Anything in a column name or text value that the reader would take for syntax.
const SPECIAL =
  /[\s<>=!≠≥≤≧≦＜＞＝！「」『』"“”&＆]|かつ|且つ|含む|入力あり|入力済み|以上|以下|未満|超|contains|filled/i;

/** Conditions → the cell text, in lang; no conditions → "(その他)". */
export function formatConditions(conditions: readonly Condition[], lang: Lang): string {
  if (conditions.length === 0) return t(lang, 'definition.label.otherwise');
  return conditions.map((c) => formatCondition(c, lang)).join(` ${t(lang, 'definition.label.and')} `);
}

/** One condition → "年間取引額 >= 1億" / "Industry contains Manufacturing". */
export function formatCondition(c: Condition, lang: Lang): string {
  const column = SPECIAL.test(c.column) ? quote(c.column, lang) : c.column;
  if (c.op === 'filled') return `${column} ${t(lang, 'definition.label.opFilled')}`;
  const op = c.op === 'contains' ? t(lang, 'definition.label.opContains') : c.op;
  return `${column} ${op} ${formatValue(c.value, lang)}`;
}

function formatValue(v: string | number | null, lang: Lang): string {
  if (typeof v === 'number') return formatConditionNumber(v, lang);
  const s = v ?? '';
  const looksNumeric = readCount(s) !== null;
  if (s === '' || looksNumeric || s !== s.trim() || SPECIAL.test(s) || QUOTES[s.charAt(0)] !== undefined)
    return quote(s, lang);
  return s;
}

function quote(s: string, lang: Lang): string {
  const ja = lang === 'ja' ? !s.includes('」') : s.includes('"');
  return ja ? `「${s}」` : `"${s}"`;
}

/** 150000000 → "1億5000万" (ja) / "150,000,000" (en): how a manager writes amounts. */
export function formatConditionNumber(n: number, lang: Lang): string {
  if (lang === 'ja' && Number.isInteger(n) && n !== 0 && n % 1e4 === 0 && Math.abs(n) < 1e16) {
    const oku = Math.trunc(Math.abs(n) / 1e8);
    const man = (Math.abs(n) % 1e8) / 1e4;
    return `${n < 0 ? '-' : ''}${oku ? `${oku}億` : ''}${man ? `${man}万` : ''}`;
  }
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const [int = '', frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
