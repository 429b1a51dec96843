import { manualRows } from '../../../shared/engines';
import type { Definition } from '../../../shared/definition/model';
import { day, starterDefinition } from './fixtures';

describe('manualRows', () => {
  const meta = { version: 3, date: day('2026-11-29') };

  it('renders a rectangular, printable manual: title, perspectives, items, per-rank measures, ranking', () => {
    const rows = manualRows(starterDefinition(), meta, 'ja');
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([3]));
    expect(rows[0]).toEqual(['営業マニュアル 顧客管理の定義 第3版 (2026/11/29)', '', '']);
    const text = rows.map((r) => r.join('|'));
    expect(text).toContain('【顧客属性の把握】||');
    expect(text).toContain('【人間関係の構築】||');
    expect(text).toContain(
      'キーマン接触|キーマンに定期的に会う|キーマン接触 — A: 60日以内 / B: 120日以内 / C: 対象外',
    );
    expect(text).toContain(
      '基本属性の入力|業種と従業員数を必ず入力する|業種、従業員数の入力 — A: 必須 / B: 必須 / C: 対象外',
    );
    expect(text).toContain('商談メモの共有|商談の翌日までに議事録を共有する|半期振り返りで人が確認');
    // Perspectives in the column's order, items under their perspective.
    const order = [
      '【顧客属性の把握】||',
      '基本属性の入力',
      '【人間関係の構築】||',
      'キーマン登録',
      '【情報収集・記録・活用】||',
      '次回アクション',
    ];
    const positions = order.map((s) => text.findIndex((line) => line.startsWith(s)));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('【ランク分け】 A / B / C||');
    expect(text).toContain('A|年間取引額 ≥ 10,000,000|');
    expect(text).toContain('B|年間取引額 ≥ 3,000,000|');
    expect(text[text.length - 1]).toBe('C|上記以外|');
  });

  it('describes ABC ranking by cumulative share, in English too', () => {
    const def: Definition = {
      ...starterDefinition(),
      ranking: { kind: 'abc', column: '年間売上', cutoffs: { A: 0.7, B: 0.9, C: 1 } },
    };
    const rows = manualRows(def, meta, 'en').map((r) => r.join('|'));
    expect(rows[0]).toBe('Sales manual: customer-management definition, version 3 (2026-11-29)||');
    expect(rows).toContain('A|Cumulative 0%–70%|');
    expect(rows).toContain('B|Cumulative 70%–90%|');
    expect(rows[rows.length - 1]).toBe('C|The rest|');
    expect(rows).toContain(
      'キーマン接触|キーマンに定期的に会う|Key person contact — A: within 60 days / B: within 120 days / C: not checked',
    );
  });
});
