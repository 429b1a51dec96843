import type { Activity, Day } from '../model';
import { t, type Lang, type MessageKey } from '../i18n';
import { ACTIVITY_TYPE_LABELS } from '../i18n/vocabulary';
import type { Issue } from '../issues';
import { dateCell, type DateCell, type WriteCell } from '../port';
import { readDate } from '../values/dates';
import { formatDay } from '../values/days';
import { normalizeText } from '../values/text';
import type { DatasetIndex } from './dataset-index';
import { activityTypeOf } from '../tables/activityTypes';

/** What the sidebar form submits, as the user typed it. */
export interface ActivityInput {
  date: string;
  customerId: string;
  contactIds: string[];
  type: string;
  purpose: string;
  content: string;
  nextAction: string;
  nextDue: string;
  rep: string;
  /** Idempotency key from the UI: the same key twice is the same submit (double click, retry). */
  key: string;
}

export type ActivityField = keyof ActivityInput;

export type ActivityValidation =
  | {
      ok: true;
      /** row 0 until written; recordedAt = today. */
      activity: Activity;
      keyPersonMet: boolean;
      customerName: string;
      /** Reported but not blocking (e.g. a date more than two years back). */
      warnings: Issue[];
    }
  | { ok: false; issues: Issue[] };

/** A date more than a day ahead is a typo (time zones aside); an activity cannot be in the future. */
const MAX_DAYS_AHEAD = 1;
/** Older than about two years is allowed (catching up old notes) but flagged: often a year typo. */
const WARN_DAYS_BACK = 730;
/** Google Sheets refuses cells over 50,000 characters; fail here instead of half-writing a row. */
const MAX_TEXT = 50_000;

/**
 * Validates a sidebar submit before anything is written: every problem is reported at once,
 * each naming its field: Issue.header and params.label are the field's label in `lang` (the
 * message starts with it), params.field the input's property name for the form to highlight.
 * Text fields are kept exactly as typed (no NFKC: the rep's words are shown as written).
 */
export function validateActivity(
  input: ActivityInput,
  index: DatasetIndex,
  today: Day,
  lang: Lang = 'ja',
): ActivityValidation {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const issue = (
    field: ActivityField,
    key: MessageKey,
    params: Record<string, string | number> = {},
    severity: 'error' | 'warning' = 'error',
  ) =>
    (severity === 'error' ? issues : warnings).push({
      key,
      params: { ...params, field, label: t(lang, FIELD_HEADER[field]) },
      header: t(lang, FIELD_HEADER[field]),
      severity,
    });

  // Date: required, readable, not in the future, and flagged when suspiciously old.
  let date: Day | null = null;
  const readD = readDate(input.date);
  if (!readD.ok) issue('date', 'engines.activity.notADate', { value: input.date.trim() });
  else if (readD.value === null) issue('date', 'engines.activity.required');
  else {
    date = readD.value;
    const params = { date: formatDay(date, lang), today: formatDay(today, lang) };
    if (date > today + MAX_DAYS_AHEAD) issue('date', 'engines.activity.dateFuture', params);
    else if (date < today - WARN_DAYS_BACK) issue('date', 'engines.activity.dateOld', params, 'warning');
  }

  // Customer: required and on the customer list.
  const customerText = normalizeText(input.customerId);
  const customer =
    index.customerById.get(input.customerId.trim()) ??
    (customerText === '' ? undefined : index.customers.find((c) => normalizeText(c.id) === customerText));
  if (customerText === '') issue('customerId', 'engines.activity.required');
  else if (!customer) issue('customerId', 'engines.activity.unknownCustomer', { id: customerText });

  // Contacts: each must be one of this customer's contacts.
  const contactIds: string[] = [];
  const names: string[] = [];
  let keyPersonMet = false;
  for (const raw of input.contactIds) {
    const id = raw.trim();
    if (id === '' || contactIds.includes(id)) continue;
    const contact = index.contactById.get(id);
    if (!contact) {
      issue('contactIds', 'engines.activity.unknownContact', { id });
      continue;
    }
    if (customer && contact.customerId !== customer.id) {
      const owner = index.customerById.get(contact.customerId);
      issue('contactIds', 'engines.activity.contactOtherCustomer', {
        name: contact.name,
        customer: customer.name,
        other: owner ? owner.name : contact.customerId,
      });
      continue;
    }
    contactIds.push(id);
    names.push(contact.name);
    if (contact.role === 'key') keyPersonMet = true;
  }

  // Type: a code or a label in either language.
  const type = activityTypeOf(input.type);
  if (input.type.trim() === '') issue('type', 'engines.activity.required');
  else if (!type) {
    const choices = Object.values(ACTIVITY_TYPE_LABELS)
      .map((l) => l[lang])
      .join(t(lang, 'engines.word.listSep'));
    issue('type', 'engines.activity.unknownType', { value: input.type.trim(), choices });
  }

  if (input.purpose.trim() === '' && input.content.trim() === '')
    issue('content', 'engines.activity.contentOrPurpose');
  for (const field of ['purpose', 'content', 'nextAction'] as const) {
    if (input[field].length > MAX_TEXT)
      issue(field, 'engines.activity.tooLong', { max: MAX_TEXT, length: input[field].length });
  }

  // Next due date: optional, readable, not before the activity.
  let nextDue: Day | null = null;
  const readDue = readDate(input.nextDue);
  if (!readDue.ok) issue('nextDue', 'engines.activity.notADate', { value: input.nextDue.trim() });
  else if (readDue.value !== null) {
    nextDue = readDue.value;
    if (date !== null && nextDue < date)
      issue('nextDue', 'engines.activity.dueBeforeDate', {
        due: formatDay(nextDue, lang),
        date: formatDay(date, lang),
      });
  }

  if (issues.length > 0 || date === null || !customer || !type)
    return { ok: false, issues: [...issues, ...warnings] };
  const rep = input.rep.trim() === '' ? customer.rep : input.rep.trim();
  return {
    ok: true,
    activity: {
      row: 0,
      date,
      customerId: customer.id,
      contactText: names.join(t(lang, 'engines.word.listSep')),
      contactIds,
      type,
      purpose: input.purpose,
      content: input.content,
      nextAction: input.nextAction,
      nextDue,
      rep,
      recordedAt: today,
      key: input.key.trim(),
    },
    keyPersonMet,
    customerName: customer.name,
    warnings,
  };
}

/** True when this submit's key was already written (a double click or a retry): write nothing. */
export function isDuplicateSubmit(key: string, existingKeys: ReadonlySet<string>): boolean {
  const k = key.trim();
  return k !== '' && existingKeys.has(k);
}

/**
 * The columns of kimeru's own activity sheet, in order: the activity table's keys plus two
 * conveniences for people reading the log (the customer's name, whether a key person was met).
 */
export const ACTIVITY_COLUMNS = [
  'date',
  'customer',
  'customerName',
  'contacts',
  'keyPersonMet',
  'type',
  'purpose',
  'content',
  'nextAction',
  'nextDue',
  'rep',
  'recordedAt',
  'key',
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

const COLUMN_HEADER: Record<ActivityColumn, MessageKey> = {
  date: 'engines.col.date',
  customer: 'engines.col.customerId',
  customerName: 'engines.col.customerName',
  contacts: 'engines.col.contacts',
  keyPersonMet: 'engines.col.keyPersonMet',
  type: 'engines.col.type',
  purpose: 'engines.col.purpose',
  content: 'engines.col.content',
  nextAction: 'engines.col.nextAction',
  nextDue: 'engines.col.nextDue',
  rep: 'engines.col.rep',
  recordedAt: 'engines.col.recordedAt',
  key: 'engines.col.recordId',
};

// A form field is labelled as the column it fills.
const FIELD_HEADER: Record<ActivityField, MessageKey> = {
  date: COLUMN_HEADER.date,
  customerId: COLUMN_HEADER.customer,
  contactIds: COLUMN_HEADER.contacts,
  type: COLUMN_HEADER.type,
  purpose: COLUMN_HEADER.purpose,
  content: COLUMN_HEADER.content,
  nextAction: COLUMN_HEADER.nextAction,
  nextDue: COLUMN_HEADER.nextDue,
  rep: COLUMN_HEADER.rep,
  key: COLUMN_HEADER.key,
};

/** The activity sheet's header row, in ACTIVITY_COLUMNS order. */
export function activityHeader(lang: Lang): string[] {
  return ACTIVITY_COLUMNS.map((c) => t(lang, COLUMN_HEADER[c]));
}

/** The header label of one of our activity columns, in `lang`. */
export function activityColumnLabel(column: ActivityColumn, lang: Lang): string {
  return t(lang, COLUMN_HEADER[column]);
}

/**
 * The cells of one validated activity by column. Dates are real date cells; user text is
 * passed as plain strings, which the port always stores as text (never as a formula).
 * `recordedAt` is the host's clock at the moment of writing.
 */
export function activityCells(
  activity: Activity,
  lang: Lang,
  recordedAt: DateCell,
  extra: { customerName: string; keyPersonMet: boolean },
): Record<ActivityColumn, WriteCell> {
  return {
    date: dateCell(activity.date),
    customer: activity.customerId,
    customerName: extra.customerName,
    contacts: activity.contactText,
    keyPersonMet: extra.keyPersonMet ? t(lang, 'engines.activity.keyMet') : '',
    type: ACTIVITY_TYPE_LABELS[activity.type][lang],
    purpose: activity.purpose,
    content: activity.content,
    nextAction: activity.nextAction,
    nextDue: activity.nextDue === null ? null : dateCell(activity.nextDue),
    rep: activity.rep,
    recordedAt,
    key: activity.key,
  };
}
