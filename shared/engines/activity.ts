import type { Activity, Day } from '../model';
import { t, type Lang, type MessageKey } from '../i18n';
import { ACTIVITY_TYPE_LABELS } from '../i18n/vocabulary';
import type { Issue } from '../issues';
import type { CellValue } from '../values/cell';
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

const FIELD_HEADER: Record<ActivityField, MessageKey> = {
  date: 'engines.col.date',
  customerId: 'engines.col.customerId',
  contactIds: 'engines.col.contacts',
  type: 'engines.col.type',
  purpose: 'engines.col.purpose',
  content: 'engines.col.content',
  nextAction: 'engines.col.nextAction',
  nextDue: 'engines.col.nextDue',
  rep: 'engines.col.rep',
  key: 'engines.col.recordId',
};

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

/** The activity sheet's header row, in the order activityRow writes the cells. */
export function activityHeader(lang: Lang): string[] {
  return [
    t(lang, 'engines.col.date'),
    t(lang, 'engines.col.customerId'),
    t(lang, 'engines.col.customerName'),
    t(lang, 'engines.col.contacts'),
    t(lang, 'engines.col.keyPersonMet'),
    t(lang, 'engines.col.type'),
    t(lang, 'engines.col.purpose'),
    t(lang, 'engines.col.content'),
    t(lang, 'engines.col.nextAction'),
    t(lang, 'engines.col.nextDue'),
    t(lang, 'engines.col.rep'),
    t(lang, 'engines.col.recordedAt'),
    t(lang, 'engines.col.recordId'),
  ];
}

// ASCII and full-width: Japanese hosts also start a formula at ＝.
const FORMULA_START = /^[=+\-@＝＋－＠]/;

/**
 * User text as a cell that hosts store as text: text starting with = + - @ gets a leading
 * apostrophe, which Sheets (setValues) and Excel (range.values) treat as "this is text" and do
 * not show. Without it "=HYPERLINK(...)" typed in a note would become a live formula.
 */
export function textCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One activity-sheet row in activityHeader order. Dates are written as text the readers and
 * hosts both parse ("2026/11/29"); `recordedAt` is whatever timestamp the host passes (a Date).
 * `extra` is the validation result's customerName and keyPersonMet.
 */
export function activityRow(
  activity: Activity,
  lang: Lang,
  recordedAt: CellValue,
  extra: { customerName: string; keyPersonMet: boolean },
): CellValue[] {
  return [
    formatDay(activity.date, lang),
    textCell(activity.customerId),
    textCell(extra.customerName),
    textCell(activity.contactText),
    extra.keyPersonMet ? t(lang, 'engines.activity.keyMet') : '',
    ACTIVITY_TYPE_LABELS[activity.type][lang],
    textCell(activity.purpose),
    textCell(activity.content),
    textCell(activity.nextAction),
    activity.nextDue === null ? '' : formatDay(activity.nextDue, lang),
    textCell(activity.rep),
    recordedAt ?? '',
    textCell(activity.key),
  ];
}
