import { createApi } from '../../../shared/commands';
import { readDefinition, starterDefinition, writeDefinition } from '../../../shared/definition';
import { dayFromParts } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { ok, teamWorkbook } from './workbook-fixture';

/*
 * A manual per version: it names its version and date, lists what changed since the version
 * before (the note and the diff), says per item why and how to, and can be written again for
 * an earlier version.
 */

const at = (y: number, m: number, d: number) => ({
  now: () => ({ day: dayFromParts(y, m, d), minutes: 600 }),
});

describe("an item's why and how-to", () => {
  it('round-trip through the definition sheet, which gains their columns only once an item has them', () => {
    const plain = starterDefinition('ja');
    const header = (rows: unknown[][]) => rows.find((r) => r.includes('項目ID'))!;
    expect(header(writeDefinition(plain, { lang: 'ja' }))).not.toContain('やり方');
    const def = structuredClone(plain);
    def.items[0]!.why = '提案の前提になるから';
    def.items[0]!.howTo = '初回訪問で業種と従業員数を聞く';
    const rows = writeDefinition(def, { lang: 'en' });
    expect(header(rows.map((r) => r.map((c) => (c === 'Item ID' ? '項目ID' : c))))).toEqual(
      expect.arrayContaining(['Why', 'How to']),
    );
    const read = readDefinition(rows).definition.items[0]!;
    expect([read.why, read.howTo]).toEqual(['提案の前提になるから', '初回訪問で業種と従業員数を聞く']);
  });
});

describe('the manual of a version', () => {
  async function twoVersions() {
    const wb = new MemoryWorkbook(teamWorkbook());
    await ok(createApi(wb, at(2026, 4, 1), 'ja').setup({}));
    const october = createApi(wb, at(2026, 10, 1), 'ja');
    const def = structuredClone((await ok(october.getDefinition())).definition);
    const item = def.items.find((i) => i.metric === 'key_person_contact_days')!;
    item.thresholds['A'] = 45;
    item.why = '決裁者と会わないと案件が止まるから';
    item.howTo = '担当者との面談の最後に、次回はキーマン同席を頼む';
    await ok(october.saveDefinition({ definition: def, note: 'A は45日に', author: '部長', baseVersion: 1 }));
    return { wb, api: createApi(wb, at(2026, 11, 29), 'ja'), item };
  }
  const text = (wb: MemoryWorkbook) =>
    wb.snapshot('マニュアル').map((r) => r.filter((c) => c !== '').join(' | '));

  it("says what changed since the version before, and each item's why and how", async () => {
    const { wb, api, item } = await twoVersions();
    const r = await ok(api.writeManual());
    expect(r.message).toBe('営業マニュアル（第2版）を作成しました');
    const lines = text(wb);
    expect(lines).toContain('営業マニュアル 顧客管理の定義 第2版 (2026/10/01)');
    expect(lines).toContain('【第1版からの変更】');
    expect(lines).toContain('変更内容 | A は45日に');
    expect(lines).toContain(`「${item.name}」のしきい値 A: 60日 → 45日`);
    expect(lines).toContain('なぜ: 決裁者と会わないと案件が止まるから');
    expect(lines).toContain('やり方: 担当者との面談の最後に、次回はキーマン同席を頼む');
  });

  it('writes the manual of an earlier version again, as it was', async () => {
    const { wb, api } = await twoVersions();
    const r = await ok(api.writeManual(1));
    expect(r).toMatchObject({ version: 1, stamp: '第1版' });
    const lines = text(wb);
    expect(lines).toContain('【この版について】 初版です。');
    expect(lines.join('\n')).not.toContain('なぜ:');
    expect(lines.join('\n')).toMatch(/キーマンとの接触.*A: [^|]*60/);
    expect(await api.writeManual(3)).toEqual({
      ok: false,
      message: expect.stringContaining('第3版はありません(保存された版: 1, 2)'),
    });
  });
});
