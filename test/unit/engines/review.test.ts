import { halfYearOf, indexDataset, reviewRows, reviewTable } from '../../../shared/engines';
import type { KnowsAnswer, ReviewRow } from '../../../shared/engines';
import { AS_OF, day, sampleDataset, starterDefinition } from './fixtures';

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
    expect(find('', 'I1')).toMatchObject({ does: 1, checked: 1, class: 'done' });
  });

  it('leaves items the data cannot show to people, classed by the answer alone', () => {
    expect(find('山田 太郎', 'I2')).toMatchObject({
      measurable: false,
      does: null,
      class: 'knownOnly',
      peopleCheck: true,
      headline: false,
    });
    expect(find('', 'A1')).toMatchObject({
      measurable: true,
      checked: 0,
      does: null,
      peopleCheck: true,
      class: 'notStarted',
    });
    expect(find('鈴木 一郎', 'R2')).toMatchObject({ checked: 0, class: 'knownOnly', headline: false });
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
      '100% (1/1社)',
      '出来ている',
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
    expect(en.find((r) => r[0] === '(unassigned)' && r[2] === '基本属性の入力')![4]).toBe(
      'No customers checked',
    );
    expect(en.filter((r) => r[5] === 'Not started').length).toBeGreaterThan(0);
  });
});
