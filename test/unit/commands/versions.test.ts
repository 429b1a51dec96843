import { createApi } from '../../../shared/commands';
import { parsePeriod } from '../../../shared/engines';
import { dayFromParts } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { ok, teamWorkbook } from './workbook-fixture';

/*
 * Any saved version, any two compared, and a review named by its half-year: through the one API
 * every host (and the CLI) uses.
 */

const at = (y: number, m: number, d: number) => ({
  now: () => ({ day: dayFromParts(y, m, d), minutes: 600 }),
});

async function twoVersions(lang = 'ja') {
  const wb = new MemoryWorkbook(teamWorkbook());
  const april = createApi(wb, at(2026, 4, 1), lang);
  await ok(april.setup({}));
  const def = structuredClone((await ok(april.getDefinition())).definition);
  def.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 45;
  const october = createApi(wb, at(2026, 10, 1), lang);
  await ok(october.saveDefinition({ definition: def, note: '45日に', author: '部長', baseVersion: 1 }));
  return { wb, api: createApi(wb, at(2026, 11, 29), lang) };
}

describe('versions', () => {
  it('lists every saved version with the one in force today', async () => {
    const { api } = await twoVersions();
    const list = await ok(api.listVersions());
    expect(list.versions.map((v) => [v.version, v.date, v.inForce])).toEqual([
      [1, '2026-04-01', false],
      [2, '2026-10-01', true],
    ]);
    expect(list.lines[0]).toMatch(/^第2版 .*45日に {2}（今日適用中）$/);
  });

  it('shows an earlier version as it was, not as the sheet is now', async () => {
    const { api } = await twoVersions();
    const v1 = await ok(api.showVersion(1));
    expect(v1.version).toBe(1);
    expect(v1.definition.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A']).not.toBe(
      45,
    );
    const today = await ok(api.showVersion());
    expect(today.version).toBe(2);
    expect(today.lines[0]).toMatch(/^第2版（2026\/10\/01・部長）: 45日に$/);
  });

  it('compares any two in the diff sentences, in either order, and names a missing one', async () => {
    const { api } = await twoVersions('en');
    const d = await ok(api.compareVersions(2, 1));
    expect([d.from, d.to]).toEqual([1, 2]);
    expect(d.diff).toHaveLength(1);
    expect(d.diff[0]).toMatch(/threshold A: \d+ days → 45 days/);
    expect(await ok(api.compareVersions(2, 2))).toMatchObject({
      diff: [],
      lines: ['v2 and v2 are the same.'],
    });
    const missing = await api.showVersion(5);
    expect(missing).toEqual({
      ok: false,
      message: expect.stringContaining('There is no version 5 (saved versions: 1, 2).'),
    });
  });
});

describe('a review named by its period', () => {
  it('reads 2026H1, 2026上期, 2026年度下期 and FY2026 H2, and nothing else', () => {
    expect(parsePeriod('2026H1')).toEqual({ fiscalYear: 2026, half: 1 });
    expect(parsePeriod('２０２６上期')).toEqual({ fiscalYear: 2026, half: 1 });
    expect(parsePeriod('2026年度下期')).toEqual({ fiscalYear: 2026, half: 2 });
    expect(parsePeriod('FY2026 h2')).toEqual({ fiscalYear: 2026, half: 2 });
    expect(parsePeriod('2026H3')).toBeNull();
    expect(parsePeriod('上期')).toBeNull();
  });

  it('reviews a past half-year as of its last day, with the version in force then', async () => {
    const { api } = await twoVersions();
    const r = await ok(api.runReview(undefined, '2026上期'));
    expect(r).toMatchObject({ asOf: '2026-09-30', version: 1, stamp: '第1版' });
    expect(r.message).toMatch(/^2026年度上期/);
    const now = await ok(api.runReview(undefined, '2026下期'));
    expect(now).toMatchObject({ asOf: '2026-11-29', version: 2 });
    expect(await api.runReview(undefined, '2027上期')).toMatchObject({ ok: false });
  });
});
