import { createApi } from '../../../shared/commands';
import type { CellValue } from '../../../shared/values';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { clock, ok } from './workbook-fixture';

/*
 * Setup adopts the team's own tables by their header rows, whatever the sheets are called, and
 * says how it reads each column. Expected adoptions are written from the grids by hand.
 */

/** A customer list under a title row, contacts kept as キーマン, a log kept as 活動履歴. */
function japaneseTeam(): Record<string, CellValue[][]> {
  return {
    顧客マスタ: [
      ['顧客マスタ（2026年度）', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['顧客ID', '顧客名', 'フリガナ', '営業担当', '業種', '年間取引額'],
      ['C001', '株式会社山田製作所', 'ヤマダセイサクショ', '佐藤', '製造業', 12000000],
      ['C002', '(株)鈴木商事', 'スズキショウジ', '高橋', '卸売業', 3500000],
      ['C003', '田中工業㈱', 'タナカコウギョウ', '佐藤', '製造業', 8000000],
    ],
    キーマン: [
      ['顧客名', '氏名', '役職', '役割'],
      ['株式会社山田製作所', '山田 太郎', '社長', 'キーマン'],
      ['株式会社山田製作所', '佐々木 花子', '購買課長', '担当者'],
      ['(株)鈴木商事', '鈴木 一郎', '部長', '決裁者'],
    ],
    活動履歴: [
      ['日付', '顧客名', '面談者', '種別', '内容', '担当'],
      ['2026/11/02', '株式会社山田製作所', '佐々木', '訪問', '新製品の紹介', '佐藤'],
      ['2026/11/10', '(株)鈴木商事', '鈴木部長', '電話', '見積の確認', '高橋'],
    ],
  };
}

const snapshot = (wb: MemoryWorkbook) => new Map([...wb.sheets].map(([n]) => [n, wb.snapshot(n)]));

describe('setup finds the team’s tables by their headers', () => {
  it('adopts キーマン as the contacts and 活動履歴 as the log, and says how it reads each column', async () => {
    const before = japaneseTeam();
    const wb = new MemoryWorkbook(japaneseTeam());
    const report = await ok(createApi(wb, clock, 'ja').setup({}));

    expect(report.sheets.customers).toBe('顧客マスタ');
    expect(report.sheets.contacts).toBe('キーマン');
    expect(report.sheets.activities).toBe('活動履歴');
    // No empty 連絡先 / 行動 sheets beside the team's own.
    expect([...wb.sheets.keys()]).not.toContain('連絡先');
    expect([...wb.sheets.keys()]).not.toContain('行動');
    for (const [name, rows] of Object.entries(before)) expect(wb.snapshot(name)).toEqual(rows);

    const customers = report.tables.customers;
    expect(customers).toMatchObject({ sheet: '顧客マスタ', how: 'found', headerRow: 3, rows: 3 });
    expect(customers.dataRows).toEqual({ first: 4, last: 6 });
    expect(customers.columns).toEqual([
      { key: 'id', label: '顧客ID', column: 'A', header: '顧客ID' },
      { key: 'name', label: '顧客名', column: 'B', header: '顧客名' },
      { key: 'kana', label: 'フリガナ', column: 'C', header: 'フリガナ' },
      { key: 'rep', label: '営業担当', column: 'D', header: '営業担当' },
    ]);
    expect(customers.unused).toEqual([
      { column: 'E', header: '業種' },
      { column: 'F', header: '年間取引額' },
    ]);

    const contacts = report.tables.contacts;
    expect(contacts).toMatchObject({ sheet: 'キーマン', how: 'found', headerRow: 1, rows: 3 });
    expect(contacts.columns.map((c) => `${c.key}=${c.column}`)).toEqual([
      'customer=A',
      'name=B',
      'title=C',
      'role=D',
    ]);
    expect(contacts.missing.map((m) => m.key)).toEqual(['id', 'kana']);

    const log = report.tables.activities;
    expect(log).toMatchObject({ sheet: '活動履歴', how: 'found', headerRow: 1, rows: 2 });
    expect(log.dataRows).toEqual({ first: 2, last: 3 });
    expect(log.columns.map((c) => `${c.key}=${c.column}`)).toEqual([
      'date=A',
      'customer=B',
      'contacts=C',
      'type=D',
      'content=E',
      'rep=F',
    ]);

    const text = report.text.join('\n');
    expect(text).toContain('既存の「キーマン」シートを連絡先として使います');
    expect(text).toContain('既存の「活動履歴」シートを行動として使います');
    expect(text).toContain('顧客: 「顧客マスタ」シートの 3行目を見出しとして、4〜6行目の 3件を読みます');
    expect(text).toContain('顧客名 ← B列「顧客名」');
    expect(text).toContain('属性として読む列: E「業種」、F「年間取引額」');
    expect(text).toContain('行動: 「活動履歴」シートの 1行目を見出しとして、2〜3行目の 2件を読みます');

    // The contacts are the sidebar's: key persons are known from キーマン.
    const state = await ok(createApi(wb, clock, 'ja').getState());
    expect(state.contacts.map((c) => `${c.name}:${c.role}`)).toEqual([
      '山田 太郎:key',
      '佐々木 花子:charge',
      '鈴木 一郎:key',
    ]);
  });

  it('names the data rows only, growing where nothing lies below the table', async () => {
    const wb = new MemoryWorkbook(japaneseTeam());
    await ok(createApi(wb, clock, 'ja').setup({}));
    expect(wb.names.get('KIMERU_CUSTOMERS')).toEqual({
      sheet: '顧客マスタ',
      firstColumn: 1,
      lastColumn: 6,
      firstRow: 3,
      lastRow: 6,
      growColumn: 2,
    });
    expect(wb.names.get('KIMERU_CONTACTS')).toEqual({
      sheet: 'キーマン',
      firstColumn: 1,
      lastColumn: 4,
      firstRow: 1,
      lastRow: 4,
      growColumn: 2,
    });
    expect(wb.names.get('KIMERU_ACTIVITIES')).toEqual({
      sheet: '活動履歴',
      firstColumn: 1,
      lastColumn: 6,
      firstRow: 1,
      lastRow: 3,
      growColumn: 2,
    });
  });

  it('changes nothing when run again after adopting', async () => {
    const wb = new MemoryWorkbook(japaneseTeam());
    const api = createApi(wb, clock, 'ja');
    await ok(api.setup({}));
    const after = snapshot(wb);
    const writes = wb.calls.write;
    const again = await ok(api.setup({}));
    expect(again.changed).toBe(false);
    expect(again.text).toEqual(['セットアップは完了しています。変更はありません']);
    expect(wb.calls.write).toBe(writes);
    expect(snapshot(wb)).toEqual(after);
    // The pane still shows what is adopted.
    expect(again.tables.contacts).toMatchObject({ sheet: 'キーマン', how: 'kept', headerRow: 1 });
  });

  it('adopts 営業日報 and 担当者一覧 and leaves a sheet called 行動 that is a to-do list alone', async () => {
    const wb = new MemoryWorkbook({
      取引先: [
        ['取引先コード', '会社名', '担当営業'],
        ['T01', '北海商事', '佐藤'],
      ],
      担当者一覧: [
        ['会社名', '担当者名', '肩書'],
        ['北海商事', '北 太郎', '部長'],
      ],
      営業日報: [
        ['訪問日', '取引先', '行動区分', '報告'],
        ['2026/11/20', '北海商事', '訪問', '提案'],
      ],
      行動: [
        ['やること', '期限'],
        ['見積を送る', '2026/12/01'],
      ],
    });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets).toMatchObject({
      customers: '取引先',
      contacts: '担当者一覧',
      activities: '営業日報',
    });
    expect([...wb.sheets.keys()]).not.toContain('行動 (kimeru)');
    expect(wb.snapshot('行動')).toEqual([
      ['やること', '期限'],
      ['見積を送る', '2026/12/01'],
    ]);
  });

  it('reads a sheet under our log’s name by its header: 行動 holding contacts is the contacts', async () => {
    const wb = new MemoryWorkbook({
      顧客: [
        ['顧客名', '営業担当'],
        ['北海商事', '佐藤'],
      ],
      行動: [
        ['顧客名', '氏名', '役職'],
        ['北海商事', '北 太郎', '部長'],
      ],
    });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.contacts).toBe('行動');
    expect(report.sheets.activities).toBe('行動 (kimeru)');
    expect(report.tables.activities).toMatchObject({ how: 'created', headerRow: 1, dataRows: null });
    expect(report.text).toContain(
      '「行動」シートは kimeru のものではないため、そのままにしました。代わりに「行動 (kimeru)」を作成します',
    );
  });

  it('keeps a customer list with a 担当者名 column as the customer list', async () => {
    const wb = new MemoryWorkbook({
      得意先: [
        ['得意先コード', '得意先名', '担当者名', '電話'],
        ['K1', '南商店', '南 次郎', '03-0000-0000'],
        ['K2', '東物産', '東 三郎', '03-1111-1111'],
      ],
    });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.customers).toBe('得意先');
    expect(report.customerCount).toBe(2);
    expect(report.sheets.contacts).toBe('連絡先');
  });

  it('reads English sheets: Contacts and Activity log', async () => {
    const wb = new MemoryWorkbook({
      Accounts: [
        ['Account name', 'Owner', 'Industry'],
        ['Northwind', 'Sato', 'Retail'],
        ['Contoso', 'Takahashi', 'Manufacturing'],
      ],
      Contacts: [
        ['Company', 'Name', 'Title', 'Role'],
        ['Northwind', 'Ann Lee', 'CEO', 'key person'],
      ],
      'Activity log': [
        ['Date', 'Company', 'Type', 'Notes'],
        ['2026-11-20', 'Northwind', 'visit', 'Demo'],
        ['2026-11-22', 'Contoso', 'call', 'Follow-up'],
      ],
    });
    const report = await ok(createApi(wb, clock, 'en').setup({}));
    expect(report.sheets).toMatchObject({
      customers: 'Accounts',
      contacts: 'Contacts',
      activities: 'Activity log',
    });
    expect(report.text).toContain(
      'Activities: the sheet "Activity log", header on row 1, 2 rows of data on rows 2–3',
    );
    expect(report.text).toContain(
      '  Columns: Date ← column A "Date", Customer ID ← column B "Company", Type ← column C "Type", Content ← column D "Notes"',
    );
  });

  it('never takes a second log as the customer list', async () => {
    const log: CellValue[][] = [
      ['日付', '顧客名', '種別'],
      ['2026/11/02', '北海商事', '訪問'],
    ];
    const wb = new MemoryWorkbook({ 活動履歴: log, 旧記録: log });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.activities).toBe('活動履歴');
    expect(report.sheets.customers).toBe('顧客');
    expect(report.customerCount).toBe(0);
    expect(report.tables.customers).toMatchObject({ how: 'created', alternatives: [] });
  });

  it('prefers the sheet named like the log when two qualify, and offers the other', async () => {
    const log = (n: number): CellValue[][] => [
      ['日付', '顧客名', '種別'],
      ...Array.from({ length: n }, (_, i) => [`2026/11/${i + 1}`, '北海商事', '訪問']),
    ];
    const wb = new MemoryWorkbook({
      顧客: [['顧客名'], ['北海商事']],
      Sheet3: log(10),
      訪問記録: log(4),
      Sheet4: log(7),
    });
    const report = await ok(createApi(wb, clock, 'ja').setup({}));
    expect(report.sheets.activities).toBe('訪問記録');
    // Then by size: 10 rows before 7.
    expect(report.tables.activities.alternatives).toEqual(['Sheet3', 'Sheet4']);
    expect(report.text).toContain('  ほかの候補: 「Sheet3」、「Sheet4」（セットアップ画面で選べます）');
  });
});

describe('the user corrects what setup adopted', () => {
  it('switches the log to another sheet, updating the settings row and the name only', async () => {
    const wb = new MemoryWorkbook({
      ...japaneseTeam(),
      旧日報: [
        ['日付', '顧客名', '種別'],
        ['2026/10/01', '(株)鈴木商事', '訪問'],
      ],
    });
    const api = createApi(wb, clock, 'ja');
    const first = await ok(api.setup({}));
    expect(first.tables.activities.alternatives).toEqual(['旧日報']);
    const team = snapshot(wb);
    const report = await ok(api.setup({ logSheet: '旧日報' }));
    expect(report.sheets.activities).toBe('旧日報');
    expect(report.tables.activities).toMatchObject({ how: 'chosen', rows: 1, alternatives: ['活動履歴'] });
    expect(report.text).toContain('既存の「旧日報」シートを行動として使います');
    const settings = wb.snapshot('kimeru設定');
    expect(settings.find((r) => r[2] === 'sheet:activities')?.[1]).toBe('旧日報');
    expect(wb.names.get('KIMERU_ACTIVITIES')).toMatchObject({ sheet: '旧日報', firstRow: 1, lastRow: 2 });
    for (const [name, rows] of team) if (name !== 'kimeru設定') expect(wb.snapshot(name)).toEqual(rows);
  });

  it('adopts a log whose date header it could not recognise once the user picks that column', async () => {
    const wb = new MemoryWorkbook({
      顧客: [['顧客名'], ['北海商事']],
      営業メモ: [
        ['訪問した日', '顧客名', '種別'],
        ['2026/11/20', '北海商事', '訪問'],
      ],
    });
    const api = createApi(wb, clock, 'ja');
    const first = await ok(api.setup({}));
    expect(first.sheets.activities).toBe('行動');
    const report = await ok(
      api.setup({ logSheet: '営業メモ', mappings: { activities: { date: '訪問した日' } } }),
    );
    expect(report.sheets.activities).toBe('営業メモ');
    expect(report.tables.activities.columns[0]).toEqual({
      key: 'date',
      label: '日付',
      column: 'A',
      header: '訪問した日',
    });
    const settings = wb.snapshot('kimeru設定');
    expect(settings.find((r) => r[2] === 'map:activities:date')?.[1]).toBe('訪問した日');
    // The log is read with that choice from now on (without it, its missing 日付 stops the check).
    const gaps = await ok(api.runGapCheck());
    expect(gaps.message).toContain('/ 1社');
  });

  it('previews a chosen sheet whose header does not fit, offering its columns, and writes nothing', async () => {
    const wb = new MemoryWorkbook({
      顧客: [['顧客名'], ['北海商事']],
      営業メモ: [
        ['訪問した日', '顧客名', '種別'],
        ['2026/11/20', '北海商事', '訪問'],
      ],
    });
    const api = createApi(wb, clock, 'ja');
    const r = await ok(api.previewSetup({ logSheet: '営業メモ' }));
    expect(r.tables.activities).toMatchObject({
      sheet: '営業メモ',
      how: 'chosen',
      headerRow: 1,
      columns: [],
      headers: [
        { column: 'A', header: '訪問した日' },
        { column: 'B', header: '顧客名' },
        { column: 'C', header: '種別' },
      ],
    });
    expect(r.tables.activities.problem).toContain('日付');
    const fixed = await ok(
      api.previewSetup({ logSheet: '営業メモ', mappings: { activities: { date: '訪問した日' } } }),
    );
    expect(fixed.tables.activities).toMatchObject({ rows: 1, dataRows: { first: 2, last: 2 } });
    expect(fixed.tables.activities.problem).toBeUndefined();
    expect(wb.calls.write).toBe(0);
    expect([...wb.sheets.keys()]).toEqual(['顧客', '営業メモ']);
  });

  it('says which sheet is missing when the user names one that is not there', async () => {
    const wb = new MemoryWorkbook(japaneseTeam());
    const r = await createApi(wb, clock, 'ja').setup({ contactsSheet: '名刺' });
    expect(r).toEqual({ ok: false, message: expect.stringContaining('「名刺」シートがありません') });
  });

  it('says what is missing from the header of a sheet the user names as the log', async () => {
    const wb = new MemoryWorkbook(japaneseTeam());
    const r = await createApi(wb, clock, 'ja').setup({ logSheet: 'キーマン' });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('日付');
  });
});
