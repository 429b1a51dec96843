import type { Lang } from '../../shared/i18n/define';
import { dayFromParts, dayToIso, formatDay, isValidParts, readDate } from '../../shared/values';
import { h } from './dom';
import { isoToDay } from './validate';

/**
 * Dates in the pane's text fields. `<input type=date>` shows whatever the browser's own locale
 * writes (an English Office on a Japanese desk shows 11/29/2026) and takes typing one segment at
 * a time, so the pane uses a text field instead: it shows dates as the pane's language writes
 * them (2026/11/29 in Japanese, 2026-11-29 in English — the core's formatDay) and accepts what
 * people type, read by the same reader as the sheet's cells (2026-11-29, 令和8年11月29日, R8.11.29,
 * full-width digits…), plus "11/29" for this year in Japanese, where month/day is never ambiguous.
 */

/** 'YYYY-MM-DD' → the text shown in the field. */
export function showDate(iso: string, lang: Lang): string {
  const day = isoToDay(iso);
  return day === null ? iso : formatDay(day, lang);
}

/** Typed text → 'YYYY-MM-DD'; '' when blank; null when it is not a date. */
export function readTypedDate(text: string, lang: Lang, todayIso: string): string | null {
  if (text.trim() === '') return '';
  const read = readDate(text);
  if (read.ok) return read.value === null ? '' : dayToIso(read.value);
  if (lang !== 'ja') return null;
  const m = /^(\d{1,2})\s*[/月.]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  const year = Number(todayIso.slice(0, 4));
  if (!m || !Number.isInteger(year)) return null;
  const [month, date] = [Number(m[1]), Number(m[2])];
  return isValidParts(year, month, date) ? dayToIso(dayFromParts(year, month, date)) : null;
}

/**
 * A one-line date field: shows `placeholder`'s day as the language writes it, and once left shows a
 * readable date back that way (令和8年11月29日 → 2026/11/29); text it cannot read stays as typed.
 */
export function dateInput(lang: Lang, today: () => string, testId: string): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: showDate(today(), lang),
    'data-testid': testId,
  });
  input.addEventListener('change', () => {
    const iso = readTypedDate(input.value, lang, today());
    if (iso) input.value = showDate(iso, lang);
  });
  return input;
}

/** The ISO date in a date field; '' when blank, null when it holds no date. */
export function fieldDate(input: HTMLInputElement, lang: Lang, today: string): string | null {
  return readTypedDate(input.value, lang, today);
}
