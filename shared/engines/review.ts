import type { Customer, Day } from '../model';
import type { Definition, Perspective } from '../definition/model';
import { t, type Lang } from '../i18n';
import { PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import type { CellValue } from '../values/cell';
import { dayFromParts, partsFromDay } from '../values/days';
import { normalizeText } from '../values/text';
import type { DatasetIndex } from './dataset-index';
import { headerKey } from './columns';
import { measureItem, subjectOf, type Subject } from './metrics';
import { formatPercent } from './format';

/** A half of a fiscal year, named by the year it starts in: "2026年度上期" / "FY2026 H1". */
export interface HalfYear {
  label: string;
  fiscalYear: number;
  half: 1 | 2;
  start: Day;
  end: Day;
}

/** The fiscal half-year containing `day`; April start by default (H1 = Apr–Sep, H2 = Oct–Mar). */
export function halfYearOf(day: Day, fiscalStartMonth = 4, lang: Lang = 'ja'): HalfYear {
  const fsm =
    Number.isInteger(fiscalStartMonth) && fiscalStartMonth >= 1 && fiscalStartMonth <= 12
      ? fiscalStartMonth
      : 4;
  const { year, month } = partsFromDay(day);
  const fiscalYear = month >= fsm ? year : year - 1;
  const half: 1 | 2 = (month - fsm + 12) % 12 < 6 ? 1 : 2;
  // Months counted from January of the fiscal year (0-based), so the carry into the next year is plain arithmetic.
  const startIndex = fsm - 1 + (half - 1) * 6;
  const start = monthStart(fiscalYear, startIndex);
  const end = monthStart(fiscalYear, startIndex + 6) - 1;
  const label = t(lang, half === 1 ? 'engines.review.firstHalf' : 'engines.review.secondHalf', {
    year: fiscalYear,
  });
  return { label, fiscalYear, half, start, end };
}

/** A fiscal half-year as people name it: 2026H1 / 2026上期 / 2026年度下期 / FY2026 H2. */
export interface PeriodName {
  fiscalYear: number;
  half: 1 | 2;
}

/** Reads a period's name; null when it is not one (the caller says how to write it). */
export function parsePeriod(text: string): PeriodName | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const m = /^(?:FY)?(\d{4})(?:年度?)?(?:(H|-H|_H)([12])|(上期|下期|上半期|下半期))$/.exec(s);
  if (!m) return null;
  const half = m[3] !== undefined ? Number(m[3]) : m[4]!.startsWith('上') ? 1 : 2;
  return { fiscalYear: Number(m[1]), half: half as 1 | 2 };
}

/** The half-year so named, for a fiscal year starting in `fiscalStartMonth`. */
export function halfYearNamed(name: PeriodName, fiscalStartMonth = 4, lang: Lang = 'ja'): HalfYear {
  const fsm =
    Number.isInteger(fiscalStartMonth) && fiscalStartMonth >= 1 && fiscalStartMonth <= 12
      ? fiscalStartMonth
      : 4;
  const start = monthStart(name.fiscalYear, fsm - 1 + (name.half - 1) * 6);
  return halfYearOf(start, fsm, lang);
}

/** The half-year before `half`: the previous review's period. */
export function previousHalfYear(half: HalfYear, fiscalStartMonth = 4, lang: Lang = 'ja'): HalfYear {
  return halfYearOf(half.start - 1, fiscalStartMonth, lang);
}

/** A period's code, language-independent, as the answers sheet keeps it: "2026H1". */
export function periodCode(half: { fiscalYear: number; half: 1 | 2 }): string {
  return `${half.fiscalYear}H${half.half}`;
}

function monthStart(year: number, monthIndex: number): Day {
  return dayFromParts(year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

/** A rep's own answer for one item: do they know it? null = not answered. */
export interface KnowsAnswer {
  rep: string;
  itemId: string;
  knows: boolean | null;
}

/**
 * 出来ている / 知っているだけ / 未着手 / データなし (a measurable item with nothing to measure) /
 * 未確認 (an item without a metric that no manager has confirmed yet: never "not done").
 */
export type ReviewClass = 'done' | 'knownOnly' | 'notStarted' | 'noData' | 'unconfirmed';

/** A manager's word on an item the data cannot measure, for one rep and period. */
export interface Confirmation {
  rep: string;
  itemId: string;
  done: boolean;
  note: string;
}

/** Share of a rep's customers meeting an item at or above which the item counts as done. */
export const DEFAULT_DONE_BAR = 0.8;

export interface ReviewRow {
  /** The rep as written on the customers ('' = customers with no rep: shown as "(未設定)"). */
  rep: string;
  itemId: string;
  itemName: string;
  perspective: Perspective;
  measurable: boolean;
  knows: boolean | null;
  /**
   * Share of the rep's measured customers meeting the item as of the period end; null when none
   * could be measured (データなし) or the item is not measurable. Never 100% or 0% for no data.
   */
  does: number | null;
  met: number;
  /** Customers measured for the item (met or not); customers with no data are not in it. */
  checked: number;
  /** Customers whose rank the item checks but whose data has nothing to measure. */
  noData: number;
  class: ReviewClass;
  /** The data cannot say whether it is done (no metric, or no customer measured): people check it. */
  peopleCheck: boolean;
  /** Known but, as the data shows, not done: the review's headline (never on no data). */
  headline: boolean;
  /** For an item without a metric: the manager's confirmation, null until there is one. */
  confirmed: boolean | null;
  /** The manager's note with the confirmation ('' without). */
  note: string;
}

/**
 * The half-year review (半期振り返り): per rep × item, what the rep says they know and what the
 * data shows they do. "Does" is measured as of `period.end` (windows reach back from there),
 * over the rep's customers whose rank the item checks. Class: done when does ≥ `doneBar`
 * (80% by default: most customers, allowing for a few exceptions); else "known only" when the
 * rep answered yes; else not started. A measurable item with no customer to measure (none of
 * the rep's customers has the rank it checks, or all of them have nothing to measure, see
 * measureItem) is "no data", whatever the answer; an item without a metric follows the answer.
 */
export function reviewRows(
  def: Definition,
  index: DatasetIndex,
  period: { start: Day; end: Day },
  ranks: ReadonlyMap<string, string>,
  knows: readonly KnowsAnswer[],
  doneBar = DEFAULT_DONE_BAR,
  confirmations: readonly Confirmation[] = [],
): ReviewRow[] {
  const groups = new Map<string, { rep: string; customers: Customer[] }>();
  const group = (rep: string) => {
    const key = repKey(rep);
    let g = groups.get(key);
    if (!g) {
      g = { rep: key === '' ? '' : normalizeText(rep), customers: [] };
      groups.set(key, g);
    }
    return g;
  };
  for (const c of index.customers) group(c.rep).customers.push(c);
  const answers = new Map<string, boolean | null>();
  for (const a of knows) {
    group(a.rep);
    answers.set(`${repKey(a.rep)}\u0000${a.itemId}`, a.knows);
  }

  // The latest confirmation per rep and item wins (the list is in the order they were recorded).
  const confirmed = new Map<string, Confirmation>();
  for (const c of confirmations) confirmed.set(`${repKey(c.rep)}\u0000${c.itemId}`, c);

  const subjects = new Map<string, Subject>();
  const subject = (c: Customer) => {
    let s = subjects.get(c.id);
    if (!s) {
      s = subjectOf(index, c, period.end);
      subjects.set(c.id, s);
    }
    return s;
  };

  const rows: ReviewRow[] = [];
  for (const [key, g] of groups) {
    for (const item of def.items) {
      let met = 0;
      let checked = 0;
      let noData = 0;
      if (item.metric) {
        for (const c of g.customers) {
          const rank = ranks.get(c.id);
          const threshold = rank === undefined ? undefined : item.thresholds[rank];
          if (threshold === null || threshold === undefined) continue;
          const status = measureItem(item, threshold, subject(c), period.end, 'ja').status;
          if (status === 'nodata') {
            noData++;
            continue;
          }
          checked++;
          if (status === 'ok') met++;
        }
      }
      const does = checked > 0 ? met / checked : null;
      const answer = answers.get(`${key}\u0000${item.id}`) ?? null;
      const confirmation = item.metric === null ? confirmed.get(`${key}\u0000${item.id}`) : undefined;
      const cls: ReviewClass =
        item.metric === null
          ? confirmation === undefined
            ? 'unconfirmed'
            : confirmation.done
              ? 'done'
              : answer === true
                ? 'knownOnly'
                : 'notStarted'
          : does !== null && does >= doneBar
            ? 'done'
            : does === null
              ? 'noData'
              : answer === true
                ? 'knownOnly'
                : 'notStarted';
      rows.push({
        rep: g.rep,
        itemId: item.id,
        itemName: item.name,
        perspective: item.perspective,
        measurable: item.metric !== null,
        knows: answer,
        does,
        met,
        checked,
        noData,
        class: cls,
        peopleCheck: does === null,
        headline: cls === 'knownOnly' && (does !== null || confirmation !== undefined),
        confirmed: confirmation === undefined ? null : confirmation.done,
        note: confirmation?.note ?? '',
      });
    }
  }
  return rows;
}

const UNASSIGNED_KEYS = new Set(
  [t('ja', 'engines.review.unassigned'), t('en', 'engines.review.unassigned')].map(headerKey),
);

/** Reps compare as people write them: "山田 太郎", "山田\u3000太郎" and "山田太郎" are one rep; "(未設定)" is no rep. */
function repKey(rep: string): string {
  const key = headerKey(rep);
  return UNASSIGNED_KEYS.has(key) ? '' : key;
}

const CLASS_KEYS = {
  done: 'engines.review.done',
  knownOnly: 'engines.review.knownOnly',
  notStarted: 'engines.review.notStarted',
  noData: 'engines.review.noData',
  unconfirmed: 'engines.review.unconfirmed',
} as const;

/** A class's label in `lang` (出来ている, 未確認…). */
export function classLabel(cls: ReviewClass, lang: Lang): string {
  return t(lang, CLASS_KEYS[cls]);
}

/** Better and worse: not started < known only < done. No data and not confirmed do not compare. */
const CLASS_ORDER: Partial<Record<ReviewClass, number>> = { notStarted: 0, knownOnly: 1, done: 2 };

export type Direction = 'better' | 'worse' | 'same';

/** The change of one rep's item from the previous period's review: knows, does. */
export interface ReviewChange {
  knows: Direction | null;
  does: Direction | null;
  before: ReviewClass;
}

/** The key a rep's item is compared by across periods. */
export function changeKey(rep: string, itemId: string): string {
  return `${repKey(rep)}\u0000${itemId}`;
}

/**
 * Per rep and item, what changed since the previous period's review: whether the rep now says
 * they know it (better) or no longer (worse), and whether the class moved up or down. An item or
 * rep the previous review did not have is left out (nothing to compare with).
 */
export function reviewChanges(
  current: readonly ReviewRow[],
  previous: readonly ReviewRow[],
): Map<string, ReviewChange> {
  const before = new Map(previous.map((r) => [changeKey(r.rep, r.itemId), r]));
  const out = new Map<string, ReviewChange>();
  const dir = (a: number, b: number): Direction => (b > a ? 'better' : b < a ? 'worse' : 'same');
  for (const r of current) {
    const p = before.get(changeKey(r.rep, r.itemId));
    if (!p) continue;
    const knows = r.knows === null || p.knows === null ? null : dir(Number(p.knows), Number(r.knows));
    const a = CLASS_ORDER[p.class];
    const b = CLASS_ORDER[r.class];
    out.set(changeKey(r.rep, r.itemId), {
      knows,
      does: a === undefined || b === undefined ? null : dir(a, b),
      before: p.class,
    });
  }
  return out;
}

/** The change column's words: "知っている: 良くなった / 出来ている: 悪くなった (出来ている→未着手)". */
export function changeText(change: ReviewChange | undefined, current: ReviewRow, lang: Lang): string {
  // Nothing comparable (no answer, no data, not confirmed on either side) is no comparison, not "no change".
  if (change === undefined || (change.knows === null && change.does === null))
    return t(lang, 'engines.review.noPrevious');
  const parts: string[] = [];
  if (change.knows === 'better' || change.knows === 'worse')
    parts.push(
      t(lang, change.knows === 'better' ? 'engines.review.knowsBetter' : 'engines.review.knowsWorse'),
    );
  if (change.does === 'better' || change.does === 'worse')
    parts.push(
      t(lang, change.does === 'better' ? 'engines.review.doesBetter' : 'engines.review.doesWorse', {
        before: classLabel(change.before, lang),
        after: classLabel(current.class, lang),
      }),
    );
  return parts.length > 0 ? parts.join(' / ') : t(lang, 'engines.review.noChange');
}

/**
 * The review sheet: header row in `lang`, headline rows (known but not done) first. Given the
 * changes from the previous period, a column says per row what got better or worse.
 */
export function reviewTable(
  rows: readonly ReviewRow[],
  lang: Lang,
  stamp: string,
  changes?: ReadonlyMap<string, ReviewChange>,
): CellValue[][] {
  const header = [
    t(lang, 'engines.col.rep'),
    t(lang, 'engines.col.perspective'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.knows'),
    t(lang, 'engines.col.does'),
    t(lang, 'engines.col.class'),
    ...(changes ? [t(lang, 'engines.col.change')] : []),
    t(lang, 'engines.col.version'),
  ];
  const ordered = [...rows.filter((r) => r.headline), ...rows.filter((r) => !r.headline)];
  return [
    header,
    ...ordered.map((r) => [
      r.rep === '' ? t(lang, 'engines.review.unassigned') : r.rep,
      PERSPECTIVE_LABELS[r.perspective][lang],
      r.itemName,
      t(
        lang,
        r.knows === null ? 'engines.review.noAnswer' : r.knows ? 'engines.review.yes' : 'engines.review.no',
      ),
      doesText(r, lang),
      t(lang, CLASS_KEYS[r.class]),
      ...(changes ? [changeText(changes.get(changeKey(r.rep, r.itemId)), r, lang)] : []),
      stamp,
    ]),
  ];
}

function doesText(r: ReviewRow, lang: Lang): string {
  if (!r.measurable) {
    if (r.confirmed === null) return t(lang, 'engines.review.peopleCheck');
    const said = t(lang, r.confirmed ? 'engines.review.confirmedYes' : 'engines.review.confirmedNo');
    return r.note === '' ? said : `${said}: ${r.note}`;
  }
  if (r.does === null)
    return r.noData > 0
      ? t(lang, 'engines.review.noDataCustomers', { count: r.noData })
      : t(lang, 'engines.review.noCustomers');
  const params = { share: formatPercent(r.does), met: r.met, checked: r.checked, noData: r.noData };
  return t(lang, r.noData > 0 ? 'engines.review.shareWithNoData' : 'engines.review.share', params);
}
