import {
  readDefinition,
  starterDefinition,
  writeDefinition,
  type Definition,
} from '../../../shared/definition';
import { formatIssue, formatIssues, KimeruError, type Issue } from '../../../shared/issues';
import type { CellValue } from '../../../shared/values';

/** The issues a failing read throws. */
function errorsOf(
  grid: CellValue[][],
  opts: Parameters<typeof readDefinition>[1] = { sheet: '定義' },
): Issue[] {
  try {
    readDefinition(grid, opts);
  } catch (e) {
    if (e instanceof KimeruError) return e.issues;
    throw e;
  }
  throw new Error('expected readDefinition to throw');
}

function jaText(grid: CellValue[][], opts?: Parameters<typeof readDefinition>[1]): string {
  return formatIssues('ja', errorsOf(grid, opts), 50);
}

const rulesDefinition: Definition = {
  ranks: ['S', 'A', 'B'],
  ranking: {
    kind: 'rules',
    rules: [
      {
        rank: 'S',
        conditions: [
          { column: '年間取引額', op: '>=', value: 100000000 },
          { column: '従業員数', op: '>', value: 300 },
        ],
      },
      {
        rank: 'A',
        conditions: [
          { column: '業種', op: 'contains', value: '製造' },
          { column: '郵便番号', op: '=', value: '100' },
          { column: '取引 区分', op: '<>', value: '休眠 かつ 解約' },
        ],
      },
      {
        rank: 'A',
        conditions: [
          { column: 'キーマン', op: 'filled', value: null },
          { column: '利益率', op: '<', value: 0.25 },
        ],
      },
      { rank: 'B', conditions: [] },
    ],
  },
  items: [
    {
      id: 'X1',
      perspective: 'relationships',
      name: '=キーマン',
      standard: '-担当者だけで終わらせない',
      metric: 'distinct_contacts',
      target: '',
      window: 180,
      thresholds: { S: 3, A: 2 },
    },
    {
      id: 'X2',
      perspective: 'information',
      name: '訪問回数',
      standard: '@月2回は訪問する',
      metric: 'activity_count',
      target: 'visit,web',
      window: 30,
      thresholds: { S: 2, A: 1, B: 0 },
    },
    {
      id: 'X3',
      perspective: 'attributes',
      name: '与信（税抜）',
      standard: '+与信額を確認する',
      metric: null,
      target: '',
      window: null,
      thresholds: {},
    },
  ],
  fiscalStartMonth: 10,
};

describe('writeDefinition / readDefinition round trip', () => {
  it.each(['ja', 'en'] as const)('reads back the starter definition written in %s', (lang) => {
    const def = starterDefinition(lang);
    const grid = writeDefinition(def, { lang, version: 3 });
    const read = readDefinition(grid);
    expect(read.definition).toEqual(def);
    expect(read.version).toBe(3);
    expect(read.issues).toEqual([]);
  });

  it.each(['ja', 'en'] as const)(
    'reads back rules, quoted names, text that looks like a number and formula-like text (%s)',
    (lang) => {
      const grid = writeDefinition(rulesDefinition, { lang });
      expect(readDefinition(grid).definition).toEqual(rulesDefinition);
      expect(readDefinition(grid).version).toBeNull();
    },
  );

  it('writes a rectangular grid a manager can read, in Japanese', () => {
    const grid = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
    const width = grid[0]?.length;
    expect(grid.every((row) => row.length === width)).toBe(true);
    expect(grid[0]?.[0]).toBe('顧客管理の定義');
    expect(grid).toContainEqual(['ランク', 'A', 'B', 'C', '', '', '', '', '', '']);
    expect(grid).toContainEqual(['A', '70%', '', '', '', '', '', '', '', '']);
    expect(grid).toContainEqual([
      '切り口',
      '項目ID',
      '項目',
      '基準',
      '指標',
      '対象',
      '期間(日)',
      'A',
      'B',
      'C',
    ]);
    const keyPerson = grid.find((row) => row[1] === 'RE2');
    expect(keyPerson?.slice(4)).toEqual(['キーマン接触(日以内)', '', '', 60, 120, '']);
  });

  it('writes conditions as readable expressions and text starting with = + - @ as is', () => {
    const grid = writeDefinition(rulesDefinition, { lang: 'ja' });
    expect(grid.map((r) => r[1])).toContain('年間取引額 >= 1億 かつ 従業員数 > 300');
    expect(grid.map((r) => r[1])).toContain(
      '業種 を含む 製造 かつ 郵便番号 = 「100」 かつ 「取引 区分」 <> 「休眠 かつ 解約」',
    );
    expect(grid.map((r) => r[1])).toContain('(その他)');
    const en = writeDefinition(rulesDefinition, { lang: 'en' });
    expect(en.map((r) => r[1])).toContain('キーマン is filled AND 利益率 < 0.25');
    expect(en.map((r) => r[1])).toContain('(otherwise)');
    const item = grid.find((row) => row[1] === 'X1');
    expect(item?.[2]).toBe('=キーマン');
    expect(item?.[3]).toBe('-担当者だけで終わらせない');
    expect(grid.find((row) => row[1] === 'X2')?.[5]).toBe('訪問、Web会議');
  });
});

describe('readDefinition on a hand-edited sheet', () => {
  const messy: CellValue[][] = [
    ['株式会社サンプル 顧客管理の定義（2026年度）'],
    [],
    ['  版 ', '第３版'],
    ['ランク', ' A', 'Ｂ', 'C', null, null, null, null, null, '※S ランクは来期に検討'],
    ['期首月', '４月'],
    ['Ranking', 'ルール'],
    ['', '', ''],
    ['ランク', '条件'],
    ['A', '年間取引額 >= 1億 かつ 従業員数 ＞＝ ３００'],
    ['B', '年間取引額が1,000万円以上'],
    [],
    ['C', '(その他)', '', '上から順に判定'],
    ['※ ランクは毎期見直す'],
    [null],
    ['【切り口】', '項目ID', '項目名', '基準', '指標', '対象', '期間', 'Ａ', 'B', 'C', 'メモ'],
    [
      'Customer attributes',
      'AT1',
      '基本属性',
      '業種と従業員数を入力する',
      '属性入力',
      '業種、 従業員数',
      '',
      '○',
      '必須',
      '',
      '営業会議で確認',
    ],
    [
      '人間関係',
      'RE1',
      ' キーマンとの接触 ',
      'キーマン本人と会う',
      'キーマン接触',
      '',
      '',
      '６０',
      '「120日」',
      '-',
    ],
    [],
    ['', 'RE2', 'キーマン登録', '決裁者を登録する', 'key_person_registered', '', '', true, 1, 'yes'],
    [
      '情報収集・記録・活用',
      '',
      '訪問の記録',
      '3日以内に記録する',
      'Recorded within (days)',
      '',
      '30日',
      '3日以内',
      '3 days',
      3,
    ],
    [
      '情報',
      'IN9',
      '経営課題',
      '顧客の経営課題を把握している',
      '—',
      '',
      '',
      '',
      '',
      '',
      'マネージャーが確認',
    ],
  ];

  it('reads blank rows, notes, full-width digits, 「60日」, English labels and an extra note column', () => {
    const read = readDefinition(messy, { sheet: '定義' });
    const def = read.definition;
    expect(read.version).toBe(3);
    expect(def.ranks).toEqual(['A', 'B', 'C']);
    expect(def.fiscalStartMonth).toBe(4);
    expect(def.ranking).toEqual({
      kind: 'rules',
      rules: [
        {
          rank: 'A',
          conditions: [
            { column: '年間取引額', op: '>=', value: 100000000 },
            { column: '従業員数', op: '>=', value: 300 },
          ],
        },
        { rank: 'B', conditions: [{ column: '年間取引額', op: '>=', value: 10000000 }] },
        { rank: 'C', conditions: [] },
      ],
    });
    expect(
      def.items.map((i) => [i.id, i.perspective, i.name, i.metric, i.target, i.window, i.thresholds]),
    ).toEqual([
      ['AT1', 'attributes', '基本属性', 'attribute_filled', '業種,従業員数', null, { A: 1, B: 1 }],
      ['RE1', 'relationships', 'キーマンとの接触', 'key_person_contact_days', '', null, { A: 60, B: 120 }],
      ['RE2', 'relationships', 'キーマン登録', 'key_person_registered', '', null, { A: 1, B: 1, C: 1 }],
      ['IN1', 'information', '訪問の記録', 'recording_lag_days', '', 30, { A: 3, B: 3, C: 3 }],
      ['IN9', 'information', '経営課題', null, '', null, {}],
    ]);
    // The only warning: the hand-typed item got an id, and the user is told which.
    expect(read.issues.map((i) => formatIssue('ja', i))).toEqual([
      '「定義」シート 20行目 B列「項目ID」: 項目IDが空欄だったため「IN1」を割り当てました。',
    ]);
  });

  it('reads a definition placed lower and to the right in the sheet, and reports where it really is', () => {
    const shifted = [[], ...messy.map((row) => [null, ...row])];
    const read = readDefinition(shifted, { sheet: '定義', firstRow: 5, firstColumn: 3 });
    expect(read.definition.items).toHaveLength(5);
    expect(read.issues[0]).toMatchObject({ row: 25, column: 'E' });
  });

  it('warns about a row it cannot place instead of dropping it silently', () => {
    const grid = [...messy.slice(0, 5), ['期首', '4'], ['営業部長の承認済み'], ...messy.slice(5)];
    expect(() => readDefinition(grid)).toThrow(KimeruError); // 期首 twice
    const ok = [...messy.slice(0, 5), ['営業部長の承認済み'], ...messy.slice(5)];
    const read = readDefinition(ok, { sheet: '定義' });
    expect(read.issues.map((i) => formatIssue('ja', i))).toContain(
      '「定義」シート 6行目 A列「営業部長の承認済み」: この行は定義として読めないため読み飛ばしました(「営業部長の承認済み」)。メモなら先頭に ※ を付けてください。',
    );
  });
});

describe('readDefinition refuses a malformed definition, naming row and column', () => {
  // Row numbers in the comments are the sheet rows the messages must name.
  function base(): CellValue[][] {
    return [
      ['顧客管理の定義'], // 1
      ['版', 2], // 2
      ['ランク', 'A', 'B', 'C'], // 3
      ['期首月', 4], // 4
      ['ランク分け', 'ルール'], // 5
      [], // 6
      ['ランク', '条件'], // 7
      ['A', '年間取引額 >= 1億'], // 8
      ['B', '年間取引額 >= 1000万'], // 9
      ['C', '(その他)'], // 10
      [], // 11
      ['切り口', '項目ID', '項目', '基準', '指標', '対象', '期間(日)', 'A', 'B', 'C'], // 12
      [
        '人間関係の構築',
        'RE1',
        'キーマン接触',
        'キーマンと会う',
        'キーマン接触(日以内)',
        '',
        '',
        60,
        120,
        '',
      ], // 13
      ['情報収集・記録・活用', 'IN1', '記録', '3日以内に記録する', '記録遅れ(日以内)', '', 30, 3, 3, 3], // 14
    ];
  }
  function abc(): CellValue[][] {
    return [
      ['顧客管理の定義'], // 1
      ['ランク', 'A', 'B', 'C'], // 2
      ['ランク分け', 'ABC分析'], // 3
      ['対象列', '年間取引額'], // 4
      ['ランク', '累積構成比'], // 5
      ['A', '70%'], // 6
      ['B', '90%'], // 7
      ['C', '100%'], // 8
      ['切り口', '項目ID', '項目', '基準', '指標', 'A', 'B', 'C'], // 9
      ['人間関係の構築', 'RE1', 'キーマン登録', '決裁者を登録する', 'キーマン登録', '必須', '必須', '必須'], // 10
    ];
  }
  function set(grid: CellValue[][], row1: number, col: string, value: CellValue): CellValue[][] {
    const row = grid[row1 - 1] ?? [];
    row[col.charCodeAt(0) - 65] = value;
    grid[row1 - 1] = row;
    return grid;
  }

  it('reads the base sheets (so each case below fails for its own reason)', () => {
    expect(readDefinition(base()).definition.items).toHaveLength(2);
    expect(readDefinition(abc()).definition.ranking).toEqual({
      kind: 'abc',
      column: '年間取引額',
      cutoffs: { A: 0.7, B: 0.9, C: 1 },
    });
  });

  it('an unknown perspective', () => {
    const text = jaText(set(base(), 13, 'A', '売上拡大'));
    expect(text).toContain('「定義」シート 13行目 A列「切り口」: 切り口「売上拡大」は使えません');
    expect(text).toContain('顧客属性の把握、人間関係の構築、情報収集・記録・活用');
    expect(formatIssues('en', errorsOf(set(base(), 13, 'A', '売上拡大')))).toContain(
      'Sheet "定義", row 13, column A ("切り口"): Perspective "売上拡大" is not supported. Write one of: Customer attributes, Relationships',
    );
  });

  it('an unknown metric', () => {
    expect(jaText(set(base(), 14, 'E', '顧客満足度'))).toContain(
      '14行目 E列「指標」: 指標「顧客満足度」は使えません',
    );
  });

  it('a threshold that is not a number', () => {
    expect(jaText(set(base(), 13, 'I', 'たくさん'))).toContain(
      '13行目 I列「B」: しきい値「たくさん」を数値として読めません',
    );
    expect(jaText(set(base(), 13, 'H', '-5'))).toContain(
      '13行目 H列「A」: しきい値「-5」は0以上の整数で書いてください',
    );
    expect(jaText(set(abc(), 10, 'H', '時々'))).toContain('10行目 H列「C」: しきい値「時々」は「必須」');
  });

  it('a threshold on a rank that does not exist', () => {
    const grid = set(set(base(), 12, 'K', 'D'), 13, 'K', 30);
    expect(jaText(grid)).toContain(
      '13行目 K列「D」: ランク「D」は定義にないため、しきい値を置けません(ランク: A, B, C)',
    );
  });

  it("skips a manager's own short column (確認者) with a warning rather than calling it a rank", () => {
    const grid = set(set(set(base(), 12, 'K', '確認者'), 13, 'K', '山田'), 14, 'K', '=佐藤');
    const read = readDefinition(grid, { sheet: '定義' });
    expect(read.definition.items).toHaveLength(2);
    expect(read.issues.map((i) => formatIssue('ja', i))).toEqual([
      '「定義」シート 12行目 K列「確認者」: 列「確認者」は定義の列ではないため読み飛ばしました。',
    ]);
  });

  it('a threshold on an item checked by people', () => {
    const grid = set(base(), 14, 'E', '');
    expect(jaText(grid)).toContain('14行目 H列「A」: 指標のない項目にしきい値「3」があります');
  });

  it('a rule for an unknown rank, and a rule that cannot be read', () => {
    expect(jaText(set(base(), 9, 'A', 'S'))).toContain(
      '9行目 A列「ランク」: ランク「S」は定義にありません(ランク: A, B, C)',
    );
    expect(jaText(set(base(), 8, 'B', '年間取引額がとても多い'))).toContain(
      '8行目 B列「条件」: 条件「年間取引額がとても多い」を読めません',
    );
    expect(jaText(set(base(), 8, 'B', '年間取引額 >= 多い'))).toContain(
      '8行目 B列「条件」: 条件「年間取引額 >= 多い」の値「多い」を数値として読めません',
    );
  });

  it('ABC cut-offs that do not increase, exceed 100% or are missing', () => {
    expect(jaText(set(abc(), 7, 'B', '60%'))).toContain(
      '7行目 B列「累積構成比」: ランク「B」の累積構成比(60%)は、ランク「A」(70%)より大きくしてください',
    );
    expect(jaText(set(abc(), 8, 'B', '120%'))).toContain(
      '8行目 B列「累積構成比」: 累積構成比「120%」は0%より大きく100%以下で書いてください',
    );
    expect(jaText(set(abc(), 6, 'B', '七割'))).toContain(
      '6行目 B列「累積構成比」: 累積構成比「七割」を数値として読めません',
    );
    expect(jaText(set(abc(), 8, 'A', ''))).toContain('8行目 A列「ランク」: この行にランクがありません');
    const noC = abc().filter((_, i) => i !== 7);
    expect(jaText(noC)).toContain('5行目 B列「累積構成比」: ランク「C」の累積構成比がありません');
  });

  it('reads cut-offs typed as plain numbers or percentages', () => {
    const grid = set(set(set(abc(), 6, 'B', 0.7), 7, 'B', '９０'), 8, 'B', '100％');
    expect(readDefinition(grid).definition.ranking).toEqual({
      kind: 'abc',
      column: '年間取引額',
      cutoffs: { A: 0.7, B: 0.9, C: 1 },
    });
  });

  it('duplicate item ids', () => {
    expect(jaText(set(base(), 14, 'B', 'RE1'))).toContain(
      '14行目 B列「項目ID」: 項目ID「RE1」が重複しています',
    );
  });

  it('missing blocks', () => {
    expect(jaText(base().slice(0, 11))).toContain('「定義」シート: 項目の表がありません');
    expect(jaText(base().filter((_, i) => i !== 2))).toContain('「定義」シート: 「ランク」の行がありません');
    expect(jaText(base().filter((_, i) => i < 5 || i > 9))).toContain(
      'ランク分けが「ルール」ですが、「ランク | 条件」の表がありません',
    );
    expect(jaText(abc().filter((_, i) => i !== 3))).toContain(
      'ABC分析の「対象列」(例: 年間取引額)がありません',
    );
  });

  it('other bad settings: ranking method, fiscal month, version, duplicate ranks', () => {
    expect(jaText(set(base(), 5, 'B', 'おまかせ'))).toContain(
      '5行目 B列「ランク分け」: ランク分け「おまかせ」は使えません',
    );
    expect(jaText(set(base(), 4, 'B', '13'))).toContain(
      '4行目 B列「期首月」: 期首月「13」は1〜12で書いてください',
    );
    expect(jaText(set(base(), 2, 'B', '最新'))).toContain(
      '2行目 B列「版」: 版「最新」は1以上の整数で書いてください',
    );
    expect(jaText(set(base(), 3, 'D', 'A'))).toContain('3行目 D列「ランク」: ランク「A」が重複しています');
  });

  it('reports every error at once, not just the first', () => {
    const grid = set(set(set(base(), 13, 'A', '売上'), 14, 'E', '満足度'), 9, 'A', 'Z');
    const issues = errorsOf(grid);
    expect(issues.map((i) => `${i.row}${i.column}`).sort()).toEqual(['13A', '14E', '9A']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('refuses an item without a name and a hand-typed activity type it does not know', () => {
    expect(jaText(set(base(), 14, 'C', ''))).toContain('14行目 C列「項目」: 項目名が空欄です');
    const grid = set(set(base(), 14, 'E', '行動回数'), 14, 'F', '飲み会');
    expect(jaText(grid)).toContain('14行目 F列「対象」: 行動の種類「飲み会」は使えません');
    const ok = set(set(set(base(), 14, 'E', '行動回数'), 14, 'F', '来社、Zoom'), 14, 'G', '９０日');
    expect(readDefinition(ok).definition.items[1]).toMatchObject({
      metric: 'activity_count',
      target: 'visit,web',
      window: 90,
    });
  });
});
