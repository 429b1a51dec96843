import type { Day } from '../model';
import type { Definition, MetricKind, Perspective } from '../definition/model';
import { t, type Lang } from '../i18n';
import type { CellValue } from '../values/cell';
import type { DatasetIndex } from './dataset-index';
import { keepShapes } from '../keep-shapes';
import {
  lastKeyContact,
  latestOf,
  measureItem,
  subjectOf,
  type MeasureStatus,
  type Subject,
} from './metrics';
import { formatDay } from '../values/days';
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
  /** The customer's 営業担当. */
  rep: string;
  /** The key persons not met within the limit, on a key-person contact gap; [] otherwise. */
  unmetKeyPersons: string[];
  /**
   * The date by which to act: the last key-person meeting or contact plus the rank's limit, or
   * the open next action's due date; null when the item has no date (never met, a blank field).
   */
  actBy: Day | null;
  /** Position of the rank in the definition (A first), for ordering by urgency. */
  rankIndex: number;
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
  rep: string;
}

/** What a caller of checkGaps shows. */
export interface GapCheckOptions {
  /** Keep only rows of this status (GAPCHECK's default mode shows gaps alone). */
  only?: MeasureStatus;
  /** false: leave `actual` blank (a caller that only counts); the words cost more than the checks. */
  texts?: boolean;
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
  /** Each customer's rank by id, or as a list in the order of index.customers (readRanked's rankList). */
  ranks: ReadonlyMap<string, string> | readonly string[],
  lang: Lang = 'ja',
  options: GapCheckOptions = {},
): GapRow[] {
  const items = def.items.filter((item) => item.metric !== null);
  const rows: GapRow[] = [];
  const standards = new Map<string, string>();
  const rankIndex = new Map(def.ranks.map((r, i) => [r, i]));
  const only = options.only;
  const texts = options.texts !== false;
  const customers = index.customers;
  const rankList = Array.isArray(ranks) ? (ranks as readonly string[]) : null;
  // Each rank's thresholds as a list in item order, looked up once per customer, not per item.
  const thresholdsOf = new Map<string, (number | null | undefined)[]>();
  for (let c = 0; c < customers.length; c++) {
    const customer = customers[c]!;
    const rank = rankList ? rankList[c] : (ranks as ReadonlyMap<string, string>).get(customer.id);
    if (rank === undefined) continue;
    let thresholds = thresholdsOf.get(rank);
    if (thresholds === undefined) {
      thresholds = items.map((item) => item.thresholds[rank]);
      thresholdsOf.set(rank, thresholds);
    }
    let subject: ReturnType<typeof subjectOf> | null = null;
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      const threshold = thresholds[k];
      if (threshold === null || threshold === undefined || !item.metric) continue;
      subject ??= subjectOf(index, customer, asOf);
      // Statuses first, without words: most pairs are met and never shown.
      let m = measureItem(item, threshold, subject, asOf, null);
      if (only !== undefined && m.status !== only) continue;
      if (texts) m = measureItem(item, threshold, subject, asOf, lang);
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
        rep: customer.rep,
        unmetKeyPersons:
          m.status === 'gap' && item.metric === 'key_person_contact_days'
            ? subject.keyPersons.map((p) => p.name)
            : [],
        actBy: actByOf(item.metric, threshold, subject),
        rankIndex: rankIndex.get(rank) ?? def.ranks.length,
      });
    }
  }
  keepShapes('gaps', rows);
  return rows;
}

/** The date by which to act on an item, where it has one (see GapRow.actBy). */
function actByOf(metric: MetricKind, threshold: number, s: Subject): Day | null {
  switch (metric) {
    case 'key_person_contact_days': {
      const last = lastKeyContact(s).last;
      return last < 0 ? null : s.log.date[last]! + threshold;
    }
    case 'contact_days': {
      const last = latestOf(s);
      return last < 0 ? null : s.log.date[last]! + threshold;
    }
    case 'next_action_overdue': {
      const last = latestOf(s);
      return last < 0 ? null : s.log.nextDueAt(last);
    }
    default:
      return null;
  }
}

// Items about meeting people: without a date to count from, nobody was ever met — act first.
const NEVER_MET_FIRST: ReadonlySet<MetricKind> = new Set([
  'key_person_registered',
  'key_person_contact_days',
  'contact_days',
]);
const STATUS_ORDER: Record<MeasureStatus, number> = { gap: 0, nodata: 1, ok: 2 };

/**
 * Rows by urgency (the order of GAPCHECK and the gap sheet): gaps before no data before met;
 * within them, key persons never met, no key person and customers never contacted first (there
 * is no date to wait for), then the oldest date to act by first, then items without a date
 * (blank fields, counts, recording). Ties: rank (A first), then the customer table's order and
 * the definition's item order.
 */
export function byUrgencyOrder(rows: readonly GapRow[]): GapRow[] {
  // The keys worked out once per row, not per comparison: GAPCHECK sorts thousands of rows.
  const n = rows.length;
  const group = new Uint8Array(n);
  const actBy = new Float64Array(n);
  const rank = new Int32Array(n);
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const band = r.actBy !== null ? 1 : NEVER_MET_FIRST.has(r.metric) ? 0 : 2;
    group[i] = STATUS_ORDER[r.status] * 3 + band;
    // Within a band the dates are all set (band 1) or all null (0 as a placeholder).
    actBy[i] = r.actBy ?? 0;
    rank[i] = r.rankIndex;
    order[i] = i;
  }
  order.sort((a, b) => group[a]! - group[b]! || actBy[a]! - actBy[b]! || rank[a]! - rank[b]! || a - b);
  const out: GapRow[] = new Array<GapRow>(n);
  for (let k = 0; k < n; k++) out[k] = rows[order[k]!]!;
  return out;
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
        rep: r.rep,
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

/**
 * The gap sheet: header row in `lang`, one row per customer × item by urgency (byUrgencyOrder),
 * stamped with the version. The columns people act on — rep, the key person not met, the date to
 * act by and the days overdue — come after the version, so the earlier columns keep their places.
 */
export function gapTable(rows: readonly GapRow[], lang: Lang, stamp: string, asOf?: Day): CellValue[][] {
  const sep = t(lang, 'engines.word.listSep');
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.standard'),
    t(lang, 'engines.col.actual'),
    t(lang, 'engines.col.status'),
    t(lang, 'engines.col.version'),
    t(lang, 'engines.col.rep'),
    t(lang, 'gaps.col.keyPerson'),
    t(lang, 'gaps.col.actBy'),
    t(lang, 'gaps.col.daysOverdue'),
  ];
  const text: Record<MeasureStatus, string> = {
    gap: t(lang, 'engines.status.gap'),
    ok: t(lang, 'engines.status.ok'),
    nodata: t(lang, 'engines.status.nodata'),
  };
  return [
    header,
    ...byUrgencyOrder(rows).map((r) => [
      r.customerId,
      r.customerName,
      r.rank,
      r.itemName,
      r.standard,
      r.actual,
      text[r.status],
      stamp,
      r.rep,
      r.unmetKeyPersons.join(sep),
      r.actBy === null ? '' : formatDay(r.actBy, lang),
      r.actBy === null || asOf === undefined ? '' : asOf - r.actBy,
    ]),
  ];
}

/**
 * The per-customer summary sheet: header row in `lang`, then one row per customer. The no-data
 * count comes after the gap items so the columns before it keep their places. Its width stays
 * as it was (dashboards put other tables beside it); counts per rep are gapRepTable's.
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

/**
 * Per rep (the customer's 営業担当): customers checked, customers with a gap, gaps, and items with
 * no data — the rep who needs help at a glance. Reps in order of first appearance; no rep last.
 */
export function gapRepTable(rows: readonly GapRow[], lang: Lang, stamp: string): CellValue[][] {
  const byRep = new Map<
    string,
    { customers: Set<string>; withGaps: Set<string>; gaps: number; noData: number }
  >();
  for (const r of rows) {
    let c = byRep.get(r.rep);
    if (!c) {
      c = { customers: new Set(), withGaps: new Set(), gaps: 0, noData: 0 };
      byRep.set(r.rep, c);
    }
    c.customers.add(r.customerId);
    if (r.status === 'gap') {
      c.gaps++;
      c.withGaps.add(r.customerId);
    } else if (r.status === 'nodata') c.noData++;
  }
  const reps = [...byRep.keys()].sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  return [
    [
      t(lang, 'engines.col.rep'),
      t(lang, 'gaps.col.customers'),
      t(lang, 'gaps.col.customersWithGaps'),
      t(lang, 'engines.col.gapCount'),
      t(lang, 'engines.col.noDataCount'),
      t(lang, 'engines.col.version'),
    ],
    ...reps.map((rep) => {
      const c = byRep.get(rep)!;
      return [
        rep === '' ? t(lang, 'actions.unassigned') : rep,
        c.customers.size,
        c.withGaps.size,
        c.gaps,
        c.noData,
        stamp,
      ];
    }),
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
