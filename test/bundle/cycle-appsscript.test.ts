import { teamWorkbook } from '../unit/commands/workbook-fixture';
import { buildProject, loadScript, type Built, type Script } from './appsscript-harness';

/**
 * The method over time in Google Sheets, through the built Code.js and google.script.run's
 * kimeruCall (the pane's only way in): the saved versions listed, one shown, two compared, and a
 * review named by its half-year.
 */

type Envelope = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

let built: Built;
beforeAll(async () => {
  built = await buildProject();
}, 120_000);

function call(s: Script, method: string, ...args: unknown[]): Record<string, unknown> {
  const r = s.call('kimeruCall', method, args) as Envelope;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** The team's workbook set up (version 1), then a version-up to 45 days for A (version 2). */
function twoVersions(): Script {
  const s = loadScript(built, { sheets: teamWorkbook() });
  call(s, 'setup', {});
  const state = call(s, 'getDefinition') as {
    definition: { items: { metric: string; thresholds: Record<string, number> }[] };
  };
  const def = structuredClone(state.definition);
  def.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 45;
  call(s, 'saveDefinition', { definition: def, note: '45日に', author: '部長', baseVersion: 1 });
  return s;
}

describe('versions through the built Apps Script bundle', () => {
  it('lists, shows and compares any saved versions', () => {
    const s = twoVersions();
    const list = call(s, 'listVersions') as { versions: { version: number; inForce: boolean }[] };
    expect(list.versions.map((v) => [v.version, v.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((call(s, 'showVersion', 1) as { version: number }).version).toBe(1);
    const diff = call(s, 'compareVersions', 1, 2) as { diff: string[] };
    expect(diff.diff).toEqual([expect.stringMatching(/のしきい値 A: \d+日 → 45日$/)]);
    const missing = s.call('kimeruCall', 'showVersion', [9]) as Envelope;
    expect(missing).toEqual({ ok: false, message: expect.stringContaining('第9版はありません') });
  });

  it('reviews a half-year named by the pane, as of its last day', () => {
    const s = twoVersions();
    const r = call(s, 'runReview', null, '2026上期');
    expect(r).toMatchObject({ asOf: '2026-09-30', version: 1 });
    expect(String(r['message'])).toMatch(/^2026年度上期/);
  });

  it('keeps confirmations and acknowledgements per period, appended to their sheets', () => {
    const s = twoVersions();
    type Review = {
      confirm: { rep: string; itemId: string; confirmed: boolean | null }[];
      notRead: { version: number; reps: string[] };
    };
    const review = call(s, 'runReview', null, '2026下期') as Review;
    expect(review.notRead.version).toBe(2);
    const first = review.confirm[0]!;
    call(s, 'confirmItem', {
      period: '2026H2',
      rep: first.rep,
      itemId: first.itemId,
      done: false,
      note: '',
      by: '部長',
    });
    for (const rep of review.notRead.reps) call(s, 'acknowledgeVersion', { version: 2, rep });
    const again = call(s, 'runReview', null, '2026H2') as Review;
    expect(again.notRead.reps).toEqual([]);
    expect(again.confirm.find((c) => c.rep === first.rep && c.itemId === first.itemId)!.confirmed).toBe(
      false,
    );
    expect(s.gas.book.sheet('確認記録').snapshot()[1]!.slice(0, 2)).toEqual(['2026H2', first.rep]);
  });
});
