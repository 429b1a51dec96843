import { SheetsWorkbook } from '../../appsscript/src/port';
import { ExcelWorkbook, type ExcelRun } from '../../office-addin/src/port';
import { createApi } from '../../shared/commands';
import type { WorkbookPort } from '../../shared/port';
import type { CellValue } from '../../shared/values/cell';
import { FakeExcel } from '../fakes/excel';
import { createGas } from '../fakes/gas';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import { clock, ok, teamWorkbook } from '../unit/commands/workbook-fixture';

/**
 * Two editors save a definition from the same version at the same moment: one save lands, the
 * other is refused ("the definition changed since you opened it"), never silently undone.
 */
const HOSTS: {
  name: string;
  make(initial: Record<string, CellValue[][]>): WorkbookPort;
}[] = [
  {
    name: 'Excel (fake, interleaved at every context.sync)',
    make: (initial) => new ExcelWorkbook(new FakeExcel(initial).run as unknown as ExcelRun),
  },
  {
    name: 'Sheets (Apps Script fake)',
    make: (initial) => {
      const gas = createGas({ sheets: initial });
      return new SheetsWorkbook(gas.book, gas.services);
    },
  },
  { name: 'memory workbook', make: (initial) => new MemoryWorkbook(initial) },
];

describe.each(HOSTS)('a definition save against an older state: $name', ({ make }) => {
  // Excel has no lock: the key check and the append are round trips apart, so both saves may
  // append; the history is read again and the lower row's save is refused (save-race.ts).
  it(
    'of two saves racing from the same version, one lands and the other is refused',
    async () => {
      const api = createApi(make(teamWorkbook()), clock, 'ja');
      await ok(api.setup({}));
      const state = await ok(api.getDefinition());
      const edit = (days: number) => {
        const def = structuredClone(state.definition);
        def.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = days;
        return def;
      };
      const [a, b] = await Promise.all([
        api.saveDefinition({
          definition: edit(45),
          note: '45日に',
          author: '部長',
          baseVersion: state.version,
        }),
        api.saveDefinition({
          definition: edit(20),
          note: '20日に',
          author: '課長',
          baseVersion: state.version,
        }),
      ]);
      const landed = [a, b].filter((r) => r.ok);
      const refused = [a, b].filter((r) => !r.ok);
      expect(landed).toHaveLength(1);
      expect(refused).toHaveLength(1);
      if (!refused[0]!.ok) expect(refused[0]!.message).toContain('定義');

      const after = await ok(api.getDefinition());
      const winner = a.ok ? 45 : 20;
      expect(after.version).toBe(2);
      expect(
        after.definition.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'],
      ).toBe(winner);
      expect(after.history.map((h) => h.version)).toEqual([1, 2]);
    },
  );

  it('refuses a save made against a version that has moved on since', async () => {
    const api = createApi(make(teamWorkbook()), clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    const def = structuredClone(state.definition);
    def.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 45;
    await ok(api.saveDefinition({ definition: def, note: 'a', author: '部長', baseVersion: state.version }));
    const def2 = structuredClone(state.definition);
    def2.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 20;
    const stale = await api.saveDefinition({
      definition: def2,
      note: 'b',
      author: '課長',
      baseVersion: state.version,
    });
    expect(stale.ok).toBe(false);
    const after = await ok(api.getDefinition());
    expect(after.definition.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A']).toBe(
      45,
    );
  });
});
