import {
  definitionIssues,
  readDefinition,
  starterDefinition,
  writeDefinition,
  type Condition,
  type Definition,
  type Item,
  type RankRule,
} from '../../../shared/definition';
import { formatIssue, issueFix, KimeruError, type Issue } from '../../../shared/issues';
import { indexDataset, rankCustomers, checkGaps } from '../../../shared/engines';
import type { CellValue } from '../../../shared/values';

/** The customer table's headers, as a team's sheet has them. */
const HEADERS = ['顧客ID', '顧客名', '営業担当', '業種', '従業員数', '年間取引額', '【決算月】'];

function rules(...list: RankRule[]): Definition {
  return {
    ranks: ['A', 'B', 'C'],
    ranking: { kind: 'rules', rules: list },
    items: [],
    fiscalStartMonth: 4,
  };
}
const cond = (column: string, op: Condition['op'], value: Condition['value']): Condition => ({
  column,
  op,
  value,
});

/** The message as formatIssue writes it, less the what-to-do sentence it ends with. */
function withoutFix(i: Issue): string {
  const text = formatIssue('ja', i);
  const fix = issueFix('ja', i);
  return fix !== '' && text.endsWith(fix) ? text.slice(0, -fix.length) : text;
}

function ja(issues: Issue[]): string[] {
  return issues.map((i) => withoutFix(i));
}

describe('definitionIssues: definitions that would mislead', () => {
  it('finds nothing in the starter definition against a matching customer table', () => {
    expect(definitionIssues(starterDefinition('ja'), HEADERS)).toEqual([]);
    expect(
      definitionIssues(starterDefinition('en'), ['Customer', 'Industry', 'Employees', 'Annual sales']),
    ).toEqual([]);
  });

  it('flags a misspelt rank-rule column and names the column meant', () => {
    const def = rules({ rank: 'A', conditions: [cond('年間取引学', '>=', 10_000_000)] });
    const issues = definitionIssues(def, HEADERS);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.severity).toBe('warning');
    expect(ja(issues)).toEqual([
      'ランクAのルール1の列「年間取引学」が顧客表にありません(「年間取引額」のことですか)。この条件に当てはまる顧客はいないため、ランクAになるはずの顧客も下のランクになります。',
    ]);
    expect(issueFix('ja', issues[0]!)).toBe(
      '「年間取引額」のことなら、見出しどおり「年間取引額」と書いてください。',
    );
    expect(formatIssue('en', issues[0]!)).toContain('did you mean "年間取引額"?');
  });

  it('is right about what ranking does: the misspelt rule ranks nobody A', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間取引学', '>=', 10_000_000)] },
      { rank: 'B', conditions: [cond('年間取引額', '>=', 1_000_000)] },
    );
    const ranked = rankCustomers(def, [
      { id: 'C1', name: '大口', kana: '', rep: '', attributes: { 年間取引額: 50_000_000 }, row: 2 },
    ]);
    expect(ranked[0]!.rank).toBe('B');
    expect(definitionIssues(def, HEADERS).map((i) => i.key)).toEqual([
      'definition.check.ruleColumnMissingNear',
    ]);
  });

  it('compares headers as ranking does: spacing, width and case do not matter', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間 取引額', '>=', 1), cond('ｷﾞｮｳｼｭ', 'filled', null)] },
      { rank: 'B', conditions: [cond('従業員数', '>=', 10)] },
    );
    expect(definitionIssues(def, [...HEADERS, 'ギョウシュ'])).toEqual([]);
  });

  it('knows the fields kimeru reads itself under any of their names (会社名 for 顧客名)', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('会社名', 'contains', '商事')] },
      { rank: 'B', conditions: [cond('担当営業', '=', '佐藤')] },
    );
    expect(definitionIssues(def, HEADERS)).toEqual([]);
  });

  it('lists the columns when no header is close, and skips column checks when headers are unknown', () => {
    const def = rules({ rank: 'A', conditions: [cond('資本金', '>=', 1)] });
    const [issue] = definitionIssues(def, HEADERS);
    expect(issue!.key).toBe('definition.check.ruleColumnMissing');
    expect(issueFix('ja', issue!)).toBe(
      '顧客表の見出しどおりに書いてください(顧客表の列: 顧客ID, 顧客名, 営業担当, 業種, 従業員数, 年間取引額, 【決算月】)。',
    );
    expect(definitionIssues(def, null)).toEqual([]);
  });

  it('offers a header that only differs by its decoration', () => {
    const def: Definition = {
      ...starterDefinition('ja'),
      items: [
        {
          id: 'AT9',
          perspective: 'attributes',
          name: '決算月の入力',
          standard: '',
          metric: 'attribute_filled',
          target: '決算月, 営業担当',
          window: null,
          thresholds: { A: 1 },
        },
      ],
    };
    expect(ja(definitionIssues(def, HEADERS))).toEqual([
      '項目「決算月の入力」の対象列「決算月」が顧客表にありません(「【決算月】」のことですか)。この列はどの顧客も「データなし」になります。',
    ]);
    // 顧客名 / 営業担当 are read by kimeru itself; attribute_filled finds them under any of their names.
    def.items[0]!.target = '会社名, 担当営業';
    expect(definitionIssues(def, HEADERS)).toEqual([]);
  });

  it('flags the ABC value column that is not in the customer table', () => {
    const def = starterDefinition('ja');
    if (def.ranking.kind !== 'abc') throw new Error('starter is ABC');
    def.ranking.column = '年間売上';
    expect(ja(definitionIssues(def, HEADERS))).toEqual([
      'ABC分析の対象列「年間売上」が顧客表にありません。すべての顧客が最下位のランクになります。',
    ]);
  });

  it('flags a rule after a catch-all rule: it can never match', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間取引額', '>=', 10_000_000)] },
      { rank: 'B', conditions: [] },
      { rank: 'C', conditions: [cond('業種', '=', '小売')] },
    );
    expect(ja(definitionIssues(def, HEADERS))).toEqual([
      'ランクCのルール3は使われません。当てはまる顧客はすべて、先のルール2(ランクB)に先に当てはまります。',
    ]);
  });

  it('flags rules in the wrong order: ≥ 300万 → B above ≥ 1000万 → A leaves nobody A', () => {
    const def = rules(
      { rank: 'B', conditions: [cond('年間取引額', '>=', 3_000_000)] },
      { rank: 'A', conditions: [cond('年間取引額', '>', 10_000_000), cond('従業員数', '>=', 300)] },
    );
    expect(definitionIssues(def, HEADERS).map((i) => i.params)).toEqual([
      { rank: 'A', n: 2, earlier: 1, earlierRank: 'B' },
    ]);
  });

  it('does not flag rules that can still match', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間取引額', '>=', 10_000_000)] },
      { rank: 'B', conditions: [cond('年間取引額', '>=', 3_000_000)] },
      { rank: 'B', conditions: [cond('年間取引額', '>', 10_000_000), cond('業種', 'contains', '製造')] },
      { rank: 'C', conditions: [cond('業種', 'contains', '製造業')] },
      { rank: 'C', conditions: [cond('従業員数', '<', 100)] },
    );
    // Rule 3 (> 1000万 and 製造) is covered by rule 1 (≥ 1000万): flagged. Rule 4 (製造業) is
    // not covered by anything above (rule 3 asks more than 製造 alone).
    expect(definitionIssues(def, HEADERS).map((i) => i.params?.['n'])).toEqual([3]);
    const contains = rules(
      { rank: 'A', conditions: [cond('業種', 'contains', '製造')] },
      { rank: 'B', conditions: [cond('業種', '=', '電機製造業')] },
      { rank: 'B', conditions: [cond('業種', 'filled', null)] },
    );
    expect(definitionIssues(contains, HEADERS).map((i) => i.params?.['n'])).toEqual([2]);
  });

  it('flags ABC cut-offs outside (0, 100%]', () => {
    const def = starterDefinition('ja');
    def.ranking = { kind: 'abc', column: '年間取引額', cutoffs: { A: 0, B: 0.9, C: 1.2 } };
    const issues = definitionIssues(def, HEADERS);
    expect(ja(issues)).toEqual([
      'ランクAの累積構成比「0%」は0%より大きく100%以下ではありません。ランク分けが意図どおりになりません。',
      'ランクCの累積構成比「120%」は0%より大きく100%以下ではありません。ランク分けが意図どおりになりません。',
    ]);
    expect(issueFix('en', issues[0]!)).toBe(
      'Write shares above 0% and at most 100%, growing in rank order (e.g. 70%, 90%, 100%).',
    );
  });

  it('flags numbers that are not finite or ≥ 1e21: 1e309, 1e21', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間取引額', '>=', 1e21)] },
      { rank: 'B', conditions: [cond('年間取引額', '>=', Infinity)] },
    );
    const x: Item = {
      id: 'R9',
      perspective: 'relationships',
      name: '接触',
      standard: '',
      metric: 'activity_count',
      target: '',
      window: 1e21,
      thresholds: { A: 1e21, B: 3 },
    };
    def.items = [x];
    expect(ja(definitionIssues(def, HEADERS))).toEqual([
      'ランクAのルール1の「年間取引額」の値「1e+21」は大きすぎます。この条件はどの顧客にも当てはまらないか、すべての顧客に当てはまります。',
      'ランクBのルール2の「年間取引額」の値「Infinity」は大きすぎます。この条件はどの顧客にも当てはまらないか、すべての顧客に当てはまります。',
      '項目「接触」のランクAのしきい値「1e+21」は大きすぎます。この項目はそのランクでは事実上チェックされません。',
      '項目「接触」の期間「1e+21」日は大きすぎます。',
    ]);
    // Just below the bound is a (large) number like any other.
    def.ranking = { kind: 'rules', rules: [{ rank: 'A', conditions: [cond('年間取引額', '>=', 9e20)] }] };
    def.items = [];
    expect(definitionIssues(def, HEADERS)).toEqual([]);
  });

  it('gives every flag a fix in both languages', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('資本金', '>=', 1e21)] },
      { rank: 'B', conditions: [] },
      { rank: 'C', conditions: [cond('年間取引学', '>=', 1)] },
    );
    const issues = definitionIssues(def, HEADERS);
    expect(issues.map((i) => i.key)).toEqual([
      'definition.check.ruleColumnMissing',
      'definition.check.ruleNumber',
      'definition.check.ruleColumnMissingNear',
      'definition.check.ruleUnreachable',
    ]);
    for (const i of issues) {
      expect(issueFix('ja', i)).not.toBe('');
      expect(issueFix('en', i)).not.toBe('');
    }
  });
});

/** The issues a failing sheet read throws, in Japanese. */
function sheetErrors(grid: CellValue[][]): string[] {
  try {
    readDefinition(grid, { sheet: '定義' });
  } catch (e) {
    if (e instanceof KimeruError) return e.issues.map((i) => withoutFix(i));
    throw e;
  }
  throw new Error('expected readDefinition to throw');
}

function sheet(): CellValue[][] {
  return writeDefinition(starterDefinition('ja'), { lang: 'ja' }).map((r) => [...r]);
}

/** Row index (0-based) of the first row whose first cell is `label`. */
function rowOf(grid: CellValue[][], label: string): number {
  return grid.findIndex((r) => r[0] === label);
}

describe('the definition sheet and numbers too large to mean anything', () => {
  it('rejects 1e309 in a cut-off, naming the row and column, instead of reading nothing', () => {
    const grid = sheet();
    const a = rowOf(grid, 'A');
    grid[a]![1] = '1e309';
    expect(sheetErrors(grid)).toContain(
      `「定義」シート ${a + 1}行目 B列「累積構成比」: 「1e309」は大きすぎて数として扱えません。`,
    );
  });

  it('reads a 1e21 cut-off as out of range rather than as nothing', () => {
    const grid = sheet();
    const a = rowOf(grid, 'A');
    grid[a]![1] = '1e21';
    expect(sheetErrors(grid)).toContain(
      `「定義」シート ${a + 1}行目 B列「累積構成比」: 累積構成比「1e21」は0%より大きく100%以下で書いてください。`,
    );
  });

  it('rejects 1e309 in a threshold and a window', () => {
    const grid = sheet();
    const header = grid.findIndex((r) => r[0] === '切り口');
    const row = grid.findIndex((r) => r[1] === 'RE3');
    const colA = grid[header]!.indexOf('A');
    grid[row]![colA] = '1e309';
    const lag = grid.findIndex((r) => r[1] === 'IN2');
    grid[lag]![grid[header]!.indexOf('期間(日)')] = '1' + '0'.repeat(400);
    const errors = sheetErrors(grid);
    expect(errors).toContain(
      `「定義」シート ${row + 1}行目 ${String.fromCharCode(65 + colA)}列「A」: 「1e309」は大きすぎて数として扱えません。`,
    );
    expect(errors.some((e) => e.startsWith(`「定義」シート ${lag + 1}行目 G列「期間(日)」: 「1000`))).toBe(
      true,
    );
  });

  it('rejects 1e309 in a rank rule; 1e21 reads and is flagged by definitionIssues', () => {
    const def = rules(
      { rank: 'A', conditions: [cond('年間取引額', '>=', 1)] },
      { rank: 'C', conditions: [] },
    );
    const grid = writeDefinition(def, { lang: 'ja' }).map((r) => [...r]);
    const a = rowOf(grid, 'A');
    grid[a]![1] = '年間取引額 >= 1e309';
    expect(sheetErrors(grid)).toEqual([
      `「定義」シート ${a + 1}行目 B列「条件」: 「1e309」は大きすぎて数として扱えません。`,
    ]);
    const withItems = writeDefinition(
      { ...starterDefinition('ja'), ranks: ['A', 'B', 'C'], ranking: def.ranking },
      {
        lang: 'ja',
      },
    ).map((r) => [...r]);
    withItems[rowOf(withItems, 'A')]![1] = '年間取引額 >= 1e21';
    const read = readDefinition(withItems);
    expect(read.definition.ranking).toEqual({
      kind: 'rules',
      rules: [
        { rank: 'A', conditions: [cond('年間取引額', '>=', 1e21)] },
        { rank: 'C', conditions: [] },
      ],
    });
    expect(definitionIssues(read.definition, HEADERS).map((i) => i.key)).toEqual([
      'definition.check.ruleNumber',
    ]);
  });
});

describe('attribute_filled and a column the customer table does not have', () => {
  it('is no data for every customer, matching the definition flag', () => {
    const def: Definition = {
      ...starterDefinition('ja'),
      items: [
        {
          id: 'AT1',
          perspective: 'attributes',
          name: '決算月',
          standard: '',
          metric: 'attribute_filled',
          target: '決算期',
          window: null,
          thresholds: { A: 1 },
        },
      ],
    };
    const customers = [{ id: 'C1', name: '北斗', kana: '', rep: '', attributes: { 業種: '電機' }, row: 2 }];
    const rows = checkGaps(
      def,
      indexDataset({ customers, contacts: [], activities: [] }),
      0,
      new Map([['C1', 'A']]),
    );
    expect(rows.map((r) => [r.status, r.actual])).toEqual([['nodata', '列がありません: 決算期']]);
    expect(definitionIssues(def, ['顧客名', '業種', '年間取引額']).map((i) => i.key)).toEqual([
      'definition.check.targetColumnMissing',
    ]);
  });
});
