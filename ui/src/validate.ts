import type { Lang } from '../../shared/i18n/define';
import type { ActivityInput } from '../../shared/engines/activity';
import { tr, type UiKey } from './messages';

/**
 * Client-side checks of the log form, before any call: the same rules the server applies
 * (it checks again, and its answer wins), so a rep sees a missing field at once and the
 * spreadsheet is not asked for nothing.
 */

export type FieldIssue = { field: keyof ActivityInput; message: string };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of an ISO date from `<input type=date>`, or null. */
export function isoToDay(iso: string): number | null {
  const m = ISO_DATE.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

const LABEL: Record<'customerId' | 'date' | 'type' | 'nextDue', UiKey> = {
  customerId: 'ui.log.customer',
  date: 'ui.log.date',
  type: 'ui.log.type',
  nextDue: 'ui.log.nextDue',
};

/** Problems with the form as filled, one per field at most; [] when it may be sent. */
export function validateLogForm(input: ActivityInput, today: string, lang: Lang): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const label = (f: keyof typeof LABEL) => tr(lang, LABEL[f]);
  const add = (field: keyof ActivityInput, key: UiKey, f?: keyof typeof LABEL) =>
    issues.push({ field, message: tr(lang, key, f ? { label: label(f) } : {}) });

  if (input.customerId.trim() === '') add('customerId', 'ui.valid.choose', 'customerId');

  const date = isoToDay(input.date);
  const todayDay = isoToDay(today);
  if (input.date.trim() === '') add('date', 'ui.valid.required', 'date');
  else if (date === null) add('date', 'ui.valid.date', 'date');
  // A day of slack, as the server allows: the sidebar's clock and the sheet's time zone may differ.
  else if (todayDay !== null && date > todayDay + 1) add('date', 'ui.valid.future', 'date');

  if (input.type.trim() === '') add('type', 'ui.valid.choose', 'type');
  if (input.purpose.trim() === '' && input.content.trim() === '') add('content', 'ui.valid.contentOrPurpose');

  if (input.nextDue.trim() !== '') {
    const due = isoToDay(input.nextDue);
    if (due === null) add('nextDue', 'ui.valid.date', 'nextDue');
    else if (date !== null && due < date) add('nextDue', 'ui.valid.dueBeforeDate');
  }
  return issues;
}

/** Whole days since 1970-01-01 by the browser's local calendar. */
export function clientDay(): number {
  const d = new Date();
  return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

/** 'YYYY-MM-DD' moved by `days`. */
export function shiftIsoDate(iso: string, days: number): string {
  if (days === 0) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return t.toISOString().slice(0, 10);
}
