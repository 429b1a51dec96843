import type { ActivityLog } from '../activity-log';
import { t, type Lang } from '../i18n';
import { KimeruError } from '../issues';
import type { Day } from '../model';
import type { CellValue } from '../values/cell';
import { foldText, formatDay } from '../values';
import { checkGaps, type GapRow } from '../engines';
import { readRanked } from './inputs';
import type { CoercedArgs, FunctionDef, ParamDef } from './types';

/**
 * KIMERU.DASHBOARD: the team-level counts the dashboard charts, each a small table that spills
 * (header row first) so a chart over a fixed block of cells stays live as the log grows.
 */

export const DASHBOARD_VIEWS = ['reps', 'ranks', 'keyperson', 'weekly'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

/** Weeks shown by the "weekly" view: about six months. */
export const WEEKS = 26;
/** Rep columns of the "weekly" view: the most active first, the rest summed in the last one. */
export const WEEKLY_REP_COLUMNS = 8;

/**
 * The most rows and columns each view returns, its header included, so a dashboard can reserve
 * the cells below each formula (and a formula engine the space it spills into): reps past the
 * limit are summed in one "others" row; ranks past it (never seen) are left out.
 */
export const VIEW_SIZE: Record<DashboardView, { rows: number; columns: number }> = {
  reps: { rows: 20, columns: 5 },
  ranks: { rows: 12, columns: 3 },
  keyperson: { rows: 12, columns: 5 },
  weekly: { rows: WEEKS + 1, columns: WEEKLY_REP_COLUMNS + 1 },
};

function view(text: string): DashboardView {
  const v = (foldText(text) || 'reps') as DashboardView;
  if (!DASHBOARD_VIEWS.includes(v))
    throw new KimeruError({
      key: 'functions.badMode',
      params: { value: text, choices: DASHBOARD_VIEWS.join(', ') },
    });
  return v;
}

/** A whole percentage (0–100) of `part` in `whole`; '' when there is nothing to divide. */
const percent = (part: number, whole: number): CellValue =>
  whole > 0 ? Math.round((part / whole) * 100) : '';

const repLabel = (rep: string, lang: Lang): string =>
  rep.trim() === '' ? t(lang, 'functions.dashboard.noRep') : rep.trim();

/**
 * Per rep (the customer's 営業担当): customers checked, customers with a gap, gaps, and the share
 * of measured checks that met their standard (no-data checks are left out, as in GAPCHECK).
 */
function repsTable(
  rows: readonly GapRow[],
  repOf: (customerId: string) => string,
  lang: Lang,
): CellValue[][] {
  const by = new Map<
    string,
    { customers: Set<string>; gapCustomers: Set<string>; gaps: number; ok: number }
  >();
  for (const r of rows) {
    const rep = repLabel(repOf(r.customerId), lang);
    let c = by.get(rep);
    if (!c) by.set(rep, (c = { customers: new Set(), gapCustomers: new Set(), gaps: 0, ok: 0 }));
    c.customers.add(r.customerId);
    if (r.status === 'gap') {
      c.gaps++;
      c.gapCustomers.add(r.customerId);
    } else if (r.status === 'ok') c.ok++;
  }
  const header = [
    t(lang, 'functions.dashboard.rep'),
    t(lang, 'functions.col.checked'),
    t(lang, 'functions.dashboard.gapCustomers'),
    t(lang, 'functions.dashboard.gaps'),
    t(lang, 'functions.dashboard.metShare'),
  ];
  const sorted = [...by].sort((a, b) => b[1].gaps - a[1].gaps || a[0].localeCompare(b[0]));
  const room = VIEW_SIZE.reps.rows - 1;
  if (sorted.length > room) {
    // The rest in one row, so the table keeps to the cells the dashboard reserves.
    const rest = sorted.splice(room - 1);
    const sum = { customers: new Set<string>(), gapCustomers: new Set<string>(), gaps: 0, ok: 0 };
    for (const [, c] of rest) {
      c.customers.forEach((id) => sum.customers.add(id));
      c.gapCustomers.forEach((id) => sum.gapCustomers.add(id));
      sum.gaps += c.gaps;
      sum.ok += c.ok;
    }
    sorted.push([t(lang, 'functions.dashboard.others'), sum]);
  }
  const lines = sorted.map(([rep, c]) => [
    rep,
    c.customers.size,
    c.gapCustomers.size,
    c.gaps,
    percent(c.ok, c.ok + c.gaps),
  ]);
  return [header, ...lines];
}

/** Customers per rank, in the definition's rank order; customers without a rank last. */
function ranksTable(
  ranks: readonly string[],
  byCustomer: ReadonlyMap<string, string>,
  total: number,
  lang: Lang,
) {
  const counts = new Map<string, number>(ranks.map((r) => [r, 0]));
  for (const rank of byCustomer.values()) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  const unranked = total - byCustomer.size;
  const out: CellValue[][] = [
    [
      t(lang, 'functions.col.rank'),
      t(lang, 'functions.dashboard.customers'),
      t(lang, 'functions.dashboard.share'),
    ],
    ...[...counts].map(([rank, n]) => [rank, n, percent(n, total)]),
  ];
  if (unranked > 0) out.push([t(lang, 'functions.dashboard.noRank'), unranked, percent(unranked, total)]);
  return out.slice(0, VIEW_SIZE.ranks.rows);
}

/**
 * Per rank whose definition sets a key-person limit (the first key_person_contact_days item):
 * customers, how many had a key person met within the limit, and the share. A customer with no
 * key person registered counts as not met — nobody can have met them.
 */
function keyPersonTable(rows: readonly GapRow[], ranks: readonly string[], lang: Lang): CellValue[][] {
  const itemId = rows.find((r) => r.metric === 'key_person_contact_days')?.itemId;
  const by = new Map<string, { customers: number; met: number; standard: string }>();
  for (const r of rows) {
    if (r.itemId !== itemId) continue;
    const c = by.get(r.rank) ?? { customers: 0, met: 0, standard: r.standard };
    c.customers++;
    if (r.status === 'ok') c.met++;
    by.set(r.rank, c);
  }
  const header = [
    t(lang, 'functions.col.rank'),
    t(lang, 'functions.dashboard.standard'),
    t(lang, 'functions.dashboard.customers'),
    t(lang, 'functions.dashboard.keyMet'),
    t(lang, 'functions.dashboard.metShare'),
  ];
  const out: CellValue[][] = [header];
  let customers = 0;
  let met = 0;
  // Room for the header and the total row.
  for (const rank of ranks.slice(0, VIEW_SIZE.keyperson.rows - 2)) {
    const c = by.get(rank);
    if (!c) continue;
    out.push([rank, c.standard, c.customers, c.met, percent(c.met, c.customers)]);
    customers += c.customers;
    met += c.met;
  }
  out.push([t(lang, 'functions.dashboard.total'), '', customers, met, percent(met, customers)]);
  return out;
}

/**
 * Activities per 7-day week per rep over the last 26 weeks up to the as-of date (the week's
 * first day labels it); the most active reps get their own column, the rest are summed.
 */
function weeklyTable(log: ActivityLog, asOf: Day, lang: Lang): CellValue[][] {
  const first = asOf - WEEKS * 7 + 1;
  const counts = new Map<string, number[]>();
  const totals = new Map<string, number>();
  for (let i = 0; i < log.length; i++) {
    const date = log.date[i]!;
    if (date < first || date > asOf) continue;
    const rep = repLabel(log.repAt(i), lang);
    let weeks = counts.get(rep);
    if (!weeks) counts.set(rep, (weeks = new Array<number>(WEEKS).fill(0)));
    weeks[Math.floor((date - first) / 7)]!++;
    totals.set(rep, (totals.get(rep) ?? 0) + 1);
  }
  const reps = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r);
  const own = reps.length > WEEKLY_REP_COLUMNS ? reps.slice(0, WEEKLY_REP_COLUMNS - 1) : reps;
  const rest = reps.slice(own.length);
  const header: CellValue[] = [t(lang, 'functions.dashboard.week'), ...own];
  if (rest.length > 0) header.push(t(lang, 'functions.dashboard.others'));
  const out: CellValue[][] = [header];
  for (let w = 0; w < WEEKS; w++) {
    const line: CellValue[] = [formatDay(first + w * 7, lang), ...own.map((r) => counts.get(r)![w]!)];
    if (rest.length > 0) line.push(rest.reduce((n, r) => n + counts.get(r)![w]!, 0));
    out.push(line);
  }
  return out;
}

const range = (args: CoercedArgs, name: string): CellValue[][] => args.ranges[name] ?? [];

export function dashboardFunction(params: {
  customers: ParamDef;
  contacts: ParamDef;
  activities: ParamDef;
  definition: ParamDef;
  asOf: ParamDef;
  lang: ParamDef;
}): FunctionDef {
  return {
    name: 'DASHBOARD',
    help: {
      ja: 'ダッシュボードの集計を表で返します: "reps"（営業担当ごとのギャップ）、"ranks"（ランク分布）、"keyperson"（ランクの期限内にキーマンに会えた顧客の割合）、"weekly"（直近26週の営業担当ごとの週別行動件数）。',
      en: 'Returns a dashboard count as a table: "reps" (gaps per rep), "ranks" (rank distribution), "keyperson" (share of customers whose key person was met within the rank\'s limit), "weekly" (activities per week per rep over the last 26 weeks).',
    },
    example: '=KIMERU.DASHBOARD(顧客!A1:H200, 連絡先!A1:F600, 行動!A1:M5000, 定義!A1:L40, 設定!B2, "weekly")',
    params: [
      params.customers,
      params.contacts,
      params.activities,
      params.definition,
      params.asOf,
      {
        name: 'view',
        kind: 'text',
        optional: true,
        help: {
          ja: '"reps"（既定）、"ranks"、"keyperson"、"weekly"',
          en: '"reps" (default), "ranks", "keyperson", "weekly"',
        },
      },
      params.lang,
    ],
    run(args, lang) {
      const v = view(args.texts['view'] ?? '');
      const r = readRanked(
        {
          customers: range(args, 'customers'),
          contacts: range(args, 'contacts'),
          activities: range(args, 'activities'),
          cellObjects: args.cellObjects,
          hostRows: args.hostRows,
          definition: range(args, 'definition'),
          ...(args.dates['as_of'] != null ? { asOf: args.dates['as_of'] } : {}),
        },
        lang,
      );
      const day = args.dates['as_of'];
      if (day === null || day === undefined)
        throw new KimeruError({ key: 'functions.missingArgument', params: { name: 'as_of' } });
      switch (v) {
        case 'ranks':
          return ranksTable(r.definition.ranks, r.ranks, r.dataset.customers.length, lang);
        case 'weekly':
          return weeklyTable(r.index.log, day, lang);
        case 'reps':
        case 'keyperson': {
          const rows = checkGaps(r.definition, r.index, day, r.ranks, lang, { texts: false });
          if (v === 'keyperson') return keyPersonTable(rows, r.definition.ranks, lang);
          return repsTable(rows, (id) => r.index.customerById.get(id)?.rep ?? '', lang);
        }
      }
    },
  };
}
