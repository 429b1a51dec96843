import type { Lang } from '../shared/i18n';

/**
 * A count with its noun as the command line prints it: "1 customer", "2 customers" in English;
 * in Japanese the message itself carries the counter word (顧客{n}社), so only the number.
 */
const NOUNS = {
  customer: ['customer', 'customers'],
  activity: ['activity', 'activities'],
  row: ['row', 'rows'],
  warning: ['warning', 'warnings'],
} as const;

export function plural(lang: Lang, count: number, noun: keyof typeof NOUNS): string {
  const n = count.toLocaleString('en-US');
  if (lang === 'ja') return n;
  return `${n} ${NOUNS[noun][count === 1 ? 0 : 1]}`;
}
