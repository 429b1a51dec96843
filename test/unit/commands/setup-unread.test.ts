import { createApi } from '../../../shared/commands';
import type { CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok } from './workbook-fixture';

/*
 * Setup reads the customer list; the rows it cannot read go to the same 読めなかった行 sheet
 * every command writes, named in the pane's warning box — and a sheet of the user's that bears
 * the name is never touched.
 */

function messy(): Record<string, CellValue[][]> {
  return {
    顧客: [
      ['顧客ID', '顧客名', '営業担当'],
      ['C001', '株式会社山田製作所', '佐藤'],
      ['C002', '(株)鈴木商事', '高橋'],
      ['C002', '鈴木商事 大阪支店', '高橋'],
      ['#N/A', '田中工業', '佐藤'],
    ],
  };
}

describe('setup lists the customer rows it could not read', () => {
  it('writes them to 読めなかった行 and points the warning box there', async () => {
    const wb = new MemoryWorkbook(messy());
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    // The #N/A ID is read as blank (the name stands in for it), with a warning.
    expect(report.customerCount).toBe(3);
    expect(report.unread).toMatchObject({ skipped: 1, warnings: 1, sheet: '読めなかった行' });
    const list = wb.sheets.get('読めなかった行') ?? [];
    // Note row, header, then one line per row: sheet, row, column, header, value.
    expect(list.slice(2).map((r) => r.slice(0, 5))).toEqual([
      ['顧客', 4, 'A', '顧客ID', 'C002'],
      ['顧客', 5, 'A', '顧客ID', '#N/A'],
    ]);
    expect(String(list[0]?.[0])).toContain('セットアップ');
  });

  it('a second setup on the same workbook plans no write', async () => {
    const wb = new MemoryWorkbook(messy());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const writes = wb.calls.write;
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect(wb.calls.write).toBe(writes);
    expect(again.unread.sheet).toBe('読めなかった行');
  });

  it('the next command rewrites the same sheet (it is recorded as kimeru’s)', async () => {
    const wb = new MemoryWorkbook(messy());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const ranked = await ok(api.runRanking());
    expect(ranked.unread.sheet).toBe('読めなかった行');
    expect([...wb.sheets.keys()].filter((n) => n.startsWith('読めなかった行'))).toEqual(['読めなかった行']);
  });

  it('never writes into a sheet of the user’s called 読めなかった行', async () => {
    const mine: CellValue[][] = [['自分のメモ'], ['消さないで']];
    const wb = new MemoryWorkbook({ ...messy(), 読めなかった行: mine });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(wb.sheets.get('読めなかった行')).toEqual(mine);
    expect(report.unread.sheet).toBeNull();
    expect(report.unread).toMatchObject({ skipped: 1, warnings: 1 });
  });

  it('a clean customer list makes no list sheet', async () => {
    const wb = new MemoryWorkbook({ 顧客: messy().顧客!.slice(0, 3) });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.unread).toMatchObject({ skipped: 0, sheet: null });
    expect(wb.sheets.has('読めなかった行')).toBe(false);
  });
});
