import type { Issue } from '../issues';
import type { Params } from '../i18n';
import { coreFieldOf, headerKey } from '../engines/columns';
import { normalizeHeader } from '../tables/headers';
import { readNumber } from '../values/numbers';
import type { Condition, Definition, Item, RankRule } from './model';
import { formatShare } from './sheet';

/*
 * Definitions that would mislead (as opposed to the 1-3-5-7 reminders of lint.ts, which are
 * about simplicity): the definition reads, but what it computes is not what the manager meant.
 * - A rank rule, the ABC value column or an attribute_filled target naming a column the
 *   customer table does not have: the rule never matches, so every customer silently drops to
 *   a lower rank (a misspelt 年間取引学 ranks everyone C), or every customer has no data.
 * - A rule that can never match because an earlier rule always matches first: a catch-all
 *   (その他) above others, or "≥ 300万 → B" above "≥ 1000万 → A" (no customer is ever A).
 * - An ABC cut-off outside (0, 100%]; a number that is not finite or is ≥ 1e21 (JavaScript
 *   prints it as 1e+21; no amount, day count or head count is that large: a typo).
 * Columns compare the way ranking finds them (engines/columns lookupColumn: NFKC, no spaces,
 * case and kana folded, or a field kimeru reads itself such as 顧客名 / 営業担当); a header that only matches once decorations (【】, _ …) are removed, or
 * that is one or two characters off, is offered as the likely meant one.
 */

/** At or above this, a number in a definition is a typo, and JavaScript prints it in exponent form. */
export const HUGE_NUMBER = 1e21;
const MAX_LISTED_COLUMNS = 12;

/**
 * Warnings where the definition would mislead, each with a `.fix` message. `customerColumns`
 * are the customer table's headers as written (every column); null when they are not known,
 * which skips the column checks.
 */
export function definitionIssues(def: Definition, customerColumns: readonly string[] | null): Issue[] {
  const issues: Issue[] = [];
  const warn = (key: Issue['key'], params: Params): void => {
    issues.push({ key, params, severity: 'warning' });
  };
  const columns = customerColumns === null ? null : new ColumnFinder(customerColumns);

  if (def.ranking.kind === 'rules') {
    const rules = def.ranking.rules;
    rules.forEach((rule, i) => {
      const n = i + 1;
      for (const c of rule.conditions) {
        if (columns && !columns.has(c.column) && coreFieldOf(c.column) === null) {
          const near = columns.near(c.column);
          const params = { rank: rule.rank, n, column: c.column, columns: columns.list() };
          if (near === null) warn('definition.check.ruleColumnMissing', params);
          else warn('definition.check.ruleColumnMissingNear', { ...params, near });
        }
        const value = hugeValue(c.value);
        if (value !== null)
          warn('definition.check.ruleNumber', { rank: rule.rank, n, column: c.column, value });
      }
      const earlier = rules.findIndex((e, j) => j < i && alwaysMatchesFirst(e, rule));
      if (earlier >= 0)
        warn('definition.check.ruleUnreachable', {
          rank: rule.rank,
          n,
          earlier: earlier + 1,
          earlierRank: rules[earlier]!.rank,
        });
    });
  } else {
    const { column, cutoffs } = def.ranking;
    if (columns && column.trim() !== '' && !columns.has(column) && coreFieldOf(column) === null) {
      const near = columns.near(column);
      const params = { column, columns: columns.list() };
      if (near === null) warn('definition.check.abcColumnMissing', params);
      else warn('definition.check.abcColumnMissingNear', { ...params, near });
    }
    for (const rank of def.ranks) {
      const cut = cutoffs[rank];
      if (cut === undefined) continue;
      if (!Number.isFinite(cut) || cut <= 0 || cut > 1)
        warn('definition.check.cutoffOutOfRange', {
          rank,
          value: Number.isFinite(cut) && Math.abs(cut) < HUGE_NUMBER ? formatShare(cut) : String(cut),
        });
    }
  }

  for (const item of def.items) {
    if (item.metric === null) continue;
    if (columns && item.metric === 'attribute_filled') {
      for (const name of targetColumns(item)) {
        if (columns.has(name) || coreFieldOf(name) !== null) continue;
        const near = columns.near(name);
        const params = { item: item.name, column: name, columns: columns.list() };
        if (near === null) warn('definition.check.targetColumnMissing', params);
        else warn('definition.check.targetColumnMissingNear', { ...params, near });
      }
    }
    for (const rank of def.ranks) {
      const value = hugeValue(item.thresholds[rank] ?? null);
      if (value !== null) warn('definition.check.thresholdNumber', { item: item.name, rank, value });
    }
    const window = hugeValue(item.window);
    if (window !== null) warn('definition.check.windowNumber', { item: item.name, value: window });
  }
  return issues;
}

/** The value as written when it is not finite or is ≥ 1e21 in size; else null. */
function hugeValue(v: string | number | null): string | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberOf(v) : null;
  if (n === null) return null;
  return !Number.isFinite(n) || Math.abs(n) >= HUGE_NUMBER ? String(v) : null;
}

function numberOf(text: string): number | null {
  const r = readNumber(text);
  return r.ok ? r.value : null;
}

/** The columns an attribute_filled item names, split the way the engines split them. */
function targetColumns(item: Item): string[] {
  return item.target
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The customer headers, looked up the way ranking looks up a column. */
class ColumnFinder {
  private readonly keys: Set<string>;
  private readonly headers: string[];

  constructor(headers: readonly string[]) {
    this.headers = headers.map((h) => h.trim()).filter((h) => h !== '');
    this.keys = new Set(this.headers.map(headerKey));
  }

  has(column: string): boolean {
    return this.keys.has(headerKey(column));
  }

  /** The header the user most likely meant: the same once decorations go, else 1–2 characters off. */
  near(column: string): string | null {
    const decorated = normalizeHeader(column);
    const same = this.headers.find((h) => normalizeHeader(h) === decorated);
    if (same !== undefined) return same;
    const want = headerKey(column);
    // One edit for short names (業種 vs 業者 is a different column more often than a typo).
    const limit = [...want].length <= 4 ? 1 : 2;
    let best: { header: string; d: number } | null = null;
    for (const h of this.headers) {
      const d = editDistance(want, headerKey(h), limit);
      if (d <= limit && (best === null || d < best.d)) best = { header: h, d };
    }
    return best?.header ?? null;
  }

  list(): string {
    const shown = this.headers.slice(0, MAX_LISTED_COLUMNS).join(', ');
    return this.headers.length > MAX_LISTED_COLUMNS ? `${shown}, …` : shown;
  }
}

/** Levenshtein distance over code points, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * True when every customer that `later` matches is matched by `earlier` too, so `later` never
 * decides a rank: each of `earlier`'s conditions follows from one of `later`'s. A rule without
 * conditions matches every customer.
 */
function alwaysMatchesFirst(earlier: RankRule, later: RankRule): boolean {
  return earlier.conditions.every((e) => later.conditions.some((l) => implies(l, e)));
}

const LOWER: ReadonlySet<string> = new Set(['>=', '>']);
const UPPER: ReadonlySet<string> = new Set(['<=', '<']);

/**
 * Whether condition `a` holding guarantees `b` holds (as ranking/conditionHolds evaluates them).
 * Only the sure cases: a false "no" merely misses a warning, a false "yes" would be wrong.
 */
function implies(a: Condition, b: Condition): boolean {
  if (headerKey(a.column) !== headerKey(b.column)) return false;
  // Every condition needs the attribute filled in: whatever `a` says, the column is filled.
  if (b.op === 'filled') return true;
  if (a.op === b.op && valueKey(a.value) === valueKey(b.value)) return true;
  const x = numeric(a.value);
  const y = numeric(b.value);
  if (x !== null && y !== null) {
    // a pins the value from below (or exactly): it satisfies a lower bound b that is no higher.
    if (LOWER.has(b.op) && (LOWER.has(a.op) || a.op === '=')) {
      const strictA = a.op === '>';
      return b.op === '>=' ? x >= y : strictA ? x >= y : x > y;
    }
    if (UPPER.has(b.op) && (UPPER.has(a.op) || a.op === '=')) {
      const strictA = a.op === '<';
      return b.op === '<=' ? x <= y : strictA ? x <= y : x < y;
    }
    return false;
  }
  if (b.op === 'contains' && (a.op === 'contains' || a.op === '=') && x === null)
    return valueKey(a.value).includes(valueKey(b.value));
  return false;
}

function numeric(v: string | number | null): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const n = numberOf(v);
    return n !== null && Number.isFinite(n) ? n : null;
  }
  return null;
}

function valueKey(v: string | number | null): string {
  return headerKey(String(v ?? ''));
}
