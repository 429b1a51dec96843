import type { Condition, Definition, Item, RankMethod } from './model';

/**
 * One spelling per meaning, so that "unchanged" and round trips compare meanings, not spellings:
 * a threshold that is null or missing means "not checked" and is dropped; thresholds and cut-offs
 * are keyed in rank order; every object has the same key order (stable JSON for the history).
 */
export function canonicalDefinition(def: Definition): Definition {
  const rankOrder = new Map(def.ranks.map((r, i) => [r, i] as const));
  return {
    ranks: [...def.ranks],
    ranking: canonicalRanking(def.ranking, rankOrder),
    items: def.items.map((item) => canonicalItem(item, rankOrder)),
    fiscalStartMonth: def.fiscalStartMonth,
  };
}

function byRank(rankOrder: Map<string, number>) {
  return (a: string, b: string): number => {
    const ia = rankOrder.get(a) ?? Infinity;
    const ib = rankOrder.get(b) ?? Infinity;
    return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
  };
}

function canonicalRanking(m: RankMethod, rankOrder: Map<string, number>): RankMethod {
  if (m.kind === 'rules') {
    return {
      kind: 'rules',
      rules: m.rules.map((r) => ({ rank: r.rank, conditions: r.conditions.map(canonicalCondition) })),
    };
  }
  const cutoffs: Record<string, number> = {};
  for (const rank of Object.keys(m.cutoffs).sort(byRank(rankOrder)))
    cutoffs[rank] = m.cutoffs[rank] as number;
  return { kind: 'abc', column: m.column, cutoffs };
}

function canonicalCondition(c: Condition): Condition {
  return { column: c.column, op: c.op, value: c.value };
}

function canonicalItem(item: Item, rankOrder: Map<string, number>): Item {
  const thresholds: Record<string, number | null> = {};
  for (const rank of Object.keys(item.thresholds).sort(byRank(rankOrder))) {
    const v = item.thresholds[rank];
    if (v !== null && v !== undefined) thresholds[rank] = v;
  }
  return {
    id: item.id,
    perspective: item.perspective,
    name: item.name,
    standard: item.standard,
    metric: item.metric,
    target: item.target,
    window: item.window,
    thresholds,
    // Left out when blank, so a definition saved before these existed keeps its fingerprint.
    ...(item.why !== undefined && item.why.trim() !== '' ? { why: item.why.trim() } : {}),
    ...(item.howTo !== undefined && item.howTo.trim() !== '' ? { howTo: item.howTo.trim() } : {}),
  };
}

/** True when two definitions mean the same (see canonicalDefinition). */
export function definitionsEqual(a: Definition, b: Definition): boolean {
  return JSON.stringify(canonicalDefinition(a)) === JSON.stringify(canonicalDefinition(b));
}

/**
 * A short fingerprint of what a definition says (FNV-1a over its canonical JSON): an editor
 * sends back the fingerprint it loaded, so a save never silently replaces a newer edit.
 */
export function definitionFingerprint(def: Definition): string {
  const json = JSON.stringify(canonicalDefinition(def));
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Freezes an object graph, so a saved version cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
