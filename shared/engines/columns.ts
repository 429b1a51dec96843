import type { AttrValue, Customer } from '../model';
import { isBlank, foldText } from '../values/text';
import { readNumber } from '../values/numbers';

/**
 * Finding a customer column by the header text a definition names. Users write headers with
 * stray spaces, full-width letters or other case ("年間 取引額", "ＡＢＣ"), so both sides are
 * compared as NFKC + no spaces + lower case.
 */

/** The comparison key of a header: NFKC, all whitespace removed, lower case (kana folded too). */
export function headerKey(header: string): string {
  return foldText(header);
}

const keyCache = new Map<string, string>();
function cachedKey(header: string): string {
  let k = keyCache.get(header);
  if (k === undefined) {
    k = headerKey(header);
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(header, k);
  }
  return k;
}

/** The attribute found under `column`: `found` false when the customer has no such column at all. */
export type AttributeLookup = { found: true; header: string; value: AttrValue } | { found: false };

/** Looks up `column` in the customer's attributes, tolerant of header spacing and case. */
export function findAttribute(customer: Customer, column: string): AttributeLookup {
  const attrs = customer.attributes;
  if (Object.prototype.hasOwnProperty.call(attrs, column))
    return { found: true, header: column, value: attrs[column] ?? null };
  const want = cachedKey(column);
  for (const header of Object.keys(attrs)) {
    if (cachedKey(header) === want) return { found: true, header, value: attrs[header] ?? null };
  }
  return { found: false };
}

/** True when the attribute is missing or blank ('' / spaces / null). */
export function attributeBlank(a: AttributeLookup): boolean {
  return !a.found || isBlank(a.value);
}

/** A number from an attribute value (also numbers stored as text, "１，２００", "1,200万円"); null if none. */
export function toNumber(v: AttrValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const read = readNumber(v);
  return read.ok ? read.value : null;
}

/** Text for comparing attribute values: NFKC, no spaces, lower case, kana folded. */
export function textKey(v: AttrValue | undefined): string {
  return foldText(v);
}

/** Splits a list written as "業種, 従業員数、所在地，URL" into trimmed non-empty names. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Customer fields the reader keeps outside `attributes`, by the names a definition may use for
 * them (compared as headerKey): attribute_filled can check them, rank rules cannot.
 */
export const CORE_FIELD_NAMES = {
  name: ['顧客名', '会社名', '社名', 'customername', 'name', 'company'],
  kana: ['フリガナ', 'ふりがな', 'カナ', 'kana', 'furigana'],
  rep: ['営業担当', '担当営業', '営業担当者', 'rep', 'salesrep'],
} as const;

/** The core field a name means, or null. */
export function coreFieldOf(name: string): keyof typeof CORE_FIELD_NAMES | null {
  const key = headerKey(name);
  for (const field of Object.keys(CORE_FIELD_NAMES) as (keyof typeof CORE_FIELD_NAMES)[])
    if (CORE_FIELD_NAMES[field].some((n) => headerKey(n) === key)) return field;
  return null;
}
