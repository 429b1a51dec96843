import type { AttrValue, Customer } from '../model';
import { isBlank, foldText } from '../values/text';
import { readNumber } from '../values/numbers';
import { normalizeHeader } from '../tables/headers';
import { CUSTOMER_TABLE } from '../tables/schemas';

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
export function splitNames(text: string): readonly string[] {
  // An item's target is split for every customer a check measures: once per distinct text.
  let names = splitCache.get(text);
  if (names === undefined) {
    names = Object.freeze(
      text
        .split(/[,、，]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    );
    if (splitCache.size >= 1000) splitCache.clear();
    splitCache.set(text, names);
  }
  return names;
}
const splitCache = new Map<string, readonly string[]>();

/**
 * Customer fields the reader keeps outside `attributes`, by the names a definition may use for
 * them: the customer table's own header aliases (compared as the reader compares headers) and a
 * few more words. Rank rules and attribute_filled read them when no attribute has that name.
 */
export const CORE_FIELD_NAMES = {
  id: ['customerid'],
  name: ['顧客名', '会社名', '社名', 'customername', 'name', 'company'],
  kana: ['フリガナ', 'ふりがな', 'カナ', 'kana', 'furigana'],
  rep: ['営業担当', '担当営業', '営業担当者', 'rep', 'salesrep'],
} as const;
export type CoreField = keyof typeof CORE_FIELD_NAMES;
const CORE_FIELDS = Object.keys(CORE_FIELD_NAMES) as CoreField[];

const coreAliases = new Map<CoreField, Set<string>>(
  CORE_FIELDS.map((field) => [
    field,
    new Set(CUSTOMER_TABLE.columns.find((c) => c.key === field)?.aliases.map(normalizeHeader) ?? []),
  ]),
);

/** The core field a name means, or null. */
export function coreFieldOf(name: string): CoreField | null {
  const key = headerKey(name);
  const header = normalizeHeader(name);
  for (const field of CORE_FIELDS)
    if (coreAliases.get(field)?.has(header) || CORE_FIELD_NAMES[field].some((n) => headerKey(n) === key))
      return field;
  return null;
}

/**
 * `column` of a customer: an attribute of that name first, else the core field it names (so a
 * rank rule "営業担当 = 山田" reads the rep even though the reader keeps it outside attributes).
 */
export function lookupColumn(customer: Customer, column: string): AttributeLookup {
  const attr = findAttribute(customer, column);
  if (attr.found) return attr;
  const core = coreFieldOf(column);
  return core === null ? attr : { found: true, header: column, value: customer[core] };
}
