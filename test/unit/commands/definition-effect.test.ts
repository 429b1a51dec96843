import { createApi } from '../../../shared/commands';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { activity, clock, ok, teamWorkbook } from './workbook-fixture';

/*
 * Before a version-up is saved, the pane shows what it would change as of today: customers moving
 * up or down a rank (per rep) and gaps appearing or disappearing per item.
 */

describe('the effect of saving an edited definition', () => {
  it('counts the gaps an item would gain when its standard gets stricter', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.logActivity(activity({ date: '2026-11-20', key: 'k-nov' })));
    const state = await ok(api.getDefinition());
    const edited = structuredClone(state.definition);
    const item = edited.items.find((i) => i.metric === 'contact_days')!;
    for (const rank of Object.keys(item.thresholds)) item.thresholds[rank] = 1;
    const preview = await ok(api.previewDefinition(edited));
    const line = preview.effect.find((l) => l.includes(item.id));
    expect(line).toMatch(
      new RegExp(`2026/11/29 時点のギャップ ${item.id} .*: (\\d+)件 → (\\d+)件（\\+\\d+）`),
    );
  });

  it('counts customers moving rank, per rep, when the rank rule changes', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    const edited = structuredClone(state.definition);
    // Everyone to the top rank: every customer not already there moves up.
    edited.ranking =
      edited.ranking.kind === 'abc'
        ? { ...edited.ranking, cutoffs: Object.fromEntries(edited.ranks.map((r) => [r, 1])) }
        : { kind: 'rules', rules: [{ rank: edited.ranks[0]!, conditions: [] }] };
    const preview = await ok(api.previewDefinition(edited));
    expect(preview.effect[0]).toMatch(/時点でランクが上がる顧客 [1-9]\d*社・下がる顧客 0社（.+: ↑\d+ ↓0）/);
  });

  it('says so when nothing would change', async () => {
    const wb = new MemoryWorkbook(teamWorkbook());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    const edited = structuredClone(state.definition);
    edited.items[0]!.name = `${edited.items[0]!.name}（名前だけ変更）`;
    const preview = await ok(api.previewDefinition(edited));
    expect(preview.effect).toEqual(['2026/11/29 時点では、ランクもギャップの件数も変わりません']);
  });
});
