import type { Customer } from '../../../shared/model';
import { CustomerIndex, normalizeCompanyName } from '../../../shared/tables';
import { IdNumbers, NOT_NUMBERED } from '../../../shared/tables/idNumbers';

describe('normalizeCompanyName', () => {
  it.each([
    '株式会社 山田製作所',
    '(株)山田製作所',
    '（株）山田製作所',
    '㈱山田製作所',
    '山田製作所㈱',
    '山田製作所 株式会社',
    '山田　製作所',
    '山田製作所',
  ])('%s → 山田製作所', (name) => expect(normalizeCompanyName(name)).toBe('山田製作所'));

  it.each([
    ['有限会社 佐藤商店', '佐藤商店'],
    ['(有)佐藤商店', '佐藤商店'],
    ['合同会社ABC', 'abc'],
    ['ABC Co., Ltd.', 'abc'],
    ['ABC Inc.', 'abc'],
    ['ABC Corporation', 'abc'],
    ['ＡＢＣ　ｃｏ．，ｌｔｄ．', 'abc'],
    ['Costco', 'costco'],
    ['ヤマダ・テック', 'ヤマダテック'],
    ['やまだてっく', 'ヤマダテック'],
  ])('%s → %s', (name, key) => expect(normalizeCompanyName(name)).toBe(key));

  it('does not make kanji and kana names equal', () => {
    expect(normalizeCompanyName('ヤマダ製作所')).not.toBe(normalizeCompanyName('山田製作所'));
  });
});

const customer = (id: string, name: string, kana = ''): Customer => ({
  id,
  name,
  kana,
  rep: '',
  attributes: {},
  row: 0,
});

describe('CustomerIndex', () => {
  const yamada = customer('C001', '株式会社 山田製作所', 'ヤマダセイサクショ');
  const suzukiTokyo = customer('C002', '鈴木商事株式会社', 'スズキショウジ');
  const suzukiOsaka = customer('C003', '(株)鈴木商事', 'スズキショウジ');
  const tanaka = customer('T-10', '田中工業', 'タナカコウギョウ');
  const index = new CustomerIndex([yamada, suzukiTokyo, suzukiOsaka, tanaka]);

  it('finds by id, tolerant of width and case', () => {
    expect(index.find('C001')).toEqual({ customer: yamada });
    expect(index.find('Ｃ００１')).toEqual({ customer: yamada });
    expect(index.find('c001')).toEqual({ customer: yamada });
    expect(index.find('Ｔ－１０')).toEqual({ customer: tanaka });
  });

  it('finds by company name variants', () => {
    expect(index.find('山田製作所')).toEqual({ customer: yamada });
    expect(index.find('㈱山田製作所')).toEqual({ customer: yamada });
    expect(index.find('田中工業 株式会社')).toEqual({ customer: tanaka });
  });

  it('reports ambiguity instead of picking one', () => {
    expect(index.find('鈴木商事')).toEqual({ ambiguous: [suzukiTokyo, suzukiOsaka] });
  });

  it('never matches a partial name', () => {
    expect(index.find('山田')).toBeNull();
    expect(index.find('')).toBeNull();
    expect(index.find('C00')).toBeNull();
  });

  it('searches by name, kana (hiragana = katakana) and id, prefix first', () => {
    expect(index.search('やまだ')).toEqual([yamada]);
    expect(index.search('すずき')).toEqual([suzukiTokyo, suzukiOsaka]);
    expect(index.search('商事', 1)).toEqual([suzukiTokyo]);
    expect(index.search('c00')).toEqual([yamada, suzukiTokyo, suzukiOsaka]);
    expect(index.search('C003')[0]).toBe(suzukiOsaka);
    expect(index.search('製作')).toEqual([yamada]);
    expect(index.search('存在しない')).toEqual([]);
  });
});

describe('CustomerIndex: an ID exactly as the list has it', () => {
  const list = (...ids: string[]): CustomerIndex =>
    new CustomerIndex(ids.map((id, i) => ({ ...customer(id, `会社${i}`), row: i + 2 })));
  /** Each reference → the place of the customer with exactly that ID (-1: none), as written by hand. */
  const places = (index: CustomerIndex, refs: Record<string, number>): void => {
    for (const [ref, place] of Object.entries(refs)) {
      expect([ref, index.placeOf(ref)]).toEqual([ref, place]);
      expect([ref, index.get(ref)?.id]).toEqual([ref, place < 0 ? undefined : index.customers[place]?.id]);
    }
  };

  it('zero-padded numbers: another width, prefix or case is another ID', () => {
    const index = list('C00001', 'C00002', 'C00010', 'C00003', 'C-0007', '山田製作所', 'C00002');
    places(index, {
      C00001: 0,
      C00002: 1, // the first of two rows with it
      C00010: 2,
      C00003: 3,
      'C-0007': 4,
      山田製作所: 5,
      C00004: -1,
      C00000: -1,
      C99999: -1,
      C0001: -1,
      C000001: -1,
      C1: -1,
      c00001: -1,
      D00001: -1,
      Ｃ００００１: -1,
      'C00001 ': -1,
      ' C00001': -1,
      C: -1,
      '': -1,
      '00001': -1,
      C0000A: -1,
    });
  });

  it('numbers without leading zeros, of any length', () => {
    const index = list('K-1', 'K-20', 'K-35', 'K-9', 'K-0', 'X');
    places(index, {
      'K-1': 0,
      'K-20': 1,
      'K-35': 2,
      'K-9': 3,
      'K-0': 4,
      X: 5,
      'K-01': -1,
      'K-020': -1,
      'K-00': -1,
      'K-2': -1,
      'K-3': -1,
      'K-350': -1,
      'K-': -1,
      'k-1': -1,
    });
  });

  it('plain numbers as text, IDs of mixed widths with leading zeros, and far-apart numbers', () => {
    places(list('1001', '1002', '0999', '1003'), {
      '1001': 0,
      '1002': 1,
      '0999': 2,
      '1003': 3,
      '999': -1,
      '1000': -1,
    });
    places(list('A01', 'A2', 'A003', 'A1'), { A01: 0, A2: 1, A003: 2, A1: 3, A02: -1, A001: -1, A3: -1 });
    places(list('P1', 'P1000000', 'P999999999', 'P1234567890'), {
      P1: 0,
      P1000000: 1,
      P999999999: 2,
      P1234567890: 3,
      P2: -1,
      P0999999999: -1,
    });
  });

  it('a list that starts with an ID of another kind', () => {
    places(list('テスト顧客', 'C0001', 'C0002', 'C0003', 'C0005'), {
      テスト顧客: 0,
      C0001: 1,
      C0002: 2,
      C0003: 3,
      C0005: 4,
      C0004: -1,
      C001: -1,
      テスト: -1,
    });
    places(list('X-9', 'A100', 'A101', 'A102'), {
      'X-9': 0,
      A100: 1,
      A101: 2,
      A102: 3,
      A103: -1,
      'X-09': -1,
    });
  });

  it('IDs that are names, or share no prefix', () => {
    places(list('山田製作所', '鈴木商事', 'C001'), { 山田製作所: 0, 鈴木商事: 1, C001: 2, C002: -1 });
    places(list('A1', 'B2', 'C3', 'A4'), { A1: 0, B2: 1, C3: 2, A4: 3, A2: -1, B1: -1 });
    places(list(), { C001: -1, '': -1 });
  });
});

describe('IdNumbers: which lists are looked up by number', () => {
  it('numbers the usual lists, and says which texts it cannot answer for', () => {
    const padded = IdNumbers.of(['テスト顧客', 'C0001', 'C0002', 'C0003', 'C0005']);
    expect(padded).not.toBeNull();
    expect(['C0003', 'C0004', 'C003', 'テスト顧客', 'D0001'].map((id) => padded?.placeOf(id))).toEqual([
      3,
      -1,
      NOT_NUMBERED,
      NOT_NUMBERED,
      NOT_NUMBERED,
    ]);
    const free = IdNumbers.of(['K-1', 'K-20', 'K-35', 'K-9', 'K-0', 'X']);
    expect(free).not.toBeNull();
    expect(['K-20', 'K-2', 'K-020', 'X'].map((id) => free?.placeOf(id))).toEqual([
      1,
      -1,
      NOT_NUMBERED,
      NOT_NUMBERED,
    ]);
  });

  it('leaves to the map the lists it cannot number exactly or compactly', () => {
    expect(IdNumbers.of([])).toBeNull();
    expect(IdNumbers.of(['山田製作所', '鈴木商事'])).toBeNull();
    expect(IdNumbers.of(['A01', 'A2', 'A003'])).toBeNull(); // widths differ, leading zeros
    expect(IdNumbers.of(['P1', 'P1000000', 'P999999999'])).toBeNull(); // far apart
    expect(IdNumbers.of(['K-1', 'K-20', 'K-300'])).toBeNull(); // 300 places for 3 IDs
    expect(IdNumbers.of(['A1', 'B2', 'C3', 'D4'])).toBeNull(); // fewer than half share a prefix
  });
});
