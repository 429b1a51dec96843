import type { Lang } from './define';
import type { ActivityType, ContactRole } from '../model';
import type { MetricKind, Perspective } from '../definition/model';

/**
 * The product's words (see the glossary in PRODUCT.md) in both languages: labels shown in
 * sheets and the UI. Readers accept these and more (aliases live with the table readers).
 */
export const PERSPECTIVE_LABELS: Record<Perspective, Record<Lang, string>> = {
  attributes: { ja: '顧客属性の把握', en: 'Customer attributes' },
  relationships: { ja: '人間関係の構築', en: 'Relationships' },
  information: { ja: '情報収集・記録・活用', en: 'Information: collect, record, use' },
};

export const ROLE_LABELS: Record<ContactRole, Record<Lang, string>> = {
  key: { ja: 'キーマン', en: 'Key person' },
  charge: { ja: '担当者', en: 'Person in charge' },
  influencer: { ja: '影響者', en: 'Influencer' },
  other: { ja: 'その他', en: 'Other' },
};

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, Record<Lang, string>> = {
  visit: { ja: '訪問', en: 'Visit' },
  call: { ja: '電話', en: 'Call' },
  web: { ja: 'Web会議', en: 'Web meeting' },
  email: { ja: 'メール', en: 'Email' },
  proposal: { ja: '提案', en: 'Proposal' },
  other: { ja: 'その他', en: 'Other' },
};

export const METRIC_LABELS: Record<MetricKind, Record<Lang, string>> = {
  key_person_registered: { ja: 'キーマン登録', en: 'Key person registered' },
  key_person_contact_days: { ja: 'キーマン接触(日以内)', en: 'Key person met within (days)' },
  contact_days: { ja: '接触間隔(日以内)', en: 'Any contact within (days)' },
  distinct_contacts: { ja: '接触人数(期間内)', en: 'Distinct contacts met (in window)' },
  activity_count: { ja: '行動回数(期間内)', en: 'Activities (in window)' },
  next_action_overdue: { ja: '次回アクション期限超過(日)', en: 'Next action overdue (days)' },
  attribute_filled: { ja: '属性入力', en: 'Attributes filled' },
  recording_lag_days: { ja: '記録遅れ(日以内)', en: 'Recorded within (days)' },
};

export function label<K extends string>(table: Record<K, Record<Lang, string>>, key: K, lang: Lang): string {
  return table[key][lang];
}
