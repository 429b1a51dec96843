import { t, type Lang } from '../i18n';
import type { Issue } from '../issues';
import type { Day } from '../model';
import { readTable } from '../tables/readTable';
import type { TableSpec } from '../tables/spec';
import type { CellValue } from '../values/cell';
import type { RankResult } from './ranking';

/*
 * Rank history (ランク履歴): what each ranking run found, kept for good. A run appends only the
 * customers whose rank differs from what the history says on its as-of date (the first run: all
 * of them; a customer gone from the list: a row with no rank). So the sheet stays small over years
 * of weekly runs, and a customer's rank on any date is the last row for it on or before that date.
 *   基準日 | 顧客ID | 顧客名 | ランク | 版
 */

export interface RankEntry {
  asOf: Day;
  customerId: string;
  customerName: string;
  /** '' when the customer left the list. */
  rank: string;
  /** The definition version the rank came from, as labelled (第2版). */
  version: string;
}

export const RANK_HISTORY_TABLE: TableSpec = {
  sheetKey: 'engines.rankHistory.table',
  columns: [
    { key: 'asOf', aliases: ['基準日', 'As of'], kind: 'date', required: true },
    { key: 'id', aliases: ['顧客ID', 'Customer ID'], kind: 'text', required: true },
    { key: 'name', aliases: ['顧客名', 'Customer name'], kind: 'text', required: false },
    { key: 'rank', aliases: ['ランク', 'Rank'], kind: 'text', required: true, allowBlank: true },
    { key: 'version', aliases: ['版', 'Version'], kind: 'text', required: false },
  ],
};

export function rankHistoryHeader(lang: Lang): string[] {
  return [
    t(lang, 'engines.col.asOf'),
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.version'),
  ];
}

/** The history's rows; an unreadable row is listed and left out, like any table's. */
export function readRankHistory(
  grid: CellValue[][],
  sheet: string,
): { entries: RankEntry[]; issues: Issue[] } {
  if (grid.length === 0) return { entries: [], issues: [] };
  const table = readTable(grid, RANK_HISTORY_TABLE, { sheet });
  const entries: RankEntry[] = [];
  for (const row of table.rows) {
    const asOf = row.cells['asOf'];
    const customerId = String(row.cells['id'] ?? '');
    if (typeof asOf !== 'number' || customerId === '' || row.invalid.length > 0) continue;
    entries.push({
      asOf,
      customerId,
      customerName: String(row.cells['name'] ?? ''),
      rank: String(row.cells['rank'] ?? ''),
      version: String(row.cells['version'] ?? ''),
    });
  }
  return { entries, issues: table.issues };
}

/** Every customer's rank on `day`: the last entry for it on or before that day (written order breaks ties). */
export function ranksAt(entries: readonly RankEntry[], day: Day): Map<string, string> {
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.asOf <= day)
    .sort((a, b) => a.e.asOf - b.e.asOf || a.i - b.i);
  const out = new Map<string, string>();
  for (const { e } of ordered) {
    if (e.rank === '') out.delete(e.customerId);
    else out.set(e.customerId, e.rank);
  }
  return out;
}

/** The as-of dates the history holds, oldest first. */
export function snapshotDays(entries: readonly RankEntry[]): Day[] {
  return [...new Set(entries.map((e) => e.asOf))].sort((a, b) => a - b);
}

/** About six months: the default distance of the comparison on the ranking sheet. */
export const COMPARE_DAYS = 182;

/**
 * The snapshot a run on `asOf` is compared with: the last one at least about six months earlier,
 * else the earliest one before `asOf`; null when the history holds nothing before it.
 */
export function comparisonDay(entries: readonly RankEntry[], asOf: Day): Day | null {
  const before = snapshotDays(entries).filter((d) => d < asOf);
  if (before.length === 0) return null;
  const old = before.filter((d) => d <= asOf - COMPARE_DAYS);
  return old.length > 0 ? (old[old.length - 1] as Day) : (before[0] as Day);
}

/** What a run appends: customers whose rank differs from the history's on `asOf`, and those gone. */
export function rankChanges(
  entries: readonly RankEntry[],
  asOf: Day,
  results: readonly RankResult[],
  version: string,
): RankEntry[] {
  const known = ranksAt(entries, asOf);
  const out: RankEntry[] = [];
  const now = new Set<string>();
  for (const r of results) {
    now.add(r.customerId);
    if (known.get(r.customerId) !== r.rank)
      out.push({ asOf, customerId: r.customerId, customerName: r.customerName, rank: r.rank, version });
  }
  const names = new Map(entries.map((e) => [e.customerId, e.customerName]));
  for (const id of known.keys())
    if (!now.has(id)) out.push({ asOf, customerId: id, customerName: names.get(id) ?? '', rank: '', version });
  return out;
}
