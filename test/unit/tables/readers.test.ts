import { formatIssue, KimeruError, type Issue } from '../../../shared/issues';
import { readActivities, readContacts, readCustomers, readDataset } from '../../../shared/tables';
import { dayFromParts, type CellValue } from '../../../shared/values';
import { activityGrid, contactGrid, customerGrid } from './fixtures';
import { ActivityLog, datasetOf } from '../../../shared/activity-log';
import { indexDataset } from '../../../shared/engines';

const where = (i: Issue) => `${i.row}${i.column ?? ''} ${i.key} ${i.severity}`;

describe('readCustomers', () => {
  const { customers, issues } = readCustomers(customerGrid, { sheet: '顧客' });

  it('reads the messy customer sheet', () => {
    expect(customers.map((c) => [c.id, c.name, c.kana, c.rep, c.row])).toEqual([
      ['C001', '株式会社 山田製作所', 'ヤマダセイサクショ', '佐藤', 5],
      ['C002', '(株)鈴木商事', 'すずきしょうじ', '高橋', 7],
      ['C003', '田中工業(株)', 'タナカコウギョウ', '佐藤', 8],
    ]);
    expect(customers[0]?.attributes).toEqual({
      年間取引額: 12000000,
      業種: '製造業',
      契約開始日: '令和8年4月1日',
    });
    expect(customers[1]?.attributes['年間取引額']).toBe(3500000);
    expect(customers[2]?.attributes).toEqual({ 年間取引額: '未定', 業種: '製造業', 契約開始日: null });
  });

  it('reports the row without a name and the repeated id', () => {
    expect(issues.map(where)).toEqual([
      '9B tables.requiredValue error',
      '10A tables.duplicateCustomerId error',
    ]);
    expect(formatIssue('ja', issues[1]!)).toBe(
      '「顧客」シート 10行目 A列「【顧客ID】」: 顧客ID「C002」は7行目と重複しています。この行は読み飛ばします。どちらかのIDを変えるか、重複している行を消してください。',
    );
    expect(formatIssue('en', issues[1]!)).toBe(
      'Sheet "顧客", row 10, column A ("【顧客ID】"): Customer ID "C002" repeats row 7. This row is skipped. Change one of the IDs, or delete the repeated row.',
    );
  });

  it('uses the name as the id when the sheet has no id column', () => {
    const r = readCustomers(
      [
        ['会社名', '業種'],
        ['山田製作所', '製造業'],
        ['鈴木商事', '卸売'],
      ],
      { sheet: '顧客' },
    );
    expect(r.customers.map((c) => c.id)).toEqual(['山田製作所', '鈴木商事']);
  });
});

describe('readContacts', () => {
  const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
  const { contacts, issues } = readContacts(contactGrid, customers, { sheet: '連絡先' });

  it('resolves customers by id (full-width too) and reads roles', () => {
    expect(contacts.map((c) => [c.id, c.customerId, c.name, c.role])).toEqual([
      ['C001:田中 太郎', 'C001', '田中 太郎', 'key'],
      ['C001:田中 次郎', 'C001', '田中 次郎', 'charge'],
      ['C001:鈴木 花子', 'C001', '鈴木 花子', 'charge'],
      ['C001:佐藤 一郎', 'C001', '佐藤 一郎', 'key'],
      ['C002:山本 健', 'C002', '山本 健', 'key'],
      ['C002:伊藤 誠', 'C002', '伊藤 誠', 'influencer'],
      ['C002:中村 優', 'C002', '中村 優', 'other'],
    ]);
  });

  it('reports an unknown role (kept as other) and an unknown customer (row skipped)', () => {
    expect(issues.map(where)).toEqual(['8E tables.unknownRole warning', '9A tables.unknownCustomer error']);
    expect(formatIssue('ja', issues[1]!)).toBe(
      '「連絡先」シート 9行目 A列「顧客ID」: 顧客「C999」が顧客一覧に見つかりません。この行は読み飛ばします。見込み客なら顧客一覧に加え、書き間違いなら顧客一覧どおりのIDか社名に直してください。',
    );
  });
});

describe('readActivities', () => {
  const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
  const { contacts } = readContacts(contactGrid, customers, { sheet: '連絡先' });
  const { activities, issues } = readActivities(activityGrid, customers, contacts, { sheet: '行動' });

  it('reads hand-typed rows: dates in any form, customers by name, people and type synonyms', () => {
    expect(activities.map((a) => [a.row, a.date, a.customerId, a.contactIds, a.type])).toEqual([
      [2, dayFromParts(2026, 11, 29), 'C001', ['C001:田中 太郎', 'C001:鈴木 花子'], 'visit'],
      [3, dayFromParts(2026, 11, 30), 'C001', ['C001:佐藤 一郎'], 'visit'],
      [4, dayFromParts(2026, 12, 1), 'C001', [], 'call'],
      [5, dayFromParts(2026, 12, 2), 'C001', [], 'web'],
      [6, dayFromParts(2026, 12, 3), 'C002', ['C002:山本 健'], 'other'],
      [10, dayFromParts(2026, 12, 5), 'C002', ['C002:山本 健', 'C002:伊藤 誠'], 'email'],
    ]);
    expect(activities[0]).toMatchObject({
      contactText: '田中部長、鈴木様',
      content: '予算確認',
      nextAction: 'デモ',
      nextDue: dayFromParts(2026, 12, 10),
      rep: '佐藤',
      recordedAt: null,
      key: '',
    });
  });

  it('reports ambiguous and unknown people, unknown types, bad dates and unknown customers', () => {
    expect(issues.map(where)).toEqual([
      '7A values.notADate error',
      '3C tables.ambiguousPerson warning',
      '4C tables.ambiguousPerson warning',
      '5C tables.unknownPerson warning',
      '6D tables.unknownType warning',
      '8B tables.unknownCustomer error',
    ]);
    const ambiguous = issues[2]!;
    expect(formatIssue('ja', ambiguous)).toBe(
      '「行動」シート 4行目 C列「面談者」: 「田中」に当てはまる連絡先が複数あります（田中 太郎, 田中 次郎）。フルネームか役職つきで書いてください。',
    );
    expect(formatIssue('en', issues[3]!)).toBe(
      'Sheet "行動", row 5, column C ("面談者"): "山田様" is not a contact of customer "株式会社 山田製作所". Add the person to the contacts, or write the name as the contacts sheet does.',
    );
    expect(formatIssue('ja', issues[0]!)).toBe(
      '「行動」シート 7行目 A列「日付」: 「2026/2/30」は日付として読めません（例: 2026/11/29、2026年11月29日、令和8年11月29日、R8.11.29）',
    );
  });

  // Scale, not speed: timing lives in bench/ (npm run bench), never in a test.
  it('reads 300,000 rows without an issue or a lost row', () => {
    const grid: CellValue[][] = [activityGrid[0]!];
    for (let i = 0; i < 300000; i++)
      grid.push([
        46355 - (i % 400),
        i % 2 ? 'C001' : 'C002',
        i % 2 ? '田中部長、鈴木様' : '山本専務',
        '訪問',
        '定例',
        '',
        null,
        '佐藤',
      ]);
    const r = readActivities(grid, customers, contacts, { sheet: '行動' });
    expect(r.activities).toHaveLength(300000);
    expect(r.issues).toHaveLength(0);
    expect(r.activities[0]?.contactIds).toHaveLength(1);
    expect(r.activities[1]?.contactIds).toHaveLength(2);
  });
});

describe('readDataset', () => {
  it('reads all three tables and gathers their issues', () => {
    const { dataset, issues } = readDataset({
      customers: customerGrid,
      contacts: contactGrid,
      activities: activityGrid,
    });
    expect([dataset.customers.length, dataset.contacts.length, dataset.activities.length]).toEqual([3, 7, 6]);
    expect(issues.filter((i) => i.sheet === '顧客')).toHaveLength(2);
    expect(issues.filter((i) => i.sheet === '行動')).toHaveLength(6);
  });

  it('works before contacts and activities exist', () => {
    const { dataset } = readDataset({ customers: customerGrid });
    expect(dataset.contacts).toEqual([]);
    expect(dataset.activities).toEqual([]);
  });

  it('throws one error listing every table whose columns are missing', () => {
    let error: unknown;
    try {
      readDataset(
        { customers: customerGrid, contacts: [['顧客ID', '役職']], activities: [['日付', '顧客名', '内容']] },
        { contacts: { sheet: '連絡先' }, activities: { sheet: '訪問記録' } },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KimeruError);
    expect((error as KimeruError).issues.map((i) => formatIssue('ja', i))).toEqual([
      '「連絡先」シート 1行目: 連絡先に必須の列「氏名」がありません（使える見出し: 氏名, 名前, 担当者名, 連絡先名, 人物名, お名前, Name, Full name, Contact name, Contact）。',
      '「訪問記録」シート 1行目: 行動に必須の列「種別」がありません（使える見出し: 種別, 区分, 行動種別, 活動種別, 種類, 手段, 行動区分, Type, Activity type）。',
    ]);
  });
});

describe('reading the same log again after a contact changed', () => {
  it('matches names against the contacts as they are now, not as they were at the last read', () => {
    const customers = [{ id: 'C1', name: '北海商事', kana: '', rep: '', attributes: {}, row: 2 }];
    const log: CellValue[][] = [
      ['日付', '顧客ID', '面談者', '種別'],
      ['2026/11/20', 'C1', '田中部長', '訪問'],
    ];
    const contact = {
      id: 'P1',
      customerId: 'C1',
      name: '田中 一郎',
      kana: '',
      title: '部長',
      role: 'key' as const,
      row: 2,
    };
    const first = readActivities(log, customers, [contact], { sheet: '行動' });
    expect(first.activities[0]?.contactIds).toEqual(['P1']);
    const renamed = readActivities(log, customers, [{ ...contact, name: '山田 一郎' }], { sheet: '行動' });
    expect(renamed.activities[0]?.contactIds).toEqual([]);
    expect(renamed.issues.map((i) => i.key)).toContain('tables.unknownPerson');
    const again = readActivities(log, customers, [contact], { sheet: '行動' });
    expect(again.activities[0]?.contactIds).toEqual(['P1']);
  });
});

describe('what people write in a real log', () => {
  const customers = readCustomers(
    [
      ['顧客ID', '顧客名', '営業担当'],
      ['C001', '株式会社 山田製作所', '佐藤'],
      ['C002', '(株)鈴木商事', '高橋'],
      ['C003', '鈴木商事 大阪支店', '高橋'],
    ],
    { sheet: '顧客' },
  ).customers;

  it('takes the customer from the name column when the ID was left blank, and says which rows it cannot', () => {
    const { activities, issues } = readActivities(
      [
        ['日付', '顧客ID', '顧客名', '種別'],
        ['2026/11/02', 'C001', '株式会社 山田製作所', '訪問'],
        ['2026/11/03', '', '山田製作所', '訪問'], // ID left blank, name without 株式会社
        ['2026/11/04', '', '㈱鈴木商事', '電話'], // ㈱ and no space: still one customer
        ['2026/11/05', '', '', '電話'], // neither
        ['2026/11/06', '', '新規見込み株式会社', '訪問'], // a prospect
        ['2026/11/07', 'P-9', '', '訪問'], // another prospect, by an ID nobody listed
        ['2026/11/08', 'P-9', '', 'TEL'],
        ['2026/11/09', 'p－９', '', '訪問'], // the same ID typed in full width
        ['', 'C002', '', '訪問'], // no date
      ],
      customers,
      [],
      { sheet: '活動履歴' },
    );
    expect(activities.map((a) => [a.row, a.customerId])).toEqual([
      [2, 'C001'],
      [3, 'C001'],
      [4, 'C002'],
    ]);
    const byRow = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    expect(byRow.map((i) => [i.row, i.column, i.key, i.severity, i.value, i.count ?? 1])).toEqual([
      [5, 'B', 'tables.customerOrNameRequired', 'error', undefined, 1],
      [6, 'C', 'tables.unknownCustomer', 'error', '新規見込み株式会社', 1],
      // One line for P-9, with its row count, not one per row.
      [7, 'B', 'tables.unknownCustomerRows', 'error', 'P-9', 3],
      [10, 'A', 'tables.requiredValue', 'error', undefined, 1],
    ]);
    const p9 = byRow[2]!;
    expect(formatIssue('ja', p9)).toBe(
      '「活動履歴」シート 7行目 B列「顧客ID」: 顧客「P-9」が顧客一覧に見つかりません（この行を含め3行）。これらの行は読み飛ばします。見込み客なら顧客一覧に加え、書き間違いなら顧客一覧どおりのIDか社名に直してください。',
    );
  });

  it('never guesses between two customers whose names fold alike', () => {
    const two = readCustomers(
      [
        ['顧客ID', '顧客名'],
        ['C1', '株式会社 青葉'],
        ['C2', '青葉(株)'],
      ],
      { sheet: '顧客' },
    ).customers;
    const { activities, issues } = readActivities(
      [
        ['日付', '顧客ID', '顧客名', '種別'],
        ['2026/11/02', '', '青葉', '訪問'],
      ],
      two,
      [],
      { sheet: '行動' },
    );
    expect(activities).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.key])).toEqual([[2, 'C', 'tables.ambiguousCustomer']]);
  });

  it('finds a repeated contact ID far from its first row, in a list sorted by ID and after the order breaks', () => {
    const { contacts, issues } = readContacts(
      [
        ['連絡先ID', '顧客ID', '氏名', '役割'],
        ['K1', 'C001', '山田 一郎', 'キーマン'],
        ['K2', 'C001', '田中 二郎', '担当者'],
        ['K5', 'C002', '鈴木 花子', '担当者'],
        ['K1', 'C002', '高橋 誠', '担当者'], // K1 again, three rows on
        ['K3', 'C002', '伊藤 恵', '担当者'], // below K5: the order breaks here
        ['K5', 'C001', '佐藤 三郎', '担当者'], // K5 again
        ['K4', 'C001', '渡辺 四郎', '担当者'],
      ],
      customers,
      { sheet: 'キーマン' },
    );
    expect(contacts.map((c) => c.id)).toEqual(['K1', 'K2', 'K5', 'K3', 'K4']);
    expect(issues.map((i) => [i.row, i.key])).toEqual([
      [5, 'tables.duplicateContactId'],
      [7, 'tables.duplicateContactId'],
    ]);
  });

  it('counts a contact written twice once, with a warning; one ID on two people leaves the second out', () => {
    const { contacts, issues } = readContacts(
      [
        ['連絡先ID', '顧客ID', '氏名', '役割'],
        ['', 'C001', '山田 一郎', 'キーマン'],
        ['', 'C001', '山田 一郎', 'キーマン'],
        ['K7', 'C002', '鈴木 花子', '担当者'],
        ['K7', 'C002', '鈴木 次郎', '担当者'],
        ['', '', '佐藤 三郎', '担当者'],
      ],
      customers,
      { sheet: 'キーマン' },
    );
    expect(contacts.map((c) => [c.row, c.name])).toEqual([
      [2, '山田 一郎'],
      [4, '鈴木 花子'],
    ]);
    expect(issues.map((i) => [i.row, i.key, i.severity])).toEqual([
      [3, 'tables.repeatedContact', 'warning'],
      [5, 'tables.duplicateContactId', 'error'],
      [6, 'tables.customerRequired', 'error'],
    ]);
  });
});

describe('error values in cells (a formula gone #N/A, as Sheets hands it over)', () => {
  const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
  const { contacts } = readContacts(contactGrid, customers, { sheet: '連絡先' });

  it('a required cell: the row is left out and listed; an optional cell: read as blank, warned', () => {
    const grid = activityGrid.map((r) => [...r]);
    (grid[1] as CellValue[])[0] = '#N/A'; // 日付 of row 2
    (grid[2] as CellValue[])[6] = '#REF!'; // 次回期日 of row 3
    (grid[3] as CellValue[])[4] = '#Zoom商談'; // 内容 of row 4: text a person typed, not an error
    const { activities, issues } = readActivities(grid, customers, contacts, { sheet: '行動' });
    expect(activities.map((a) => a.row)).not.toContain(2);
    expect(activities.find((a) => a.row === 3)?.nextDue).toBeNull();
    expect(activities.find((a) => a.row === 4)?.content).toBe('#Zoom商談');
    expect(issues.filter((i) => i.key.startsWith('values.errorCell')).map(where)).toEqual([
      '2A values.errorCell error',
      '3G values.errorCellBlank warning',
    ]);
    expect(formatIssue('ja', issues.find((i) => i.row === 2) as Issue)).toContain('エラー値 #N/A');
  });

  it('a customer ID that is #N/A beside a typed customer name is read by the name', () => {
    const grid: CellValue[][] = [
      ['日付', '顧客ID', '顧客名', '種別'],
      ['2026/12/1', '#N/A', '鈴木商事', '訪問'],
    ];
    const { activities, issues } = readActivities(grid, customers, contacts, { sheet: '行動' });
    expect(activities.map((a) => a.customerId)).toEqual(['C002']);
    expect(issues.map(where)).toEqual(['2B values.errorCellBlank warning']);
  });
});

describe('a custom function reading the log (free text unread: plain rows are taken whole from the grid)', () => {
  // Every mix of the cells a real log holds, so plain rows and rows the column loop must read
  // alternate in every order: the log and the issues must be exactly those of the full read.
  const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
  const { contacts } = readContacts(contactGrid, customers, { sheet: '連絡先' });
  const pools: CellValue[][] = [
    [
      46355,
      46356.75,
      '2026/12/1',
      new Date(2026, 11, 2),
      new Date(NaN),
      '#N/A',
      '',
      5,
      '令和8年12月3日',
      '小計',
    ],
    ['C001', 'C002', 'Ｃ００１', ' C001', '山田製作所', '', '#REF!', 'C999', 1001, '合計', null],
    ['田中部長、鈴木様', '山本 健', '山本専務', '田中', '山田様', '', null, '#N/A', ' 山本 健', '山本\n伊藤'],
    ['訪問', 'TEL', '', null, '飲み会', 'ｍｅｅｔ', '#N/A'],
    ['定例', '', null],
    ['見積提出', '', null, 'デモ ', '#VALUE!', 'ﾃﾞﾓ'],
    [46360, '', null, new Date(2026, 11, 20), 'いつか', '#N/A'],
    ['佐藤', '高橋', '', null, ' 佐藤', '#N/A'],
    [46357, '', new Date(2026, 11, 4, 15, 30), '2026/12/5', '#DIV/0!'],
    ['メモ', '', '#N/A', new Date(2026, 0, 1), 12],
  ];
  const header = [
    '日付',
    '顧客ID',
    '面談者',
    '種別',
    '内容',
    '次回アクション',
    '次回期日',
    '担当',
    '記録日時',
    '備考',
  ];
  let seed = 7;
  const random = (n: number) => {
    // xorshift32: every bit varies (an LCG's low bits repeat with a short period).
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  // Plain values (the first two of each pool) most of the time, as in a real log.
  const pick = (pool: CellValue[]) => pool[random(10) < 7 ? random(2) : random(pool.length)]!;
  const grid: CellValue[][] = [header];
  for (let r = 0; r < 3000; r++) grid.push(pools.map(pick));
  // A blank row and notes under the table, then more rows: rows after a blank one are scanned.
  grid.push([], ['※ 12月分は未集計'], ...grid.slice(1, 200));
  const columns = (unread?: ReadonlySet<string>, g: CellValue[][] = grid) => {
    const read = readActivities(g, customers, contacts, { sheet: '行動' }, unread);
    return {
      activities: read.activities.map(({ content: _c, purpose: _p, key: _k, ...a }) => a),
      issues: read.issues.map(where),
      keyMet: Array.from(read.log.keyMet.subarray(0, read.log.length)),
      dataRows: read.table.dataRows,
      notData: read.table.notData,
    };
  };

  it('marks the rows that met a key person as the index works it out from the activities', () => {
    const { keyMet } = columns(new Set(['purpose', 'content', 'key']));
    const { activities } = readActivities(grid, customers, contacts, { sheet: '行動' });
    const fromObjects = indexDataset(datasetOf(customers, contacts, ActivityLog.of(activities)));
    expect(keyMet).toEqual(Array.from(fromObjects.keyMet.subarray(0, activities.length)));
    expect(keyMet.filter((k) => k === 1).length).toBeGreaterThan(100);
  });

  it('reads the same rows, values and issues as the full read', () => {
    const full = columns(new Set(['purpose']));
    const fast = columns(new Set(['purpose', 'content', 'key']));
    expect(fast.activities.length).toBeGreaterThan(1000);
    expect(fast.issues.length).toBeGreaterThan(1000);
    expect(fast).toEqual(full);
  });

  it('lists the same totals and notes, whichever column comes first', () => {
    const fast = columns(new Set(['purpose', 'content', 'key']));
    expect(fast.notData.filter((n) => n.reason === 'total').length).toBeGreaterThan(50);
    expect(fast.notData.some((n) => n.reason === 'note')).toBe(true);
    // A numbering column first, with 合計 in it: the total is its first cell.
    const numbered = grid.map((line, r) => [r === 0 ? 'No.' : r % 97 === 0 ? '合計' : r, ...line]);
    const full = columns(new Set(['purpose']), numbered);
    expect(columns(new Set(['purpose', 'content', 'key']), numbered)).toEqual(full);
    expect(full.notData.filter((n) => n.reason === 'total').length).toBeGreaterThan(80);
  });

  it('types and reps too, when a function reads them', () => {
    const full = columns(new Set(['purpose', 'type', 'rep']));
    const fast = columns(new Set(['purpose', 'content', 'key', 'type', 'rep']));
    expect(fast).toEqual({ ...full });
    expect(columns(new Set(['purpose', 'content', 'key']))).toEqual(columns(new Set(['purpose'])));
  });

  it("a log sorted by customer: one text names each customer's own person, row after row", () => {
    // Both customers have a 田中 太郎 — a key person at C1, not at C2 — and the rows of each
    // customer repeat their cells, then come back to C1; every cell a string of its own.
    const own = (s: string) => Array.from(s).join('');
    const { customers: cs } = readCustomers(
      [
        ['顧客ID', '会社名'],
        ['C1', '一社'],
        ['C2', '二社'],
      ],
      { sheet: '顧客' },
    );
    const { contacts: ks } = readContacts(
      [
        ['顧客ID', '氏名', '役割'],
        ['C1', '田中 太郎', 'キーマン'],
        ['C2', '田中 太郎', '担当者'],
        ['C2', '山本 健', 'キーマン'],
      ],
      cs,
      { sheet: '連絡先' },
    );
    const rows: [string, string, string[], number][] = [
      ['C1', '田中 太郎', ['C1 田中 太郎'], 1],
      ['C1', '田中 太郎', ['C1 田中 太郎'], 1],
      ['C1', '', [], 0],
      ['C1', '田中 太郎', ['C1 田中 太郎'], 1],
      ['C2', '田中 太郎', ['C2 田中 太郎'], 0],
      ['C2', '田中 太郎', ['C2 田中 太郎'], 0],
      ['C2', '山本 健', ['C2 山本 健'], 1],
      ['C2', '田中 太郎', ['C2 田中 太郎'], 0],
      ['C2', '', [], 0],
      ['C1', '田中 太郎', ['C1 田中 太郎'], 1],
      ['C2', '山本 健', ['C2 山本 健'], 1],
    ];
    const g: CellValue[][] = [
      ['日付', '顧客ID', '面談者', '種別'],
      ...rows.map(([id, people], r) => [46355 + r, own(id), people === '' ? '' : own(people), own('訪問')]),
    ];
    const read = readActivities(g, cs, ks, { sheet: '行動' }, new Set(['purpose', 'content', 'key']));
    const who = new Map(ks.map((k) => [k.id, `${k.customerId} ${k.name}`]));
    expect(read.issues).toEqual([]);
    expect(read.activities.map((a) => [a.customerId, a.contactIds.map((id) => who.get(id))])).toEqual(
      rows.map(([id, , met]) => [id, met]),
    );
    expect(Array.from(read.log.keyMet.subarray(0, read.log.length))).toEqual(rows.map((r) => r[3]));
  });

  it('a column of more distinct texts than a few: each row keeps its own, every time it repeats', () => {
    // Twelve next actions of one length that differ in their last character only, ten reps, and
    // type spellings with their synonyms, cycling at different periods; every cell a string of
    // its own, as a host hands them over.
    const own = (s: string) => Array.from(s).join('');
    const nexts = [...'ABCDEFGHIJKL'].map((c) => `見積提出${c}`);
    const reps = ['一郎', '二郎', '三郎', '四郎', '五郎', '六郎', '七郎', '八郎', '九郎', '十郎'].map(
      (n) => `営業${n}`,
    );
    const types: [string, string][] = [
      ['訪問', 'visit'],
      ['TEL', 'call'],
      ['来社', 'visit'],
      ['電話', 'call'],
      ['メール', 'email'],
      ['訪問', 'visit'],
      ['ﾒｰﾙ', 'email'],
      ['電話', 'call'],
      ['TEL', 'call'],
      ['訪問', 'visit'],
    ];
    const rows = Array.from({ length: 600 }, (_, r) => ({
      next: nexts[(r * 5) % 12]!,
      rep: reps[(r * 3) % 10]!,
      type: types[(r * 7) % 10]!,
    }));
    const g: CellValue[][] = [
      header,
      ...rows.map((x, r) => [
        46355 + (r % 30),
        own('C001'),
        '',
        own(x.type[0]),
        '',
        own(x.next),
        '',
        own(x.rep),
        '',
        '',
      ]),
    ];
    const fast = columns(new Set(['purpose', 'content', 'key']), g);
    expect(fast.issues).toEqual([]);
    expect(fast.activities.map((a) => [a.nextAction, a.rep, a.type])).toEqual(
      rows.map((x) => [x.next, x.rep, x.type[1]]),
    );
    expect(fast).toEqual(columns(new Set(['purpose']), g));
  });
});

describe('a customer whose people cells are many different texts', () => {
  // A customer's cache keeps a few matches by number and the rest by text: past that many, a cell
  // must read the same whether its match was kept one way or the other, in this read or the next.
  const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
  const { contacts } = readContacts(contactGrid, customers, { sheet: '連絡先' });
  const expected: Record<string, string[]> = {
    田中部長: ['田中 太郎'],
    田中課長: ['田中 次郎'],
    鈴木: ['鈴木 花子'],
    佐藤: ['佐藤 一郎'],
    鈴木様: ['鈴木 花子'],
    佐藤社長: ['佐藤 一郎'],
    '田中 太郎': ['田中 太郎'],
    '田中 次郎': ['田中 次郎'],
    '田中部長、鈴木': ['田中 太郎', '鈴木 花子'],
    '鈴木、佐藤': ['鈴木 花子', '佐藤 一郎'],
    '佐藤、田中課長': ['佐藤 一郎', '田中 次郎'],
    'タナカ タロウ': ['田中 太郎'],
    '鈴木 花子': ['鈴木 花子'],
    'サトウ イチロウ': ['佐藤 一郎'],
  };
  const texts = Object.keys(expected);
  const grid: CellValue[][] = [['日付', '顧客ID', '面談者', '種別']];
  for (let round = 0; round < 3; round++)
    texts.forEach((text, i) => {
      grid.push([46300 + round * 20 + i, 'C001', text, '訪問']);
      // Another customer's row between, and now and then a cell only the column loop reads.
      grid.push([46300 + round * 20 + i, 'C002', i % 4 === 0 ? ' 山本 健' : '山本 健', '電話']);
    });
  const nameOf = new Map(contacts.map((c) => [c.id, c.name]));
  const read = (unread: ReadonlySet<string>) => {
    const r = readActivities(grid, customers, contacts, { sheet: '行動' }, unread);
    return {
      people: r.activities.map((a) => [
        a.customerId,
        a.contactText,
        a.contactIds.map((id) => nameOf.get(id)),
      ]),
      keyMet: Array.from(r.log.keyMet.subarray(0, r.log.length)),
      issues: r.issues.map(where),
    };
  };
  const fastUnread = new Set(['purpose', 'content', 'key']);

  it('reads every cell as written, the first time and every time after', () => {
    const first = read(fastUnread);
    expect(first.issues).toEqual([]);
    expect(first.people.filter(([customer]) => customer === 'C001')).toEqual(
      [0, 1, 2].flatMap(() => texts.map((t) => ['C001', t, expected[t]])),
    );
    expect(first.people.filter(([customer]) => customer === 'C002').map(([, , names]) => names)).toEqual(
      Array(texts.length * 3).fill(['山本 健']),
    );
    // 田中 太郎 (キーマン) and 佐藤 一郎 (決裁者) are C001's key persons.
    const keyNames = new Set(['田中 太郎', '佐藤 一郎']);
    first.people.forEach(([customer, , names], i) => {
      if (customer === 'C001')
        expect([names, first.keyMet[i]]).toEqual([
          names,
          (names as string[]).some((n) => keyNames.has(n)) ? 1 : 0,
        ]);
    });
    expect(read(fastUnread)).toEqual(first);
    expect(read(new Set(['purpose']))).toEqual(first);
  });
});

describe('customer IDs typed as numbers (1001, as a sheet keeps a number typed in a cell)', () => {
  // The log's rows a function takes whole from the grid must name the same customers, and raise
  // the same issues, as the column loop, which reads a number cell as its text ("1001").
  const customerSheet: CellValue[][] = [
    ['顧客ID', '顧客名'],
    [1001, '山田製作所'],
    [1002, '鈴木商事'],
    ['1003', '田中工業'], // typed as text
    [1010, '高橋物産'],
    ['K-7', '伊藤商店'],
  ];
  const { customers } = readCustomers(customerSheet, { sheet: '顧客' });
  const { contacts } = readContacts(
    [
      ['顧客ID', '氏名', '役割'],
      [1001, '山田 一郎', 'キーマン'],
      ['1002', '鈴木 二郎', '担当者'],
      [1003, '田中 三郎', 'キーマン'],
    ],
    customers,
    { sheet: '連絡先' },
  );
  // Each cell as typed → the customer the row is read for (null: left out with an issue).
  const expected: [CellValue, string | null][] = [
    [1001, '1001'],
    [1002, '1002'],
    [1003, '1003'],
    ['1001', '1001'],
    [1010, '1010'],
    [1001.0, '1001'],
    ['Ｋ－７', 'K-7'],
    ['K-7', 'K-7'],
    [1004, null],
    [1001.5, null],
    [101, null],
    [-1001, null],
    [0, null],
    [10010, null],
  ];
  const grid: CellValue[][] = [['日付', '顧客ID', '面談者', '種別']];
  for (let round = 0; round < 3; round++)
    expected.forEach(([cell], i) => grid.push([46300 + i, cell, i % 3 === 0 ? '山田 一郎' : '', '訪問']));
  const read = (unread: ReadonlySet<string>) => {
    const r = readActivities(grid, customers, contacts, { sheet: '行動' }, unread);
    return {
      customers: r.activities.map((a) => [a.row, a.customerId, a.contactIds]),
      keyMet: Array.from(r.log.keyMet.subarray(0, r.log.length)),
      issues: r.issues.map(where),
    };
  };

  it('names the customer whose ID is the number as written, and no other', () => {
    const fast = read(new Set(['purpose', 'content', 'key']));
    const rows = [0, 1, 2].flatMap((round) =>
      expected.map(([, id], i) => [2 + round * expected.length + i, id] as const),
    );
    expect(fast.customers.map(([row, id]) => [row, id])).toEqual(rows.filter(([, id]) => id !== null));
    // 山田 一郎 is a contact of 1001 only (written beside 1001 and '1001'): elsewhere an unknown person.
    expect(fast.customers.filter(([, , ids]) => (ids as string[]).length > 0).map(([, id]) => id)).toEqual(
      Array(6).fill('1001'),
    );
    expect(fast.issues.filter((i) => i.includes('unknownCustomer')).length).toBe(6);
    expect(fast).toEqual(read(new Set(['purpose'])));
  });

  it('a number is not an ID written with leading zeros (101 is not 0101)', () => {
    const { customers: padded } = readCustomers(
      [
        ['顧客ID', '顧客名'],
        ['0101', '山田製作所'],
        ['0102', '鈴木商事'],
        ['0103', '田中工業'],
      ],
      { sheet: '顧客' },
    );
    const log: CellValue[][] = [
      ['日付', '顧客ID', '種別'],
      [46300, 101, '訪問'],
      [46301, '0102', '訪問'],
      [46302, 102, '訪問'],
    ];
    const both = [new Set(['purpose', 'content', 'key']), new Set(['purpose'])].map((unread) => {
      const r = readActivities(log, padded, [], { sheet: '行動' }, unread);
      return { ids: r.activities.map((a) => a.customerId), issues: r.issues.map(where) };
    });
    expect(both[0]).toEqual({
      ids: ['0102'],
      issues: ['2B tables.unknownCustomer error', '4B tables.unknownCustomer error'],
    });
    expect(both[1]).toEqual(both[0]);
  });
});
