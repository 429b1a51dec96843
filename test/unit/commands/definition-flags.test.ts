import { createApi } from '../../../shared/commands';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok, teamWorkbook } from './workbook-fixture';

describe('the definition editor flags what would mislead', () => {
  it('checks the columns a definition names against the customer sheet it was set up on', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    // The starter names 業種, 従業員数 and 年間取引額: all are headers of 得意先リスト.
    expect(state.flags).toEqual([]);

    const def = structuredClone(state.definition);
    def.items.find((i) => i.metric === 'attribute_filled')!.target = '業種,従業員 数,決算期';
    const preview = await ok(api.previewDefinition(def));
    expect(preview.flags).toEqual([
      '項目「基本属性の入力」の対象列「決算期」が顧客表にありません。この列はどの顧客も「データなし」になります。顧客表の見出しどおりに書くか、顧客表に列を加えてください(顧客表の列: 【顧客コード】, 会社名, ﾌﾘｶﾞﾅ, 担当営業, 業種, 従業員数, 年間取引額)。',
    ]);
    // Kept apart from the 1-3-5-7 reminders.
    expect(preview.lint).toEqual([]);

    if (def.ranking.kind !== 'abc') throw new Error('the starter ranks by ABC');
    def.ranking.column = '年間取引学';
    const en = await ok(createApi(wb, clock, 'en').previewDefinition(def));
    expect(en.flags[0]).toBe(
      'The ABC value column "年間取引学" is not in the customer table (did you mean "年間取引額"?). Every customer gets the lowest rank. If you mean "年間取引額", write it exactly as "年間取引額".',
    );
  });
});

describe('the gap check and the review say what had no data', () => {
  it('lists no-data lines apart from the headline', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    // Nothing logged yet: no customer has a next action or a recorded-at stamp to measure.
    const gaps = await ok(api.runGapCheck('2026-11-29'));
    expect(gaps.noData).toEqual(['次回アクションの期日厳守: データなし 4社', '行動の記録: データなし 4社']);
    expect(gaps.headline.some((l) => l.includes('データなし'))).toBe(false);
    // The gap sheet holds the gaps only.
    expect(wb.snapshot('ギャップ').some((row) => row[6] === 'データなし')).toBe(false);
    const review = await ok(api.runReview('2026-11-29'));
    expect(review.noData).toEqual(
      expect.arrayContaining(['佐藤: 次回アクションの期日厳守', '高橋: 行動の記録']),
    );
    expect(review.headline.some((l) => l.endsWith('次回アクションの期日厳守'))).toBe(false);
  });
});
