import { t, type Lang } from '../i18n';
import type { MetricKind } from './model';

/** The unit a metric's threshold is counted in. */
export type ThresholdUnit = 'flag' | 'days' | 'people' | 'times';

/** How a metric's threshold is counted: a flag (必須), days, people or times. */
export function thresholdUnit(metric: MetricKind): ThresholdUnit {
  switch (metric) {
    case 'key_person_registered':
    case 'attribute_filled':
      return 'flag';
    case 'distinct_contacts':
      return 'people';
    case 'activity_count':
      return 'times';
    default:
      return 'days';
  }
}

/** A threshold as people read it: "60日" / "60 days", "必須" / "Required", "チェックなし". */
export function formatThreshold(
  metric: MetricKind | null,
  value: number | null | undefined,
  lang: Lang,
): string {
  if (value === null || value === undefined) return t(lang, 'definition.value.notChecked');
  if (metric === null) return String(value);
  switch (thresholdUnit(metric)) {
    case 'flag':
      return value >= 1 ? t(lang, 'definition.label.required') : t(lang, 'definition.value.notChecked');
    case 'people':
      return t(lang, 'definition.unit.people', { n: value });
    case 'times':
      return t(lang, 'definition.unit.times', { n: value });
    default:
      return t(lang, 'definition.unit.days', { n: value });
  }
}
