import { ExcelWorkbook, type ExcelRun } from '../../../office-addin/src/port';
import { isKimeruError } from '../../../shared/issues';
import { FakeExcel, type FakeRequestContext } from '../../fakes/excel';

/**
 * The Excel stand-in as strict as Excel where a team's own log could trip kimeru — sheet
 * protection, filters and merged cells — and what the adapter does then. Each rule fails if
 * the fake is made kinder.
 */

const header = ['日付', '顧客ID', '内容'];
const logBook = () =>
  new FakeExcel({
    行動: [header, ['2026/11/01', 'C1', '前からの記録']],
  });
const portOver = (excel: FakeExcel) => new ExcelWorkbook(excel.run as unknown as ExcelRun);
const row = ['2026/11/29', 'C2', '新しい記録'];

async function tryRun(excel: FakeExcel, batch: (ctx: FakeRequestContext) => void): Promise<unknown> {
  try {
    await excel.run(async (ctx: FakeRequestContext) => {
      batch(ctx);
      await ctx.sync();
    });
    return null;
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
}

describe('sheet protection', () => {
  it('refuses any write to a protected sheet with AccessDenied, changing nothing', async () => {
    const excel = logBook();
    excel.sheet('行動')!.protected = true;
    const before = excel.values('行動');
    const ws = (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem('行動');
    expect(await tryRun(excel, (ctx) => (ws(ctx).getRange('A3:C3').values = [row]))).toBe('AccessDenied');
    expect(await tryRun(excel, (ctx) => ws(ctx).getRange('A3:C3').insert('Down'))).toBe('AccessDenied');
    expect(await tryRun(excel, (ctx) => ws(ctx).getRange('A2:C2').clear('Contents'))).toBe('AccessDenied');
    expect(excel.values('行動')).toEqual(before);
  });

  it('makes an append to a protected log say so, in the user’s words, writing nothing', async () => {
    const excel = logBook();
    excel.sheet('行動')!.protected = true;
    const before = excel.values('行動');
    const e: unknown = await portOver(excel)
      .append({ sheet: '行動', rows: [row] })
      .catch((x: unknown) => x);
    expect(isKimeruError(e) && e.issues[0]?.key).toBe('port.protected');
    expect(excel.values('行動')).toEqual(before);
  });
});

describe('filters', () => {
  it('refuses to insert cells into a filtered range (FilteredRangeConflict)', async () => {
    const excel = logBook();
    excel.sheet('行動')!.filter = { top: 0, left: 0, rows: 100, columns: 3 };
    const code = await tryRun(excel, (ctx) =>
      ctx.workbook.worksheets.getItem('行動').getRange('A3:C3').insert('Down'),
    );
    expect(code).toBe('FilteredRangeConflict');
  });

  it('still appends below the last row when the team’s filter runs past it, overwriting nothing', async () => {
    const excel = logBook();
    excel.sheet('行動')!.filter = { top: 0, left: 0, rows: 100, columns: 3 };
    await expect(portOver(excel).append({ sheet: '行動', rows: [row] })).resolves.toEqual({
      rows: [3],
      duplicates: 0,
    });
    expect(excel.values('行動')).toEqual([header, ['2026/11/01', 'C1', '前からの記録'], row]);
  });
});

describe('merged cells', () => {
  it('refuses an insert that would cut a merged area', async () => {
    const excel = logBook();
    excel.sheet('行動')!.merged.push({ top: 5, left: 1, rows: 1, columns: 4 }); // B6:E6
    const code = await tryRun(excel, (ctx) =>
      ctx.workbook.worksheets.getItem('行動').getRange('A3:C3').insert('Down'),
    );
    expect(code).toBe('InvalidOperation');
  });

  it('still appends below the last row when a merged area below the log reaches past its columns', async () => {
    const excel = logBook();
    excel.sheet('行動')!.merged.push({ top: 5, left: 1, rows: 1, columns: 4 });
    await expect(portOver(excel).append({ sheet: '行動', rows: [row] })).resolves.toEqual({
      rows: [3],
      duplicates: 0,
    });
    expect(excel.values('行動')[2]).toEqual(row);
    expect(excel.sheet('行動')!.merged).toEqual([{ top: 5, left: 1, rows: 1, columns: 4 }]);
  });

  it('moves a merged area inside the inserted columns down with its cells', async () => {
    const excel = logBook();
    excel.sheet('行動')!.merged.push({ top: 5, left: 0, rows: 1, columns: 2 }); // A6:B6
    await portOver(excel).append({ sheet: '行動', rows: [row] });
    expect(excel.sheet('行動')!.merged).toEqual([{ top: 6, left: 0, rows: 1, columns: 2 }]);
  });
});
