import { SubmitKeys } from '../../ui/src/key';
import { indexCustomers, searchCustomers } from '../../ui/src/search';
import { parseCount } from '../../ui/src/numbers';
import { readTypedDate, showDate } from '../../ui/src/dates';
import { isoToDay, shiftIsoDate, validateLogForm } from '../../ui/src/validate';
import type { ActivityInput } from '../../shared/engines/activity';

/** The sidebar's pure parts, without a browser: search, form checks, number entry. */

const customers = [
  { id: 'C001', name: '株式会社山田製作所', kana: 'ヤマダセイサクショ', rep: '佐藤' },
  { id: 'C002', name: '(株)鈴木商事', kana: 'スズキショウジ', rep: '高橋' },
  { id: 'C010', name: '鈴木工業', kana: 'ｽｽﾞｷｺｳｷﾞｮｳ', rep: '' },
  { id: 'C100', name: 'ABC Trading', kana: '', rep: '' },
];
const index = indexCustomers(customers);
const names = (q: string) => searchCustomers(index, q).matches.map((c) => c.name);

describe('customer search', () => {
  it('matches hiragana, half-width kana and kanji alike', () => {
    expect(names('すずき')).toEqual(['(株)鈴木商事', '鈴木工業']); // ｽｽﾞｷ folds to スズキ too
    expect(names('しょうじ')).toEqual(['(株)鈴木商事']);
    expect(names('スズキ　ショウジ')).toEqual(['(株)鈴木商事']);
    expect(names('鈴木')).toEqual(['鈴木工業', '(株)鈴木商事']); // name starts with it, then contains it
    expect(names('やまだ')).toEqual(['株式会社山田製作所']);
  });

  it('puts an exact ID first, then IDs starting with the query; case and width do not matter', () => {
    expect(names('c010')).toEqual(['鈴木工業']);
    expect(names('Ｃ０')).toEqual(['株式会社山田製作所', '(株)鈴木商事', '鈴木工業']);
    expect(names('c1')).toEqual(['ABC Trading']);
    expect(names('01')).toEqual(['株式会社山田製作所', '鈴木工業']); // contained, in sheet order
    expect(names('abc trad')).toEqual(['ABC Trading']);
  });

  it('finds nothing for blank or unknown text, and counts what it leaves out', () => {
    expect(names('  ')).toEqual([]);
    expect(names('佐藤')).toEqual([]); // reps are not searched: the list would be every customer of theirs
    const many = indexCustomers(
      Array.from({ length: 50 }, (_, i) => ({ id: `X${i}`, name: `テスト${i}`, kana: '', rep: '' })),
    );
    expect(searchCustomers(many, 'てすと', 30)).toMatchObject({ total: 50 });
    expect(searchCustomers(many, 'てすと', 30).matches).toHaveLength(30);
  });
});

function form(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    date: '2026-11-29',
    customerId: 'C002',
    contactIds: [],
    type: 'visit',
    purpose: '',
    content: '在庫確認',
    nextAction: '',
    nextDue: '',
    rep: '',
    key: 'k',
    ...over,
  };
}

describe('log form checks', () => {
  const fields = (input: ActivityInput, lang: 'ja' | 'en' = 'ja') =>
    validateLogForm(input, '2026-11-29', lang).map((i) => `${i.field}: ${i.message}`);

  it('accepts a complete form, a purpose alone, and yesterday-or-tomorrow dates', () => {
    expect(fields(form())).toEqual([]);
    expect(fields(form({ content: '', purpose: '定例' }))).toEqual([]);
    expect(fields(form({ date: '2026-11-30' }))).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    expect(fields(form({ customerId: '', content: '  ', date: '', type: '' }))).toEqual([
      'customerId: 顧客を選んでください',
      'date: 日付を入力してください',
      'type: 種別を選んでください',
      'content: 目的か内容のどちらかを入力してください',
    ]);
    expect(fields(form({ date: '2026-12-05' }))).toEqual(['date: 日付が未来の日付です']);
    expect(fields(form({ date: '2026-02-30' }))).toEqual([
      'date: 日付は日付（例: 2026/11/29）で入力してください',
    ]);
    expect(fields(form({ date: '2026-11-20', nextDue: '2026-11-19' }))).toEqual([
      'nextDue: 次回期日が日付より前です',
    ]);
    expect(fields(form({ content: '' }), 'en')).toEqual(['content: Enter a purpose or the content']);
  });

  it('reads ISO dates strictly', () => {
    expect(isoToDay('1970-01-02')).toBe(1);
    expect(isoToDay('2026-02-29')).toBeNull();
    expect(isoToDay('2026/11/29')).toBeNull();
  });
});

describe('threshold entry', () => {
  it('reads full-width digits, units and separators, keeps blank as unset, refuses the rest', () => {
    expect(parseCount('６０')).toBe(60);
    expect(parseCount('45日')).toBe(45);
    expect(parseCount(' 1,200 ')).toBe(1200);
    expect(parseCount('0.5')).toBe(0.5);
    expect(parseCount('')).toBeNull();
    expect(parseCount('　')).toBeNull();
    expect(parseCount('-1')).toBeUndefined();
    expect(parseCount('abc')).toBeUndefined();
    expect(parseCount('=1+1')).toBeUndefined();
  });
});

describe('the default date of a sidebar left open', () => {
  it('moves on by whole days, across month and year ends', () => {
    expect(shiftIsoDate('2026-11-29', 0)).toBe('2026-11-29');
    expect(shiftIsoDate('2026-11-30', 1)).toBe('2026-12-01');
    expect(shiftIsoDate('2026-12-31', 2)).toBe('2027-01-02');
  });
});

describe('submit keys', () => {
  const counter = () => {
    let n = 0;
    return new SubmitKeys(() => `k${++n}`);
  };

  it('keeps the key of a failed submit for a retry of the same activity', () => {
    const keys = counter();
    expect(keys.keyFor('{"content":"A"}')).toBe('k1');
    expect(keys.keyFor('{"content":"A"}')).toBe('k1'); // the call failed: sent again, written once
  });

  it('gives a different activity a new key after a failed submit, so it is not refused as 二重送信', () => {
    const keys = counter();
    expect(keys.keyFor('{"content":"A"}')).toBe('k1');
    expect(keys.keyFor('{"content":"B"}')).toBe('k2');
  });

  it('gives the next activity a new key once a submit landed, even with the same contents', () => {
    const keys = counter();
    expect(keys.keyFor('{"content":"A"}')).toBe('k1');
    keys.landed();
    expect(keys.keyFor('{"content":"A"}')).toBe('k2');
  });
});

describe('dates typed in the pane', () => {
  const TODAY = '2026-11-29';
  it('shows a date as the language writes it', () => {
    expect(showDate('2026-11-29', 'ja')).toBe('2026/11/29');
    expect(showDate('2026-11-29', 'en')).toBe('2026-11-29');
  });

  it('reads what people type: slashes, dashes, eras, kanji, full-width digits', () => {
    for (const typed of [
      '2026/11/29',
      '2026-11-29',
      'R8.11.29',
      '令和8年11月29日',
      '２０２６／１１／２９',
      '2026年11月29日(日)',
    ])
      expect([typed, readTypedDate(typed, 'ja', TODAY)]).toEqual([typed, '2026-11-29']);
    expect(readTypedDate('  ', 'ja', TODAY)).toBe('');
  });

  it('reads month/day as this year in Japanese only, where it cannot be day/month', () => {
    expect(readTypedDate('11/29', 'ja', TODAY)).toBe('2026-11-29');
    expect(readTypedDate('１月５日', 'ja', TODAY)).toBe('2026-01-05');
    expect(readTypedDate('11/29', 'en', TODAY)).toBeNull();
  });

  it('refuses what is not a date rather than guessing', () => {
    for (const typed of ['2026/02/30', '03/04/2026', 'あした', '13/1'])
      expect([typed, readTypedDate(typed, 'ja', TODAY)]).toEqual([typed, null]);
  });
});
