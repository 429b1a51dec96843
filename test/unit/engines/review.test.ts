import {
  changeText,
  halfYearOf,
  indexDataset,
  reviewChanges,
  reviewRows,
  reviewTable,
} from '../../../shared/engines';
import { changeKey } from '../../../shared/engines/review';
import { answersOfPeriod } from '../../../shared/engines/review-records';
import type { KnowsAnswer, ReviewRow } from '../../../shared/engines';
import type { Definition } from '../../../shared/definition/model';
import { activity, AS_OF, contact, customer, day, item, sampleDataset, starterDefinition } from './fixtures';

describe('halfYearOf', () => {
  it('splits an April fiscal year into Apr–Sep and Oct–Mar, named by its start year', () => {
    const h1 = halfYearOf(day('2026-04-01'));
    expect(h1).toEqual({
      label: '2026年度上期',
      fiscalYear: 2026,
      half: 1,
      start: day('2026-04-01'),
      end: day('2026-09-30'),
    });
    expect(halfYearOf(day('2026-09-30')).label).toBe('2026年度上期');
    const h2 = halfYearOf(day('2026-10-01'));
    expect(h2).toMatchObject({ label: '2026年度下期', start: day('2026-10-01'), end: day('2027-03-31') });
    // January–March belong to the second half of the fiscal year that started the April before.
    expect(halfYearOf(day('2027-03-31'), 4)).toMatchObject({
      label: '2026年度下期',
      fiscalYear: 2026,
      half: 2,
    });
    expect(halfYearOf(day('2027-03-31'), 4, 'en').label).toBe('FY2026 H2');
  });

  it('handles a January fiscal start and a leap-year February end', () => {
    expect(halfYearOf(day('2026-01-01'), 1)).toMatchObject({
      label: '2026年度上期',
      start: day('2026-01-01'),
      end: day('2026-06-30'),
    });
    expect(halfYearOf(day('2026-07-01'), 1, 'en')).toMatchObject({
      label: 'FY2026 H2',
      start: day('2026-07-01'),
      end: day('2026-12-31'),
    });
    // September start: H2 = Mar–Aug; H1 of FY2027 = Sep 2027–Feb 2028 (29 days in a leap year).
    expect(halfYearOf(day('2028-02-29'), 9)).toMatchObject({
      label: '2027年度上期',
      start: day('2027-09-01'),
      end: day('2028-02-29'),
    });
  });

  it('falls back to April for an impossible fiscal start month', () => {
    expect(halfYearOf(day('2026-05-10'), 13).start).toBe(day('2026-04-01'));
  });
});

describe('reviewRows', () => {
  const index = indexDataset(sampleDataset());
  const ranks = new Map([
    ['C001', 'A'],
    ['C002', 'A'],
    ['C003', 'B'],
    ['C004', 'C'],
  ]);
  const knows: KnowsAnswer[] = [
    { rep: '山田\u3000太郎', itemId: 'R2', knows: true },
    { rep: '山田太郎', itemId: 'A1', knows: false },
    { rep: '山田 太郎', itemId: 'R1', knows: null },
    { rep: '山田 太郎', itemId: 'I2', knows: true },
    { rep: '佐藤 花子', itemId: 'R1', knows: true },
    { rep: '鈴木 一郎', itemId: 'R2', knows: true },
  ];
  const period = { start: day('2026-06-01'), end: AS_OF };
  const rows = reviewRows(starterDefinition(), index, period, ranks, knows);
  const find = (rep: string, itemId: string): ReviewRow =>
    rows.find((r) => r.rep === rep && r.itemId === itemId)!;

  it('gives one row per rep × item, grouping reps however their name is spaced', () => {
    expect([...new Set(rows.map((r) => r.rep))]).toEqual(['山田 太郎', '佐藤 花子', '', '鈴木 一郎']);
    expect(rows).toHaveLength(4 * 5);
  });

  it('classes known-but-not-done as the headline', () => {
    expect(find('山田 太郎', 'R2')).toMatchObject({
      knows: true,
      does: 0.5,
      met: 1,
      checked: 2,
      class: 'knownOnly',
      headline: true,
    });
    expect(find('佐藤 花子', 'R1')).toMatchObject({
      knows: true,
      does: 0,
      class: 'knownOnly',
      headline: true,
    });
  });

  it('classes done at 80% whatever the answer, and not started otherwise', () => {
    expect(find('山田 太郎', 'R1')).toMatchObject({ knows: null, does: 1, class: 'done', headline: false });
    expect(find('山田 太郎', 'A1')).toMatchObject({ knows: false, does: 0.5, class: 'notStarted' });
    expect(find('山田 太郎', 'I1')).toMatchObject({ knows: null, does: 0.5, class: 'notStarted' });
  });

  it('gives no data, never 100%, where the customers of a rep have nothing to measure', () => {
    // 鈴木物産 (no rep, rank C) has no activity: no next action to be late on.
    expect(find('', 'I1')).toMatchObject({
      does: null,
      met: 0,
      checked: 0,
      noData: 1,
      class: 'noData',
      headline: false,
    });
  });

  it('leaves items the data cannot show to people: not confirmed until a manager says, never "not done"', () => {
    expect(find('山田 太郎', 'I2')).toMatchObject({
      measurable: false,
      does: null,
      class: 'unconfirmed',
      peopleCheck: true,
      headline: false,
      confirmed: null,
    });
    const confirm = (done: boolean) =>
      reviewRows(starterDefinition(), index, period, ranks, knows, undefined, [
        { rep: '山田太郎', itemId: 'I2', done: !done, note: '' },
        { rep: '山田 太郎', itemId: 'I2', done, note: '商談メモで確認' },
      ]).find((r) => r.rep === '山田 太郎' && r.itemId === 'I2')!;
    // The latest confirmation counts; the rep's answer says whether it is at least known.
    expect(confirm(true)).toMatchObject({ class: 'done', confirmed: true, note: '商談メモで確認' });
    expect(confirm(false)).toMatchObject({ class: 'knownOnly', confirmed: false, headline: true });
    const sheet = reviewTable([confirm(false)], 'ja', 'v');
    expect(sheet[1]).toContain('確認: 出来ていない: 商談メモで確認');
    // A measurable item no customer of the rep is checked on: no data, whatever the answer.
    expect(find('', 'A1')).toMatchObject({
      measurable: true,
      checked: 0,
      noData: 0,
      does: null,
      peopleCheck: true,
      class: 'noData',
    });
    expect(find('鈴木 一郎', 'R2')).toMatchObject({
      knows: true,
      checked: 0,
      does: null,
      class: 'noData',
      headline: false,
    });
  });

  it('takes the done bar as a parameter', () => {
    const lenient = reviewRows(starterDefinition(), index, period, ranks, knows, 0.5);
    expect(lenient.find((r) => r.rep === '山田 太郎' && r.itemId === 'R2')!.class).toBe('done');
  });

  it('writes the headline rows first, with labels in Japanese and English', () => {
    const ja = reviewTable(rows, 'ja', '第1版');
    expect(ja[0]).toEqual(['営業担当', '切り口', '項目', '知っている', '出来ている', '判定', '版']);
    expect(ja[1]).toEqual([
      '山田 太郎',
      '人間関係の構築',
      'キーマン接触',
      'はい',
      '50% (1/2社)',
      '知っているだけ',
      '第1版',
    ]);
    expect(ja[2]).toEqual([
      '佐藤 花子',
      '人間関係の構築',
      'キーマン登録',
      'はい',
      '0% (0/1社)',
      '知っているだけ',
      '第1版',
    ]);
    expect(ja.find((r) => r[0] === '(未設定)' && r[2] === '次回アクション')).toEqual([
      '(未設定)',
      '情報収集・記録・活用',
      '次回アクション',
      '未回答',
      'データなし (測れる記録なし 1社)',
      'データなし',
      '第1版',
    ]);
    expect(ja.find((r) => r[0] === '山田 太郎' && r[2] === '商談メモの共有')![4]).toBe('人が確認 (指標なし)');
    const en = reviewTable(rows, 'en', 'v1');
    expect(en[1]).toEqual([
      '山田 太郎',
      'Relationships',
      'キーマン接触',
      'Yes',
      '50% (1/2 customers)',
      'Known only',
      'v1',
    ]);
    expect(en.find((r) => r[0] === '(unassigned)' && r[2] === '基本属性の入力')!.slice(4, 6)).toEqual([
      'No data (no customers to check)',
      'No data',
    ]);
    expect(en.filter((r) => r[5] === 'Not started').length).toBeGreaterThan(0);
  });
});

describe('a rep with no activities at all', () => {
  // 高橋 has two A customers and has logged nothing; 木村 has one A customer with a stamped,
  // on-time visit and one without any activity.
  const customers = [
    customer('T1', '北斗電機', '高橋', { 業種: '電機' }),
    customer('T2', '南海工業', '高橋', { 業種: '' }),
    customer('K1', '東邦化学', '木村', { 業種: '化学' }),
    customer('K2', '西日本物流', '木村', { 業種: '物流' }),
  ];
  const contacts = [contact('K1-1', 'K1', '森 部長', 'key')];
  const activities = [
    activity('K1', '2026-11-02', ['K1-1'], { recordedAt: day('2026-11-02'), nextDue: day('2026-12-10') }),
  ];
  const def: Definition = {
    ...starterDefinition(),
    items: [
      item('NA', { name: '次回アクション', metric: 'next_action_overdue', thresholds: { A: 0 } }),
      item('RL', { name: '記録の早さ', metric: 'recording_lag_days', thresholds: { A: 1 } }),
      item('CD', { name: '接触間隔', metric: 'contact_days', thresholds: { A: 60 } }),
      item('AF', { name: '業種の入力', metric: 'attribute_filled', target: '業種', thresholds: { A: 1 } }),
    ],
  };
  const ranks = new Map(customers.map((c) => [c.id, 'A']));
  const knows: KnowsAnswer[] = ['NA', 'RL', 'CD'].map((itemId) => ({ rep: '高橋', itemId, knows: true }));
  const rows = reviewRows(
    def,
    indexDataset({ customers, contacts, activities }),
    { start: day('2026-10-01'), end: AS_OF },
    ranks,
    knows,
  );
  const find = (rep: string, itemId: string): ReviewRow =>
    rows.find((r) => r.rep === rep && r.itemId === itemId)!;

  it('is no data for what only activities can show, never 100% done', () => {
    expect(find('高橋', 'NA')).toMatchObject({
      does: null,
      checked: 0,
      noData: 2,
      class: 'noData',
      knows: true,
      headline: false,
    });
    expect(find('高橋', 'RL')).toMatchObject({ does: null, noData: 2, class: 'noData', headline: false });
  });

  it('still shows what the data does say: no contact at all is not done', () => {
    expect(find('高橋', 'CD')).toMatchObject({
      does: 0,
      met: 0,
      checked: 2,
      class: 'knownOnly',
      headline: true,
    });
    expect(find('高橋', 'AF')).toMatchObject({ does: 0.5, met: 1, checked: 2, noData: 0 });
  });

  it('leaves customers with no data out of the share, and says how many', () => {
    expect(find('木村', 'NA')).toMatchObject({ does: 1, met: 1, checked: 1, noData: 1, class: 'done' });
    const table = reviewTable(rows, 'ja', '第1版');
    const line = (rep: string, item: string) => table.find((r) => r[0] === rep && r[2] === item)!;
    expect(line('木村', '次回アクション').slice(4, 6)).toEqual([
      '100% (1/1社、ほかにデータなし 1社)',
      '出来ている',
    ]);
    expect(line('高橋', '次回アクション').slice(3, 6)).toEqual([
      'はい',
      'データなし (測れる記録なし 2社)',
      'データなし',
    ]);
    expect(
      reviewTable(rows, 'en', 'v1')
        .find((r) => r[0] === '高橋' && r[2] === '記録の早さ')!
        .slice(4, 6),
    ).toEqual(['No data (nothing to measure for 2 customers)', 'No data']);
  });
});

describe('reviewChanges', () => {
  const row = (over: Partial<ReviewRow>): ReviewRow => ({
    rep: '山田 太郎',
    itemId: 'R2',
    itemName: 'キーマンとの接触',
    perspective: 'relationships',
    measurable: true,
    knows: null,
    does: null,
    met: 0,
    checked: 0,
    noData: 0,
    class: 'notStarted',
    peopleCheck: false,
    headline: false,
    confirmed: null,
    note: '',
    ...over,
  });

  it('says per rep and item whether knows and does got better or worse since the previous period', () => {
    const before = [
      row({ knows: false, class: 'notStarted' }),
      row({ itemId: 'R1', knows: true, class: 'done' }),
      row({ itemId: 'I2', measurable: false, class: 'unconfirmed' }),
    ];
    const now = [
      row({ knows: true, class: 'knownOnly' }),
      row({ itemId: 'R1', knows: true, class: 'knownOnly' }),
      row({ itemId: 'I2', measurable: false, class: 'done', confirmed: true }),
      row({ itemId: 'A1' }),
    ];
    const changes = reviewChanges(now, before);
    const text = (i: number) =>
      changeText(changes.get(changeKey(now[i]!.rep, now[i]!.itemId)), now[i]!, 'ja');
    expect(text(0)).toBe('知っている: 良くなった / 出来ている: 良くなった (未着手→知っているだけ)');
    expect(text(1)).toBe('出来ている: 悪くなった (出来ている→知っているだけ)');
    // Not confirmed then: nothing to compare with, and never counted as "got better".
    expect(text(2)).toBe('前期なし');
    expect(text(3)).toBe('前期なし');
    expect(changeText(changes.get(changeKey(now[0]!.rep, 'R2')), now[0]!, 'en')).toBe(
      'knows: better / does: better (Not started → Known only)',
    );
  });
});

describe('answersOfPeriod', () => {
  it("reads one period's answers, an earlier answer standing for a period not answered yet", () => {
    const grid = [
      ['営業担当', '項目', '知っている', '記録ID', '期間'],
      ['山田', 'R1', '○', '', ''],
      ['山田', 'R1', '×', '', '2026H1'],
      ['山田', 'R1', '', '', '2026H2'],
      ['山田', 'R2', '○', '', '2026H2'],
    ];
    expect(answersOfPeriod(grid, '2026H1')).toEqual([grid[0], grid[1], grid[2], [], []]);
    expect(answersOfPeriod(grid, '2026H2')).toEqual([grid[0], grid[1], [], [], grid[4]]);
  });
});
