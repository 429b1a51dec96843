import type { Customer } from '../../../shared/model';
import { CustomerIndex, normalizeCompanyName } from '../../../shared/tables';

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
