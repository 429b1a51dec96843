import { t, type Lang } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import type { Day } from '../model';
import { dateCell, type WorkbookPort, type WriteCell, type WriteOp } from '../port';
import { definitionIssues, definitionsEqual, stampLabel, versionInForce } from '../definition';
import {
  checkGaps,
  gapHeadline,
  gapTable,
  noDataHeadline,
  indexDataset,
  rankCustomers,
  rankingTable,
  withMovement,
  comparisonDay,
  rankChanges,
  rankHistoryHeader,
  ranksAt,
  readRankHistory,
  type RankEntry,
  type RankResult,
  type GapRow,
} from '../engines';
import { readTable, type TableSpec } from '../tables';
import { dayToIso, formatDay } from '../values';
import type { CellValue } from '../values/cell';
import { datasetOf, definitionOf, historyOf } from './data';
import { isOurOutput, setAsOfOp, settingsRows, type Role } from './settings';
import { loadWorkbook, sheetOf, type Loaded } from './workbook';
import { outputRows, unreadOf, unreadSheetOp, type UnreadRows } from './unread';

export { unreadOf, type UnreadRows } from './unread';

/**
 * The commands that write kimeru's output sheets — ranking, gaps, review, manual. Each reads
 * what it needs in one batch, computes everything, then writes in one batch: a failure before
 * the write leaves the workbook as it was. Ranking and gap check also move the as-of date.
 */

export interface ReportResult {
  message: string;
  /** Short lines for the sidebar, e.g. "キーマンとの接触: 12社". */
  headline: string[];
  /** Lines for what had nothing to measure (データなし), shown apart from the headline. */
  noData?: string[];
  sheet: string;
  /** Rows this run left out or read with a caveat (the pane's warning box). */
  unread: UnreadRows;
  /** The saved version the result was computed with (null: the definition sheet as it is). */
  version?: number | null;
  /** What the sheet's version column says: 第2版 / 未保存の編集. */
  stamp?: string;
  /** The as-of date the result describes (ISO). */
  asOf?: string;
}

/**
 * The 読めなかった行 sheet, rewritten on every run so it always lists what the last command left
 * out. A workbook where every row was read gets no new sheet; an existing list is cleared.
 */
export function unreadRows(loaded: Loaded, issues: readonly Issue[], lang: Lang, stamp: string, asOf: Day) {
  const sheet = sheetOf(loaded, 'issues');
  const grid = loaded.grids.issues;
  // A sheet of the user's that happens to bear the name is never touched: the pane still lists.
  if (grid !== undefined && !isOurOutput(grid)) return { ops: [], unread: unreadOf(lang, issues, null) };
  const ops: WriteOp[] = [];
  const op = unreadSheetOp(sheet, grid, issues, lang, stamp, asOf);
  if (op) {
    ops.push(op);
    ops.push(...registerLazy(loaded, 'issues'));
  }
  return { ops, unread: unreadOf(lang, issues, issues.length > 0 ? sheet : null) };
}

/**
 * A sheet made by the first run that has something for it (読めなかった行, ランク履歴) is recorded
 * in the settings like every other kimeru sheet, so later runs (and hosts that guard the user's
 * sheets) know it is kimeru's. Each registration takes the next free settings row.
 */
export function registerLazy(loaded: Loaded, role: Role): WriteOp[] {
  const code = `sheet:${role}`;
  if (loaded.settings.rowOf[code] !== undefined) return [];
  const row = settingsRows(loaded.settings).find((r) => r[2] === code);
  if (!row) return [];
  const next = Math.max(0, ...Object.values(loaded.settings.rowOf)) + 1;
  loaded.settings.rowOf[code] = next;
  return [{ kind: 'setBlock', sheet: loaded.settingsSheet, row: next, column: 1, rows: [row] }];
}

/**
 * The rank history's part of a ranking run: the ranks to compare with (the snapshot about six
 * months earlier; without a history, what the ranking sheet held) and the rows to append. A sheet
 * of the user's that bears the name and is not a rank history is left alone.
 */
function rankHistoryStep(
  loaded: Loaded,
  results: readonly RankResult[],
  asOf: Day,
  stamp: string,
  lang: Lang,
) {
  const sheet = sheetOf(loaded, 'rankHistory');
  const grid = loaded.grids.rankHistory;
  let entries: RankEntry[] = [];
  if (grid !== undefined) {
    try {
      entries = readRankHistory(grid, sheet).entries;
    } catch (e) {
      if (!(e instanceof KimeruError)) throw e;
      return {
        previous: previousRanks(loaded.grids.ranking),
        ops: [] as WriteOp[],
        notes: [] as string[],
        append: null,
      };
    }
  }
  const day = comparisonDay(entries, asOf);
  const previous = day !== null ? ranksAt(entries, day) : previousRanks(loaded.grids.ranking);
  const notes = day !== null ? [t(lang, 'commands.report.rankCompared', { day: formatDay(day, lang) })] : [];
  const changes = rankChanges(entries, asOf, results, stamp);
  const ops: WriteOp[] = [];
  let append: { sheet: string; rows: WriteCell[][] } | null = null;
  if (changes.length > 0) {
    const rows: WriteCell[][] = changes.map((e) => [
      dateCell(e.asOf),
      e.customerId,
      e.customerName,
      e.rank,
      e.version,
    ]);
    if (grid === undefined)
      ops.push({ kind: 'addSheet', sheet, rows: [rankHistoryHeader(lang), ...rows], frozenRows: 1 });
    // A history kimeru did not make (one a workbook came with, as the sample's) is only added to.
    else if (loaded.settings.rowOf['sheet:rankHistory'] === undefined) append = { sheet, rows };
    else ops.push({ kind: 'setBlock', sheet, row: grid.length + 1, column: 1, rows });
    ops.push(...registerLazy(loaded, 'rankHistory'));
  }
  return { previous, ops, notes, append };
}

/** Rebuilds an output sheet — only one kimeru made (or re-adds it when it was deleted). */
export function replaceOutput(loaded: Loaded, role: Role, rows: WriteCell[][], frozenRows = 2): WriteOp {
  const sheet = sheetOf(loaded, role);
  const grid = loaded.grids[role];
  if (grid === undefined) return { kind: 'addSheet', sheet, rows, frozenRows };
  if (!isOurOutput(grid)) throw new KimeruError({ key: 'commands.notOurSheet', params: { sheet } });
  return { kind: 'replaceSheet', sheet, rows, frozenRows };
}

function asOfOps(loaded: Loaded, asOf: Day): WriteOp[] {
  const op = setAsOfOp(loaded.settingsSheet, loaded.settings, asOf);
  return op ? [op] : [];
}

/**
 * Reads the tables and the definition a report computes with: the saved version in force on the
 * as-of date (a past date gets the version the team followed then). Edits on the definition sheet
 * that were never saved are not used — the editor previews them — and the message says so. A
 * workbook whose definition was never saved computes with the sheet, labelled as unsaved.
 */
export async function ranked(
  port: WorkbookPort,
  roles: Role[],
  lang: Lang,
  asOfDay: Day | ((fiscalStartMonth: number) => Day),
) {
  const loaded = await loadWorkbook(port, ['customers', 'definition', 'history', 'issues', ...roles]);
  const read = datasetOf(loaded);
  const dataset = read.dataset;
  const onSheet = definitionOf(loaded);
  const history = loaded.grids.history ? historyOf(loaded) : null;
  // A review named by its period ends where the period does: the fiscal year is the latest version's.
  const asOf =
    typeof asOfDay === 'number'
      ? asOfDay
      : asOfDay((history?.latest?.definition ?? onSheet.definition).fiscalStartMonth);
  const inForce = history ? versionInForce(history.versions, asOf) : null;
  const notes: string[] = [];
  let definition = onSheet.definition;
  let version: number | null = null;
  let definitionWarnings = onSheet.issues;
  if (inForce && history?.latest) {
    definition = inForce.definition;
    version = inForce.version;
    definitionWarnings = [];
    if (inForce.version !== history.latest.version)
      notes.push(
        t(lang, 'commands.report.pastVersion', { asOf: formatDay(asOf, lang), version: inForce.version }),
      );
    if (!definitionsEqual(onSheet.definition, history.latest.definition))
      notes.push(t(lang, 'commands.report.unsavedEdits', { version: history.latest.version }));
  }
  const definitionSheet = sheetOf(loaded, 'definition');
  const flags = definitionIssues(definition, read.customerHeaders).map((i) => ({
    ...i,
    sheet: definitionSheet,
  }));
  const issues = [...definitionWarnings, ...flags, ...read.issues];
  const results = rankCustomers(definition, dataset.customers, lang);
  return {
    loaded,
    asOf,
    dataset,
    definition,
    version,
    stamp: version === null ? t(lang, 'definition.label.unsavedEdits') : stampLabel(version, lang),
    notes,
    results,
    ranks: new Map(results.map((r) => [r.customerId, r.rank])),
    issues,
  };
}

/** Which version a result was computed with, as the JSON of `kimeru … --json` says. */
export function versionOf(r: { version: number | null; stamp: string }, asOf: Day) {
  return { version: r.version, stamp: r.stamp, asOf: dayToIso(asOf) };
}

/** A report's message, then what it should know about the version used (one sentence each). */
export function withNotes(message: string, notes: readonly string[]): string {
  return [message, ...notes].join('\n');
}

const PREVIOUS_RANKS: TableSpec = {
  sheetKey: 'commands.sheet.ranking',
  columns: [
    { key: 'id', aliases: ['顧客ID', 'Customer ID'], kind: 'text', required: true },
    { key: 'rank', aliases: ['ランク', 'Rank'], kind: 'text', required: true },
  ],
};

/** The ranks the ranking sheet held before this run, for the movement column. */
function previousRanks(grid: CellValue[][] | undefined): Map<string, string> {
  const previous = new Map<string, string>();
  if (!grid || grid.length === 0) return previous;
  try {
    const table = readTable(grid, PREVIOUS_RANKS, { sheet: '' });
    for (const row of table.rows) {
      const id = String(row.cells['id'] ?? '');
      if (id !== '') previous.set(id, String(row.cells['rank'] ?? ''));
    }
  } catch (e) {
    if (!(e instanceof KimeruError)) throw e; // the placeholder sheet of a fresh setup
  }
  return previous;
}

export async function runRanking(port: WorkbookPort, asOf: Day, lang: Lang): Promise<ReportResult> {
  const r = await ranked(port, ['ranking', 'rankHistory'], lang, asOf);
  const history = rankHistoryStep(r.loaded, r.results, asOf, r.stamp, lang);
  const rows = withMovement(r.results, history.previous, r.definition.ranks);
  const counts = r.definition.ranks.map((rank) => `${rank}: ${rows.filter((x) => x.rank === rank).length}`);
  const { ops, unread } = unreadRows(r.loaded, r.issues, lang, r.stamp, asOf);
  if (history.append) await port.append(history.append);
  await port.write([
    replaceOutput(r.loaded, 'ranking', outputRows(lang, r.stamp, asOf, rankingTable(rows, lang, r.stamp))),
    ...history.ops,
    ...ops,
    ...asOfOps(r.loaded, asOf),
  ]);
  return {
    message: withNotes(
      t(lang, 'commands.report.ranking', { count: rows.length, summary: counts.join(' / ') }),
      [...r.notes, ...history.notes],
    ),
    headline: counts,
    sheet: sheetOf(r.loaded, 'ranking'),
    unread,
    ...versionOf(r, asOf),
  };
}

export async function runGapCheck(
  port: WorkbookPort,
  asOf: Day,
  lang: Lang,
): Promise<ReportResult & { gaps: GapRow[] }> {
  const r = await ranked(port, ['contacts', 'activities', 'gaps'], lang, asOf);
  const rows = checkGaps(r.definition, indexDataset(r.dataset), asOf, r.ranks, lang);
  const gaps = rows.filter((g) => g.status === 'gap');
  const { ops, unread } = unreadRows(r.loaded, r.issues, lang, r.stamp, asOf);
  // The sheet lists the gaps to act on; what had nothing to measure is counted per item in
  // `noData` (one line per item, not one row per customer: the sheet stays the size of the gaps).
  await port.write([
    replaceOutput(r.loaded, 'gaps', outputRows(lang, r.stamp, asOf, gapTable(gaps, lang, r.stamp, asOf))),
    ...ops,
    ...asOfOps(r.loaded, asOf),
  ]);
  return {
    message: withNotes(
      t(lang, 'commands.report.gaps', {
        gaps: gaps.length,
        customers: new Set(gaps.map((g) => g.customerId)).size,
      }),
      r.notes,
    ),
    headline: gapHeadline(rows, lang),
    noData: noDataHeadline(rows, lang),
    sheet: sheetOf(r.loaded, 'gaps'),
    unread,
    ...versionOf(r, asOf),
    gaps,
  };
}
