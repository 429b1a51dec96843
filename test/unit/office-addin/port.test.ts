import { createApi, type KimeruApi } from '../../../shared/commands';
import { activityHeader } from '../../../shared/engines';
import { dateCell, formulaCell } from '../../../shared/port';
import type { CellValue } from '../../../shared/values';
import { ExcelWorkbook, type ExcelRun, type ExcelWorkbookOptions } from '../../../office-addin/src/port';
import { FakeExcel } from '../../fakes/excel';
import { activity, clock, ok, sizedWorkbook, teamWorkbook, TODAY } from '../commands/workbook-fixture';

const portOver = (excel: FakeExcel, options?: ExcelWorkbookOptions): ExcelWorkbook =>
  new ExcelWorkbook(excel.run as unknown as ExcelRun, options);

/** The user's sheets as Excel holds them before kimeru runs: every one must read the same after. */
function userSheets(excel: FakeExcel, names: string[]): Record<string, unknown[][]> {
  return Object.fromEntries(names.map((n) => [n, excel.values(n)]));
}

describe('setup in an existing Excel workbook', () => {
  let excel: FakeExcel;
  let api: KimeruApi;
  beforeEach(() => {
    excel = new FakeExcel(teamWorkbook());
    api = createApi(portOver(excel), clock, 'ja');
  });

  it('adds kimeru’s sheets and names, adopts the customer list and changes no cell of the user’s sheets', async () => {
    const before = userSheets(excel, ['メモ', '得意先リスト', '行動']);
    const report = await ok(api.setup({}));
    expect(report.sheets.customers).toBe('得意先リスト');
    expect(report.customerCount).toBe(4);
    expect(report.sheets.activities).toBe('行動 (kimeru)');
    expect(userSheets(excel, ['メモ', '得意先リスト', '行動'])).toEqual(before);
    expect(excel.log.filter((w) => ['メモ', '得意先リスト', '行動'].includes(w.sheet))).toEqual([]);
    expect(excel.sheetNames()).toEqual(
      expect.arrayContaining(['行動 (kimeru)', '連絡先', '定義', 'ダッシュボード', 'kimeru設定']),
    );
    // The dashboard: Office.js charts over its formulas' blocks, traffic lights, working sheets hidden.
    const dashboard = excel.sheet('ダッシュボード')!;
    expect(dashboard.charts.map((c) => [c.type, c.title !== ''])).toEqual([
      ['BarClustered', true],
      ['ColumnClustered', true],
      ['Pie', true],
      ['ColumnClustered', true],
      ['Line', true],
    ]);
    expect(dashboard.conditionalFormats).toHaveLength(6);
    expect(String(dashboard.cell(4, 0)?.formula)).toMatch(/^=KIMERU\.GAPCHECK\(KIMERU_CUSTOMERS, /);
    expect(excel.sheet('定義履歴')?.visibility).toBe('Hidden');
    // The new log's header row, growing as rows with a customer (column B) are added below it.
    expect(excel.names.get('KIMERU_ACTIVITIES')).toEqual({
      sheet: '行動 (kimeru)',
      address: '',
      formula:
        "='行動 (kimeru)'!$A$1:INDEX('行動 (kimeru)'!$M:$M,MAX(1,IFERROR(LOOKUP(2,1/('行動 (kimeru)'!$B:$B<>\"\"),ROW('行動 (kimeru)'!$B:$B)),0)))",
    });
    expect(excel.names.get('KIMERU_ASOF')).toEqual({ sheet: 'kimeru設定', address: 'B3' });
    // The as-of date is a real date cell: a serial number shown as a date.
    expect(excel.values('kimeru設定')[2]![1]).toBe(46355);
    expect(excel.formats('kimeru設定')[2]![1]).toBe('yyyy/mm/dd');
    expect(excel.sheet('行動 (kimeru)')!.frozenRows).toBe(1);
  });

  it('changes nothing when run again', async () => {
    await ok(api.setup({}));
    const after = userSheets(excel, excel.sheetNames());
    const writes = excel.log.length;
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect(excel.log).toHaveLength(writes);
    expect(userSheets(excel, excel.sheetNames())).toEqual(after);
  });

  it('reads back through the same adapter what it wrote (the definition, the settings)', async () => {
    await ok(api.setup({}));
    const state = await ok(api.getDefinition());
    expect(state.version).toBe(1);
    expect((await ok(api.getState())).asOf).toBe('2026-11-29');
  });
});

describe('logging an activity into Excel', () => {
  let excel: FakeExcel;
  let api: KimeruApi;
  beforeEach(async () => {
    excel = new FakeExcel(teamWorkbook());
    api = createApi(portOver(excel), clock, 'ja');
    await ok(api.setup({}));
    // Contacts the team typed into kimeru's contact sheet.
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('連絡先').getRange('A2:F3').values = [
        ['', 'C002', '山本 健', '', '専務', 'キーマン'],
        ['', 'C002', '伊藤 誠', '', '', '担当者'],
      ];
      await ctx.sync();
    });
  });

  it('appends one row below the last one, and a retried submit writes nothing', async () => {
    const state = await ok(api.getState());
    const ito = state.contacts.find((c) => c.name === '伊藤 誠')!;
    const first = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(first).toMatchObject({ ok: true, row: 2, duplicate: false });
    const retry = await ok(api.logActivity(activity({ contactIds: [ito.id] })));
    expect(retry).toMatchObject({ ok: true, duplicate: true });
    const log = excel.values('行動 (kimeru)');
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 6)).toEqual(['C002', '(株)鈴木商事', '伊藤 誠', '', '訪問']);
    expect(log[1]![0]).toBe(46354); // 2026-11-28 as a date serial
    expect(excel.formats('行動 (kimeru)')[1]![0]).toBe('yyyy/mm/dd');
    const second = await ok(api.logActivity(activity({ key: 'k-2' })));
    expect(second).toMatchObject({ row: 3, duplicate: false });
  });

  it('stores text that Excel would turn into a formula, a number or a date as that very text', async () => {
    const typed = ['=IMPORTXML("http://x")', '+81 3-1234-5678', '-1', '2026/12/01', '1,200', 'TRUE'];
    await ok(
      api.logActivity(
        activity({ content: typed[0]!, nextAction: typed[1]!, purpose: typed[2]!, rep: '高橋' }),
      ),
    );
    await ok(
      api.logActivity(
        activity({ key: 'k-2', content: typed[3]!, nextAction: typed[4]!, purpose: typed[5]! }),
      ),
    );
    const rows = excel.values('行動 (kimeru)').slice(1);
    const cells = rows.flat();
    for (const text of typed) expect(cells).toContain(text);
    expect(
      excel
        .formulas('行動 (kimeru)')
        .flat()
        .filter((f) => String(f).startsWith('=IMPORT')),
    ).toEqual(['=IMPORTXML("http://x")']); // text, not a formula: the formulas view shows the text itself
    expect(
      excel
        .sheet('行動 (kimeru)')!
        .rows.flat()
        .some((c) => c?.formula !== undefined),
    ).toBe(false);
  });
});

describe('ranking and gap check in Excel', () => {
  it('writes the ranking and gap sheets from the same data the memory workbook gets', async () => {
    const excel = new FakeExcel(teamWorkbook());
    const api = createApi(portOver(excel), clock, 'ja');
    await ok(api.setup({}));
    const rank = await ok(api.runRanking('2026/11/29'));
    expect(rank.headline).toEqual(['A: 2', 'B: 1', 'C: 1']);
    expect(excel.values('ランク')[1]!.slice(0, 5)).toEqual([
      '顧客ID',
      '顧客名',
      'ランク',
      '前回ランク',
      '変動',
    ]);
    const gaps = await ok(api.runGapCheck('2026/11/29'));
    expect(gaps.headline.join('\n')).toMatch(/キーマン/);
    expect(excel.values('ギャップ').length).toBeGreaterThan(2);
    // A second ranking replaces the sheet: no row of the first run is left behind.
    const rows = excel.values('ランク').length;
    await ok(api.runRanking('2026/11/30'));
    expect(excel.values('ランク')).toHaveLength(rows);
  });
});

describe('round trips', () => {
  async function syncsFor(customers: number): Promise<Record<string, number>> {
    const excel = new FakeExcel(sizedWorkbook(customers));
    const api = createApi(portOver(excel), clock, 'ja');
    const counts: Record<string, number> = {};
    const measure = async (name: string, run: () => Promise<unknown>): Promise<void> => {
      const before = excel.counts.syncs;
      await run();
      counts[name] = excel.counts.syncs - before;
    };
    await measure('setup', () => ok(api.setup({})));
    await measure('log', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
    await measure('retry', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
    await measure('rank', () => ok(api.runRanking('2026/11/29')));
    await measure('gaps', () => ok(api.runGapCheck('2026/11/29')));
    await measure('review', () => ok(api.runReview('2026/11/29')));
    return counts;
  }

  it('makes the same number of context.sync() calls for 10 and for 10,000 customers', async () => {
    const small = await syncsFor(10);
    // The gap sheet of 10,000 customers — twelve columns since its rows carry the rep, the key
    // person not met and the date to act by — is over 4 MB, so it is written in two row chunks:
    // one more sync, as the port is built to do (office-addin/src/port.ts), not one per row.
    expect(await syncsFor(10_000)).toEqual({ ...small, gaps: (small.gaps ?? 0) + 1 });
    expect(small).toEqual({ setup: 5, log: 9, retry: 8, rank: 7, gaps: 7, review: 9 });
  });
});

describe('the port itself', () => {
  it('hands a used range that starts below A1 over from A1', async () => {
    const excel = new FakeExcel({ 顧客: [[], [], ['', '', '顧客ID', '顧客名'], ['', '', 'C001', '山田']] });
    const grid = await portOver(excel).readSheets(['顧客', 'ない']);
    expect(grid).toEqual({
      顧客: [
        ['', '', '', ''],
        ['', '', '', ''],
        ['', '', '顧客ID', '顧客名'],
        ['', '', 'C001', '山田'],
      ],
    });
  });

  it('reads a sheet too large for one response in chunks, with the same result', async () => {
    const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [`C${i}`, `株式会社テスト${i}`, i]);
    const excel = new FakeExcel({ 顧客: rows });
    excel.payloadLimitBytes = 40_000;
    const grid = await portOver(excel, { readChunkCells: 3000 }).readSheets(['顧客']);
    expect(grid['顧客']).toEqual(rows);
  });

  it('splits a write too large for one request, every request under the limit', async () => {
    const excel = new FakeExcel({});
    excel.payloadLimitBytes = 50_000;
    const port = portOver(excel, { writeBudgetBytes: 40_000 });
    const rows = Array.from({ length: 2000 }, (_, i) => [`C${i}`, `株式会社テスト${i}`, i]);
    const before = excel.counts.syncs;
    await port.write([{ kind: 'addSheet', sheet: 'ランク', rows }]);
    expect(excel.counts.syncs - before).toBeGreaterThan(2);
    expect(excel.values('ランク')).toEqual(rows);
  });

  it('refuses a plan that would fail half-way before writing anything', async () => {
    const excel = new FakeExcel({ ランク: [['x']] });
    const port = portOver(excel);
    await expect(
      port.write([
        { kind: 'addSheet', sheet: '新しい', rows: [['a']] },
        { kind: 'addSheet', sheet: 'ランク', rows: [['b']] },
      ]),
    ).rejects.toThrow('ランク');
    expect(excel.sheetNames()).toEqual(['ランク']);
    expect(excel.log).toEqual([]);
  });

  it('writes kimeru’s own formulas as formulas and timestamps as date-times', async () => {
    const excel = new FakeExcel({});
    await portOver(excel).write([
      {
        kind: 'addSheet',
        sheet: 'ダッシュボード',
        rows: [['=text', formulaCell('=SUM(C1:C2)'), dateCell(TODAY, 10 * 60 + 30)]],
      },
    ]);
    expect(excel.formulas('ダッシュボード')[0]).toEqual(['=text', '=SUM(C1:C2)', 46355 + 630 / 1440]);
    expect(excel.formats('ダッシュボード')[0]![2]).toBe('yyyy/mm/dd hh:mm');
    expect(excel.quotePrefixed('ダッシュボード')).toEqual(['A1']);
  });

  it('fills a ragged setBlock row without touching the cells beyond it', async () => {
    const excel = new FakeExcel({});
    const port = portOver(excel);
    await port.write([
      {
        kind: 'addSheet',
        sheet: '設定',
        rows: [
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ],
      },
    ]);
    await port.write([
      { kind: 'setBlock', sheet: '設定', row: 1, column: 1, rows: [['x', 'y', 'z'], ['w']] },
    ]);
    expect(excel.values('設定')).toEqual([
      ['x', 'y', 'z'],
      ['w', 'e', 'f'],
    ]);
  });
});

describe('logs as Excel tables', () => {
  const TABLES = ['KimeruContacts', 'KimeruActivities', 'KimeruHistory', 'KimeruAnswers'];

  /** Writes (not loads) the fake saw since `from`: "rows.add KimeruActivities A2:M2", "values A3:M3"… */
  const writesSince = (excel: FakeExcel, from: number, sheet: string): string[] =>
    excel.log.slice(from).flatMap((w) => (w.sheet === sheet ? [w.address] : []));

  async function setUp(initial = teamWorkbook(), lang: 'ja' | 'en' = 'ja') {
    const excel = new FakeExcel(initial);
    const api = createApi(portOver(excel), clock, lang);
    await ok(api.setup({}));
    return { excel, api };
  }

  it('setup makes contacts, activities, history and answers tables over their header, in the same round trips', async () => {
    const { excel } = await setUp();
    expect(excel.counts.syncs).toBe(5); // as many as setup made before it made tables
    expect(TABLES.map((name) => excel.tableInfo(name))).toEqual([
      { sheet: '連絡先', address: 'A1:F2', style: 'TableStyleLight9' },
      { sheet: '行動 (kimeru)', address: 'A1:M2', style: 'TableStyleLight9' },
      { sheet: '定義履歴', address: 'A1:E2', style: 'TableStyleLight9' }, // header and version 1
      { sheet: '振り返り回答', address: 'A1:E2', style: 'TableStyleLight9' },
    ]);
    expect(excel.tables).toHaveLength(4);
    expect(excel.values('行動 (kimeru)')).toEqual([activityHeader('ja')]);
    expect(excel.values('振り返り回答')[0]).toEqual(['営業担当', '項目', '知っている', '記録ID', '期間']);
    // Excel did not have to rename a header cell (blank or repeated headers would be).
    expect(excel.log.filter((w) => w.address.startsWith('header'))).toEqual([]);
    // The user's 行動 sheet (a to-do list) got no table.
    expect(excel.tables.some((t) => t.sheet.name === '行動')).toBe(false);
  });

  it('names the table in English workbooks the same way, and takes the next free name when one is taken', async () => {
    const { excel } = await setUp(teamWorkbook(), 'en');
    expect(excel.tableInfo('KimeruActivities')?.sheet).toBe('Activities');
    // A second kimeru table in the same workbook (an old set-up's sheets kept): KimeruActivities2.
    await portOver(excel).write([
      { kind: 'addSheet', sheet: '行動ログ2', rows: [['日付', '内容', 'キー']], table: 'KimeruActivities' },
    ]);
    expect(excel.tableInfo('KimeruActivities2')).toEqual({
      sheet: '行動ログ2',
      address: 'A1:C2',
      style: 'TableStyleLight9',
    });
    await expect(
      portOver(excel).write([{ kind: 'addSheet', sheet: '表', rows: [['a']], table: 'A1' }]),
    ).rejects.toThrow('A1');
    expect(excel.sheetNames()).not.toContain('表');
  });

  it('logs with one rows.add and no cell write, the date columns formatted as dates', async () => {
    const { excel, api } = await setUp();
    const from = excel.log.length;
    const first = await ok(api.logActivity(activity({ purpose: '１２月の発注', content: '=SUM(A1)' })));
    expect(first).toMatchObject({ ok: true, row: 2, duplicate: false });
    expect(writesSince(excel, from, '行動 (kimeru)')).toEqual([
      'rows.add KimeruActivities A2:M2',
      'numberFormat A2:M2',
    ]);
    const second = await ok(api.logActivity(activity({ key: 'k-2', customerId: 'C001', rep: '佐藤' })));
    expect(second).toMatchObject({ row: 3, duplicate: false });
    expect(excel.tableInfo('KimeruActivities')?.address).toBe('A1:M3');
    const rows = excel.values('行動 (kimeru)');
    expect(rows[1]!.slice(0, 8)).toEqual([
      46354,
      'C002',
      '(株)鈴木商事',
      '',
      '',
      '訪問',
      '１２月の発注',
      '=SUM(A1)',
    ]);
    expect(rows[2]![1]).toBe('C001');
    const formats = excel.formats('行動 (kimeru)');
    expect(formats[1]![0]).toBe('yyyy/mm/dd'); // 日付
    expect(formats[1]![11]).toBe('yyyy/mm/dd hh:mm'); // 記録日時
    expect(formats[1]![7]).toBe('General');
    // The user's text stays text: stored with Excel's apostrophe, never as a formula.
    expect(
      excel
        .sheet('行動 (kimeru)')!
        .rows.flat()
        .some((c) => c?.formula !== undefined),
    ).toBe(false);
    expect(excel.quotePrefixed('行動 (kimeru)')).toEqual(expect.arrayContaining(['H2']));
  });

  it('adds nothing when a submit is retried with the same key', async () => {
    const { excel, api } = await setUp();
    await ok(api.logActivity(activity()));
    const from = excel.log.length;
    const before = excel.values('行動 (kimeru)');
    const retry = await ok(api.logActivity(activity()));
    expect(retry).toMatchObject({ ok: true, duplicate: true, row: null });
    expect(excel.log.slice(from)).toEqual([]);
    expect(excel.values('行動 (kimeru)')).toEqual(before);
    expect(excel.tableInfo('KimeruActivities')?.address).toBe('A1:M2');
  });

  it('appends history and review answers through their tables too', async () => {
    const { excel, api } = await setUp();
    const from = excel.log.length;
    await ok(api.runReview('2026/11/29'));
    const answers = writesSince(excel, from, '振り返り回答');
    expect(answers[0]).toMatch(/^rows\.add KimeruAnswers A2:E\d+$/);
    expect(answers.filter((w) => /^(values|formulas) /.test(w))).toEqual([]);
    expect(excel.tableInfo('KimeruAnswers')?.address).toBe(`A1:E${excel.values('振り返り回答').length}`);
  });

  it('still writes below the last row of an adopted log sheet that is not a table, changing none of its cells', async () => {
    const header = activityHeader('ja');
    const old: CellValue[][] = [
      header,
      [
        new Date(2026, 10, 20),
        'C001',
        '株式会社山田製作所',
        '',
        '',
        '訪問',
        '定例',
        '打合せ',
        '',
        '',
        '佐藤',
        '',
        'old-1',
      ],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      [
        new Date(2026, 10, 21),
        'C002',
        '(株)鈴木商事',
        '',
        '',
        '電話',
        '',
        '在庫',
        '',
        '',
        '高橋',
        '',
        'old-2',
      ],
    ];
    const { excel, api } = await setUp({ ...teamWorkbook(), 行動: old });
    expect(excel.tables.some((t) => t.sheet.name === '行動')).toBe(false);
    const before = excel.values('行動');
    const from = excel.log.length;
    const logged = await ok(api.logActivity(activity({ key: 'new-1' })));
    expect(logged).toMatchObject({ row: 5, duplicate: false });
    expect(writesSince(excel, from, '行動')).toEqual([
      'insert(Down) A5:M5',
      'numberFormat A5:M5',
      'values A5:M5',
    ]);
    const after = excel.values('行動');
    expect(after.slice(0, 4)).toEqual(before);
    expect(after[4]![12]).toBe('new-1');
    const retry = await ok(api.logActivity(activity({ key: 'old-2' })));
    expect(retry).toMatchObject({ duplicate: true });
    expect(excel.values('行動')).toHaveLength(5);
  });

  it('pads a row narrower than the table, and falls back to a plain write when a row is wider', async () => {
    const excel = new FakeExcel({});
    const port = portOver(excel);
    await port.write([
      { kind: 'addSheet', sheet: '記録', rows: [['内容', 'キー', 'メモ']], table: 'KimeruLog' },
    ]);
    expect(await port.append({ sheet: '記録', rows: [['訪問', 'k1']], keyColumn: 2 })).toEqual({
      rows: [2],
      duplicates: 0,
    });
    expect(excel.values('記録')).toEqual([
      ['内容', 'キー', 'メモ'],
      ['訪問', 'k1', ''],
    ]);
    const from = excel.log.length;
    expect(await port.append({ sheet: '記録', rows: [['電話', 'k2', '', '表の外']] })).toEqual({
      rows: [3],
      duplicates: 0,
    });
    expect(writesSince(excel, from, '記録')).toEqual(['insert(Down) A3:D3', 'values A3:D3']);
    expect(excel.tableInfo('KimeruLog')?.address).toBe('A1:C2');
  });

  it('makes the same number of round trips appending to a table of 10 or of 10,000 logged rows', async () => {
    async function syncsWith(logged: number): Promise<Record<string, number>> {
      const excel = new FakeExcel(sizedWorkbook(20));
      const port = portOver(excel);
      const api = createApi(port, clock, 'ja');
      const sheet = (await ok(api.setup({}))).sheets.activities;
      const rows = Array.from({ length: logged }, (_, i) => [
        dateCell(TODAY - 1),
        `C${(i % 20) + 1}`,
        `株式会社テスト${(i % 20) + 1}`,
        '',
        '',
        '訪問',
        '',
        `記録${i}`,
        '',
        '',
        '佐藤',
        dateCell(TODAY - 1, 600),
        `seed-${i}`,
      ]);
      const seeded = await port.append({ sheet, rows, keyColumn: 13 });
      expect(seeded.rows).toHaveLength(logged);
      expect(excel.tableInfo('KimeruActivities')?.address).toBe(`A1:M${logged + 1}`);
      const counts: Record<string, number> = {};
      const measure = async (name: string, run: () => Promise<unknown>): Promise<void> => {
        const before = excel.counts.syncs;
        await run();
        counts[name] = excel.counts.syncs - before;
      };
      await measure('log', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
      await measure('retry', () => ok(api.logActivity(activity({ customerId: 'C1', rep: '佐藤' }))));
      expect(excel.tableInfo('KimeruActivities')?.address).toBe(`A1:M${logged + 2}`);
      return counts;
    }
    const small = await syncsWith(10);
    expect(await syncsWith(10_000)).toEqual(small);
    expect(small).toEqual({ log: 9, retry: 8 });
  });
});
