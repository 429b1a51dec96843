import { ActivityLog } from '../activity-log';
import { contactGroups } from '../tables/contactGroups';
import { keepShapes } from '../keep-shapes';
import type { Activity, Contact, Customer, Dataset, Day } from '../model';

/**
 * Lookups every engine needs, built once in O(n) so that checks over 10,000 customers and
 * 300,000 activities stay linear: no engine scans the whole log per customer. The activities
 * stay in the log's columns; `order` lists their positions grouped by customer, each customer's
 * by date, then sheet row.
 */
export interface DatasetIndex {
  customers: Customer[];
  customerById: Map<string, Customer>;
  contactById: Map<string, Contact>;
  contactsByCustomer: ReadonlyMap<string, readonly Contact[]>;
  /** Contacts with role 'key' (キーマン, 決裁者), per customer. */
  keyPersonsByCustomer: ReadonlyMap<string, readonly Contact[]>;
  log: ActivityLog;
  /** Positions in `log`, grouped by customer; within a customer by date, then sheet row. */
  order: Int32Array;
  /** Where each customer's part of `order` starts, by the log's customer code (one more at the end). */
  groupStart: Int32Array;
  /** Per position in `log`: 1 when one of the people met is a key person of the activity's customer. */
  keyMet: Uint8Array;
}

const NONE: readonly never[] = [];

/** Builds the index of a dataset in one pass over each list. */
export function indexDataset(ds: Dataset): DatasetIndex {
  const groups = contactGroups(ds.contacts);
  const log = ds.log ?? ActivityLog.of(ds.activities);
  const { order, groupStart } = orderByCustomer(log);
  // The id maps are built on first use: the checks a custom function runs never look one up.
  let customerById: Map<string, Customer> | null = null;
  let contactById: Map<string, Contact> | null = null;
  const contactsById = (): Map<string, Contact> => (contactById ??= firstById(ds.contacts));
  const index: DatasetIndex = {
    customers: ds.customers,
    get customerById() {
      return (customerById ??= firstById(ds.customers));
    },
    get contactById() {
      return contactsById();
    },
    contactsByCustomer: groups.byCustomer,
    keyPersonsByCustomer: groups.keyPersons,
    log,
    order,
    groupStart,
    keyMet: log.keyMetKnown ? log.keyMet : keyPersonMeetings(log, contactsById),
  };
  keepShapes('index', index);
  return index;
}

/** Each id's first entry. */
function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const x of list) if (!byId.has(x.id)) byId.set(x.id, x);
  return byId;
}

/**
 * Groups the log's positions by customer (the log's customer codes, in order of first appearance)
 * and puts each group in date order, then sheet row: two stable counting passes — by day, then by
 * customer — when the days are whole and the rows come in sheet order (a log read from a sheet),
 * a sort otherwise. One loop per function: V8 optimises each on its own and keeps it optimised.
 */
function orderByCustomer(log: ActivityLog): { order: Int32Array; groupStart: Int32Array } {
  const days = dayRange(log);
  const span = days.max - days.min + 1;
  const byDay =
    log.length > 0 && days.countable && span <= COUNTING_SPAN_LIMIT
      ? countingByDay(log, days.min, span)
      : sortedByDay(log);
  return groupByCustomer(log, byDay);
}

/** The first and last day, and whether days are whole and rows in sheet order. */
function dayRange(log: ActivityLog): { min: number; max: number; countable: boolean } {
  const { date, row } = log;
  let min = Infinity;
  let max = -Infinity;
  let countable = true;
  let prevRow = -Infinity;
  for (let i = 0; i < log.length; i++) {
    const d = date[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
    const r = row[i]!;
    if (r < prevRow || (d | 0) !== d) countable = false;
    prevRow = r;
  }
  return { min, max, countable };
}

/** Positions by day, stable (the same day keeps sheet order). */
function countingByDay(log: ActivityLog, minDay: number, span: number): Int32Array {
  const { date } = log;
  const n = log.length;
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) starts[date[i]! - minDay + 1]!++;
  for (let d = 1; d <= span; d++) starts[d]! += starts[d - 1]!;
  const byDay = new Int32Array(n);
  for (let i = 0; i < n; i++) byDay[starts[date[i]! - minDay]!++] = i;
  return byDay;
}

function sortedByDay(log: ActivityLog): Int32Array {
  const positions = Array.from({ length: log.length }, (_, i) => i);
  positions.sort((a, b) => log.date[a]! - log.date[b]! || log.row[a]! - log.row[b]!);
  return Int32Array.from(positions);
}

/** `byDay` regrouped by customer, stable: each group keeps the date order. */
function groupByCustomer(log: ActivityLog, byDay: Int32Array): { order: Int32Array; groupStart: Int32Array } {
  const groupStart = groupStarts(log);
  return { order: scatterByCustomer(log, byDay, groupStart), groupStart };
}

/** Where each customer's group starts in `order` (one more at the end): a count, then sums. */
function groupStarts(log: ActivityLog): Int32Array {
  const customer = log.customer;
  const n = log.length;
  const groups = log.customerIds.list.length;
  const groupStart = new Int32Array(groups + 1);
  for (let i = 0; i < n; i++) groupStart[customer[i]! + 1]!++;
  for (let k = 1; k <= groups; k++) groupStart[k]! += groupStart[k - 1]!;
  return groupStart;
}

/** The positions of `byDay`, each put at the next place of its customer's group. */
function scatterByCustomer(log: ActivityLog, byDay: Int32Array, groupStart: Int32Array): Int32Array {
  const customer = log.customer;
  const n = log.length;
  const next = groupStart.slice(0, groupStart.length - 1);
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byDay[j]!;
    order[next[customer[i]!]!++] = i;
  }
  return order;
}

/**
 * Whether each activity met a key person of its own customer (what the key-person checks ask),
 * for a log made from objects (a log read from a sheet has it per row): from its entries where
 * they know, else worked out here once per entry and customer.
 */
function keyPersonMeetings(log: ActivityLog, contactById: () => ReadonlyMap<string, Contact>): Uint8Array {
  const met = new Uint8Array(log.length);
  const { people, peopleCode } = log;
  let lastCode = -2;
  let lastCustomer = -1;
  let lastMet = 0;
  for (let i = 0; i < log.length; i++) {
    const code = peopleCode[i]!;
    if (code < 0) continue;
    const known = people[code]!.keyMet;
    if (known >= 0) {
      met[i] = known;
      continue;
    }
    const customer = log.customer[i]!;
    if (code !== lastCode || customer !== lastCustomer) {
      lastCode = code;
      lastCustomer = customer;
      lastMet = metKeyPerson(people[code]!.ids, log.customerIds.list[customer]!, contactById()) ? 1 : 0;
    }
    met[i] = lastMet;
  }
  return met;
}

function metKeyPerson(
  ids: readonly string[],
  customerId: string,
  contactById: ReadonlyMap<string, Contact>,
): boolean {
  for (const id of ids) {
    const c = contactById.get(id);
    if (c !== undefined && c.role === 'key' && c.customerId === customerId) return true;
  }
  return false;
}

/** The customer's contacts ([] when none). */
export function contactsOf(index: DatasetIndex, customerId: string): readonly Contact[] {
  return index.contactsByCustomer.get(customerId) ?? NONE;
}

/** The customer's key persons ([] when none). */
export function keyPersonsOf(index: DatasetIndex, customerId: string): readonly Contact[] {
  return index.keyPersonsByCustomer.get(customerId) ?? NONE;
}

/**
 * The customer's activities dated on or before `asOf` as positions in `order`: order[start..end),
 * oldest first (future-dated rows are left out).
 */
export function spanUntil(
  index: DatasetIndex,
  customerId: string,
  asOf: Day,
): { start: number; end: number } {
  const { order, log, groupStart } = index;
  const code = log.customerIds.find(customerId);
  if (code === undefined) return { start: 0, end: 0 };
  const start = groupStart[code]!;
  let lo = start;
  let hi = groupStart[code + 1]!;
  // First position whose date is after `asOf` (binary search over the date-sorted group).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.date[order[mid]!]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return { start, end: lo };
}

/** The customer's activities dated on or before `asOf`, oldest first, as objects. */
export function activitiesUntil(index: DatasetIndex, customerId: string, asOf: Day): readonly Activity[] {
  const { start, end } = spanUntil(index, customerId, asOf);
  if (start === end) return NONE;
  const out = new Array<Activity>(end - start);
  for (let k = start; k < end; k++) out[k - start] = index.log.at(index.order[k]!);
  return out;
}

/** Days a counting pass spans at most (a log's dates lie within a few years; a typo may not). */
const COUNTING_SPAN_LIMIT = 1 << 17;
