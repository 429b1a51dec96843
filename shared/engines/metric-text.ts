import type { Item } from '../definition/model';
import { t, type Lang, type MessageKey } from '../i18n';
import { splitNames } from './columns';
import { targetTypes, typesLabel, windowOf } from './metrics';

/**
 * A measurable item's threshold in words, e.g. "60日以内にキーマン接触" (for gap rows) or
 * "60日以内" (per rank, in the manual), so the gap sheet and the manual say the same thing.
 */

function params(item: Item, n: number, lang: Lang): Record<string, string | number> {
  const types = targetTypes(item.target);
  return {
    n,
    days: windowOf(item),
    type: typeof types === 'string' ? types : typesLabel(types, lang),
    columns: splitNames(item.target).join(t(lang, 'engines.word.listSep')),
  };
}

const STANDARD: Record<NonNullable<Item['metric']>, MessageKey> = {
  key_person_registered: 'engines.std.key_person_registered',
  key_person_contact_days: 'engines.std.key_person_contact_days',
  contact_days: 'engines.std.contact_days',
  distinct_contacts: 'engines.std.distinct_contacts',
  activity_count: 'engines.std.activity_count',
  next_action_overdue: 'engines.std.next_action_overdue',
  attribute_filled: 'engines.std.attribute_filled',
  recording_lag_days: 'engines.std.recording_lag_days',
};

const SHORT: Record<NonNullable<Item['metric']>, MessageKey> = {
  key_person_registered: 'engines.short.required',
  key_person_contact_days: 'engines.short.withinDays',
  contact_days: 'engines.short.withinDays',
  distinct_contacts: 'engines.short.atLeastPeople',
  activity_count: 'engines.short.atLeastTimes',
  next_action_overdue: 'engines.short.overdueAtMost',
  attribute_filled: 'engines.short.required',
  recording_lag_days: 'engines.short.withinDays',
};

const SUBJECT: Record<NonNullable<Item['metric']>, MessageKey> = {
  key_person_registered: 'engines.subject.key_person_registered',
  key_person_contact_days: 'engines.subject.key_person_contact_days',
  contact_days: 'engines.subject.contact_days',
  distinct_contacts: 'engines.subject.distinct_contacts',
  activity_count: 'engines.subject.activity_count',
  next_action_overdue: 'engines.subject.next_action_overdue',
  attribute_filled: 'engines.subject.attribute_filled',
  recording_lag_days: 'engines.subject.recording_lag_days',
};

/** Yes/no metrics: a threshold below 1 means "not required". */
function isFlag(item: Item): boolean {
  return item.metric === 'key_person_registered' || item.metric === 'attribute_filled';
}

/** The full standard for one threshold: "60日以内にキーマン接触". '' for a non-measurable item. */
export function standardText(item: Item, n: number, lang: Lang): string {
  if (!item.metric) return '';
  if (isFlag(item) && n < 1) return t(lang, 'engines.short.notRequired');
  return t(lang, STANDARD[item.metric], params(item, n, lang));
}

/** The threshold alone, for a per-rank list: "60日以内"; "対象外" when the rank is not checked. */
export function shortThresholdText(item: Item, n: number | null | undefined, lang: Lang): string {
  if (!item.metric || n === null || n === undefined) return t(lang, 'engines.short.notChecked');
  if (isFlag(item) && n < 1) return t(lang, 'engines.short.notRequired');
  return t(lang, SHORT[item.metric], params(item, n, lang));
}

/** What the metric measures, without a threshold: "キーマン接触", "訪問回数 (直近90日)". */
export function subjectText(item: Item, lang: Lang): string {
  if (!item.metric) return '';
  return t(lang, SUBJECT[item.metric], params(item, 0, lang));
}

/** "A: 60日以内 / B: 120日以内 / C: 対象外" for the ranks of a definition. */
export function perRankText(item: Item, ranks: readonly string[], lang: Lang): string {
  return ranks.map((rank) => `${rank}: ${shortThresholdText(item, item.thresholds[rank], lang)}`).join(' / ');
}
