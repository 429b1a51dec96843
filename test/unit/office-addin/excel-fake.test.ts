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

describe('tables in the Excel fake', () => {
  /** A table over the 記録 sheet's header, as setup leaves its logs. */
  async function withTable(excel: FakeExcel, name = 'KimeruLog'): Promise<void> {
    await excel.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('記録');
      const table = ws.tables.add(ws.getRange('A1:C1'), true);
      table.name = name;
      await ctx.sync();
    });
  }

  it('makes a header-only table with one blank data row, which the first rows.add fills', async () => {
    const excel = new FakeExcel({ 記録: [['日付', '内容', 'キー']] });
    await withTable(excel);
    expect(excel.tableInfo('KimeruLog')).toEqual({
      sheet: '記録',
      address: 'A1:C2',
      style: 'TableStyleMedium2',
    });
    const address = await excel.run(async (ctx: FakeRequestContext) => {
      const table = ctx.workbook.tables.getItem('KimeruLog');
      table.rows.add(undefined, [
        ['2026/11/29', '訪問', 'k1'],
        ["'１２３", "'=SUM(A1)", 'k2'],
      ]);
      const body = table.getDataBodyRange().load('address');
      const header = table.getHeaderRowRange().load('values');
      await ctx.sync();
      expect(header.values).toEqual([['日付', '内容', 'キー']]);
      return body.address;
    });
    expect(address).toBe('記録!A2:C3');
    expect(excel.values('記録')).toEqual([
      ['日付', '内容', 'キー'],
      [46355, '訪問', 'k1'], // parsed like typed input, as range.values is
      ['１２３', '=SUM(A1)', 'k2'],
    ]);
    expect(excel.log.at(-1)).toEqual({ sheet: '記録', address: 'rows.add KimeruLog A2:C3' });
  });

  it('refuses rows.add with the wrong number of columns, changing nothing', async () => {
    const excel = new FakeExcel({ 記録: [['日付', '内容', 'キー']] });
    await withTable(excel);
    const e = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.tables.getItem('KimeruLog').rows.add(undefined, [['2026/11/29', '訪問']]);
        await ctx.sync();
      }),
    );
    expect(e.code).toBe('InvalidArgument');
    expect(excel.tableInfo('KimeruLog')?.address).toBe('A1:C2');
    expect(excel.values('記録')).toEqual([['日付', '内容', 'キー']]);
  });

  it('inserts at the end of a table, moving cells below it down rather than overwriting them', async () => {
    const excel = new FakeExcel({ 記録: [['日付', '内容', 'キー'], [], [], ['合計は別シート']] });
    await withTable(excel);
    await excel.run(async (ctx: FakeRequestContext) => {
      const rows = ctx.workbook.tables.getItem('KimeruLog').rows;
      rows.add(undefined, [['', '訪問', 'k1']]);
      rows.add(undefined, [['', '電話', 'k2']]);
      await ctx.sync();
    });
    expect(excel.tableInfo('KimeruLog')?.address).toBe('A1:C3');
    expect(excel.values('記録').map((r) => r[0] || r[1])).toEqual([
      '日付',
      '訪問',
      '電話',
      '',
      '合計は別シート',
    ]);
  });

  it('keeps table names unique with each other and with defined names, and loads only what was asked', async () => {
    const excel = new FakeExcel({ 記録: [['日付', '内容', 'キー']], 別: [['a']] });
    await withTable(excel);
    const taken = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem('別');
        ws.tables.add(ws.getRange('A1'), true).name = 'kimerulog';
        await ctx.sync();
      }),
    );
    expect(taken.code).toBe('InvalidArgument');
    const asName = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.names.add('KimeruLog', ctx.workbook.worksheets.getItem('別').getRange('A1'));
        await ctx.sync();
      }),
    );
    expect(asName.code).toBe('InvalidArgument');
    const seen = await excel.run(async (ctx: FakeRequestContext) => {
      const tables = ctx.workbook.worksheets
        .getItem('記録')
        .tables.load('items/name, items/columns/items/name');
      const missing = ctx.workbook.tables.getItemOrNullObject('ない');
      await ctx.sync();
      const [table] = tables.items;
      expect(() => table!.style).toThrow(/not available/);
      return {
        names: tables.items.map((t) => t.name),
        columns: table!.columns.items.map((c) => c.name),
        missing: missing.isNullObject,
      };
    });
    expect(seen).toEqual({ names: ['KimeruLog'], columns: ['日付', '内容', 'キー'], missing: true });
  });

  it('refuses a bare address (Excel would use the active sheet) and a table overlapping another', async () => {
    const excel = new FakeExcel({ 記録: [['日付', '内容', 'キー']] });
    await withTable(excel);
    await expect(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem('記録').tables.add('E1:F1', true);
        await ctx.sync();
      }),
    ).rejects.toThrow(/address with its sheet/);
    const overlap = await failure(
      excel.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.tables.add('記録!B1:D3', true);
        await ctx.sync();
      }),
    );
    expect(overlap.code).toBe('InvalidArgument');
    expect(excel.tables).toHaveLength(1);
  });
});
