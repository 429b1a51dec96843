import type { Customer } from '../model';
import { foldText, MAX_KEY_LENGTH, normalizeText, toKatakana } from '../values/text';
import { IdNumbers, NOT_NUMBERED } from './idNumbers';

// Legal-form words, after NFKC (which turns ㈱ into (株) and （株） into (株)).
const JA_LEGAL_FORMS =
  /特定非営利活動法人|一般社団法人|一般財団法人|公益社団法人|公益財団法人|独立行政法人|地方独立行政法人|国立大学法人|社会福祉法人|社会医療法人|医療法人社団|医療法人財団|医療法人|学校法人|宗教法人|社団法人|財団法人|npo法人|株式会社|有限会社|合同会社|合資会社|合名会社|相互会社|\((?:株|有|同|資|名|医|学|社|財|福|特非|一社|一財|公社|公財|独)\)/g;
// English suffixes at the end of a name (after lower-casing), possibly several: "Co., Ltd.".
// Matched in the name's last characters only (dropEnglishSuffix): from inside a long run of dots
// or spaces every start would rescan the run (quadratic), and a lookbehind cannot be used (Safari
// before 16.4 cannot parse it).
const EN_LEGAL_SUFFIX =
  /[\s,.]+(?:co\.?,?\s*ltd\.?|company\s+limited|inc\.?|incorporated|corp\.?|corporation|ltd\.?|limited|llc|l\.l\.c\.?|llp|plc|k\.k\.?|g\.k\.?|gmbh|co\.?)$/;
const SUFFIX_TAIL = 64;
const EN_LEGAL_PREFIX = /^(?:kabushiki\s+kaisha|k\.k\.?)\s+/;
const SEPARATORS = /[\s・,.、。'"’]/g;

/**
 * Company name → comparison key: NFKC, legal forms dropped (株式会社, (株), ㈱, 有限会社, 合同会社,
 * Inc., Co., Ltd., Corporation…), spaces and ・ dropped, lower-case, kana as katakana. So
 * 「株式会社 山田製作所」, 「(株)山田製作所」 and 「山田製作所㈱」 compare equal.
 */
export function normalizeCompanyName(s: string): string {
  let n = normalizeText(s).toLowerCase().replace(JA_LEGAL_FORMS, ' ').trim();
  n = n.replace(EN_LEGAL_PREFIX, '');
  // "Co., Ltd." is one suffix; a name carries two at most. Bounded, so "co co co…" stays linear.
  for (let prev = '', i = 0; prev !== n && i < 3; i++) {
    prev = n;
    n = dropEnglishSuffix(n);
  }
  return toKatakana(n.replace(SEPARATORS, ''));
}

// A separator run cut by the tail is left partly in place; SEPARATORS removes it anyway.
function dropEnglishSuffix(n: string): string {
  const from = Math.max(0, n.length - SUFFIX_TAIL);
  const m = EN_LEGAL_SUFFIX.exec(n.slice(from));
  return m ? n.slice(0, from + m.index) : n;
}

/** Customer id → lookup key: width, case and spaces do not matter ("Ｃ－００１" = "c-001"). */
export function foldCustomerId(id: string): string {
  return normalizeText(id).toLowerCase().replace(/\s+/g, '');
}

/**
 * A key telling repeated customer IDs apart: two IDs have the same key exactly when they have the
 * same foldCustomerId. The usual ID (printable ASCII without lower case, "C00123") is its own key,
 * so reading 10,000 customers makes no string for it.
 */
export function customerIdKey(id: string): string {
  if (upperAscii(id)) return id;
  const folded = foldCustomerId(id);
  // An ASCII fold is lower case: upper-cased, it meets the IDs above (one-to-one on ASCII).
  return asciiOnly(folded) ? folded.toUpperCase() : folded;
}

function upperAscii(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

function asciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** The result of looking a customer up by what a row says. */
export type CustomerMatch = { customer: Customer } | { ambiguous: Customer[] } | null;

interface SearchEntry {
  customer: Customer;
  id: string;
  name: string;
  company: string;
  kana: string;
}

/**
 * Customers indexed once, for resolving references in other tables (by id, then by company
 * name) and for the sidebar search.
 */
export class CustomerIndex {
  readonly customers: readonly Customer[];
  /** IDs of the list's usual shape (a prefix and a number), found by their number; null: none. */
  private readonly numbered: IdNumbers | null;
  /** Each other id as stored → the place of its first customer in `customers`. */
  private readonly exactId = new Map<string, number>();
  // The folded maps cost a normalisation per customer: built on the first reference that is not
  // an id exactly as the list has it (a clean log never needs them).
  private folded: { byId: Map<string, Customer[]>; byName: Map<string, Customer[]> } | null = null;
  private entries: SearchEntry[] | null = null;

  constructor(customers: readonly Customer[]) {
    this.customers = customers;
    const numbered = (this.numbered = IdNumbers.of(customers.map((c) => c.id)));
    for (let i = 0; i < customers.length; i++) {
      const id = (customers[i] as Customer).id;
      if (numbered !== null && numbered.placeOf(id) !== NOT_NUMBERED) continue;
      if (!this.exactId.has(id)) this.exactId.set(id, i);
    }
  }

  private foldedMaps(): { byId: Map<string, Customer[]>; byName: Map<string, Customer[]> } {
    if (this.folded) return this.folded;
    const byId = new Map<string, Customer[]>();
    const byName = new Map<string, Customer[]>();
    for (const c of this.customers) {
      push(byId, foldCustomerId(c.id), c);
      const name = normalizeCompanyName(c.name);
      if (name !== '') push(byName, name, c);
    }
    return (this.folded = { byId, byName });
  }

  /** The customer with exactly this id (as stored), or undefined. */
  get(id: string): Customer | undefined {
    const at = this.placeOf(id);
    return at < 0 ? undefined : this.customers[at];
  }

  /**
   * The place in `customers` of the customer with exactly this id, or -1: a number, so that a
   * reader can keep what it learns per customer in arrays instead of maps keyed by text.
   */
  placeOf(id: string): number {
    if (this.numbered !== null) {
      const at = this.numbered.placeOf(id);
      if (at !== NOT_NUMBERED) return at;
    }
    return this.exactId.get(id) ?? -1;
  }

  /**
   * placeOf of the text a number cell reads as (String(cell), as normalizeText reads it): the
   * customer a log row names by an ID typed as a number.
   */
  placeOfCell(cell: number): number {
    if (this.numbered !== null) {
      const at = this.numbered.placeOfCell(cell);
      if (at !== NOT_NUMBERED) return at;
    }
    return Number.isFinite(cell) ? this.placeOf(String(cell)) : -1;
  }

  /**
   * The customer a reference means: by id (width/case tolerant), else by company name
   * (legal forms and spacing ignored). Several → ambiguous; none → null. Never a partial match.
   */
  find(ref: string): CustomerMatch {
    if (ref.length > MAX_KEY_LENGTH) return null;
    const exact = this.get(ref);
    if (exact) return { customer: exact };
    const id = foldCustomerId(ref);
    if (id === '') return null;
    const folded = this.foldedMaps();
    const byId = folded.byId.get(id);
    if (byId) return byId.length === 1 && byId[0] ? { customer: byId[0] } : { ambiguous: byId };
    const byName = folded.byName.get(normalizeCompanyName(ref));
    if (byName) return byName.length === 1 && byName[0] ? { customer: byName[0] } : { ambiguous: byName };
    return null;
  }

  /**
   * Customers for the sidebar's picker: id, name or kana (hiragana = katakana) starting with the
   * query first, then containing it; sheet order within each group.
   */
  search(query: string, limit = 20): Customer[] {
    if (query.length > MAX_KEY_LENGTH) return [];
    const q = foldText(query);
    if (q === '') return this.customers.slice(0, limit);
    const qCompany = normalizeCompanyName(query);
    const entries = (this.entries ??= this.customers.map((c) => ({
      customer: c,
      id: foldCustomerId(c.id),
      name: foldText(c.name),
      company: normalizeCompanyName(c.name),
      kana: foldText(c.kana),
    })));
    const exact: Customer[] = [];
    const prefix: Customer[] = [];
    const inside: Customer[] = [];
    for (const e of entries) {
      if (e.id === q) exact.push(e.customer);
      else if (
        e.id.startsWith(q) ||
        e.name.startsWith(q) ||
        e.kana.startsWith(q) ||
        (qCompany !== '' && e.company.startsWith(qCompany))
      )
        prefix.push(e.customer);
      else if (
        e.id.includes(q) ||
        e.name.includes(q) ||
        e.kana.includes(q) ||
        (qCompany !== '' && e.company.includes(qCompany))
      )
        inside.push(e.customer);
    }
    return [...exact, ...prefix, ...inside].slice(0, limit);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
