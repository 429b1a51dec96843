import { createApi } from '../../../shared/commands';
import { starterDefinition } from '../../../shared/definition';
import { dayFromParts, type CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { ok, teamWorkbook } from './workbook-fixture';

/*
 * Reviews per period, kept: a rep's answers belong to a half-year, a review for one period leaves
 * every other period's answers as they were, and shows the change from the previous period; a
 * manager confirms what the data cannot measure; the reps mark the version in force as read.
 */

const at = (y: number, m: number, d: number) => ({
  now: () => ({ day: dayFromParts(y, m, d), minutes: 600 }),
});
const ANSWERS = '振り返り回答';
// The starter's item without a metric, for the manager to confirm.
const PEOPLE_ITEM = starterDefinition('ja').items.find((i) => i.metric === null)!;

async function reviewedWorkbook() {
  const wb = new MemoryWorkbook(teamWorkbook());
  await ok(createApi(wb, at(2026, 4, 1), 'ja').setup({}));
  const api = createApi(wb, at(2026, 11, 29), 'ja');
  return { wb, api };
}

/** Sets 知っている on the answer rows of `period` for `rep` (as a rep types ○ / ×). */
function answer(wb: MemoryWorkbook, rep: string, period: string, value: (itemName: string) => string) {
  const rows = wb.sheets.get(ANSWERS)!;
  for (const r of rows) if (r[0] === rep && r[4] === period) r[2] = value(String(r[1]));
}

function reviewSheet(wb: MemoryWorkbook): CellValue[][] {
  return wb.snapshot('振り返り');
}

describe('reviews per period', () => {
  it('adds blank rows for the period reviewed and leaves the answers of every other period as they were', async () => {
    const { wb, api } = await reviewedWorkbook();
    const h1 = await ok(api.runReview(undefined, '2026上期'));
    expect(h1.period).toEqual({ code: '2026H1', label: '2026年度上期' });
    const after = wb.snapshot(ANSWERS);
    expect(after[0]).toEqual(['営業担当', '項目', '知っている', '記録ID', '期間']);
    expect(after.slice(1).every((r) => r[4] === '2026H1')).toBe(true);
    answer(wb, '佐藤', '2026H1', () => '×');
    const h1Answers = wb.snapshot(ANSWERS);

    const h2 = await ok(api.runReview());
    expect(h2.period.code).toBe('2026H2');
    const all = wb.snapshot(ANSWERS);
    expect(all.slice(0, h1Answers.length)).toEqual(h1Answers);
    expect(all.slice(h1Answers.length).every((r) => r[4] === '2026H2' && (r[2] ?? '') === '')).toBe(true);
    // Running the same period again adds nothing.
    await ok(api.runReview());
    expect(wb.snapshot(ANSWERS)).toEqual(all);
  });

  it('shows the change from the previous period per rep and item', async () => {
    const { wb, api } = await reviewedWorkbook();
    await ok(api.runReview(undefined, '2026H1'));
    answer(wb, '佐藤', '2026H1', () => '×');
    await ok(api.runReview(undefined, '2026H2'));
    answer(wb, '佐藤', '2026H2', () => '○');
    await ok(api.runReview(undefined, '2026H2'));
    const sheet = reviewSheet(wb);
    const header = sheet[1]!;
    const change = header.indexOf('前期からの変化');
    expect(change).toBeGreaterThan(0);
    const sato = sheet.filter((r) => r[0] === '佐藤');
    expect(sato.length).toBeGreaterThan(0);
    expect(sato.every((r) => String(r[change]).includes('知っている: 良くなった'))).toBe(true);
    // 高橋 answered neither period: nothing to compare.
    const takahashi = sheet.filter((r) => r[0] === '高橋' && r[2] === PEOPLE_ITEM.name);
    expect(takahashi[0]![change]).toBe('前期なし');

    // The earlier period shows as it was: its own answers, no previous period reviewed.
    await ok(api.runReview(undefined, '2026H1'));
    const h1 = reviewSheet(wb).filter((r) => r[0] === '佐藤');
    expect(h1.every((r) => r[3] === 'いいえ' && r[change] === '前期なし')).toBe(true);
  });

  it('leaves an item without a metric 未確認 until a manager confirms it, per rep and period', async () => {
    const { wb, api } = await reviewedWorkbook();
    const before = await ok(api.runReview());
    const row = (w: MemoryWorkbook) =>
      reviewSheet(w).find((r) => r[0] === '佐藤' && r[2] === PEOPLE_ITEM.name)!;
    expect(before.confirm).toContainEqual({
      rep: '佐藤',
      itemId: PEOPLE_ITEM.id,
      itemName: PEOPLE_ITEM.name,
      confirmed: null,
      note: '',
    });
    expect(row(wb)[5]).toBe('未確認');

    const saved = await ok(
      api.confirmItem({
        period: '2026H2',
        rep: '佐藤',
        itemId: PEOPLE_ITEM.id,
        done: true,
        note: '同行で確認',
        by: '部長',
      }),
    );
    expect(saved.message).toContain('「出来ている」と記録しました');
    expect(wb.snapshot('確認記録')[1]).toEqual([
      '2026H2',
      '佐藤',
      PEOPLE_ITEM.id,
      PEOPLE_ITEM.name,
      'はい',
      '同行で確認',
      '部長',
    ]);
    await ok(api.runReview());
    expect(row(wb)[4]).toBe('確認: 出来ている: 同行で確認');
    expect(row(wb)[5]).toBe('出来ている');
    // Another period is not confirmed by it.
    await ok(api.runReview(undefined, '2026H1'));
    expect(row(wb)[5]).toBe('未確認');
    expect(
      await api.confirmItem({ period: '来期', rep: '佐藤', itemId: 'X', done: true, note: '', by: '' }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('names the reps who have not read the version in force, until each marks it read', async () => {
    const { api } = await reviewedWorkbook();
    const first = await ok(api.runReview());
    expect(first.notRead).toEqual({ version: 1, reps: ['佐藤', '高橋'] });
    expect(first.message).toContain('第1版をまだ読んでいない営業担当: 佐藤、高橋');
    await ok(api.acknowledgeVersion({ version: 1, rep: '佐藤' }));
    await ok(api.acknowledgeVersion({ version: 1, rep: '佐藤' })); // twice: still one row
    expect((await ok(api.runReview())).notRead).toEqual({ version: 1, reps: ['高橋'] });
    await ok(api.acknowledgeVersion({ version: 1, rep: '高橋' }));
    const all = await ok(api.runReview());
    expect(all.notRead).toEqual({ version: 1, reps: [] });
    expect(all.message).toContain('営業担当は全員、第1版を読みました。');
    expect(await api.acknowledgeVersion({ version: 7, rep: '佐藤' })).toMatchObject({ ok: false });
  });
});
