import { SheetsWorkbook } from '../../appsscript/src/port';
import { ExcelWorkbook, type ExcelRun } from '../../office-addin/src/port';
import { createApi, type KimeruApi } from '../../shared/commands';
import type { WorkbookPort } from '../../shared/port';
import type { CellValue } from '../../shared/values/cell';
import { HyperFormulaWorkbook } from '../../playground/src/hf-workbook';
import { loadGrids } from '../../playground/src/sample-workbook';
import { FakeExcel } from '../fakes/excel';
import { createGas } from '../fakes/gas';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import { clock, ok, teamWorkbook } from '../unit/commands/workbook-fixture';

/**
 * The method over time behaves the same on every host: Excel (its port over the Office.js
 * stand-in), Sheets (its port over the Apps Script stand-in), the playground's formula-engine
 * workbook and the in-memory one. One cycle — set up, version up, rank twice, review two
 * half-years, confirm an item, mark a version read, write an earlier version's manual — must give
 * the same answers everywhere.
 */
const HOSTS: { name: string; make(initial: Record<string, CellValue[][]>): WorkbookPort }[] = [
  { name: 'Excel', make: (initial) => new ExcelWorkbook(new FakeExcel(initial).run as unknown as ExcelRun) },
  {
    name: 'Sheets',
    make: (initial) => {
      const gas = createGas({ sheets: initial });
      return new SheetsWorkbook(gas.book, gas.services);
    },
  },
  {
    name: 'playground',
    make: (initial) => {
      const wb = new HyperFormulaWorkbook({ lang: 'ja' });
      loadGrids(
        wb,
        Object.entries(initial).map(([name, grid]) => ({ name, grid: grid as never })),
      );
      return wb;
    },
  },
  { name: 'memory', make: (initial) => new MemoryWorkbook(initial) },
];

async function cycle(api: KimeruApi) {
  await ok(api.setup({}));
  const state = await ok(api.getDefinition());
  const def = structuredClone(state.definition);
  def.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 45;
  await ok(
    api.saveDefinition({ definition: def, note: '45日に', author: '部長', baseVersion: state.version }),
  );
  const versions = await ok(api.listVersions());
  const diff = await ok(api.compareVersions(1, 2));
  await ok(api.runRanking('2026-06-01'));
  const ranking = await ok(api.runRanking('2026-11-29', '2026-06-01'));
  const first = await ok(api.runReview(undefined, '2026上期'));
  const second = await ok(api.runReview(undefined, '2026H2'));
  const item = second.confirm[0]!;
  await ok(
    api.confirmItem({
      period: '2026H2',
      rep: item.rep,
      itemId: item.itemId,
      done: true,
      note: '同行で確認',
      by: '部長',
    }),
  );
  for (const rep of second.notRead?.reps ?? []) await ok(api.acknowledgeVersion({ version: 2, rep }));
  const again = await ok(api.runReview(undefined, '2026H2'));
  const manual = await ok(api.writeManual(1));
  return {
    versions: versions.versions.map((v) => [v.version, v.inForce]),
    diff: diff.diff,
    ranking: [ranking.message, ranking.headline],
    first: [first.message, first.asOf, first.version],
    second: [second.message, second.notRead],
    confirmed: again.confirm.find((c) => c.rep === item.rep && c.itemId === item.itemId)?.confirmed,
    notReadAfter: again.notRead?.reps,
    manual: [manual.message, manual.version],
  };
}

describe('the method over time on every host', () => {
  let expected: Awaited<ReturnType<typeof cycle>>;
  beforeAll(async () => {
    expected = await cycle(createApi(new MemoryWorkbook(teamWorkbook()), clock, 'ja'));
  });

  it('the in-memory run is a real cycle: two versions, a comparison, a confirmed item, everyone read v2', () => {
    expect(expected.versions).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(expected.diff).toHaveLength(1);
    expect(String(expected.ranking[0])).toContain('前回ランクは 2026/06/01 時点');
    expect(expected.first[1]).toBe('2026-09-30');
    expect(expected.confirmed).toBe(true);
    expect(expected.notReadAfter).toEqual([]);
    expect(expected.manual[1]).toBe(1);
  });

  it.each(HOSTS.filter((h) => h.name !== 'memory'))('$name gives the same answers', async ({ make }) => {
    const got = await cycle(createApi(make(teamWorkbook()), clock, 'ja'));
    expect(got).toEqual(expected);
  });
});
