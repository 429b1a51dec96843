import type { Customer } from '../model';
import type { Condition, Definition, RankRule } from '../definition/model';
import { t, type Lang } from '../i18n';
import type { Issue } from '../issues';
import type { CellValue } from '../values/cell';
import { attributeBlank, headerKey, lookupColumn, textKey, toNumber } from './columns';
import { formatNumber, formatPercent } from './format';

// Globals read once, not per customer: in a vm realm (the benchmark runs the built bundles in
// one) every lookup of Number, Math or Object costs about 0.1 µs.
const isNaNumber = Number.isNaN;
const isFiniteNumber = Number.isFinite;
const max = Math.max;
const hasOwn = Object.prototype.hasOwnProperty;

/** One customer's rank and, in words, why. */
export interface RankResult {
  customerId: string;
  customerName: string;
  rank: string;
  /** Readable reason: the rule that matched, "既定", or "累積 63% (年間売上: 1,200,000)". */
  basis: string;
  /** ABC: the cumulative share of the customers ranked above (0–1); null for rules or no value. */
  value: number | null;
  /** Set when the customer's data could not be used (e.g. a value that is not a number). */
  issue?: Issue;
}

export type Movement = 'up' | 'down' | 'same' | 'new';

export interface RankingRow extends RankResult {
  previousRank: string | null;
  movement: Movement;
}

/** Ranks customers by the definition's method; results come in the customers' order. */
export function rankCustomers(
  def: Definition,
  customers: readonly Customer[],
  lang: Lang = 'ja',
): RankResult[] {
  const last = def.ranks[def.ranks.length - 1] ?? '';
  return def.ranking.kind === 'rules'
    ? rankByRules(def.ranking.rules, last, customers, lang)
    : rankByAbc(def.ranks, def.ranking.column, def.ranking.cutoffs, last, customers, lang);
}

/**
 * Each customer's rank alone, in the customers' order: the same ranks as rankCustomers without
 * the reasons. RANK and the checks read only the rank, on every recalculation.
 */
export function rankList(def: Definition, customers: readonly Customer[]): string[] {
  const last = def.ranks[def.ranks.length - 1] ?? '';
  const ranks = new Array<string>(customers.length);
  if (def.ranking.kind === 'rules') {
    const rules = def.ranking.rules;
    for (let k = 0; k < customers.length; k++) {
      const c = customers[k] as Customer;
      const rule = rules.find((r) => r.conditions.every((cond) => conditionHolds(cond, c)));
      ranks[k] = rule ? rule.rank : last;
    }
    return ranks;
  }
  ranks.fill(last);
  abcRanks(def.ranks, def.ranking.column, def.ranking.cutoffs, last, customers, ranks);
  return ranks;
}

/**
 * ABC ranks into `ranks` (already filled with the last rank), as rankByAbc gives them, without
 * ordering the customers: a rank changes only where the cumulative share crosses a cut-off, so
 * the values alone are sorted (natively, as numbers) to find those few places, and each customer
 * is placed against them by its value. Customers tied on the value a place falls in are ordered
 * by id there, as rankByAbc orders them.
 */
function abcRanks(
  rankNames: readonly string[],
  column: string,
  cutoffs: Record<string, number>,
  last: string,
  customers: readonly Customer[],
  ranks: string[],
): void {
  const values = abcValues(customers, column);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!isNaNumber(values[i])) count++;
  if (count === 0) return;
  const sorted = new Float64Array(count);
  for (let i = 0, k = 0; i < values.length; i++)
    if (!isNaNumber(values[i])) sorted[k++] = values[i] as number;
  sorted.sort().reverse(); // natively: position p of the ranking holds sorted[p]
  let total = 0;
  for (let p = 0; p < count; p++) total += max(sorted[p] as number, 0);
  if (total <= 0) return;
  const steps = abcSteps(rankNames, cutoffs);

  // Where the rank changes: from position `from` on, `rank`; the customers with `value` there
  // come at or after it, except, when the place splits a tie, those ordered before it by id.
  const places: { from: number; rank: string; value: number; before: Set<number> | null }[] = [];
  let before = 0;
  for (let p = 0; p < count; p++) {
    const v = sorted[p] as number;
    const rank = abcRank(before / total, steps, last);
    if (p === 0 || rank !== places[places.length - 1]!.rank)
      places.push({
        from: p,
        rank,
        value: v,
        before: p > 0 && sorted[p - 1] === v ? tiedBefore(p, v) : null,
      });
    before += max(v, 0);
  }

  /** The customers valued `v` whose place in the ranking is before `p` (ties by id, then order). */
  function tiedBefore(p: number, v: number): Set<number> {
    let first = p;
    while (first > 0 && sorted[first - 1] === v) first--;
    const tied: number[] = [];
    for (let i = 0; i < values.length; i++) if (values[i] === v) tied.push(i);
    tied.sort((a, b) => {
      const x = (customers[a] as Customer).id;
      const y = (customers[b] as Customer).id;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    return new Set(tied.slice(0, p - first));
  }

  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (isNaNumber(v)) continue;
    let rank = places[0]!.rank;
    for (let k = 1; k < places.length; k++) {
      const place = places[k]!;
      if (v > place.value || (v === place.value && place.before?.has(i))) break;
      rank = place.rank;
    }
    ranks[i] = rank;
  }
}

function rankByRules(
  rules: readonly RankRule[],
  last: string,
  customers: readonly Customer[],
  lang: Lang,
): RankResult[] {
  const described = rules.map((rule, i) =>
    rule.conditions.length === 0
      ? t(lang, 'engines.rank.ruleAlways', { n: i + 1 })
      : t(lang, 'engines.rank.rule', { n: i + 1, conditions: describeConditions(rule.conditions, lang) }),
  );
  const fallback = t(lang, 'engines.rank.default');
  return customers.map((c) => {
    const i = rules.findIndex((rule) => rule.conditions.every((cond) => conditionHolds(cond, c)));
    const rule = rules[i];
    return {
      customerId: c.id,
      customerName: c.name,
      rank: rule ? rule.rank : last,
      basis: rule ? described[i]! : fallback,
      value: null,
    };
  });
}

/** Whether one condition holds; a customer whose attribute is missing or blank never matches. */
export function conditionHolds(cond: Condition, customer: Customer): boolean {
  const attr = lookupColumn(customer, cond.column);
  if (!attr.found || attributeBlank(attr)) return false;
  if (cond.op === 'filled') return true;
  if (cond.value === null || (typeof cond.value === 'string' && cond.value.trim() === '')) return false;
  const x = toNumber(attr.value);
  const y = toNumber(cond.value);
  const numeric = x !== null && y !== null;
  switch (cond.op) {
    case '>=':
      return numeric && x >= y;
    case '>':
      return numeric && x > y;
    case '<=':
      return numeric && x <= y;
    case '<':
      return numeric && x < y;
    case '=':
      return numeric ? x === y : textKey(attr.value) === textKey(cond.value);
    case '<>':
      return numeric ? x !== y : textKey(attr.value) !== textKey(cond.value);
    case 'contains':
      return textKey(attr.value).includes(textKey(cond.value));
  }
}

const OP_SYMBOLS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '<>': '≠' };

/** "年間取引額 ≥ 10,000,000 かつ 業種 = 製造業" */
export function describeConditions(conditions: readonly Condition[], lang: Lang): string {
  return conditions.map((c) => describeCondition(c, lang)).join(t(lang, 'engines.rank.and'));
}

function describeCondition(c: Condition, lang: Lang): string {
  const value = typeof c.value === 'number' ? formatNumber(c.value) : (c.value ?? '');
  if (c.op === 'filled') return t(lang, 'engines.op.filled', { column: c.column });
  if (c.op === 'contains') return t(lang, 'engines.op.contains', { column: c.column, value });
  return `${c.column} ${OP_SYMBOLS[c.op] ?? c.op} ${value}`;
}

/**
 * Pareto/ABC: customers sorted by value (largest first, ties by id so reruns agree); a customer
 * whose cumulative share *before* it is below a rank's cut-off gets that rank — so the top
 * customers making up the first 70% of the total are A with a 0.7 cut-off.
 */
function rankByAbc(
  ranks: readonly string[],
  column: string,
  cutoffs: Record<string, number>,
  last: string,
  customers: readonly Customer[],
  lang: Lang,
): RankResult[] {
  const results: RankResult[] = new Array<RankResult>(customers.length);
  const { order, values, count } = abcOrder(customers, column);
  customers.forEach((c, i) => {
    if (!isNaNumber(values[i])) return;
    const attr = lookupColumn(c, column);
    const base = { customerId: c.id, customerName: c.name, rank: last, value: null };
    if (!attr.found) {
      results[i] = { ...base, basis: t(lang, 'engines.rank.abcNoColumn', { column }) };
    } else if (attributeBlank(attr)) {
      results[i] = {
        ...base,
        basis: t(lang, 'engines.rank.abcBlank', { column }),
        issue: {
          key: 'engines.issue.abcBlank',
          params: { rank: last },
          row: c.row,
          header: column,
          severity: 'warning',
        },
      };
    } else {
      const shown = String(attr.value);
      results[i] = {
        ...base,
        basis: t(lang, 'engines.rank.abcNotNumber', { column, value: shown }),
        issue: {
          key: 'engines.issue.abcNotNumber',
          params: { value: shown, rank: last },
          row: c.row,
          header: column,
          severity: 'warning',
        },
      };
    }
  });

  const total = abcTotal(order, values, count);
  const steps = abcSteps(ranks, cutoffs);
  let before = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    const c = customers[i] as Customer;
    const v = values[i] as number;
    if (total <= 0) {
      results[i] = {
        customerId: c.id,
        customerName: c.name,
        rank: last,
        value: null,
        basis: t(lang, 'engines.rank.abcZeroTotal', { column }),
      };
      continue;
    }
    const share = before / total;
    // The reason is text only a ranking sheet shows: written when read, not for every recalculation.
    let basis: string | null = null;
    results[i] = {
      customerId: c.id,
      customerName: c.name,
      rank: abcRank(share, steps, last),
      value: share,
      get basis(): string {
        return (basis ??= t(lang, 'engines.rank.abc', {
          share: formatPercent(share),
          column,
          value: formatNumber(v),
        }));
      },
    };
    before += max(v, 0);
  }
  return results;
}

/**
 * The customers ABC ranks: each one's number under `column` (NaN when it has none) and the
 * indexes of those with one, largest first, ties by id so reruns agree.
 */
function abcOrder(
  customers: readonly Customer[],
  column: string,
): { order: Uint32Array; values: Float64Array; count: number } {
  const values = abcValues(customers, column);
  const order = new Uint32Array(customers.length);
  let count = 0;
  for (let i = 0; i < customers.length; i++) if (!isNaNumber(values[i])) order[count++] = i;
  const sorted = Array.from(order.subarray(0, count)).sort((a, b) => {
    const d = (values[b] as number) - (values[a] as number);
    if (d !== 0) return d;
    const x = (customers[a] as Customer).id;
    const y = (customers[b] as Customer).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  order.set(sorted);
  return { order, values, count };
}

/** Each customer's number under `column`; NaN when it has none (no such column, blank, text). */
function abcValues(customers: readonly Customer[], column: string): Float64Array {
  const values = new Float64Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as Customer;
    const attrs = c.attributes;
    // The usual case, the header exactly as the definition names it: no lookup object.
    let v: number | null;
    if (hasOwn.call(attrs, column)) {
      const x = attrs[column] ?? null;
      v = typeof x === 'number' ? (isFiniteNumber(x) ? x : null) : toNumber(x); // toNumber's answer
    } else {
      const attr = lookupColumn(c, column);
      v = attr.found ? toNumber(attr.value) : null;
    }
    values[i] = v === null ? NaN : v;
  }
  return values;
}

function abcTotal(order: Uint32Array, values: Float64Array, count: number): number {
  let total = 0;
  for (let k = 0; k < count; k++) total += max(values[order[k] as number] as number, 0);
  return total;
}

function abcSteps(
  ranks: readonly string[],
  cutoffs: Record<string, number>,
): { rank: string; cutoff: number }[] {
  return ranks.filter((r) => typeof cutoffs[r] === 'number').map((r) => ({ rank: r, cutoff: cutoffs[r]! }));
}

/**
 * A customer whose cumulative share *before* it is below a rank's cut-off gets that rank — so
 * the top customers making up the first 70% of the total are A with a 0.7 cut-off.
 */
function abcRank(share: number, steps: readonly { rank: string; cutoff: number }[], last: string): string {
  // The tolerance keeps 0.1 + 0.2-style float noise from moving a customer across a cut-off.
  const step = steps.find((s) => share < s.cutoff - 1e-9);
  return step ? step.rank : last;
}

/**
 * Adds the previous rank and the movement. A rank earlier in `ranks` is better; a customer
 * without a previous rank, or whose previous rank is no longer a rank of the definition, is 'new'.
 */
export function withMovement(
  current: readonly RankResult[],
  previous: ReadonlyMap<string, string>,
  ranks: readonly string[],
): RankingRow[] {
  const order = new Map(ranks.map((r, i) => [headerKey(r), i]));
  return current.map((r) => {
    const prev = previous.get(r.customerId);
    const previousRank = prev === undefined || prev.trim() === '' ? null : prev;
    let movement: Movement = 'new';
    if (previousRank !== null) {
      const before = order.get(headerKey(previousRank));
      const now = order.get(headerKey(r.rank));
      if (headerKey(previousRank) === headerKey(r.rank)) movement = 'same';
      else if (before !== undefined && now !== undefined) movement = now < before ? 'up' : 'down';
    }
    return { ...r, previousRank, movement };
  });
}

const MOVEMENT_KEYS = {
  up: 'engines.movement.up',
  down: 'engines.movement.down',
  same: 'engines.movement.same',
  new: 'engines.movement.new',
} as const;

/** The ranking sheet: a header row in `lang`, then one row per customer, stamped with the version. */
export function rankingTable(rows: readonly RankingRow[], lang: Lang, stamp: string): CellValue[][] {
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.previousRank'),
    t(lang, 'engines.col.movement'),
    t(lang, 'engines.col.basis'),
    t(lang, 'engines.col.version'),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.customerId,
      r.customerName,
      r.rank,
      r.previousRank ?? '',
      t(lang, MOVEMENT_KEYS[r.movement]),
      r.basis,
      stamp,
    ]),
  ];
}
