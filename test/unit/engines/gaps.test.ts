import {
  checkGaps,
  gapHeadline,
  gapSummaryTable,
  gapRepTable,
  gapTable,
  indexDataset,
  noDataHeadline,
  summarizeGaps,
} from '../../../shared/engines';
import type { GapRow } from '../../../shared/engines';
import type { Definition, Item } from '../../../shared/definition/model';
import type { Dataset } from '../../../shared/model';
import { activity, AS_OF, contact, customer, day, item, sampleDataset, starterDefinition } from './fixtures';

const RANKS = new Map([
  ['C001', 'A'],
  ['C002', 'A'],
  ['C003', 'B'],
  ['C004', 'C'],
]);

function find(rows: GapRow[], customerId: string, itemId: string): GapRow {
  const row = rows.find((r) => r.customerId === customerId && r.itemId === itemId);
  if (!row) throw new Error(`no row ${customerId} ${itemId}`);
  return row;
}

describe('checkGaps on the starter definition', () => {
  const rows = checkGaps(starterDefinition(), indexDataset(sampleDataset()), AS_OF, RANKS);

  it('checks each customer against each measurable item whose threshold for its rank is set', () => {
    const pairs = rows.map((r) => `${r.customerId}/${r.itemId}`);
    expect(pairs).toEqual([
      'C001/A1',
      'C001/R1',
      'C001/R2',
      'C001/I1',
      'C002/A1',
      'C002/R1',
      'C002/R2',
      'C002/I1',
      'C003/A1',
      'C003/R1',
      'C003/R2',
      'C003/I1',
      'C004/I1',
    ]);
  });

  it('reports the cautionary case: key person registered, only the person in charge met', () => {
    const r = find(rows, 'C002', 'R2');
    expect(r).toMatchObject({
      customerName: '東和精機株式会社',
      rank: 'A',
      itemName: 'キーマン接触',
      perspective: 'relationships',
      metric: 'key_person_contact_days',
      standard: '60日以内にキーマン接触',
      actual: '担当者のみ接触 (キーマン接触なし)',
      actualValue: null,
      status: 'gap',
    });
    expect(find(rows, 'C002', 'R1').status).toBe('ok');
    const en = checkGaps(starterDefinition(), indexDataset(sampleDataset()), AS_OF, RANKS, 'en');
    expect(find(en, 'C002', 'R2').actual).toBe('Only the person in charge met (no key-person contact)');
    expect(find(en, 'C002', 'R2').standard).toBe('Key person met within 60 days');
  });

  it('counts only activities up to the as-of date (the visit planned for 12/05 is ignored)', () => {
    expect(find(rows, 'C001', 'R2')).toMatchObject({
      actual: '最終キーマン接触 2026/10/20 (40日前)',
      actualValue: 40,
      status: 'ok',
    });
  });

  it('reports no key person registered for both key-person items', () => {
    expect(find(rows, 'C003', 'R1')).toMatchObject({
      actual: 'キーマン未登録',
      standard: 'キーマンを登録',
      status: 'gap',
    });
    expect(find(rows, 'C003', 'R2')).toMatchObject({
      actual: 'キーマン未登録',
      standard: '120日以内にキーマン接触',
      status: 'gap',
    });
    expect(find(rows, 'C001', 'R1')).toMatchObject({ actual: 'キーマン登録あり: 田中 一郎', status: 'ok' });
  });

  it('lists empty attribute columns', () => {
    expect(find(rows, 'C002', 'A1')).toMatchObject({
      actual: '未入力: 従業員数',
      actualValue: 1,
      status: 'gap',
    });
    expect(find(rows, 'C001', 'A1')).toMatchObject({ actual: '入力済み: 業種、従業員数', status: 'ok' });
  });

  it('checks the open next action of the latest activity', () => {
    expect(find(rows, 'C001', 'I1')).toMatchObject({
      actual: '次回期日 2026/11/30 (期限内): 見積提出',
      actualValue: -1,
      status: 'ok',
    });
    expect(find(rows, 'C002', 'I1')).toMatchObject({
      actual: '次回期日 2026/11/20 を9日超過: =HYPERLINK("http://x")',
      actualValue: 9,
      status: 'gap',
    });
    expect(find(rows, 'C003', 'I1')).toMatchObject({ actual: '未完了の次回アクションなし', status: 'ok' });
  });

  it('summarises per customer and writes tables with headers in both languages', () => {
    const summaries = summarizeGaps(rows);
    expect(summaries.find((s) => s.customerId === 'C002')).toEqual({
      customerId: 'C002',
      customerName: '東和精機株式会社',
      rank: 'A',
      gapCount: 3,
      checkedCount: 4,
      noDataCount: 0,
      gapItems: ['基本属性の入力', 'キーマン接触', '次回アクション'],
      rep: '山田 太郎',
    });
    const table = gapTable(rows, 'ja', '第2版 2026/11/01', AS_OF);
    // The columns people act on come after the version: the first eight keep their places.
    expect(table[0]).toEqual([
      '顧客ID',
      '顧客名',
      'ランク',
      '項目',
      '基準',
      '実績',
      '状態',
      '版',
      '営業担当',
      '未接触のキーマン',
      '期限',
      '超過日数',
    ]);
    // The most urgent row: an A customer whose key person nobody has met (no date to wait for).
    expect(table[1]).toEqual([
      'C002',
      '東和精機株式会社',
      'A',
      'キーマン接触',
      '60日以内にキーマン接触',
      '担当者のみ接触 (キーマン接触なし)',
      'ギャップ',
      '第2版 2026/11/01',
      '山田 太郎',
      '高橋 誠',
      '',
      '',
    ]);
    expect(table).toHaveLength(rows.length + 1);
    expect(gapTable(rows, 'en', 'v2')[0]).toEqual([
      'Customer ID',
      'Customer',
      'Rank',
      'Item',
      'Standard',
      'Actual',
      'Status',
      'Version',
      'Rep',
      'Key person not met',
      'Act by',
      'Days overdue',
    ]);
    const summary = gapSummaryTable(summaries, 'ja', '第2版');
    expect(summary[0]).toEqual([
      '顧客ID',
      '顧客名',
      'ランク',
      'ギャップ数',
      '確認項目数',
      'ギャップ項目',
      'データなし項目数',
      '版',
    ]);
    expect(summary[2]).toEqual([
      'C002',
      '東和精機株式会社',
      'A',
      3,
      4,
      '基本属性の入力、キーマン接触、次回アクション',
      0,
      '第2版',
    ]);
    expect(gapSummaryTable(summaries, 'en', 'v2')[2]![5]).toBe(
      '基本属性の入力, キーマン接触, 次回アクション',
    );
  });

  it('orders the rows by urgency, each with the date to act by and the days overdue', () => {
    const table = gapTable(rows, 'ja', 'v', AS_OF);
    const at = (i: number) => `${table[i]![0]}/${table[i]![3]} ${table[i]![10]} ${table[i]![11]}`;
    expect(table.slice(1).map((_, i) => at(i + 1))).toEqual([
      // Gaps, never met first: no date to wait for. A before B, then the customer's item order.
      'C002/キーマン接触  ', // 高橋 registered, only 伊藤 (in charge) ever met
      'C003/キーマン登録  ', // B, no key person at all
      'C003/キーマン接触  ',
      // Then by the date to act by: 見積 due 11/20, 9 days ago.
      'C002/次回アクション 2026/11/20 9',
      // Then gaps with no date: 従業員数 blank.
      'C002/基本属性の入力  ',
      // No data: C004 (C) has no activity, so no next action to judge.
      'C004/次回アクション  ',
      // Met: registered key persons, then by date (見積 due 11/30; 田中 met 10/20 + 60 = 12/19).
      'C001/キーマン登録  ',
      'C002/キーマン登録  ',
      'C001/次回アクション 2026/11/30 -1',
      'C001/キーマン接触 2026/12/19 -20',
      'C001/基本属性の入力  ',
      'C003/基本属性の入力  ',
      'C003/次回アクション  ', // 8/01 visit left no next action
    ]);
  });

  it('counts per rep in the reps mode, the customers without a rep last', () => {
    expect(gapRepTable(rows, 'ja', 'v')).toEqual([
      ['営業担当', '顧客数', 'ギャップのある顧客数', 'ギャップ数', 'データなし項目数', '版'],
      ['山田 太郎', 2, 1, 3, 0, 'v'], // C001 meets all; C002: A1, R2, I1
      ['佐藤 花子', 1, 1, 2, 0, 'v'], // C003: R1, R2
      ['（担当なし）', 1, 0, 0, 1, 'v'], // C004: next action has no data
    ]);
  });

  it('sums up gaps per item for the sidebar, most customers first', () => {
    expect(gapHeadline(rows, 'ja')).toEqual([
      'キーマン接触: 2社',
      '基本属性の入力: 1社',
      '次回アクション: 1社',
      'キーマン登録: 1社',
    ]);
    expect(gapHeadline(rows, 'en')[0]).toBe('キーマン接触: 2 customers');
  });

  it('skips customers without a rank', () => {
    const only = checkGaps(
      starterDefinition(),
      indexDataset(sampleDataset()),
      AS_OF,
      new Map([['C004', 'C']]),
    );
    expect(only.map((r) => r.customerId)).toEqual(['C004']);
  });
});

/** One customer (rank A) with the given contacts and activities, checked against one item. */
function checkOne(
  it: Partial<Item>,
  threshold: number,
  data: Partial<Dataset>,
  lang: 'ja' | 'en' = 'ja',
): GapRow {
  const def: Definition = {
    ...starterDefinition(),
    items: [item('X', { name: '測定', thresholds: { A: threshold }, ...it })],
  };
  const ds: Dataset = {
    customers: data.customers ?? [customer('K1', '北斗電機', '山田', { 業種: '電機', 従業員数: 80 })],
    contacts: data.contacts ?? [],
    activities: data.activities ?? [],
  };
  const rows = checkGaps(def, indexDataset(ds), AS_OF, new Map([[ds.customers[0]!.id, 'A']]), lang);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('each metric', () => {
  const people = [
    contact('K1-1', 'K1', '松本 部長', 'key'),
    contact('K1-2', 'K1', '井上', 'charge'),
    contact('K1-3', 'K1', '木村', 'influencer'),
  ];

  it('key_person_registered: ok with a key person, gap without', () => {
    expect(checkOne({ metric: 'key_person_registered' }, 1, { contacts: people }).status).toBe('ok');
    expect(checkOne({ metric: 'key_person_registered' }, 1, { contacts: people.slice(1) })).toMatchObject({
      status: 'gap',
      actual: 'キーマン未登録',
      actualValue: 0,
    });
    expect(checkOne({ metric: 'key_person_registered' }, 1, { contacts: [] }, 'en').actual).toBe(
      'No key person registered',
    );
  });

  it('key_person_contact_days: met too long ago, and only the person in charge since', () => {
    const r = checkOne({ metric: 'key_person_contact_days' }, 60, {
      contacts: people,
      activities: [activity('K1', '2026-05-01', ['K1-1']), activity('K1', '2026-11-01', ['K1-2'])],
    });
    expect(r).toMatchObject({
      status: 'gap',
      actualValue: 212,
      actual: '最終キーマン接触 2026/05/01 (212日前) 以降は担当者のみ接触',
    });
    const ok = checkOne({ metric: 'key_person_contact_days' }, 60, {
      contacts: people,
      activities: [activity('K1', '2026-09-30', ['K1-2', 'K1-1'])],
    });
    expect(ok).toMatchObject({ status: 'ok', actualValue: 60 });
  });

  it('key_person_contact_days: no activity at all, or activities without anyone named', () => {
    expect(checkOne({ metric: 'key_person_contact_days' }, 60, { contacts: people }).actual).toBe(
      '接触記録なし',
    );
    expect(
      checkOne({ metric: 'key_person_contact_days' }, 60, {
        contacts: people,
        activities: [activity('K1', '2026-11-01', [])],
      }).actual,
    ).toBe('キーマン接触の記録なし');
  });

  it('contact_days: any activity within N days', () => {
    const acts = [activity('K1', '2026-08-01', ['K1-2'], { type: 'call' })];
    expect(checkOne({ metric: 'contact_days' }, 90, { activities: acts })).toMatchObject({
      status: 'gap',
      standard: '90日以内に接触',
      actual: '最終接触 2026/08/01 (120日前)',
      actualValue: 120,
    });
    expect(checkOne({ metric: 'contact_days' }, 120, { activities: acts }).status).toBe('ok');
    expect(checkOne({ metric: 'contact_days' }, 120, {})).toMatchObject({
      status: 'gap',
      actual: '接触記録なし',
    });
    expect(checkOne({ metric: 'contact_days' }, 90, { activities: acts }, 'en').actual).toBe(
      'Last contact 2026-08-01 (120 days ago)',
    );
  });

  it('distinct_contacts: different people met in the window (180 days by default)', () => {
    const acts = [
      activity('K1', '2026-05-01', ['K1-3']), // 212 days back: outside the default window
      activity('K1', '2026-10-01', ['K1-1', 'K1-2']),
      activity('K1', '2026-11-01', ['K1-2']),
    ];
    expect(
      checkOne({ metric: 'distinct_contacts' }, 3, { contacts: people, activities: acts }),
    ).toMatchObject({
      status: 'gap',
      standard: '180日間に3名以上と接触',
      actual: '180日間に2名と接触',
      actualValue: 2,
    });
    expect(
      checkOne({ metric: 'distinct_contacts', window: 365 }, 3, { contacts: people, activities: acts })
        .status,
    ).toBe('ok');
  });

  it('activity_count: activities of a type (code or label) in the window, or of any type', () => {
    const acts = [
      activity('K1', '2026-09-01', [], { type: 'visit' }), // 89 days back: inside 90
      activity('K1', '2026-08-31', [], { type: 'visit' }), // 90 days back: outside (asOf - 90, asOf]
      activity('K1', '2026-11-20', [], { type: 'call' }),
    ];
    expect(checkOne({ metric: 'activity_count', target: '訪問' }, 2, { activities: acts })).toMatchObject({
      status: 'gap',
      standard: '90日間に訪問2回以上',
      actual: '90日間に訪問1回',
      actualValue: 1,
    });
    expect(checkOne({ metric: 'activity_count', target: '' }, 2, { activities: acts })).toMatchObject({
      status: 'ok',
      actual: '90日間に行動2回',
    });
    expect(
      checkOne({ metric: 'activity_count', target: 'visit, 電話' }, 2, { activities: acts }).status,
    ).toBe('ok');
    // A type the definition names but we cannot read: the item cannot be measured, no data.
    expect(checkOne({ metric: 'activity_count', target: '懇親会' }, 1, { activities: acts })).toMatchObject({
      status: 'nodata',
      actual: '種別「懇親会」が分かりません (定義を確認してください)',
    });
  });

  it('next_action_overdue: a later activity closes the earlier next action', () => {
    const overdue = [activity('K1', '2026-10-01', [], { nextAction: '再提案', nextDue: day('2026-10-15') })];
    expect(checkOne({ metric: 'next_action_overdue' }, 7, { activities: overdue })).toMatchObject({
      status: 'gap',
      standard: '次回アクションの期日超過は7日まで',
      actual: '次回期日 2026/10/15 を45日超過: 再提案',
      actualValue: 45,
    });
    const followed = [...overdue, activity('K1', '2026-10-20', [])];
    expect(checkOne({ metric: 'next_action_overdue' }, 7, { activities: followed })).toMatchObject({
      status: 'ok',
      actual: '未完了の次回アクションなし',
    });
    expect(checkOne({ metric: 'next_action_overdue' }, 60, { activities: overdue }).status).toBe('ok');
  });

  it('attribute_filled: tolerant headers, empty values, and a column that does not exist', () => {
    const k = customer('K1', '北斗電機', '', { ' 業 種': '電機', 従業員数: '　', 資本金: null });
    expect(
      checkOne({ metric: 'attribute_filled', target: '業種、従業員数，資本金' }, 1, { customers: [k] }),
    ).toMatchObject({
      status: 'gap',
      actual: '未入力: 従業員数、資本金',
      actualValue: 2,
    });
    // The named column is not in the customer table: it cannot be judged (no data), unless a
    // column that is there is blank (a gap).
    expect(
      checkOne({ metric: 'attribute_filled', target: '業種, 決算月' }, 1, { customers: [k] }),
    ).toMatchObject({
      status: 'nodata',
      actual: '列がありません: 決算月',
    });
    expect(
      checkOne({ metric: 'attribute_filled', target: '決算月, 従業員数' }, 1, { customers: [k] }),
    ).toMatchObject({
      status: 'gap',
      actual: '列がありません: 決算月 / 未入力: 従業員数',
    });
    expect(
      checkOne({ metric: 'attribute_filled', target: '業種, 営業担当' }, 1, { customers: [k] }),
    ).toMatchObject({
      status: 'gap',
      actual: '未入力: 営業担当',
    });
    expect(
      checkOne({ metric: 'attribute_filled', target: '業種' }, 1, { customers: [k] }, 'en'),
    ).toMatchObject({
      status: 'ok',
      standard: 'Filled in: 業種',
      actual: 'Filled in: 業種',
    });
  });

  it('recording_lag_days: stamped activities recorded late; hand-typed rows are not counted', () => {
    const acts = [
      activity('K1', '2026-11-01', [], { recordedAt: day('2026-11-13') }),
      activity('K1', '2026-11-10', [], { recordedAt: day('2026-11-11') }),
      activity('K1', '2026-11-15', [], { recordedAt: null }),
      activity('K1', '2026-06-01', [], { recordedAt: day('2026-08-01') }), // outside the 90-day window
    ];
    expect(checkOne({ metric: 'recording_lag_days' }, 3, { activities: acts })).toMatchObject({
      status: 'gap',
      standard: '行動を3日以内に記録 (直近90日)',
      actual: '記録遅れ 1件/2件 (最大12日)',
      actualValue: 12,
    });
    expect(checkOne({ metric: 'recording_lag_days' }, 14, { activities: acts })).toMatchObject({
      status: 'ok',
      actual: '遅れなし (2件, 最大12日)',
    });
    // Only a hand-typed row: nothing says how late it was recorded — no data, never "on time".
    expect(checkOne({ metric: 'recording_lag_days' }, 3, { activities: [acts[2]!] })).toMatchObject({
      status: 'nodata',
      actual: '直近90日に記録日時のある行動なし',
      actualValue: null,
    });
  });
});

describe('a customer with no activities at all (データなし is never met)', () => {
  const people = [contact('N1-1', 'N1', '松本 部長', 'key'), contact('N1-2', 'N1', '井上', 'charge')];
  const lonely = customer('N1', '北斗電機', '山田', { 業種: '電機' });
  const metric = (id: string, m: Item['metric'], threshold: number, extra: Partial<Item> = {}): Item =>
    item(id, { name: id, metric: m, thresholds: { A: threshold }, ...extra });
  const def: Definition = {
    ...starterDefinition(),
    items: [
      metric('KR', 'key_person_registered', 1),
      metric('KC', 'key_person_contact_days', 60),
      metric('CD', 'contact_days', 90),
      metric('DC', 'distinct_contacts', 1),
      metric('AC', 'activity_count', 1),
      metric('NA', 'next_action_overdue', 7),
      metric('AF', 'attribute_filled', 1, { target: '業種' }),
      metric('RL', 'recording_lag_days', 3),
    ],
  };
  const ds: Dataset = { customers: [lonely], contacts: people, activities: [] };
  const rows = checkGaps(def, indexDataset(ds), AS_OF, new Map([['N1', 'A']]));
  const status = (id: string) => find(rows, 'N1', id);

  it('is a gap where nobody met anyone, and no data where there is nothing to measure', () => {
    expect(rows.map((r) => `${r.itemId} ${r.status} ${r.actual}`)).toEqual([
      'KR ok キーマン登録あり: 松本 部長',
      'KC gap 接触記録なし',
      'CD gap 接触記録なし',
      'DC gap 180日間に0名と接触',
      'AC gap 90日間に行動0回',
      'NA nodata 行動の記録なし',
      'AF ok 入力済み: 業種',
      'RL nodata 直近90日に記録日時のある行動なし',
    ]);
    expect(status('NA').actualValue).toBeNull();
  });

  it('shows データなし / No data as the status, and counts it apart in the summary', () => {
    // By urgency: gaps, then no data, then met — no data is never mixed in with the met rows.
    expect(gapTable(rows, 'ja', '第1版').map((r) => r[6])).toEqual([
      '状態',
      'ギャップ',
      'ギャップ',
      'ギャップ',
      'ギャップ',
      'データなし',
      'データなし',
      'OK',
      'OK',
    ]);
    expect(gapTable(rows, 'en', 'v1')[6]![6]).toBe('No data');
    const [summary] = summarizeGaps(rows);
    expect(summary).toEqual({
      customerId: 'N1',
      customerName: '北斗電機',
      rank: 'A',
      gapCount: 4,
      checkedCount: 6,
      noDataCount: 2,
      gapItems: ['KC', 'CD', 'DC', 'AC'],
      rep: '山田',
    });
    expect(gapSummaryTable([summary!], 'en', 'v1')).toEqual([
      [
        'Customer ID',
        'Customer',
        'Rank',
        'Gaps',
        'Items checked',
        'Items with gaps',
        'Items with no data',
        'Version',
      ],
      ['N1', '北斗電機', 'A', 4, 6, 'KC, CD, DC, AC', 2, 'v1'],
    ]);
  });

  it('keeps no data out of the gap headline and lists it in its own lines', () => {
    expect(gapHeadline(rows, 'ja')).toEqual(['KC: 1社', 'CD: 1社', 'DC: 1社', 'AC: 1社']);
    expect(noDataHeadline(rows, 'ja')).toEqual(['NA: データなし 1社', 'RL: データなし 1社']);
    expect(noDataHeadline(rows, 'en')).toEqual(['NA: no data for 1 customer', 'RL: no data for 1 customer']);
  });

  it('is met again as soon as there is something to measure', () => {
    const acts = [activity('N1', '2026-11-20', ['N1-1'], { recordedAt: day('2026-11-21') })];
    const withOne = checkGaps(def, indexDataset({ ...ds, activities: acts }), AS_OF, new Map([['N1', 'A']]));
    expect(withOne.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
