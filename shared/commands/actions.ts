import { t, type Lang } from '../i18n';
import { ROLE_LABELS } from '../i18n/vocabulary';
import { KimeruError } from '../issues';
import type { ContactRole, Day } from '../model';
import type { WorkbookPort } from '../port';
import {
  ACTION_HORIZON,
  coverageOf,
  indexDataset,
  isRepOf,
  listActions,
  type ActionKind,
  type ActionRow,
} from '../engines';
import { datasetOf } from './data';
import { ranked } from './reports';
import { unreadOf, type UnreadRows } from './unread';
import { loadWorkbook } from './workbook';
import { foldText, formatDay } from '../values';

/**
 * What the pane's 次にやること and relationship views and `kimeru actions` show: read-only views
 * over the workbook (nothing is written), in plain JSON for google.script.run.
 */

export interface ActionView {
  customerId: string;
  customerName: string;
  rank: string;
  rep: string;
  kind: ActionKind;
  /** "次回アクション", "キーマンに会う", "連絡する". */
  what: string;
  detail: string;
  keyPersons: string[];
  /** When and by whom a key person was last met, as the user's language writes dates; '' never. */
  keyLastMet: string;
  keyMetBy: string;
  actBy: string;
  daysOverdue: number | null;
  /** "62日超過", "あと5日", "今日まで", "今すぐ" (no date: never met). */
  when: string;
}

export interface ActionsResult {
  asOf: string;
  rep: string;
  horizon: number;
  /** "2026/11/30 時点: 11件（期限切れ 7件）" or, with nothing to do, a sentence saying so. */
  message: string;
  rows: ActionView[];
  unread: UnreadRows;
}

export function whenText(daysOverdue: number | null, lang: Lang): string {
  if (daysOverdue === null) return t(lang, 'actions.when.now');
  if (daysOverdue > 0) return t(lang, 'actions.when.overdue', { days: daysOverdue });
  if (daysOverdue === 0) return t(lang, 'actions.when.today');
  return t(lang, 'actions.when.left', { days: -daysOverdue });
}

function view(r: ActionRow, lang: Lang): ActionView {
  return {
    customerId: r.customerId,
    customerName: r.customerName,
    rank: r.rank,
    rep: r.rep,
    kind: r.kind,
    what: t(lang, `actions.kind.${r.kind}`),
    detail: r.detail,
    keyPersons: r.keyPersons,
    keyLastMet: r.keyLastMet === null ? '' : formatDay(r.keyLastMet, lang),
    keyMetBy: r.keyMetBy,
    actBy: r.actBy === null ? '' : formatDay(r.actBy, lang),
    daysOverdue: r.daysOverdue,
    when: whenText(r.daysOverdue, lang),
  };
}

/** The action list of one rep ('' = everyone) as of a date, under the definition in force then. */
export async function actionsOf(
  port: WorkbookPort,
  rep: string,
  asOf: Day,
  lang: Lang,
): Promise<ActionsResult> {
  const r = await ranked(port, ['contacts', 'activities'], lang, asOf);
  const rows = listActions(r.definition, indexDataset(r.dataset), asOf, r.ranks, lang, { rep }).map((x) =>
    view(x, lang),
  );
  const overdue = rows.filter((x) => x.daysOverdue === null || x.daysOverdue > 0).length;
  const day = formatDay(asOf, lang);
  // A name nobody in the customer table has is a typo, not a rep with nothing to do.
  const known = rep.trim() === '' || r.dataset.customers.some((c) => isRepOf(c, rep));
  const reps = [...new Set(r.dataset.customers.map((c) => c.rep).filter((x) => x !== ''))];
  const message = !known
    ? t(lang, 'actions.unknownRep', { rep: rep.trim(), reps: reps.join(t(lang, 'engines.word.listSep')) })
    : rows.length > 0
      ? t(lang, 'actions.summary', { asOf: day, count: rows.length, overdue })
      : rep.trim() === ''
        ? t(lang, 'actions.none', { asOf: day, horizon: ACTION_HORIZON })
        : t(lang, 'actions.noneFor', { asOf: day, horizon: ACTION_HORIZON, rep: rep.trim() });
  return {
    asOf: day,
    rep: rep.trim(),
    horizon: ACTION_HORIZON,
    message: [message, ...r.notes].join('\n'),
    rows,
    unread: unreadOf(lang, r.issues, null),
  };
}

export interface PersonView {
  name: string;
  title: string;
  role: ContactRole;
  roleLabel: string;
  lastMet: string;
  metBy: string;
  daysSince: number | null;
  meetings: number;
  /** Nobody has met this person (up to the as-of date). */
  neverMet: boolean;
}

export interface CoverageResult {
  customerId: string;
  customerName: string;
  rep: string;
  asOf: string;
  /** Key persons first, nobody-met first; empty with noKeyPerson. */
  keyPersons: PersonView[];
  /** Persons in charge, influencers and others. */
  others: PersonView[];
  noKeyPerson: boolean;
  unread: UnreadRows;
}

/** Every contact of one customer with when and by whom they were last met (the relationship view). */
export async function coverageFor(
  port: WorkbookPort,
  customerId: string,
  asOf: Day,
  lang: Lang,
): Promise<CoverageResult> {
  const loaded = await loadWorkbook(port, ['customers', 'contacts', 'activities']);
  const read = datasetOf(loaded);
  const index = indexDataset(read.dataset);
  const customer =
    index.customerById.get(customerId.trim()) ??
    read.dataset.customers.find((c) => foldText(c.id) === foldText(customerId));
  if (!customer) throw new KimeruError({ key: 'coverage.unknownCustomer', params: { customer: customerId } });
  const keyPersons: PersonView[] = [];
  const others: PersonView[] = [];
  let noKeyPerson = false;
  for (const row of coverageOf(index, asOf, [customer])) {
    if (row.contactId === null) {
      noKeyPerson = true;
      continue;
    }
    (row.role === 'key' ? keyPersons : others).push({
      name: row.name,
      title: row.title,
      role: row.role,
      roleLabel: ROLE_LABELS[row.role][lang],
      lastMet: row.lastMet === null ? '' : formatDay(row.lastMet, lang),
      metBy: row.metBy,
      daysSince: row.lastMet === null ? null : asOf - row.lastMet,
      meetings: row.meetings,
      neverMet: row.note === 'neverMet',
    });
  }
  return {
    customerId: customer.id,
    customerName: customer.name,
    rep: customer.rep,
    asOf: formatDay(asOf, lang),
    keyPersons,
    others,
    noKeyPerson,
    unread: unreadOf(lang, read.issues, null),
  };
}
