import { diffDefinitions, starterDefinition, type Definition, type Item } from '../../../shared/definition';

function edited(def: Definition, change: (d: Definition) => void): Definition {
  const copy = JSON.parse(JSON.stringify(def)) as Definition;
  change(copy);
  return copy;
}

function texts(a: Definition, b: Definition, lang: 'ja' | 'en'): string[] {
  return diffDefinitions(a, b, lang).map((l) => l.text);
}

describe('diffDefinitions', () => {
  const v1 = starterDefinition('ja');

  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(v1, starterDefinition('ja'), 'ja')).toEqual([]);
  });

  it('describes a threshold change as a sentence, in ja and en', () => {
    const v2 = edited(v1, (d) => ((d.items[3] as Item).thresholds = { A: 45, B: 120, C: 180 }));
    expect(diffDefinitions(v1, v2, 'ja')).toEqual([
      {
        kind: 'changed',
        itemId: 'RE2',
        field: 'threshold:A',
        before: '60日',
        after: '45日',
        text: '「キーマンとの接触」のしきい値 A: 60日 → 45日',
      },
      {
        kind: 'added',
        itemId: 'RE2',
        field: 'threshold:C',
        before: 'チェックなし',
        after: '180日',
        text: '「キーマンとの接触」のしきい値 C: チェックなし → 180日',
      },
    ]);
    const en1 = starterDefinition('en');
    const en2 = edited(en1, (d) => ((d.items[3] as Item).thresholds.A = 45));
    expect(texts(en1, en2, 'en')).toEqual(['"Key person met" threshold A: 60 days → 45 days']);
  });

  it('lists items added and removed (matched by id) and field changes', () => {
    const v2 = edited(v1, (d) => {
      d.items = d.items.filter((i) => i.id !== 'AT2');
      (d.items[0] as Item).target = '業種,従業員数,決算月';
      const rec = d.items.find((i) => i.id === 'IN2') as Item;
      rec.name = '行動の即日記録';
      rec.window = 60;
      rec.thresholds = { A: 1, B: 1, C: 1 };
      d.items.push({
        id: 'RE4',
        perspective: 'relationships',
        name: '複数人との接点',
        standard: 'キーマン以外にも2人以上と会う。',
        metric: 'distinct_contacts',
        target: '',
        window: 180,
        thresholds: { A: 3 },
      });
    });
    expect(texts(v1, v2, 'ja')).toEqual([
      '項目「経営課題の把握」を削除',
      '「基本属性の入力」の対象: 業種、従業員数 → 業種、従業員数、決算月',
      '「行動の即日記録」の項目名: 行動の記録 → 行動の即日記録',
      '「行動の即日記録」の期間: 30日 → 60日',
      '「行動の即日記録」のしきい値 A: 3日 → 1日',
      '「行動の即日記録」のしきい値 B: 3日 → 1日',
      '「行動の即日記録」のしきい値 C: 3日 → 1日',
      '項目「複数人との接点」を追加(人間関係の構築)',
    ]);
    const lines = diffDefinitions(v1, v2, 'en');
    expect(lines[0]).toMatchObject({
      kind: 'removed',
      itemId: 'AT2',
      field: 'item',
      before: '経営課題の把握',
      after: '',
      text: 'Removed item "経営課題の把握"',
    });
    expect(lines.at(-1)).toMatchObject({
      kind: 'added',
      itemId: 'RE4',
      text: 'Added item "複数人との接点" (Relationships)',
    });
  });

  it('describes a metric change with each side in its own unit', () => {
    const v2 = edited(v1, (d) => {
      const item = d.items[2] as Item; // キーマンの登録: 必須
      item.metric = 'distinct_contacts';
      item.thresholds = { A: 2, B: 1, C: 1 };
    });
    expect(texts(v1, v2, 'ja')).toEqual([
      '「キーマンの登録」の指標: キーマン登録 → 接触人数(期間内)',
      '「キーマンの登録」のしきい値 A: 必須 → 2人',
      '「キーマンの登録」のしきい値 B: 必須 → 1人',
      '「キーマンの登録」のしきい値 C: 必須 → 1人',
    ]);
  });

  it('describes ranks, fiscal month, ABC cut-offs and a change of ranking method', () => {
    const v2 = edited(v1, (d) => {
      d.fiscalStartMonth = 1;
      if (d.ranking.kind === 'abc') d.ranking.cutoffs.A = 0.6;
    });
    expect(texts(v1, v2, 'ja')).toEqual(['期首月: 4月 → 1月', '累積構成比 A: 70% → 60%']);
    const v3 = edited(v1, (d) => {
      d.ranks = ['A', 'B'];
      d.ranking = {
        kind: 'rules',
        rules: [
          { rank: 'A', conditions: [{ column: '年間取引額', op: '>=', value: 100000000 }] },
          { rank: 'B', conditions: [] },
        ],
      };
      for (const item of d.items) delete item.thresholds.C;
    });
    const lines = texts(v1, v3, 'ja');
    expect(lines[0]).toBe('ランク: A、B、C → A、B');
    expect(lines[1]).toBe(
      'ランク分け: ABC分析 (年間取引額: A 70%、B 90%、C 100%) → ルール (A: 年間取引額 >= 1億; B: (その他))',
    );
    expect(lines).toContain('「接触間隔」のしきい値 C: 90日 → チェックなし');
    expect(texts(v1, v3, 'en')[1]).toBe(
      'Ranking: ABC analysis (年間取引額: A 70%, B 90%, C 100%) → Rules (A: 年間取引額 >= 100,000,000; B: (otherwise))',
    );
  });

  it('describes rule changes per rank, and a reordering of items', () => {
    const rules = edited(v1, (d) => {
      d.ranking = {
        kind: 'rules',
        rules: [
          { rank: 'A', conditions: [{ column: '年間取引額', op: '>=', value: 100000000 }] },
          { rank: 'B', conditions: [{ column: '年間取引額', op: '>=', value: 10000000 }] },
          { rank: 'C', conditions: [] },
        ],
      };
    });
    const tighter = edited(rules, (d) => {
      if (d.ranking.kind === 'rules')
        d.ranking.rules[0]!.conditions.push({ column: '従業員数', op: '>=', value: 300 });
      d.items.reverse();
    });
    expect(texts(rules, tighter, 'ja')).toEqual([
      'ランクAの条件: 年間取引額 >= 1億 → 年間取引額 >= 1億 かつ 従業員数 >= 300',
      '項目の並び順を変更',
    ]);
    expect(texts(rules, tighter, 'en')[0]).toBe(
      'Conditions for rank A: 年間取引額 >= 100,000,000 → 年間取引額 >= 100,000,000 AND 従業員数 >= 300',
    );
  });
});
