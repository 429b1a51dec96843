import { formatIssue, KimeruError } from '../../../shared/issues';
import {
  ACTIVITY_TABLE,
  CONTACT_TABLE,
  CUSTOMER_TABLE,
  columnIndex,
  columnLetter,
  headerLabels,
  normalizeHeader,
  readTable,
  type TableSpec,
} from '../../../shared/tables';
import { dayFromParts } from '../../../shared/values';
import { customerGrid } from './fixtures';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%d → %s and back', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
    expect(columnIndex(letter)).toBe(i);
  });
});

describe('normalizeHeader', () => {
  it('makes decorated, spaced and English headers compare equal to an alias', () => {
    const forms = [
      '【顧客ID】',
      '顧客 ID',
      '顧客ＩＤ',
      '「顧客ID」',
      '★顧客ID※',
      '顧客ID：',
      '(顧客ID)',
      '*顧客ID',
    ];
    for (const f of forms) expect(normalizeHeader(f)).toBe(normalizeHeader('顧客ID'));
    expect(normalizeHeader('Customer ID')).toBe(normalizeHeader('customer_id'));
    expect(normalizeHeader('CUSTOMER-ID')).toBe('customerid');
  });
});

describe('table specs', () => {
  it.each([CUSTOMER_TABLE, CONTACT_TABLE, ACTIVITY_TABLE])(
    'no alias means two columns of one table',
    (spec) => {
      const owner = new Map<string, string>();
      for (const c of spec.columns)
        for (const a of [...c.aliases, ...(c.labels ? [c.labels.ja, c.labels.en] : [])]) {
          const n = normalizeHeader(a);
          expect([n, owner.get(n) ?? c.key]).toEqual([n, c.key]);
          owner.set(n, c.key);
        }
    },
  );

  it('gives canonical headers in both languages', () => {
    expect(headerLabels(CUSTOMER_TABLE, 'ja')).toEqual(['顧客ID', '顧客名', 'フリガナ', '営業担当']);
    expect(headerLabels(CUSTOMER_TABLE, 'en')).toEqual(['Customer ID', 'Customer name', 'Kana', 'Rep']);
    expect(headerLabels(ACTIVITY_TABLE, 'ja').slice(0, 4)).toEqual(['日付', '顧客ID', '面談者', '種別']);
  });
});

describe('readTable', () => {
  const read = () => readTable(customerGrid, CUSTOMER_TABLE, { sheet: '顧客', firstRow: 1 });

  it('finds the header below title rows and skips blank rows', () => {
    const t = read();
    expect(t.headerRow).toBe(4);
    expect(t.columns).toEqual({ id: 0, name: 1, kana: 2, rep: 3 });
    expect(t.headers[0]).toBe('【顧客ID】');
    expect(t.extra).toEqual([
      { index: 4, header: '年間取引額' },
      { index: 5, header: '業種' },
      { index: 6, header: '契約開始日' },
    ]);
    expect(t.rows.map((r) => r.row)).toEqual([5, 7, 8, 9, 10]);
  });

  it('normalises cells and reads the other columns as attributes', () => {
    const [first, second] = read().rows;
    expect(first?.cells).toEqual({
      id: 'C001',
      name: '株式会社 山田製作所',
      kana: 'ヤマダセイサクショ',
      rep: '佐藤',
    });
    expect(first?.extra).toEqual({ 年間取引額: 12000000, 業種: '製造業', 契約開始日: '令和8年4月1日' });
    expect(second?.extra['契約開始日']).toBe('2025-04-01');
  });

  it('reports a blank required cell with sheet, row, column letter and header', () => {
    const t = read();
    const row9 = t.rows.find((r) => r.row === 9);
    expect(row9?.invalid).toEqual(['name']);
    expect(t.issues).toEqual([
      {
        key: 'tables.requiredValue',
        sheet: '顧客',
        row: 9,
        column: 'B',
        header: '会社名',
        severity: 'error',
      },
    ]);
  });

  it('places issues where the grid sits in the sheet', () => {
    const spec: TableSpec = {
      sheetKey: 'tables.customers',
      columns: [
        { key: 'name', aliases: ['顧客名'], kind: 'text', required: true },
        { key: 'sales', aliases: ['売上'], kind: 'number', required: false },
        { key: 'since', aliases: ['取引開始日'], kind: 'date', required: false },
        { key: 'active', aliases: ['取引中'], kind: 'boolean', required: false },
      ],
    };
    const grid = [
      ['顧客名', '売上', '取引開始日', '取引中'],
      ['山田製作所', '１，２００', '令和8年11月29日', '○'],
      ['鈴木商事', '未定', '2026/2/30', 'たぶん'],
    ];
    const t = readTable(grid, spec, { sheet: '売上表', firstRow: 3, firstColumn: 3 });
    expect(t.headerRow).toBe(3);
    expect(t.rows[0]?.cells).toEqual({
      name: '山田製作所',
      sales: 1200,
      since: dayFromParts(2026, 11, 29),
      active: true,
    });
    expect(t.rows[1]?.cells).toEqual({ name: '鈴木商事', sales: null, since: null, active: null });
    expect(t.rows[1]?.invalid).toEqual(['sales', 'since', 'active']);
    expect(t.issues.map((i) => [i.key, i.row, i.column, i.header])).toEqual([
      ['values.notANumber', 5, 'D', '売上'],
      ['values.notADate', 5, 'E', '取引開始日'],
      ['values.notABoolean', 5, 'F', '取引中'],
    ]);
    expect(formatIssue('ja', t.issues[0]!)).toBe(
      '「売上表」シート 5行目 D列「売上」: 「未定」は数値として読めません（例: 1200、1,200万円、70%）',
    );
    expect(formatIssue('en', t.issues[0]!)).toBe(
      'Sheet "売上表", row 5, column D ("売上"): "未定" is not a number (e.g. 1200, 1,200万円, 70%)',
    );
  });

  it('reads English headers', () => {
    const t = readTable(
      [
        ['Customer ID', 'Company', 'Sales rep', 'Region'],
        ['C001', 'Yamada Co., Ltd.', 'Sato', 'Kanto'],
      ],
      CUSTOMER_TABLE,
      { sheet: 'Customers' },
    );
    expect(t.columns).toEqual({ id: 0, name: 1, rep: 2 });
    expect(t.rows[0]?.extra).toEqual({ Region: 'Kanto' });
  });

  it('prefers the more specific alias, and warns about a repeated header', () => {
    const t = readTable(
      [
        ['顧客名', '連絡先ID', '顧客ID', '氏名', '氏名'],
        ['山田製作所', '', 'C001', '田中 太郎', '田中'],
      ],
      CONTACT_TABLE,
      { sheet: '連絡先' },
    );
    expect(t.columns).toMatchObject({ customer: 2, name: 3 });
    expect(t.extra.map((x) => x.header)).toEqual(['顧客名', '氏名']);
    expect(t.issues).toHaveLength(1);
    expect(formatIssue('ja', t.issues[0]!)).toBe(
      '「連絡先」シート 1行目 E列「氏名」: この列は D列「氏名」と同じ意味です。D列の値を使います。どちらかの見出しを変えるか、使わない列を消してください。',
    );
    expect(formatIssue('en', t.issues[0]!)).toBe(
      'Sheet "連絡先", row 1, column E ("氏名"): This column means the same as column D ("氏名"); the values of column D are used. Rename one of the headers, or delete the column you do not use.',
    );
  });

  it('throws tables.missingColumn naming the column in both languages and the sheet', () => {
    let error: unknown;
    try {
      readTable(
        [
          ['顧客ID', '担当営業'],
          ['C001', '佐藤'],
        ],
        CUSTOMER_TABLE,
        { sheet: '顧客リスト' },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KimeruError);
    const issue = (error as KimeruError).issues[0]!;
    expect(issue.key).toBe('tables.missingColumn');
    expect(formatIssue('ja', issue)).toMatch(
      /^「顧客リスト」シート 1行目: 顧客に必須の列「顧客名」がありません（使える見出し: 顧客名, 会社名/,
    );
    expect(formatIssue('en', issue)).toMatch(
      /^Sheet "顧客リスト", row 1: The Customers table has no "Customer name" column/,
    );
  });

  it('throws tables.noHeader for a sheet without any known header', () => {
    expect(() => readTable([['メモ'], ['あいうえお']], CUSTOMER_TABLE, { sheet: 'Sheet1' })).toThrow(
      /No header row found in the Customers table/,
    );
    expect(() => readTable([], CUSTOMER_TABLE, { sheet: 'Sheet1' })).toThrow(KimeruError);
  });

  it('finds the header only within the first 20 rows', () => {
    const grid = [...Array.from({ length: 20 }, () => ['']), ['顧客名'], ['山田製作所']];
    expect(() => readTable(grid, CUSTOMER_TABLE, { sheet: '顧客' })).toThrow(KimeruError);
    expect(readTable(grid.slice(1), CUSTOMER_TABLE, { sheet: '顧客' }).headerRow).toBe(20);
  });
});
