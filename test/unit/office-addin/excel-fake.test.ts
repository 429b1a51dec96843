import { FakeExcel, FakeOfficeError, type FakeRequestContext } from '../../fakes/excel';

/** The fake is only worth testing against if it refuses what Excel refuses. */

async function failure(run: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected Excel to refuse');
}

describe('the Excel fake', () => {
  it('refuses to read a property that was not loaded, or loaded but not yet synced', async () => {
    const excel = new FakeExcel({ 顧客: [['顧客ID'], ['C001']] });
    const e = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        const range = ctx.workbook.worksheets.getItem('顧客').getRange('A1:A2');
        range.load('address');
        await ctx.sync();
        expect(range.address).toBe('顧客!A1:A2');
        return range.values;
      }),
    );
    expect(e.code).toBe('PropertyNotLoaded');
    const early = await failure(
      excel.run(async (ctx: FakeRequestContext) => ctx.workbook.worksheets.load('items/name').items),
    );
    expect(early.code).toBe('PropertyNotLoaded');
  });

  it('refuses a written array whose size differs from the range, at sync', async () => {
    const excel = new FakeExcel({ 顧客: [['顧客ID']] });
    const e = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem('顧客').getRange('A2:B2').values = [['C001']];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(excel.values('顧客')).toEqual([['顧客ID']]);
  });

  it('parses written strings as Excel does, unless they start with an apostrophe', async () => {
    const excel = new FakeExcel({ メモ: [['x']] });
    await excel.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem('メモ').getRange('A1:F1').values = [
        ['=1+1', '-1', '1,200', '2026/11/29', "'=1+1", "'0120"],
      ];
      await ctx.sync();
    });
    expect(excel.values('メモ')).toEqual([['#NAME?', -1, 1200, 46355, '=1+1', '0120']]);
    expect(excel.formulas('メモ')[0]![0]).toBe('=1+1');
  });

  it('answers isNullObject after a sync, and counts syncs', async () => {
    const excel = new FakeExcel({ 空: [] });
    const before = excel.counts.syncs;
    const found = await excel.run(async (ctx: FakeRequestContext) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('ない');
      const used = ctx.workbook.worksheets.getItem('空').getUsedRangeOrNullObject(true);
      await ctx.sync();
      return [missing.isNullObject, used.isNullObject];
    });
    expect(found).toEqual([true, true]);
    expect(excel.counts.syncs - before).toBe(1);
  });

  it('refuses objects used after their Excel.run, and a batch that never synced its writes', async () => {
    const excel = new FakeExcel({ 顧客: [['顧客ID']] });
    const leaked = await excel.run(async (ctx: FakeRequestContext) =>
      ctx.workbook.worksheets.getItem('顧客'),
    );
    expect(() => leaked.getRange('A1')).toThrow(/outside the Excel.run/);
    const e = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem('顧客').getRange('A2').values = [['C002']];
      }),
    );
    expect(e.message).toContain('never synced');
  });

  it('refuses a request over the payload limit without applying any of it', async () => {
    const excel = new FakeExcel({ 顧客: [['顧客ID']] });
    excel.payloadLimitBytes = 1000;
    const e = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        const rows = Array.from({ length: 100 }, (_, i) => [`株式会社テスト${i}`]);
        ctx.workbook.worksheets.getItem('顧客').getRange('A2:A101').values = rows;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.values('顧客')).toEqual([['顧客ID']]);
  });
});
