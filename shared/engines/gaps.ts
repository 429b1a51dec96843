import type { Day } from '../model';
import type { Definition, MetricKind, Perspective } from '../definition/model';
import { t, type Lang } from '../i18n';
import type { CellValue } from '../values/cell';
import type { DatasetIndex } from './dataset-index';
import { measureItem, subjectOf, type MeasureStatus } from './metrics';
import { standardText } from './metric-text';

/** One customer checked against one measurable item as of the as-of date. */
export interface GapRow {
  customerId: string;
  customerName: string;
  rank: string;
  itemId: string;
  itemName: string;
  perspective: Perspective;
  metric: MetricKind;
  /** The threshold for this rank in words: "60日以内にキーマン接触". */
  standard: string;
  /** What the data shows: "最終キーマン接触 2026/08/01 (120日前)", "担当者のみ接触 (キーマン接触なし)". */
  actual: string;
  actualValue: number | null;
  /** 'nodata' (データなし): nothing to measure — shown and counted apart, never met. */
  status: MeasureStatus;
}

/** Per-customer summary of a gap check. */
export interface GapSummary {
  customerId: string;
  customerName: string;
  rank: string;
  gapCount: number;
  /** Items measured (met or gap); items with no data are not in it. */
  checkedCount: number;
  /** Items with nothing to measure for this customer (データなし). */
  noDataCount: number;
  /** Names of the items with a gap, in definition order. */
  gapItems: string[];
}

/**
 * Checks each customer against each measurable item whose threshold for the customer's rank
 * is set. Customers without a rank in `ranks` are not checked (no rank, no threshold).
 * Linear in customers × items plus each customer's own activities.
 */
export function checkGaps(
  def: Definition,
  index: DatasetIndex,
  asOf: Day,
  ranks: ReadonlyMap<string, string>,
  lang: Lang = 'ja',
): GapRow[] {
  const items = def.items.filter((item) => item.metric !== null);
  const rows: GapRow[] = [];
  const standards = new Map<string, string>();
  for (const customer of index.customers) {
    const rank = ranks.get(customer.id);
    if (rank === undefined) continue;
    let subject: ReturnType<typeof subjectOf> | null = null;
    for (const item of items) {
      const threshold = item.thresholds[rank];
      if (threshold === null || threshold === undefined || !item.metric) continue;
      subject ??= subjectOf(index, customer, asOf);
      const m = measureItem(item, threshold, subject, asOf, lang);
      const stdKey = `${item.id}\u0000${threshold}`;
      let standard = standards.get(stdKey);
      if (standard === undefined) {
        standard = standardText(item, threshold, lang);
        standards.set(stdKey, standard);
      }
      rows.push({
        customerId: customer.id,
        customerName: customer.name,
        rank,
        itemId: item.id,
        itemName: item.name,
        perspective: item.perspective,
        metric: item.metric,
        standard,
        actual: m.actual,
        actualValue: m.actualValue,
        status: m.status,
      });
    }
  }
  return rows;
}

/** One summary per checked customer, in the order of the rows. */
export function summarizeGaps(rows: readonly GapRow[]): GapSummary[] {
  const byCustomer = new Map<string, GapSummary>();
  for (const r of rows) {
    let s = byCustomer.get(r.customerId);
    if (!s) {
      s = {
        customerId: r.customerId,
        customerName: r.customerName,
        rank: r.rank,
        gapCount: 0,
        checkedCount: 0,
        noDataCount: 0,
        gapItems: [],
      };
      byCustomer.set(r.customerId, s);
    }
    if (r.status === 'nodata') {
      s.noDataCount++;
      continue;
    }
    s.checkedCount++;
    if (r.status === 'gap') {
      s.gapCount++;
      s.gapItems.push(r.itemName);
    }
  }
  return [...byCustomer.values()];
}

/** The gap sheet: header row in `lang`, one row per customer × item, stamped with the version. */
export function gapTable(rows: readonly GapRow[], lang: Lang, stamp: string): CellValue[][] {
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.standard'),
    t(lang, 'engines.col.actual'),
    t(lang, 'engines.col.status'),
    t(lang, 'engines.col.version'),
  ];
  const text: Record<MeasureStatus, string> = {
    gap: t(lang, 'engines.status.gap'),
    ok: t(lang, 'engines.status.ok'),
    nodata: t(lang, 'engines.status.nodata'),
  };
  return [
    header,
    ...rows.map((r) => [
      r.customerId,
      r.customerName,
      r.rank,
      r.itemName,
      r.standard,
      r.actual,
      text[r.status],
      stamp,
    ]),
  ];
}

/**
 * The per-customer summary sheet: header row in `lang`, then one row per customer. The no-data
 * count comes after the gap items so the columns before it keep their places.
 */
export function gapSummaryTable(summaries: readonly GapSummary[], lang: Lang, stamp: string): CellValue[][] {
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.gapCount'),
    t(lang, 'engines.col.checkedCount'),
    t(lang, 'engines.col.gapItems'),
    t(lang, 'engines.col.noDataCount'),
    t(lang, 'engines.col.version'),
  ];
  const sep = t(lang, 'engines.word.listSep');
  return [
    header,
    ...summaries.map((s) => [
      s.customerId,
      s.customerName,
      s.rank,
      s.gapCount,
      s.checkedCount,
      s.gapItems.join(sep),
      s.noDataCount,
      stamp,
    ]),
  ];
}

/** Short lines per item with gaps, most customers first: "キーマン接触: 12社" (for the sidebar). */
export function gapHeadline(rows: readonly GapRow[], lang: Lang): string[] {
  return perItem(rows, 'gap', 'engines.headline.item', lang);
}

/** Short lines per item with customers that have nothing to measure: "記録遅れ: データなし 5社". */
export function noDataHeadline(rows: readonly GapRow[], lang: Lang): string[] {
  return perItem(rows, 'nodata', 'engines.headline.noData', lang);
}

function perItem(
  rows: readonly GapRow[],
  status: MeasureStatus,
  key: 'engines.headline.item' | 'engines.headline.noData',
  lang: Lang,
): string[] {
  const counts = new Map<string, { name: string; customers: Set<string> }>();
  for (const r of rows) {
    if (r.status !== status) continue;
    let c = counts.get(r.itemId);
    if (!c) {
      c = { name: r.itemName, customers: new Set() };
      counts.set(r.itemId, c);
    }
    c.customers.add(r.customerId);
  }
  // Array.prototype.sort is stable, so equal counts keep the order items were first seen.
  return [...counts.values()]
    .sort((a, b) => b.customers.size - a.customers.size)
    .map((c) => t(lang, key, { item: c.name, count: c.customers.size }));
}
