import type {
  Activity,
  AttrValue,
  Contact,
  ContactRole,
  Customer,
  Dataset,
  Day,
} from '../../../shared/model';
import type { Definition, Item } from '../../../shared/definition/model';
import { dayFromParts } from '../../../shared/values/days';

/** '2026-11-29' → Day. */
export function day(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromParts(y!, m!, d!);
}

let nextRow = 2;

export function customer(
  id: string,
  name: string,
  rep: string,
  attributes: Record<string, AttrValue> = {},
): Customer {
  return { id, name, kana: '', rep, attributes, row: nextRow++ };
}

export function contact(
  id: string,
  customerId: string,
  name: string,
  role: ContactRole,
  title = '',
): Contact {
  return { id, customerId, name, kana: '', title, role, row: nextRow++ };
}

export function activity(
  customerId: string,
  date: string,
  contactIds: string[],
  extra: Partial<Activity> = {},
): Activity {
  return {
    row: nextRow++,
    date: day(date),
    customerId,
    contactText: '',
    contactIds,
    type: 'visit',
    purpose: '定例訪問',
    content: '近況ヒアリング',
    nextAction: '',
    nextDue: null,
    rep: '',
    recordedAt: null,
    key: '',
    ...extra,
  };
}

export function item(id: string, extra: Partial<Item>): Item {
  return {
    id,
    perspective: 'relationships',
    name: id,
    standard: '',
    metric: null,
    target: '',
    window: null,
    thresholds: {},
    ...extra,
  };
}

/** A starter definition after the column: three perspectives, few items, ranks A/B/C by rules. */
export function starterDefinition(): Definition {
  return {
    ranks: ['A', 'B', 'C'],
    ranking: {
      kind: 'rules',
      rules: [
        { rank: 'A', conditions: [{ column: '年間取引額', op: '>=', value: 10_000_000 }] },
        { rank: 'B', conditions: [{ column: '年間取引額', op: '>=', value: 3_000_000 }] },
      ],
    },
    items: [
      item('A1', {
        perspective: 'attributes',
        name: '基本属性の入力',
        standard: '業種と従業員数を必ず入力する',
        metric: 'attribute_filled',
        target: '業種, 従業員数',
        thresholds: { A: 1, B: 1, C: null },
      }),
      item('R1', {
        name: 'キーマン登録',
        standard: '決裁者をキーマンとして登録する',
        metric: 'key_person_registered',
        thresholds: { A: 1, B: 1 },
      }),
      item('R2', {
        name: 'キーマン接触',
        standard: 'キーマンに定期的に会う',
        metric: 'key_person_contact_days',
        thresholds: { A: 60, B: 120, C: null },
      }),
      item('I1', {
        perspective: 'information',
        name: '次回アクション',
        standard: '次回アクションは期日までに実行する',
        metric: 'next_action_overdue',
        thresholds: { A: 0, B: 7, C: 30 },
      }),
      item('I2', {
        perspective: 'information',
        name: '商談メモの共有',
        standard: '商談の翌日までに議事録を共有する',
        metric: null,
      }),
    ],
    fiscalStartMonth: 4,
  };
}

/**
 * A small realistic book: 山田製作所 (A, key person met recently), 東和精機 (A, key person
 * registered but only the person in charge met — the column's cautionary case), 佐藤商事 (B,
 * no key person), 鈴木物産 (C).
 */
export function sampleDataset(): Dataset {
  const customers = [
    customer('C001', '株式会社山田製作所', '山田 太郎', {
      年間取引額: 15_000_000,
      業種: '製造業',
      従業員数: 320,
    }),
    customer('C002', '東和精機株式会社', '山田 太郎', {
      年間取引額: 12_000_000,
      業種: '製造業',
      従業員数: null,
    }),
    customer('C003', '佐藤商事株式会社', '佐藤 花子', { 年間取引額: 4_000_000, 業種: '卸売', 従業員数: 45 }),
    customer('C004', '鈴木物産', '', { 年間取引額: 800_000, 業種: '', 従業員数: 12 }),
  ];
  const contacts = [
    contact('P001', 'C001', '田中 一郎', 'key', '部長'),
    contact('P002', 'C001', '中村 次郎', 'charge', '主任'),
    contact('P003', 'C002', '高橋 誠', 'key', '取締役'),
    contact('P004', 'C002', '伊藤 恵', 'charge', '課長'),
    contact('P005', 'C003', '小林 真', 'charge'),
  ];
  const activities = [
    activity('C001', '2026-10-20', ['P001', 'P002'], { nextAction: '見積提出', nextDue: day('2026-11-30') }),
    activity('C002', '2026-06-01', ['P004']),
    activity('C002', '2026-09-15', ['P004']),
    activity('C002', '2026-11-10', ['P004'], {
      nextAction: '=HYPERLINK("http://x")',
      nextDue: day('2026-11-20'),
    }),
    activity('C003', '2026-08-01', ['P005']),
    // Future-dated relative to the as-of date 2026-11-29: must not count.
    activity('C001', '2026-12-05', ['P001']),
  ];
  return { customers, contacts, activities };
}

export const AS_OF = day('2026-11-29');
