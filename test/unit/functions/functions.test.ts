import { callFunction, excelName, findFunction, FUNCTIONS, sheetsName } from '../../../shared/functions';
import { starterDefinition, writeDefinition } from '../../../shared/definition';
import type { CellValue } from '../../../shared/values';
import { activities, AS_OF_SERIAL, contacts, customers, definition } from './workbook';

/** Calls a function as a host would, by name with positional raw arguments. */
function call(name: string, ...args: unknown[]): CellValue[][] {
  const def = findFunction(name);
  if (!def) throw new Error(`no function ${name}`);
  const result = callFunction(def, args);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function callError(name: string, ...args: unknown[]): string {
  const result = callFunction(findFunction(name)!, args);
  if (result.ok) throw new Error('expected an error value');
  return result.message;
}

describe('the function table', () => {
  it('names every function for both hosts, never like a built-in nor ending in _', () => {
    expect(FUNCTIONS.map(excelName)).toEqual([
      'KIMERU.RANK',
      'KIMERU.GAPCHECK',
      'KIMERU.LASTCONTACT',
      'KIMERU.KEYPERSON',
      'KIMERU.REVIEW',
      'KIMERU.ISSUES',
      'KIMERU.RANKAT',
      'KIMERU.ACTIONS',
      'KIMERU.COVERAGE',
      'KIMERU.DASHBOARD',
    ]);
    for (const f of FUNCTIONS) {
      expect(sheetsName(f)).toMatch(/^KIMERU_[A-Z]+$/);
      expect(f.help.ja).not.toBe('');
      expect(f.help.en).not.toBe('');
      for (const p of f.params) expect(p.name).toMatch(/^[a-z_]+$/);
      // Optional parameters come last, as both hosts require.
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});

describe('RANK', () => {
  it('returns one rank per customer row, aligned with the range so it can sit beside it', () => {
    const out = call('KIMERU.RANK', customers, definition);
    expect(out).toHaveLength(customers.length);
    expect(out.map((r) => r[0])).toEqual(['', '', 'ランク', 'A', 'B', '', 'A', 'C']);
  });

  it('answers in English when asked', () => {
    expect(call('KIMERU_RANK', customers, definition, 'en')[2]).toEqual(['Rank']);
  });

  it('ranks every readable customer; the header counts the rows left out and each says why', () => {
    const messy = customers.map((r) => [...r]);
    messy[6]![0] = 'C001'; // a repeated ID
    const out = call('KIMERU.RANK', messy, definition);
    expect(out.map((r) => r[0])).toEqual([
      '',
      '',
      'ランク（⚠ 読めなかった行 1件）',
      'A',
      'B',
      '',
      '⚠ 顧客ID「C001」は4行目と重複しています。この行は読み飛ばします。',
      'C',
    ]);
    const en = call('KIMERU.RANK', messy, definition, 'en');
    expect(en[2]).toEqual(['Rank (⚠ 1 row left out)']);
  });
});

describe('RANK reads the columns its ranking names, as the sheet has them', () => {
  // Rules naming an attribute under a header written with a space, and the rep; the kana and an
  // industry column with formula errors are read by no rule.
  const rules = writeDefinition(
    {
      ...starterDefinition('ja'),
      ranking: {
        kind: 'rules',
        rules: [
          { rank: 'A', conditions: [{ column: '年間取引額', op: '>=', value: 10_000_000 }] },
          { rank: 'B', conditions: [{ column: '営業担当', op: '=', value: '山田' }] },
        ],
      },
    },
    { lang: 'ja', version: 1 },
  );
  const sheet: CellValue[][] = [
    ['顧客ID', '顧客名', 'フリガナ', '営業担当', '年間 取引額', '業種', '従業員数'],
    ['C1', 'エー商事', '#N/A', '山田', 20_000_000, '#N/A', 120],
    ['C2', 'ビー工業', 'ビーコウギョウ', '山田', '500万', '製造業', '#DIV/0!'],
    ['C3', 'シー物産', '', '佐藤', '', '#REF!', ''],
    ['C4', 'ディー電機', 'ディーデンキ', '佐藤', '１，２００万', '', 45],
  ];

  it('ranks by them; errors in columns no rule reads raise nothing', () => {
    expect(call('KIMERU.RANK', sheet, rules).map((r) => r[0])).toEqual(['ランク', 'A', 'B', 'C', 'A']);
  });

  it('still lists an error in a column a rule reads', () => {
    const broken = sheet.map((r) => [...r]);
    broken[2]![3] = '#N/A'; // C2's rep
    const out = call('KIMERU.RANK', broken, rules).map((r) => r[0]);
    expect(out.slice(1)).toEqual(['A', 'C', 'C', 'A']);
    expect(out[0]).toMatch(/^ランク（⚠ /);
  });
});

describe('RANK and the definition it read last', () => {
  it('reads the definition again when one cell changes, even a cell edited in place', () => {
    const before = ['', '', 'ランク', 'A', 'B', '', 'A', 'C'];
    const after = ['', '', 'ランク', 'A', 'B', '', 'B', 'C'];
    const edited = definition.map((r) => [...r]);
    const ranks = (grid = edited) => call('KIMERU.RANK', customers, grid).map((r) => r[0]);
    const a = edited.findIndex((r) => r[0] === 'A' && r[1] === '70%');
    edited[a]![1] = '10%'; // A: only the largest customer
    expect(ranks()).toEqual(after);
    edited[a]![1] = '70%'; // the same array, edited back
    expect(ranks()).toEqual(before);
    edited[a]![1] = '10%';
    expect(ranks()).toEqual(after);
    // The same cells in new arrays, as a host hands them over on the next recalculation.
    expect(ranks(edited.map((r) => [...r]))).toEqual(after);
    expect(ranks(definition)).toEqual(before);
  });
});

describe('ISSUES', () => {
  it('lists every row left out or read with a caveat, from whichever ranges it is given', () => {
    const messy = customers.map((r) => [...r]);
    messy[6]![0] = 'C001';
    const log = activities.map((r) => [...r]);
    log[1]![1] = 'C404';
    const out = call('KIMERU.ISSUES', messy, contacts, log, definition);
    expect(out[0]).toEqual(['シート', '行', '列', '見出し', '値', '理由', '対処', '扱い']);
    const where = out.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[7]]);
    expect(where).toContainEqual(['customers', 7, 'A', 'C001', '除外']);
    expect(where).toContainEqual(['activities', 2, 'B', 'C404', '除外']);
    // Only the customer range: nothing about the log.
    const only = call('KIMERU.ISSUES', messy);
    expect(only.slice(1).map((r) => r[0])).toEqual(['customers']);
    // A clean workbook lists nothing but the header.
    expect(call('KIMERU.ISSUES', customers, contacts, activities, definition)).toHaveLength(1);
  });
});

describe('GAPCHECK', () => {
  it('reports the column’s cautionary case: a key person registered but only the person in charge met', () => {
    const out = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, AS_OF_SERIAL);
    const header = out[0]!;
    // The first eight columns keep their meaning; the ones people act on come after the version.
    expect(header).toEqual([
      '顧客ID',
      '顧客名',
      'ランク',
      '項目',
      '基準',
      '実績',
      '状態',
      '版',
      '営業担当',
      '未接触のキーマン',
      '期限',
      '超過日数',
    ]);
    const suzuki = out.filter((r) => r[0] === 'C002' && r[3] === 'キーマンとの接触');
    expect(suzuki).toHaveLength(1);
    expect(String(suzuki[0]![5])).toContain('担当者のみ接触');
    expect(suzuki[0]![7]).toBe('第3版');
  });

  it('finds a missing key person, empty attributes and an overdue next action', () => {
    const out = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, '令和8年11月29日');
    const items = out.filter((r) => r[0] === 'C003').map((r) => r[3]);
    expect(items).toEqual(
      expect.arrayContaining(['キーマンの登録', '基本属性の入力', '次回アクションの期日厳守']),
    );
    // Only gaps by default: the well-kept customer has none on key-person contact.
    expect(out.some((r) => r[0] === 'C001' && r[3] === 'キーマンとの接触')).toBe(false);
  });

  it('summarises per customer and per item', () => {
    const summary = call(
      'KIMERU.GAPCHECK',
      customers,
      contacts,
      activities,
      definition,
      AS_OF_SERIAL,
      'summary',
    );
    expect(summary[0]).toContain('ギャップ数');
    expect(summary.slice(1).map((r) => r[0])).toEqual(['C001', 'C002', 'C003', 'C004']);
    const items = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, AS_OF_SERIAL, 'items');
    const keyPerson = items.find((r) => r[0] === 'RE1');
    expect(keyPerson?.slice(2, 4)).toEqual([4, 2]); // C003 and C004 have none registered
  });

  it('keeps text that looks like a formula as text', () => {
    const out = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, AS_OF_SERIAL, 'all');
    expect(out.some((r) => r[1] === '=HYPERLINK("x")')).toBe(true);
  });

  it('measures as of the given date, not the clock', () => {
    const early = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, '2026/10/02', 'items');
    const late = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, '2027/06/01', 'items');
    const contactGaps = (t: CellValue[][]) => t.find((r) => r[0] === 'RE3')?.[3];
    expect(contactGaps(late)).toBe(4);
    expect(contactGaps(early)).not.toBe(4);
  });
});

describe('LASTCONTACT and KEYPERSON', () => {
  it('gives the last contact and the days since, beside each customer row', () => {
    const out = call('KIMERU.LASTCONTACT', customers, contacts, activities, AS_OF_SERIAL);
    expect(out[2]).toEqual(['最終接触日', '経過日数']);
    expect(out[3]).toEqual(['2026/11/20', 9]);
    expect(out[4]).toEqual(['2026/11/10', 19]);
    expect(out[7]).toEqual(['', '']);
  });

  it('counts key persons only when asked', () => {
    const out = call('KIMERU.LASTCONTACT', customers, contacts, activities, AS_OF_SERIAL, true);
    expect(out[2]?.[0]).toBe('最終キーマン接触日');
    expect(out[3]).toEqual(['2026/11/20', 9]);
    expect(out[4]).toEqual(['', '']); // 鈴木商事: only 伊藤 (担当者) was ever met
  });

  it('lists the key persons of each customer', () => {
    const out = call('KIMERU.KEYPERSON', customers, contacts);
    expect(out[3]).toEqual(['田中 太郎', 1]);
    expect(out[4]).toEqual(['山本 健', 1]);
    expect(out[6]).toEqual(['', 0]);
  });
});

describe('REVIEW', () => {
  it('puts items the reps know but do not do first', () => {
    const knows = [
      ['営業担当', '項目', '知っている'],
      ['高橋', 'キーマンとの接触', '○'],
      ['佐藤', 'RE2', 'はい'],
    ];
    const out = call('KIMERU.REVIEW', customers, contacts, activities, definition, AS_OF_SERIAL, knows);
    expect(String(out[0]!.join(' '))).toContain('営業担当');
    const headline = out.slice(1, 3);
    expect(headline.map((r) => [r[0], r[2], r[5]])).toEqual([
      ['佐藤', 'キーマンとの接触', '知っているだけ'],
      ['高橋', 'キーマンとの接触', '知っているだけ'],
    ]);
    expect(out.slice(3).every((r) => r[5] !== '知っているだけ')).toBe(true);
    expect(String(out[1]![6])).toContain('2026年度下期');
  });
});

describe('bad input', () => {
  it('leaves an unreadable row out, says so under the result, and lists it with mode "issues"', () => {
    const broken = activities.map((r) => [...r]);
    broken[3]![0] = '2026/13/45';
    const whole = call('KIMERU.GAPCHECK', customers, contacts, activities, definition, AS_OF_SERIAL);
    const out = call('KIMERU.GAPCHECK', customers, contacts, broken, definition, AS_OF_SERIAL);
    // Every gap the other rows show is still there, and one more line tells the row was left out.
    expect(out.at(-1)![0]).toBe('⚠ 読めなかった行 1件。一覧は mode "issues" で表示できます。');
    expect(out.length).toBeGreaterThanOrEqual(whole.length);
    const list = call('KIMERU.GAPCHECK', customers, contacts, broken, definition, AS_OF_SERIAL, 'issues');
    expect(list[0]).toEqual(['シート', '行', '列', '見出し', '値', '理由', '対処', '扱い']);
    expect(list[1]!.slice(0, 5)).toEqual(['activities', 4, 'A', '日付', '2026/13/45']);
    expect(list[1]![7]).toBe('除外');
    const en = call('KIMERU.GAPCHECK', customers, contacts, broken, definition, AS_OF_SERIAL, 'issues', 'en');
    expect(en[1]!.slice(0, 5)).toEqual(['activities', 4, 'A', '日付', '2026/13/45']);
    expect(en[1]![7]).toBe('left out');
  });

  it('asks for a missing as-of date and rejects one it cannot read', () => {
    expect(callError('KIMERU.GAPCHECK', customers, contacts, activities, definition, null)).toContain(
      'as_of',
    );
    expect(callError('KIMERU.GAPCHECK', customers, contacts, activities, definition, 'きのう')).toContain(
      'きのう',
    );
  });

  it('reports a customer range without a name column instead of crashing', () => {
    const msg = callError(
      'KIMERU.RANK',
      [
        ['a', 'b'],
        [1, 2],
      ],
      definition,
    );
    expect(msg).toContain('customers');
  });

  it('rejects an unknown mode with the accepted ones', () => {
    expect(
      callError('KIMERU.GAPCHECK', customers, contacts, activities, definition, AS_OF_SERIAL, 'everything'),
    ).toContain('summary');
  });
});

describe('RANKAT', () => {
  const list = [
    ['顧客ID', '顧客名'],
    ['C001', '山田製作所'],
    ['C002', '鈴木商事'],
    ['C003', '田中工業'],
  ];
  const history = [
    ['基準日', '顧客ID', '顧客名', 'ランク', '版'],
    ['2026/05/01', 'C001', '山田製作所', 'B', '第1版'],
    ['2026/05/01', 'C002', '鈴木商事', 'C', '第1版'],
    ['2026/11/01', 'C001', '山田製作所', 'A', '第2版'],
    ['2026/11/01', 'C002', '鈴木商事', '', '第2版'],
  ];
  const rankAt = FUNCTIONS.find((f) => f.name === 'RANKAT')!;
  const ranks = (asOf: string) => {
    const r = callFunction(rankAt, [list, history, asOf]);
    if (!r.ok) throw new Error(r.message);
    return r.value.map((row) => row[0]);
  };

  it('gives each customer row its rank on the date, from the history', () => {
    expect(ranks('2026/08/01')).toEqual(['2026/08/01 のランク', 'B', 'C', '']);
    // C002 left the list on 11/01; C003 was never ranked.
    expect(ranks('2026/11/29')).toEqual(['2026/11/29 のランク', 'A', '', '']);
    expect(ranks('2026/04/01').slice(1)).toEqual(['', '', '']);
  });
});
