import { createApi } from '../../../shared/commands';
import { ranksAt, readRankHistory } from '../../../shared/engines';
import { dayFromParts, type CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok, sizedWorkbook } from './workbook-fixture';

/*
 * Every ranking run keeps what it found in ランク履歴: only the customers whose rank changed are
 * appended (the first run: all), nothing is ever rewritten, and the ranking sheet compares with
 * the ranks of about six months earlier.
 */

const day = (y: number, m: number, d: number) => dayFromParts(y, m, d);

function historyOf(wb: MemoryWorkbook): CellValue[][] {
  return wb.sheets.get('ランク履歴') ?? [];
}

/** The customer list's 年間取引額 of one customer (ABC ranks by it). */
function setSales(wb: MemoryWorkbook, id: string, value: number): void {
  const rows = wb.sheets.get('顧客')!;
  const header = rows[0]!;
  const row = rows.find((r) => r[0] === id)!;
  row[header.indexOf('年間取引額')] = value;
}

describe('rank history', () => {
  it('the first run records every customer; a run that changes nothing appends nothing', async () => {
    const wb = new MemoryWorkbook(sizedWorkbook(10));
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    const first = historyOf(wb);
    expect(first[0]).toEqual(['基準日', '顧客ID', '顧客名', 'ランク', '版']);
    expect(first).toHaveLength(11);
    await ok(api.runRanking('2026-05-01'));
    await ok(api.runRanking('2026-06-01'));
    expect(historyOf(wb)).toHaveLength(11);
  });

  it('appends only the customers whose rank changed, and keeps every earlier row as it was', async () => {
    const wb = new MemoryWorkbook(sizedWorkbook(10));
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    const before = structuredClone(historyOf(wb));
    setSales(wb, 'C1', 10_000_000); // the smallest customer becomes the largest
    await ok(api.runRanking('2026-11-29'));
    const after = historyOf(wb);
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(added.map((r) => r[1])).toContain('C1');
    expect(added.length).toBeLessThan(10);

    const { entries } = readRankHistory(after, 'ランク履歴');
    const may = ranksAt(entries, day(2026, 5, 1));
    const now = ranksAt(entries, day(2026, 11, 29));
    expect(may.get('C1')).toBe('C');
    expect(now.get('C1')).toBe('A');
    // Before the first run there was nothing.
    expect(ranksAt(entries, day(2026, 4, 30)).size).toBe(0);
  });

  it('the ranking sheet compares with about six months earlier, and says which date', async () => {
    const wb = new MemoryWorkbook(sizedWorkbook(10));
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    setSales(wb, 'C1', 10_000_000);
    await ok(api.runRanking('2026-10-01'));
    await ok(api.runRanking('2026-11-01'));
    const result = await ok(api.runRanking('2026-11-29'));
    expect(result.message).toContain('前回ランクは 2026/05/01 時点のランクです');
    const sheet = wb.sheets.get(result.sheet)!;
    const header = sheet[1]!;
    const c1 = sheet.find((r) => r[0] === 'C1')!;
    expect([
      c1[header.indexOf('ランク')],
      c1[header.indexOf('前回ランク')],
      c1[header.indexOf('変動')],
    ]).toEqual(['A', 'C', '↑']);
  });

  it('compares with any day the user picks, and refuses a day on or after the as-of date', async () => {
    const wb = new MemoryWorkbook(sizedWorkbook(10));
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    setSales(wb, 'C1', 10_000_000);
    await ok(api.runRanking('2026-10-01'));
    // Against October 1st (C1 already A): no movement; against May (C1 was C): up.
    const movement = async (compareWith: string) => {
      const result = await ok(api.runRanking('2026-11-29', compareWith));
      const sheet = wb.sheets.get(result.sheet)!;
      const header = sheet[1]!;
      const c1 = sheet.find((r) => r[0] === 'C1')!;
      return {
        message: result.message,
        moved: [c1[header.indexOf('前回ランク')], c1[header.indexOf('変動')]],
      };
    };
    const october = await movement('2026/10/15');
    expect(october.message).toContain('前回ランクは 2026/10/15 時点のランクです');
    expect(october.moved).toEqual(['A', '→']);
    expect((await movement('2026-05-20')).moved).toEqual(['C', '↑']);
    const refused = await api.runRanking('2026-11-29', '2026-12-01');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('比べる日（2026/12/01）は基準日（2026/11/29）より前');
  });

  it('a customer gone from the list is recorded as gone', async () => {
    const wb = new MemoryWorkbook(sizedWorkbook(3));
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    const rows = wb.sheets.get('顧客')!;
    rows.splice(
      rows.findIndex((r) => r[0] === 'C2'),
      1,
    );
    await ok(api.runRanking('2026-06-01'));
    const { entries } = readRankHistory(historyOf(wb), 'ランク履歴');
    expect(ranksAt(entries, day(2026, 6, 1)).has('C2')).toBe(false);
    expect(ranksAt(entries, day(2026, 5, 1)).has('C2')).toBe(true);
  });

  it('never writes into a sheet of the user’s called ランク履歴', async () => {
    const mine: CellValue[][] = [['私のメモ'], ['ランクの推移を手で書いている']];
    const wb = new MemoryWorkbook({ ...sizedWorkbook(3), ランク履歴: mine });
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    await ok(api.runRanking('2026-05-01'));
    expect(wb.sheets.get('ランク履歴')).toEqual(mine);
  });
});
