import type { Lang } from '../i18n';
import type { Definition, Item } from './model';

/*
 * The starter definition, after the column (seed/000): three perspectives — 顧客属性の把握,
 * 人間関係の構築, 情報収集・記録・活用 — with few items each (1-3-5-7: seven items, six of them
 * measured), ranks A/B/C by ABC analysis on annual sales, and the column's cautionary case built
 * in: the key person must be met, not only the person in charge. One item is left to people
 * (knowing the customer's business challenges) for the half-year 知っている/出来ている review.
 * Item ids are the same in both languages, so a team can switch language without a new version.
 */

type Words = Record<Lang, { name: string; standard: string }>;

interface StarterItem extends Omit<Item, 'name' | 'standard' | 'target'> {
  words: Words;
  target?: Record<Lang, string>;
}

const STARTER_ITEMS: StarterItem[] = [
  {
    id: 'AT1',
    perspective: 'attributes',
    words: {
      ja: { name: '基本属性の入力', standard: '業種と従業員数を顧客台帳に必ず入力する。' },
      en: {
        name: 'Basic attributes filled',
        standard: 'Industry and number of employees are filled in for every customer.',
      },
    },
    metric: 'attribute_filled',
    target: { ja: '業種,従業員数', en: 'Industry,Employees' },
    window: null,
    thresholds: { A: 1, B: 1, C: 1 },
  },
  {
    id: 'AT2',
    perspective: 'attributes',
    words: {
      ja: { name: '経営課題の把握', standard: '顧客の経営課題を把握し、自分の言葉で説明できる。' },
      en: {
        name: 'Business challenges understood',
        standard: "We understand the customer's business challenges and can explain them.",
      },
    },
    metric: null,
    window: null,
    thresholds: {},
  },
  {
    id: 'RE1',
    perspective: 'relationships',
    words: {
      ja: { name: 'キーマンの登録', standard: '決裁者（キーマン）を特定し、連絡先に登録している。' },
      en: {
        name: 'Key person registered',
        standard: 'The decision maker (key person) is identified and registered as a contact.',
      },
    },
    metric: 'key_person_registered',
    window: null,
    thresholds: { A: 1, B: 1, C: 1 },
  },
  {
    id: 'RE2',
    perspective: 'relationships',
    words: {
      ja: { name: 'キーマンとの接触', standard: '担当者だけで終わらせず、キーマン本人と定期的に会う。' },
      en: {
        name: 'Key person met',
        standard: 'We meet the key person in person regularly, not only the person in charge.',
      },
    },
    metric: 'key_person_contact_days',
    window: null,
    thresholds: { A: 60, B: 120 },
  },
  {
    id: 'RE3',
    perspective: 'relationships',
    words: {
      ja: { name: '接触間隔', standard: 'ランクごとに決めた間隔より空けずに、顧客と接点を持つ。' },
      en: {
        name: 'Contact interval',
        standard: 'We are in touch with every customer at least as often as its rank requires.',
      },
    },
    metric: 'contact_days',
    window: null,
    thresholds: { A: 30, B: 60, C: 90 },
  },
  {
    id: 'IN1',
    perspective: 'information',
    words: {
      ja: {
        name: '次回アクションの期日厳守',
        standard: '商談のたびに次回アクションと期日を決め、期日までに実行する。',
      },
      en: {
        name: 'Next action on time',
        standard: 'Every meeting ends with a next action and a due date, and we do it by then.',
      },
    },
    metric: 'next_action_overdue',
    window: null,
    thresholds: { A: 0, B: 0, C: 0 },
  },
  {
    id: 'IN2',
    perspective: 'information',
    words: {
      ja: { name: '行動の記録', standard: '訪問・電話・Web会議などの行動は、3日以内に記録する。' },
      en: {
        name: 'Activities recorded promptly',
        standard: 'Visits, calls and web meetings are recorded within 3 days.',
      },
    },
    metric: 'recording_lag_days',
    window: 30,
    thresholds: { A: 3, B: 3, C: 3 },
  },
];

/** The starter definition in `lang` (names, standards and column names in that language). */
export function starterDefinition(lang: Lang): Definition {
  return {
    ranks: ['A', 'B', 'C'],
    ranking: {
      kind: 'abc',
      column: lang === 'ja' ? '年間取引額' : 'Annual sales',
      cutoffs: { A: 0.7, B: 0.9, C: 1 },
    },
    items: STARTER_ITEMS.map(({ words, target, ...rest }) => ({
      id: rest.id,
      perspective: rest.perspective,
      name: words[lang].name,
      standard: words[lang].standard,
      metric: rest.metric,
      target: target ? target[lang] : '',
      window: rest.window,
      thresholds: { ...rest.thresholds },
    })),
    fiscalStartMonth: 4,
  };
}
