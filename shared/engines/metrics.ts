import type { ActivityType, Contact, Customer, Day } from '../model';
import type { Item, MetricKind } from '../definition/model';
import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { ACTIVITY_TYPE_LABELS } from '../i18n/vocabulary';
import { formatDay } from '../values/days';
import { keyPersonsOf, spanUntil, type DatasetIndex } from './dataset-index';
import type { ActivityLog } from '../activity-log';
import { activityTypeOf } from '../tables/activityTypes';
import { attributeBlank, lookupColumn, splitNames } from './columns';

/**
 * Measuring one item of the definition for one customer as of a date. Shared by the gap check
 * (GAPCHECK) and the half-year review, so both agree on what "meets the item" means.
 * Only activities dated on or before the as-of date count; future-dated rows are ignored.
 */

/** Look-back windows used when an item leaves `window` blank. */
export const DEFAULT_WINDOWS: Partial<Record<MetricKind, number>> = {
  distinct_contacts: 180,
  activity_count: 90,
  recording_lag_days: 90,
};

/** The window of an item in days: its own, else the metric's default. */
export function windowOf(item: Item): number {
  if (item.window !== null && item.window > 0) return item.window;
  return item.metric ? (DEFAULT_WINDOWS[item.metric] ?? 0) : 0;
}

/**
 * What the engines know about one customer as of the as-of date. Its activities are read from
 * the log's columns: positions order[start..end), oldest first (see DatasetIndex).
 */
export interface Subject {
  customer: Customer;
  keyPersons: readonly Contact[];
  log: ActivityLog;
  order: Int32Array;
  /** Activities dated on/before the as-of date: order[start..end). */
  start: number;
  end: number;
  /** Per log position: 1 when a key person of the customer was met. */
  keyMet: Uint8Array;
}

/** Gathers a customer's key persons and activities up to `asOf` from the index (no scans). */
export function subjectOf(index: DatasetIndex, customer: Customer, asOf: Day): Subject {
  const { start, end } = spanUntil(index, customer.id, asOf);
  return {
    customer,
    keyPersons: keyPersonsOf(index, customer.id),
    log: index.log,
    order: index.order,
    start,
    end,
    keyMet: index.keyMet,
  };
}

/** The log position of the subject's latest activity, or -1 when there is none. */
export function latestOf(s: Subject): number {
  return s.end > s.start ? s.order[s.end - 1]! : -1;
}

/**
 * Whether a customer meets an item: 'ok', 'gap', or 'nodata' when there is nothing to measure
 * (データなし). No data is never success: it is shown and counted apart from both.
 */
export type MeasureStatus = 'ok' | 'gap' | 'nodata';

/** The result of measuring an item: its status, the actual in words, and as a number. */
export interface Measure {
  status: MeasureStatus;
  actual: string;
  actualValue: number | null;
}

const status = (ok: boolean): MeasureStatus => (ok ? 'ok' : 'gap');

/**
 * Measures a measurable item against `threshold` for one customer.
 *
 * When is there "nothing to measure" (データなし)? Decided per metric, as a demanding sales
 * manager reads the standard:
 * - key_person_registered, key_person_contact_days, contact_days, distinct_contacts,
 *   activity_count: a customer nobody registered a key person for, or nobody met, is exactly
 *   what the standard is about — no key person or no activity at all is a gap, never no data.
 * - next_action_overdue: with no activity at all there is no next action to be late on, and
 *   none to be on time with either: no data (an activity without a due date still leaves
 *   nothing open: met).
 * - attribute_filled: the customer row is always there; a named column that the customer table
 *   does not have cannot be judged, so when no named column is blank but some are missing it
 *   is no data (a blank column is still a gap). No column named at all: no data.
 * - recording_lag_days: only rows with a recorded-at stamp tell how late they were recorded;
 *   with none in the window it is no data.
 * - activity_count with an activity type we cannot read: the definition cannot be measured, no data.
 */
export function measureItem(item: Item, threshold: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  switch (item.metric) {
    case 'key_person_registered':
      return keyPersonRegistered(threshold, s, lang);
    case 'key_person_contact_days':
      return keyPersonContact(threshold, s, asOf, lang);
    case 'contact_days':
      return lastContact(threshold, s, asOf, lang);
    case 'distinct_contacts':
      return distinctContacts(threshold, windowOf(item), s, asOf, lang);
    case 'activity_count':
      return activityCount(threshold, windowOf(item), item.target, s, asOf, lang);
    case 'next_action_overdue':
      return nextActionOverdue(threshold, s, asOf, lang);
    case 'attribute_filled':
      return attributesFilled(threshold, item.target, s, lang);
    case 'recording_lag_days':
      return recordingLag(threshold, windowOf(item), s, asOf, lang);
    case null:
      return { status: 'nodata', actual: '', actualValue: null };
  }
}

function keyPersonRegistered(threshold: number, s: Subject, lang: Lang | null): Measure {
  const count = s.keyPersons.length;
  const actual =
    count > 0
      ? lang === null
        ? ''
        : t(lang, 'engines.actual.keyPersons', { names: s.keyPersons.map((p) => p.name).join(listSep(lang)) })
      : say(lang, 'engines.actual.noKeyPerson');
  return { status: status(threshold < 1 || count > 0), actual, actualValue: count };
}

/**
 * The column's cautionary case lives here: a key person is registered but every activity met
 * only the person in charge (or others) — the actual says so in words, not just "no contact".
 */
function keyPersonContact(limit: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  if (s.keyPersons.length === 0)
    return { status: 'gap', actual: say(lang, 'engines.actual.noKeyPerson'), actualValue: null };
  const key = lastKeyContact(s);
  if (key.last >= 0) {
    const date = s.log.date[key.last]!;
    const days = asOf - date;
    const ok = days <= limit;
    let actual = say(lang, 'engines.actual.lastKeyContact', { date: dayText(date, lang), days });
    if (!ok && key.othersOnly) actual += ' ' + say(lang, 'engines.actual.chargeOnlySince');
    return { status: status(ok), actual, actualValue: days };
  }
  const actual =
    s.end === s.start
      ? say(lang, 'engines.actual.noContact')
      : key.othersOnly
        ? say(lang, 'engines.actual.chargeOnly')
        : say(lang, 'engines.actual.noKeyContact');
  return { status: 'gap', actual, actualValue: null };
}

/** The latest key-person meeting up to the as-of date, and whether only others were met since. */
export interface KeyContact {
  /** Its log position, or -1 when no key person was met. */
  last: number;
  /** Whether anyone (only persons in charge or others) was met since, or ever when never. */
  othersOnly: boolean;
}

export function lastKeyContact(s: Subject): KeyContact {
  let othersOnly = false;
  for (let k = s.end - 1; k >= s.start; k--) {
    const i = s.order[k]!;
    if (s.keyMet[i] === 1) return { last: i, othersOnly };
    if (s.log.peopleCode[i]! >= 0 && s.log.contactIdsAt(i).length > 0) othersOnly = true;
  }
  return { last: -1, othersOnly };
}

function lastContact(limit: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  const last = latestOf(s);
  if (last < 0) return { status: 'gap', actual: say(lang, 'engines.actual.noContact'), actualValue: null };
  const date = s.log.date[last]!;
  const days = asOf - date;
  return {
    status: status(days <= limit),
    actual: say(lang, 'engines.actual.lastContact', { date: dayText(date, lang), days }),
    actualValue: days,
  };
}

/**
 * Where the window (asOf - window, asOf] starts in the subject's activities (oldest first): the
 * window is order[windowStart..end). A plain index, not an iterator: it runs per customer and item.
 */
function windowStart(s: Subject, asOf: Day, window: number): number {
  const from = asOf - window;
  let k = s.end;
  while (k > s.start && s.log.date[s.order[k - 1]!]! > from) k--;
  return k;
}

function distinctContacts(min: number, window: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  const met = new Set<string>();
  for (let k = s.end - 1, start = windowStart(s, asOf, window); k >= start; k--)
    for (const id of s.log.contactIdsAt(s.order[k]!)) met.add(id);
  return {
    status: status(met.size >= min),
    actual: say(lang, 'engines.actual.distinctContacts', { days: window, count: met.size }),
    actualValue: met.size,
  };
}

/** The activity types an item's target names; null = any type; a string = a name we cannot read. */
export function targetTypes(target: string): Set<ActivityType> | null | string {
  const names = splitNames(target);
  if (names.length === 0) return null;
  const types = new Set<ActivityType>();
  for (const name of names) {
    const type = activityTypeOf(name);
    if (!type) return name;
    types.add(type);
  }
  return types;
}

/** "訪問・電話" for a type set, "行動" for any type. */
export function typesLabel(types: Set<ActivityType> | null, lang: Lang): string {
  if (types === null) return t(lang, 'engines.word.anyActivity');
  return [...types].map((type) => ACTIVITY_TYPE_LABELS[type][lang]).join('・');
}

// An item's target read once, not per customer (the sets are only read).
const TARGETS = new Map<string, Set<ActivityType> | null | string>();

function activityCount(
  min: number,
  window: number,
  target: string,
  s: Subject,
  asOf: Day,
  lang: Lang | null,
): Measure {
  let types = TARGETS.get(target);
  if (types === undefined) {
    types = targetTypes(target);
    if (TARGETS.size > 1000) TARGETS.clear();
    TARGETS.set(target, types);
  }
  if (typeof types === 'string')
    return {
      status: 'nodata',
      actual: say(lang, 'engines.actual.unknownType', { type: types }),
      actualValue: null,
    };
  let count = 0;
  for (let k = s.end - 1, start = windowStart(s, asOf, window); k >= start; k--)
    if (types === null || types.has(s.log.typeAt(s.order[k]!))) count++;
  return {
    status: status(count >= min),
    actual: say(lang, 'engines.actual.activityCount', { days: window, type: lang === null ? '' : typesLabel(types, lang), count }),
    actualValue: count,
  };
}

/**
 * Kept simple on purpose: the open next action is the one written on the customer's latest
 * activity (by date, then row). A later activity closes an earlier one's next action, since
 * the rep evidently followed up; a latest activity without a due date leaves nothing open.
 */
function nextActionOverdue(limit: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  const last = latestOf(s);
  if (last < 0) return { status: 'nodata', actual: say(lang, 'engines.actual.noActivity'), actualValue: null };
  const due = s.log.nextDueAt(last);
  if (due === null) return { status: 'ok', actual: say(lang, 'engines.actual.noOpenAction'), actualValue: null };
  const overdue = asOf - due;
  const params = { date: dayText(due, lang), days: overdue, action: shorten(s.log.nextActionAt(last)) };
  const actual =
    overdue > 0
      ? say(lang, 'engines.actual.nextDueOverdue', params)
      : say(lang, 'engines.actual.nextDueOpen', params);
  return { status: status(overdue <= limit), actual, actualValue: overdue };
}

function attributesFilled(threshold: number, target: string, s: Subject, lang: Lang | null): Measure {
  const names = splitNames(target);
  if (names.length === 0)
    return { status: 'nodata', actual: say(lang, 'engines.actual.noColumnsNamed'), actualValue: null };
  const missing: string[] = [];
  const empty: string[] = [];
  for (const name of names) {
    // A column of the customer table, or a field kimeru reads itself (顧客名, 営業担当…).
    const attr = lookupColumn(s.customer, name);
    if (!attr.found) missing.push(name);
    else if (attributeBlank(attr)) empty.push(name);
  }
  const bad = missing.length + empty.length;
  const status: MeasureStatus = threshold < 1 || bad === 0 ? 'ok' : empty.length > 0 ? 'gap' : 'nodata';
  // The status alone (most customers have every column filled): no words to build.
  if (lang === null) return { status, actual: '', actualValue: bad };
  const sep = listSep(lang);
  const parts: string[] = [];
  if (missing.length > 0) parts.push(say(lang, 'engines.actual.columnMissing', { columns: missing.join(sep) }));
  if (empty.length > 0) parts.push(say(lang, 'engines.actual.attributesEmpty', { columns: empty.join(sep) }));
  return {
    status,
    actual:
      bad === 0
        ? say(lang, 'engines.actual.attributesFilled', { columns: names.join(sep) })
        : parts.join(' / '),
    actualValue: bad,
  };
}

/**
 * Hand-typed rows carry no recordedAt and are not counted: their lag cannot be known. With no
 * stamped row in the window there is nothing to measure: no data, never "on time".
 */
function recordingLag(limit: number, window: number, s: Subject, asOf: Day, lang: Lang | null): Measure {
  let stamped = 0;
  let late = 0;
  let maxLag = 0;
  for (let k = s.end - 1, start = windowStart(s, asOf, window); k >= start; k--) {
    const i = s.order[k]!;
    const recordedAt = s.log.recordedAt[i]!;
    if (Number.isNaN(recordedAt)) continue;
    stamped++;
    const lag = recordedAt - s.log.date[i]!;
    if (lag > maxLag) maxLag = lag;
    if (lag > limit) late++;
  }
  if (stamped === 0)
    return {
      status: 'nodata',
      actual: say(lang, 'engines.actual.noStampedRecords', { days: window }),
      actualValue: null,
    };
  const actual =
    late > 0
      ? say(lang, 'engines.actual.lateRecords', { count: late, total: stamped, max: maxLag })
      : say(lang, 'engines.actual.recordsOnTime', { total: stamped, max: maxLag });
  return { status: status(late === 0), actual, actualValue: maxLag };
}

function listSep(lang: Lang | null): string {
  return say(lang, 'engines.word.listSep');
}

/**
 * The actual in words, or '' when `lang` is null: the gap check counts statuses for 52,000
 * customer × item pairs and writes words only for the rows it shows.
 */
function say(lang: Lang | null, key: MessageKey, params?: Params): string {
  return lang === null ? '' : t(lang, key, params);
}

function dayText(day: Day, lang: Lang | null): string {
  return lang === null ? '' : formatDay(day, lang);
}

function shorten(text: string, max = 40): string {
  const s = text.trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
