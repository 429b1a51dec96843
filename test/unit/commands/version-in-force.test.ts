import { createApi } from '../../../shared/commands';
import { writeDefinition } from '../../../shared/definition';
import { dayFromParts } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { ok, teamWorkbook } from './workbook-fixture';

/*
 * The method over time: a report for an as-of date uses the definition the team followed on that
 * date, and says which; edits on the definition sheet that were never saved are not used.
 */

const at = (y: number, m: number, d: number) => ({
  now: () => ({ day: dayFromParts(y, m, d), minutes: 600 }),
});

async function twoVersions() {
  const wb = new MemoryWorkbook(teamWorkbook());
  // v1 on 2026-04-01 (setup), v2 on 2026-10-01: A-rank customers' key person within 45 days.
  const april = createApi(wb, at(2026, 4, 1), 'ja');
  await ok(april.setup({}));
  const state = await ok(april.getDefinition());
  const def = structuredClone(state.definition);
  const item = def.items.find((i) => i.metric === 'key_person_contact_days')!;
  item.thresholds['A'] = 45;
  const october = createApi(wb, at(2026, 10, 1), 'ja');
  await ok(october.saveDefinition({ definition: def, note: '45日に', author: '部長', baseVersion: 1 }));
  return { wb, api: october };
}

function stampOf(wb: MemoryWorkbook, sheet: string): string {
  return String(wb.sheets.get(sheet)?.[0]?.[0] ?? '');
}

describe('reports use the version in force on their as-of date', () => {
  it('an as-of date in the summer gets version 1, and the message says so', async () => {
    const { wb, api } = await twoVersions();
    const ranked = await ok(api.runRanking('2026-08-15'));
    expect(ranked.message).toContain('基準日 2026/08/15 に有効だった第1版で計算しました');
    expect(stampOf(wb, ranked.sheet)).toContain('第1版');
  });

  it('an as-of date after the version-up gets version 2, with no note', async () => {
    const { wb, api } = await twoVersions();
    const gaps = await ok(api.runGapCheck('2026-11-29'));
    expect(gaps.message).not.toContain('有効だった');
    expect(stampOf(wb, gaps.sheet)).toContain('第2版');
  });

  it('unsaved edits on the definition sheet are not used, and the message says so', async () => {
    const { wb, api } = await twoVersions();
    const state = await ok(api.getDefinition());
    const edited = structuredClone(state.definition);
    edited.items.find((i) => i.metric === 'key_person_contact_days')!.thresholds['A'] = 7;
    const sheet = [...wb.sheets.keys()].find((n) => wb.sheets.get(n)?.[0]?.[0] === '顧客管理の定義')!;
    wb.sheets.set(sheet, writeDefinition(edited, { lang: 'ja', version: 2 }));
    const gaps = await ok(api.runGapCheck('2026-11-29'));
    expect(gaps.message).toContain('保存していない編集があります');
    expect(stampOf(wb, gaps.sheet)).toContain('第2版');
  });
});
