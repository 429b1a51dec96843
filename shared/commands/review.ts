import { t, type Lang } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import type { Day } from '../model';
import type { WorkbookPort, WriteCell, WriteOp } from '../port';
import { versionInForce } from '../definition';
import {
  DEFAULT_DONE_BAR,
  halfYearNamed,
  halfYearOf,
  indexDataset,
  periodCode,
  previousHalfYear,
  rankCustomers,
  reviewChanges,
  reviewRows,
  reviewTable,
  headerKey,
  type HalfYear,
  type PeriodName,
  type ReviewRow,
} from '../engines';
import {
  acknowledgementHeader,
  answersOfPeriod,
  confirmationHeader,
  confirmationRow,
  periodColumn,
  readAcknowledgements,
  readConfirmations,
} from '../engines/review-records';
import { readKnowsAnswers } from '../tables';
import { formatDay, foldText, normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import { normalizeHeader } from '../tables/headers';
import { definitionOf, historyOf } from './data';
import {
  ranked,
  registerLazy,
  replaceOutput,
  unreadRows,
  versionOf,
  withNotes,
  type ReportResult,
} from './reports';
import { answersHeader } from './setup';
import { loadWorkbook, sheetOf, type Loaded } from './workbook';
import { outputRows } from './unread';
import type { Definition } from '../definition/model';

/**
 * The half-year review, per period and kept: a rep's answers belong to a fiscal half-year (the
 * answers sheet's 期間 column), a manager confirms what the data cannot measure per rep and
 * period (確認記録), and the reps mark a version as read (既読). Running a review for a period
 * adds that period's blank answer rows and rewrites the review sheet; the answers and
 * confirmations of every other period are left as they are, so any period can be reviewed
 * again — as of its last day, with the version in force then — and compared with the one before.
 */

export interface ReviewResult extends ReportResult {
  period: { code: string; label: string };
  /** The items people confirm (no metric), per rep: what the pane offers to confirm. */
  confirm: { rep: string; itemId: string; itemName: string; confirmed: boolean | null; note: string }[];
  /** The version in force and the reps who have not marked it as read (null: nothing saved). */
  notRead: { version: number; reps: string[] } | null;
}

/** The period's half-year: named (2026H1…), or the one containing `today`. */
function periodOf(named: PeriodName | undefined, fsm: number, today: Day, lang: Lang): Day {
  if (named === undefined) return today;
  const half = halfYearNamed(named, fsm, lang);
  if (half.start > today)
    throw new KimeruError({
      key: 'engines.review.futurePeriod',
      params: { period: half.label, start: formatDay(half.start, lang) },
    });
  return Math.min(half.end, today);
}

/** One period's review rows, computed with `definition` as of the period's end (or `asOf`). */
function reviewOf(
  loaded: Loaded,
  definition: Definition,
  ranks: ReadonlyMap<string, string>,
  index: ReturnType<typeof indexDataset>,
  half: HalfYear,
  end: Day,
) {
  const code = periodCode(half);
  const read = readKnowsAnswers(answersOfPeriod(loaded.grids.answers ?? [], code), definition.items, {
    sheet: sheetOf(loaded, 'answers'),
  });
  const confirmed = readConfirmations(
    loaded.grids.confirmations ?? [],
    code,
    sheetOf(loaded, 'confirmations'),
  );
  const rows = reviewRows(
    definition,
    index,
    { start: half.start, end },
    ranks,
    read.answers,
    DEFAULT_DONE_BAR,
    confirmed.confirmations,
  );
  return { rows, issues: [...read.issues, ...confirmed.issues] as Issue[] };
}

/** Whether the period was reviewed: someone answered for it or confirmed something in it. */
function wasReviewed(loaded: Loaded, code: string): boolean {
  const answers = loaded.grids.answers ?? [];
  const col = periodColumn(answers);
  const inAnswers = col >= 0 && answers.some((r, i) => i > 0 && normalizeText(r[col]).toUpperCase() === code);
  return (
    inAnswers || (loaded.grids.confirmations ?? []).some((r) => normalizeText(r[0]).toUpperCase() === code)
  );
}

/**
 * The half-year review as of `today`, or of the period named (2026H1…): a past period is
 * reviewed as of its last day, the current one as of today; one not yet begun is refused.
 */
export async function runReview(
  port: WorkbookPort,
  today: Day,
  lang: Lang,
  named?: PeriodName,
): Promise<ReviewResult> {
  const r = await ranked(
    port,
    ['contacts', 'activities', 'review', 'answers', 'confirmations', 'acknowledgements'],
    lang,
    (fsm) => periodOf(named, fsm, today, lang),
  );
  const asOf = r.asOf;
  const fsm = r.definition.fiscalStartMonth;
  const half = halfYearOf(asOf, fsm, lang);
  const code = periodCode(half);
  const index = indexDataset(r.dataset);
  const current = reviewOf(r.loaded, r.definition, r.ranks, index, half, Math.min(half.end, asOf));
  const rows = current.rows;

  // The previous period, as it was: its answers and confirmations, its version, as of its end.
  const previous = previousHalfYear(half, fsm, lang);
  let before: ReviewRow[] = [];
  if (wasReviewed(r.loaded, periodCode(previous))) {
    const history = r.loaded.grids.history ? historyOf(r.loaded) : null;
    const definition =
      (history && versionInForce(history.versions, previous.end)?.definition) || r.definition;
    const ranks = new Map(
      rankCustomers(definition, r.dataset.customers, lang).map((x) => [x.customerId, x.rank]),
    );
    before = reviewOf(r.loaded, definition, ranks, index, previous, previous.end).rows;
  }
  const changes = reviewChanges(rows, before);
  const stamp = `${half.label} ${r.stamp}`;

  await appendBlankAnswers(port, r.loaded, r.definition, rows, code, lang);

  // Who has not read the version the review used.
  const reps = [...new Set(rows.map((x) => x.rep))].filter((rep) => rep !== '');
  let notRead: ReviewResult['notRead'] = null;
  const notes = [...r.notes];
  if (r.version !== null) {
    const read = readAcknowledgements(r.loaded.grids.acknowledgements ?? [], r.version);
    const missing = reps.filter((rep) => !read.has(headerKey(rep)));
    notRead = { version: r.version, reps: missing };
    notes.push(
      missing.length > 0
        ? t(lang, 'commands.report.notRead', {
            version: r.version,
            reps: missing.join(t(lang, 'definition.label.listSeparator')),
          })
        : t(lang, 'commands.report.allRead', { version: r.version }),
    );
  }

  const { ops, unread } = unreadRows(r.loaded, [...r.issues, ...current.issues], lang, stamp, asOf);
  await port.write([
    replaceOutput(r.loaded, 'review', outputRows(lang, stamp, asOf, reviewTable(rows, lang, stamp, changes))),
    ...ops,
  ]);
  const knownOnly = rows.filter((x) => x.headline);
  const repItem = (x: ReviewRow) => `${x.rep || t(lang, 'engines.review.unassigned')}: ${x.itemName}`;
  return {
    message: withNotes(
      t(lang, 'commands.report.review', { period: half.label, count: knownOnly.length }),
      notes,
    ),
    headline: knownOnly.map(repItem),
    noData: rows.filter((x) => x.class === 'noData').map(repItem),
    sheet: sheetOf(r.loaded, 'review'),
    unread,
    ...versionOf(r, asOf),
    period: { code, label: half.label },
    confirm: rows
      .filter((x) => !x.measurable)
      .map(({ rep, itemId, itemName, confirmed, note }) => ({ rep, itemId, itemName, confirmed, note })),
    notRead,
  };
}

/**
 * Every rep gets a row per item to answer for this period; existing answers are never touched.
 * Keyed by rep, item and period where the sheet has kimeru's key column, so two reviews run at
 * once add each row once. A sheet of before periods gets its 期間 header first.
 */
async function appendBlankAnswers(
  port: WorkbookPort,
  loaded: Loaded,
  definition: Definition,
  rows: readonly ReviewRow[],
  code: string,
  lang: Lang,
): Promise<void> {
  const grid = loaded.grids.answers ?? [];
  const sheet = sheetOf(loaded, 'answers');
  let col = periodColumn(grid);
  const header: WriteOp[] = [];
  if (col < 0) {
    const width = (grid[0] ?? []).reduce<number>((w, c, i) => (normalizeText(c) !== '' ? i + 1 : w), 0);
    col = Math.max(width, 3);
    if (loaded.grids.answers !== undefined)
      header.push({
        kind: 'setBlock',
        sheet,
        row: 1,
        column: col + 1,
        rows: [[t(lang, 'engines.col.period')]],
      });
  }
  const has = new Set<string>();
  grid.forEach((c, i) => {
    if (i === 0 || normalizeText(c[col]).toUpperCase() !== code) return;
    has.add(`${headerKey(normalizeText(c[0]))}\u0000${foldText(c[1])}`);
  });
  const keyed = hasKeyColumn(grid);
  const reps = [...new Set(rows.map((x) => x.rep))].filter((rep) => rep !== '');
  const blanks: WriteCell[][] = [];
  for (const rep of reps)
    for (const item of definition.items) {
      if (
        has.has(`${headerKey(rep)}\u0000${foldText(item.name)}`) ||
        has.has(`${headerKey(rep)}\u0000${foldText(item.id)}`)
      )
        continue;
      const row: WriteCell[] = new Array<WriteCell>(Math.max(col + 1, keyed ? 4 : 3)).fill(null);
      row[0] = rep;
      row[1] = item.name;
      if (keyed) row[3] = `${rep}|${item.id}|${code}`;
      row[col] = code;
      blanks.push(row);
    }
  if (header.length > 0) await port.write(header);
  if (blanks.length > 0) await port.append({ sheet, rows: blanks, ...(keyed ? { keyColumn: 4 } : {}) });
}

function hasKeyColumn(grid: readonly CellValue[][]): boolean {
  const header = normalizeHeader(normalizeText(grid[0]?.[3]));
  return (
    header !== '' &&
    (['ja', 'en'] as const).some((l) => normalizeHeader(answersHeader(l)[3] ?? '') === header)
  );
}

/** A manager's confirmation of an item without a metric, for one rep and period. */
export interface ConfirmRequest {
  /** The period as the review named it: "2026H1" (or 2026上期…). */
  period: string;
  rep: string;
  itemId: string;
  done: boolean;
  note: string;
  by: string;
}

/** Appends the confirmation (the latest per rep, item and period counts); nothing is rewritten. */
export async function confirmItem(
  port: WorkbookPort,
  req: ConfirmRequest,
  named: PeriodName,
  lang: Lang,
): Promise<{ message: string }> {
  const loaded = await loadWorkbook(port, ['definition', 'history', 'confirmations']);
  const history = loaded.grids.history ? historyOf(loaded) : null;
  const items = [
    ...(history?.versions ?? []).flatMap((v) => v.definition.items),
    ...definitionOf(loaded).definition.items,
  ];
  const item = items.find((i) => i.id === req.itemId);
  const rep = normalizeText(req.rep);
  if (item === undefined || rep === '')
    throw new KimeruError({ key: 'commands.review.confirmUnknown', params: { item: req.itemId, rep } });
  const code = periodCode(named);
  const row = confirmationRow(
    {
      period: code,
      rep,
      itemId: item.id,
      itemName: item.name,
      done: req.done,
      note: req.note.trim(),
      by: req.by.trim(),
    },
    lang,
  );
  await appendRecord(port, loaded, 'confirmations', confirmationHeader(lang), row);
  const label = halfYearNamed(named, definitionOf(loaded).definition.fiscalStartMonth, lang).label;
  return {
    message: t(lang, req.done ? 'commands.review.confirmedDone' : 'commands.review.confirmedNotDone', {
      rep,
      item: item.name,
      period: label,
    }),
  };
}

/** A rep marks a version as read (読みました): one row appended to the 既読 sheet. */
export async function acknowledgeVersion(
  port: WorkbookPort,
  req: { version: number; rep: string },
  lang: Lang,
): Promise<{ message: string }> {
  const loaded = await loadWorkbook(port, ['history', 'acknowledgements']);
  const rep = normalizeText(req.rep);
  const saved = loaded.grids.history ? historyOf(loaded).versions : [];
  if (rep === '' || !saved.some((v) => v.version === req.version))
    throw new KimeruError({ key: 'commands.review.ackUnknown', params: { version: req.version } });
  if (!readAcknowledgements(loaded.grids.acknowledgements ?? [], req.version).has(headerKey(rep)))
    await appendRecord(port, loaded, 'acknowledgements', acknowledgementHeader(lang), [req.version, rep]);
  return { message: t(lang, 'commands.review.acknowledged', { rep, version: req.version }) };
}

/** Appends one row to a record sheet kimeru keeps, making the sheet on first use. */
async function appendRecord(
  port: WorkbookPort,
  loaded: Loaded,
  role: 'confirmations' | 'acknowledgements',
  header: string[],
  row: WriteCell[],
): Promise<void> {
  const sheet = sheetOf(loaded, role);
  if (loaded.grids[role] === undefined) {
    await port.write([
      { kind: 'addSheet', sheet, rows: [header, row], frozenRows: 1 },
      ...registerLazy(loaded, role),
    ]);
    return;
  }
  await port.append({ sheet, rows: [row] });
}
