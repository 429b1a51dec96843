import { rankCustomers, rankingTable, rankList, withMovement } from '../../../shared/engines';
import type { AttrValue } from '../../../shared/model';
import type { Definition } from '../../../shared/definition/model';
import { customer, starterDefinition } from './fixtures';

function rulesDef(): Definition {
  return {
    ...starterDefinition(),
    ranking: {
      kind: 'rules',
      rules: [
        {
          rank: 'A',
          conditions: [
            { column: '年間取引額', op: '>=', value: 10_000_000 },
            { column: '業種', op: '=', value: '製造業' },
          ],
        },
        { rank: 'B', conditions: [{ column: '年間取引額', op: '>=', value: 3_000_000 }] },
        { rank: 'B', conditions: [{ column: '業種', op: 'contains', value: '商社' }] },
        { rank: 'C', conditions: [{ column: 'キーマン', op: 'filled', value: null }] },
      ],
    },
  };
}

describe('rankCustomers by rules', () => {
  it('gives the first matching rule’s rank and says which rule matched', () => {
    const [a, b] = rankCustomers(rulesDef(), [
      customer('C1', '山田製作所', '', { 年間取引額: 15_000_000, 業種: '製造業' }),
      customer('C2', '佐藤商事', '', { 年間取引額: 15_000_000, 業種: '卸売' }),
    ]);
    expect(a).toMatchObject({ customerId: 'C1', customerName: '山田製作所', rank: 'A', value: null });
    expect(a!.basis).toBe('ルール1: 年間取引額 ≥ 10,000,000 かつ 業種 = 製造業');
    // Both conditions of rule 1 must hold (AND): the wholesaler falls through to rule 2.
    expect(b).toMatchObject({ rank: 'B', basis: 'ルール2: 年間取引額 ≥ 3,000,000' });
  });

  it('matches columns whatever the header spacing, width or case, and numbers stored as text', () => {
    const [r] = rankCustomers(rulesDef(), [
      customer('C1', '山田製作所', '', { '年間 取引額 ': '１，２００万円', ' 業種': '製造業' }),
    ]);
    expect(r!.rank).toBe('A');
  });

  it('does not match a condition whose attribute is blank or missing; the last rank is the default', () => {
    const results = rankCustomers(rulesDef(), [
      customer('C1', '空欄商店', '', { 年間取引額: '', 業種: '　' }),
      customer('C2', '列なし', '', {}),
      customer('C3', '文字の取引額', '', { 年間取引額: '未確認' }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['C', 'C', 'C']);
    expect(results[0]!.basis).toBe('既定 (どのルールにも該当せず)');
  });

  it('supports contains and filled, and a later rule for the same rank', () => {
    const results = rankCustomers(rulesDef(), [
      customer('C1', '丸紅商社', '', { 年間取引額: 100, 業種: '総合商社' }),
      customer('C2', '小さな会社', '', { 年間取引額: 100, キーマン: '田中部長' }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['B', 'C']);
    expect(results[0]!.basis).toBe('ルール3: 業種に「商社」を含む');
    expect(results[1]!.basis).toBe('ルール4: キーマンが入力済み');
  });

  it('compares text case- and width-insensitively for = and <>', () => {
    const def: Definition = {
      ...starterDefinition(),
      ranking: {
        kind: 'rules',
        rules: [
          { rank: 'A', conditions: [{ column: '区分', op: '=', value: 'vip' }] },
          { rank: 'B', conditions: [{ column: '区分', op: '<>', value: '休眠' }] },
        ],
      },
    };
    const results = rankCustomers(def, [
      customer('C1', 'a', '', { 区分: 'ＶＩＰ' }),
      customer('C2', 'b', '', { 区分: '通常' }),
      customer('C3', 'c', '', { 区分: '休眠' }),
      customer('C4', 'd', '', { 区分: null }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['A', 'B', 'C', 'C']);
  });

  it('reads the fields kimeru keeps itself (営業担当, 顧客名) when no column of that name is an attribute', () => {
    const def: Definition = {
      ...starterDefinition(),
      ranking: {
        kind: 'rules',
        rules: [
          { rank: 'A', conditions: [{ column: '担当営業', op: '=', value: '山田 太郎' }] },
          { rank: 'B', conditions: [{ column: '会社名', op: 'contains', value: '商事' }] },
        ],
      },
    };
    const ranked = rankCustomers(def, [
      customer('K1', '北斗電機', '山田太郎'),
      customer('K2', '南海商事', '佐藤'),
      customer('K3', '西日本物流', '佐藤'),
    ]);
    expect(ranked.map((r) => r.rank)).toEqual(['A', 'B', 'C']);
  });

  it('writes the basis in English', () => {
    const [r] = rankCustomers(rulesDef(), [customer('C1', 'x', '', {})], 'en');
    expect(r!.basis).toBe('Default (no rule matched)');
  });
});

function abcDef(): Definition {
  return {
    ...starterDefinition(),
    ranking: { kind: 'abc', column: '年間売上', cutoffs: { A: 0.7, B: 0.9, C: 1 } },
  };
}

describe('rankCustomers by ABC', () => {
  it('gives A to the top customers making up the first 70%, B up to 90%, C to the rest', () => {
    const customers = [
      customer('C5', 'e', '', { 年間売上: 50 }),
      customer('C1', 'a', '', { 年間売上: 500 }),
      customer('C3', 'c', '', { 年間売上: 150 }),
      customer('C2', 'b', '', { 年間売上: 200 }),
      customer('C4', 'd', '', { 年間売上: '100' }),
    ];
    const results = rankCustomers(abcDef(), customers);
    // Results keep the input order; cumulative shares before each: a 0, b .5, c .7, d .85, e .95.
    expect(results.map((r) => `${r.customerId}:${r.rank}`)).toEqual(['C5:C', 'C1:A', 'C3:B', 'C2:A', 'C4:B']);
    expect(results.find((r) => r.customerId === 'C3')!.basis).toBe('累積 70% (年間売上: 150)');
    expect(results.find((r) => r.customerId === 'C2')!.value).toBeCloseTo(0.5);
  });

  it('breaks ties by customer id so reruns agree', () => {
    const def: Definition = {
      ...abcDef(),
      ranking: { kind: 'abc', column: '年間売上', cutoffs: { A: 0.5, B: 0.9 } },
    };
    const results = rankCustomers(def, [
      customer('K2', 'b', '', { 年間売上: 100 }),
      customer('K1', 'a', '', { 年間売上: 100 }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['B', 'A']);
  });

  it('puts blank and non-numeric values in the last rank, saying why, with an issue naming the row', () => {
    const blank = customer('C1', 'a', '', { ' 年間 売上': '' });
    const text = customer('C2', 'b', '', { 年間売上: '未集計' });
    const missing = customer('C3', 'c', '', {});
    const results = rankCustomers(abcDef(), [
      blank,
      text,
      missing,
      customer('C4', 'd', '', { 年間売上: 10 }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['C', 'C', 'C', 'A']);
    expect(results[0]!.basis).toBe('「年間売上」が空欄のため最下位');
    expect(results[0]!.issue).toMatchObject({
      key: 'engines.issue.abcBlank',
      row: blank.row,
      header: '年間売上',
    });
    expect(results[1]!.basis).toBe('「年間売上」の「未集計」が数値でないため最下位');
    expect(results[1]!.issue).toMatchObject({
      key: 'engines.issue.abcNotNumber',
      row: text.row,
      severity: 'warning',
    });
    expect(results[2]!.basis).toBe('列「年間売上」がないため最下位');
  });

  it('ranks everyone last when the total is 0', () => {
    const results = rankCustomers(abcDef(), [
      customer('C1', 'a', '', { 年間売上: 0 }),
      customer('C2', 'b', '', { 年間売上: 0 }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['C', 'C']);
    expect(results[0]!.basis).toBe('「年間売上」の合計が0のため最下位');
  });

  it('reads amounts written as 1,200万円', () => {
    const results = rankCustomers(abcDef(), [
      customer('C1', 'a', '', { 年間売上: '1,200万円' }),
      customer('C2', 'b', '', { 年間売上: 5_000_000 }),
    ]);
    expect(results.map((r) => r.rank)).toEqual(['A', 'B']);
  });
});

describe('rankList', () => {
  // xorshift32: deterministic, so a failure can be replayed
  let seed = 11;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)] as T;
  // Few distinct values, so ties fall on the cut-offs; text, blanks, -0 and negatives too.
  const VALUES: AttrValue[] = [
    0,
    -0,
    -5,
    1,
    2,
    3,
    5,
    10,
    10,
    30,
    50,
    100,
    '100',
    '1,200万円',
    '',
    null,
    '未集計',
  ];
  const CUTOFFS: Record<string, number>[] = [
    { A: 0.7, B: 0.9, C: 1 },
    { A: 0.5, B: 0.9 },
    { A: 0.25, B: 0.5, C: 0.75 },
    { A: 0.9, B: 0.5, C: 1 },
    { A: 1 / 3, B: 2 / 3 },
    {},
  ];

  it('gives every customer the rank rankCustomers gives, by ABC (ties across cut-offs too) and by rules', () => {
    for (let n = 0; n < 400; n++) {
      const customers = Array.from({ length: 1 + next(40) }, (_, i) =>
        customer(
          // Ids out of order, some repeated: ties are ordered by id, then by place in the list.
          `K${next(30)}`,
          `c${i}`,
          '',
          next(10) === 0 ? {} : { [next(6) === 0 ? ' 年間 売上' : '年間売上']: pick(VALUES) },
        ),
      );
      for (const def of <Definition[]>[
        { ...abcDef(), ranking: { kind: 'abc' as const, column: '年間売上', cutoffs: pick(CUTOFFS) } },
        rulesDef(),
      ])
        expect(rankList(def, customers)).toEqual(rankCustomers(def, customers).map((r) => r.rank));
    }
  });
});

describe('withMovement and rankingTable', () => {
  const current = rankCustomers(starterDefinition(), [
    customer('C1', '山田製作所', '', { 年間取引額: 15_000_000 }),
    customer('C2', '佐藤商事', '', { 年間取引額: 4_000_000 }),
    customer('C3', '鈴木物産', '', { 年間取引額: 100 }),
    customer('C4', '新規工業', '', { 年間取引額: 100 }),
  ]);
  const previous = new Map([
    ['C1', 'B'],
    ['C2', 'A'],
    ['C3', 'C'],
  ]);

  it('compares with the previous rank: up, down, same, new', () => {
    const rows = withMovement(current, previous, ['A', 'B', 'C']);
    expect(rows.map((r) => [r.previousRank, r.rank, r.movement])).toEqual([
      ['B', 'A', 'up'],
      ['A', 'B', 'down'],
      ['C', 'C', 'same'],
      [null, 'C', 'new'],
    ]);
  });

  it('writes a header row and one row per customer, in Japanese and English', () => {
    const rows = withMovement(current, previous, ['A', 'B', 'C']);
    const ja = rankingTable(rows, 'ja', '第3版');
    expect(ja[0]).toEqual(['顧客ID', '顧客名', 'ランク', '前回ランク', '変動', '根拠', '版']);
    expect(ja[1]).toEqual(['C1', '山田製作所', 'A', 'B', '↑', 'ルール1: 年間取引額 ≥ 10,000,000', '第3版']);
    expect(ja[4]![4]).toBe('新規');
    const en = rankingTable(rows, 'en', 'v3');
    expect(en[0]).toEqual(['Customer ID', 'Customer', 'Rank', 'Previous rank', 'Change', 'Basis', 'Version']);
    expect(en[4]![4]).toBe('New');
    expect(en[2]![4]).toBe('↓');
  });
});
