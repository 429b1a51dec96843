import type { Customer, Day } from '../model';
import type { Definition, MetricKind } from '../definition/model';
import { t, type Lang } from '../i18n';
import { foldText, formatDay } from '../values';
import type { CellValue } from '../values/cell';
import type { DatasetIndex } from './dataset-index';
import { lastKeyContact, latestOf, subjectOf } from './metrics';

/**
 * 次にやること / Next actions: per customer, what a rep should act on and by when — an open next
 * action, a key person to meet before the rank's limit runs out, a customer to contact before
 * the rank's contact interval runs out. Listed when the date to act by is past or within the
 * horizon (14 days), most urgent first.
 */

export const ACTION_HORIZON = 14;

export const ACTION_KINDS = ['nextAction', 'keyPerson', 'contact'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface ActionRow {
  customerId: string;
  customerName: string;
  rank: string;
  /** The customer's 営業担当. */
  rep: string;
  kind: ActionKind;
  /** What to do, in words: the next action as written, or why the key person / contact is due. */
  detail: string;
  /** The customer's key persons (names), so the rep knows whom to ask for. */
  keyPersons: string[];
  /** The latest meeting with any key person on or before the as-of date, and who met them. */
  keyLastMet: Day | null;
  keyMetBy: string;
  /** The date by which to act; null when there is none to count from (never met): act now. */
  actBy: Day | null;
  /** as-of minus act-by: positive when overdue, negative = days left; null with no date. */
  daysOverdue: number | null;
}

/** The tightest threshold of the definition's items of `metric` for `rank`; null when none is set. */
export function limitFor(def: Definition, metric: MetricKind, rank: string): number | null {
  let limit: number | null = null;
  for (const item of def.items) {
    if (item.metric !== metric) continue;
    const th = item.thresholds[rank];
    if (th === null || th === undefined) continue;
    if (limit === null || th < limit) limit = th;
  }
  return limit;
}

/** True when `rep` names the customer's rep (blank = everyone), compared as people type names. */
export function isRepOf(customer: Customer, rep: string): boolean {
  const want = foldText(rep);
  return want === '' || foldText(customer.rep) === want;
}

export interface ActionOptions {
  /** Only this rep's customers; '' or absent = everyone. */
  rep?: string;
  horizon?: number;
}

/**
 * Lists the actions as of `asOf`. Next actions come from the log alone (the open one is on the
 * customer's latest activity, as the gap check reads it); key-person and contact deadlines come
 * from the definition's limits for the customer's rank (no limit set, no action of that kind).
 * Linear in customers plus each customer's own activities.
 */
export function listActions(
  def: Definition,
  index: DatasetIndex,
  asOf: Day,
  ranks: ReadonlyMap<string, string>,
  lang: Lang,
  options: ActionOptions = {},
): ActionRow[] {
  const horizon = options.horizon ?? ACTION_HORIZON;
  const rows: ActionRow[] = [];
  const order = new Map<string, number>();
  for (const customer of index.customers) {
    if (!isRepOf(customer, options.rep ?? '')) continue;
    order.set(customer.id, order.size);
    const rank = ranks.get(customer.id) ?? '';
    const s = subjectOf(index, customer, asOf);
    const { log } = s;
    const keys = s.keyPersons;
    const key = lastKeyContact(s);
    const keyLastMet = key.last < 0 ? null : log.date[key.last]!;
    const base = {
      customerId: customer.id,
      customerName: customer.name,
      rank,
      rep: customer.rep,
      keyPersons: keys.map((k) => k.name),
      keyLastMet,
      keyMetBy: key.last < 0 ? '' : log.repAt(key.last),
    };
    const add = (kind: ActionKind, detail: string, actBy: Day | null) => {
      if (actBy !== null && actBy > asOf + horizon) return;
      rows.push({ ...base, kind, detail, actBy, daysOverdue: actBy === null ? null : asOf - actBy });
    };

    const latest = latestOf(s);
    const nextDue = latest < 0 ? null : log.nextDueAt(latest);
    if (nextDue !== null)
      add('nextAction', log.nextActionAt(latest).trim() || t(lang, 'actions.detail.noActionText'), nextDue);

    const keyLimit = limitFor(def, 'key_person_contact_days', rank);
    if (keyLimit !== null) {
      if (keys.length === 0) add('keyPerson', t(lang, 'actions.detail.noKeyPerson'), null);
      else if (keyLastMet === null)
        add(
          'keyPerson',
          t(lang, key.othersOnly ? 'actions.detail.chargeOnly' : 'actions.detail.keyNeverMet'),
          null,
        );
      else
        add(
          'keyPerson',
          t(lang, 'actions.detail.keyLimit', {
            date: formatDay(keyLastMet, lang),
            days: asOf - keyLastMet,
            limit: keyLimit,
          }),
          keyLastMet + keyLimit,
        );
    }

    const contactLimit = limitFor(def, 'contact_days', rank);
    if (contactLimit !== null) {
      if (latest < 0) add('contact', t(lang, 'actions.detail.neverContacted'), null);
      else {
        const date = log.date[latest]!;
        add(
          'contact',
          t(lang, 'actions.detail.contactLimit', {
            date: formatDay(date, lang),
            days: asOf - date,
            limit: contactLimit,
          }),
          date + contactLimit,
        );
      }
    }
  }
  const rankOrder = new Map(def.ranks.map((r, i) => [r, i]));
  return rows.sort(
    (a, b) =>
      byUrgency(a.actBy, b.actBy) ||
      (rankOrder.get(a.rank) ?? 99) - (rankOrder.get(b.rank) ?? 99) ||
      (order.get(a.customerId) ?? 0) - (order.get(b.customerId) ?? 0) ||
      ACTION_KINDS.indexOf(a.kind) - ACTION_KINDS.indexOf(b.kind),
  );
}

/** No date to act by (never met) first — act now — then the oldest date first. */
export function byUrgency(a: Day | null, b: Day | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return a - b;
}

/** The action list as a table: header row in `lang`, dates as the user's language writes them. */
export function actionTable(rows: readonly ActionRow[], lang: Lang, stamp: string): CellValue[][] {
  const sep = t(lang, 'engines.word.listSep');
  const header = [
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.rank'),
    t(lang, 'engines.col.rep'),
    t(lang, 'actions.col.what'),
    t(lang, 'actions.col.detail'),
    t(lang, 'actions.col.keyPersons'),
    t(lang, 'actions.col.lastKeyMet'),
    t(lang, 'actions.col.metBy'),
    t(lang, 'actions.col.actBy'),
    t(lang, 'actions.col.daysOverdue'),
    t(lang, 'engines.col.version'),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.customerId,
      r.customerName,
      r.rank,
      r.rep,
      t(lang, `actions.kind.${r.kind}`),
      r.detail,
      r.keyPersons.join(sep),
      r.keyLastMet === null ? '' : formatDay(r.keyLastMet, lang),
      r.keyMetBy,
      r.actBy === null ? '' : formatDay(r.actBy, lang),
      r.daysOverdue ?? '',
      stamp,
    ]),
  ];
}
