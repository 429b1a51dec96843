import {
  lintDefinition,
  starterDefinition,
  type Definition,
  type Item,
  type Perspective,
} from '../../../shared/definition';
import { formatIssue } from '../../../shared/issues';

function item(id: string, perspective: Perspective, extra: Partial<Item> = {}): Item {
  return {
    id,
    perspective,
    name: `項目${id}`,
    standard: 'キーマンと会う。',
    metric: 'contact_days',
    target: '',
    window: null,
    thresholds: { A: 30 },
    ...extra,
  };
}

function lintJa(def: Definition): string[] {
  return lintDefinition(def).map((i) => formatIssue('ja', i));
}

describe('lintDefinition (1・3・5・7の法則)', () => {
  it('finds nothing to say about the starter definition, in either language', () => {
    expect(lintDefinition(starterDefinition('ja'))).toEqual([]);
    expect(lintDefinition(starterDefinition('en'))).toEqual([]);
  });

  it('warns about more than 5 items under one perspective and more than 7 measurable items', () => {
    const def = starterDefinition('ja');
    def.items.push(...['R4', 'R5', 'R6'].map((id) => item(id, 'relationships')));
    const ja = lintJa(def);
    expect(ja).toContain(
      '切り口「人間関係の構築」の項目が6個あります。1つの切り口は5個までにしましょう(1・3・5・7の法則: 複雑な定義ほど実践されません)。',
    );
    expect(ja).toContain('指標のある項目が9個あります。全体で7個までにしましょう(1・3・5・7の法則)。');
    expect(lintDefinition(def).every((i) => i.severity === 'warning')).toBe(true);
    expect(lintDefinition(def).map((i) => formatIssue('en', i))).toContain(
      'There are 9 measurable items. Keep it to 7 in all (the 1-3-5-7 rule).',
    );
  });

  it('counts 5 items per perspective and 7 measurable items as still fine', () => {
    const def = starterDefinition('ja');
    def.items = def.items.filter((i) => i.perspective !== 'relationships');
    def.items.push(...['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => item(id, 'relationships')));
    expect(def.items.filter((i) => i.metric !== null)).toHaveLength(8);
    def.items = def.items.filter((i) => i.id !== 'IN2');
    expect(lintDefinition(def)).toEqual([]);
  });

  it('warns about more than 5 ranks', () => {
    const def = starterDefinition('ja');
    def.ranks = ['S', 'A', 'B', 'C', 'D', 'E'];
    def.ranking = {
      kind: 'abc',
      column: '年間取引額',
      cutoffs: { S: 0.3, A: 0.5, B: 0.7, C: 0.8, D: 0.9, E: 1 },
    };
    expect(lintJa(def)).toContain('ランクが6個あります。5個までにしましょう(1・3・5・7の法則)。');
  });

  it('points at the item whose standard is not one sentence', () => {
    const def = starterDefinition('ja');
    const long =
      'キーマンとは決裁権を持つ人のことで、部長以上を指すが、会社によっては課長のこともあるので、担当者に確認したうえで、名刺交換した日付と一緒に、連絡先の表に登録し、さらに半期ごとに見直すこと。';
    (def.items[0] as Item).standard = long;
    const issues = lintDefinition(def);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.params).toMatchObject({ itemId: 'AT1', item: '基本属性の入力' });
    expect(formatIssue('ja', issues[0]!)).toBe(
      `項目「基本属性の入力」の基準が${[...long].length}文字あります。80文字程度の一文で書きましょう。`,
    );
  });

  it('warns about a measurable item with no threshold for any rank, and a perspective left empty', () => {
    const def = starterDefinition('ja');
    (def.items[2] as Item).thresholds = { A: null, B: null };
    def.items = def.items.filter((i) => i.perspective !== 'information');
    expect(lintJa(def)).toEqual([
      '切り口「情報収集・記録・活用」に項目がありません。',
      '項目「キーマンの登録」は指標がありますが、どのランクにもしきい値がないためチェックされません。',
    ]);
  });

  it('warns about a rule with more than 3 conditions', () => {
    const def = starterDefinition('ja');
    const c = { column: '年間取引額', op: '>=' as const, value: 1 };
    def.ranking = {
      kind: 'rules',
      rules: [
        { rank: 'A', conditions: [c, c, c, c] },
        { rank: 'B', conditions: [c, c, c] },
        { rank: 'C', conditions: [] },
      ],
    };
    expect(lintJa(def)).toEqual([
      'ランクAのルールに条件が4個あります。3個までにしましょう(1・3・5・7の法則)。',
    ]);
  });

  it('flags a perspective outside the three (e.g. from an unchecked editor payload)', () => {
    const def = starterDefinition('en');
    def.items.push(item('X1', 'sales' as Perspective));
    expect(lintDefinition(def).map((i) => formatIssue('en', i))).toContain(
      'Item "項目X1" has perspective "sales", which is not one of the three (customer attributes, relationships, information). Keep to three perspectives (the 1-3-5-7 rule).',
    );
  });
});
