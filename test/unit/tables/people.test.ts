import type { Contact } from '../../../shared/model';
import { matchPeople, parsePerson, splitPeople } from '../../../shared/tables';

const contact = (id: string, name: string, kana: string, title: string): Contact => ({
  id,
  customerId: 'C001',
  name,
  kana,
  title,
  role: 'other',
  row: 0,
});

const taroTanaka = contact('k1', '田中 太郎', 'タナカ タロウ', '部長');
const jiroTanaka = contact('k2', '田中 次郎', 'タナカ ジロウ', '課長');
const hanakoSuzuki = contact('k3', '鈴木 花子', 'スズキ ハナコ', '主任');
const ichiroSato = contact('k4', '佐藤一郎', 'サトウイチロウ', '代表取締役社長');
const vice = contact('k5', '木村 誠', 'キムラ マコト', '副社長');
const smith = contact('k6', 'John Smith', '', 'CTO');
const all = [taroTanaka, jiroTanaka, hanakoSuzuki, ichiroSato, vice, smith];

describe('splitPeople', () => {
  it('splits on list separators but not on the space inside a name', () => {
    expect(splitPeople('田中部長、鈴木様')).toEqual(['田中部長', '鈴木様']);
    expect(splitPeople('田中・佐藤さん')).toEqual(['田中', '佐藤さん']);
    expect(splitPeople('田中 太郎, 鈴木／佐藤；山本\n伊藤')).toEqual([
      '田中 太郎',
      '鈴木',
      '佐藤',
      '山本',
      '伊藤',
    ]);
    expect(splitPeople('田中部長、他2名')).toEqual(['田中部長']);
    expect(splitPeople('')).toEqual([]);
  });
});

describe('parsePerson', () => {
  it.each([
    ['田中部長', '田中', '部長'],
    ['鈴木様', '鈴木', ''],
    ['佐藤さん', '佐藤', ''],
    ['田中課長様', '田中', '課長'],
    ['田中 本部長', '田中', '本部長'],
    ['山本氏', '山本', ''],
    ['社長', '', '社長'],
    ['田中(部長)', '田中', '部長'],
    ['Mr. Smith', 'smith', ''],
  ])('%s → name %j, title %j', (text, name, title) => {
    expect(parsePerson(text)).toMatchObject({ name, title });
  });
});

describe('matchPeople', () => {
  it('matches full names with or without the space, and kana', () => {
    expect(matchPeople('田中太郎', all).ids).toEqual(['k1']);
    expect(matchPeople('田中 太郎 様', all).ids).toEqual(['k1']);
    expect(matchPeople('たなか たろう', all).ids).toEqual(['k1']);
    expect(matchPeople('佐藤 一郎', all).ids).toEqual(['k4']);
  });

  it('matches a unique family name alone, with honorific or title', () => {
    expect(matchPeople('鈴木様', all)).toEqual({ ids: ['k3'], unknown: [], ambiguous: [] });
    expect(matchPeople('佐藤さん', all).ids).toEqual(['k4']);
    expect(matchPeople('Smith', all).ids).toEqual(['k6']);
  });

  it('uses the title to tell namesakes apart', () => {
    expect(matchPeople('田中部長、鈴木様', all)).toEqual({ ids: ['k1', 'k3'], unknown: [], ambiguous: [] });
    expect(matchPeople('田中課長', all).ids).toEqual(['k2']);
    expect(matchPeople('社長', all).ids).toEqual(['k4']);
    expect(matchPeople('副社長', all).ids).toEqual(['k5']);
  });

  it('reports a family name shared by two contacts as ambiguous', () => {
    expect(matchPeople('田中', all)).toEqual({
      ids: [],
      unknown: [],
      ambiguous: [{ name: '田中', candidates: ['k1', 'k2'] }],
    });
    expect(matchPeople('田中・佐藤さん', all)).toEqual({
      ids: ['k4'],
      unknown: [],
      ambiguous: [{ name: '田中', candidates: ['k1', 'k2'] }],
    });
  });

  it('reports unknown names and never guesses from a part of one', () => {
    expect(matchPeople('山田様、鈴木', all)).toEqual({ ids: ['k3'], unknown: ['山田様'], ambiguous: [] });
    expect(matchPeople('鈴木 一郎', all)).toEqual({ ids: [], unknown: ['鈴木 一郎'], ambiguous: [] });
    expect(matchPeople('田', all).unknown).toEqual(['田']);
  });

  it('splits on spaces when every part is a known contact', () => {
    expect(matchPeople('田中部長 鈴木様', all).ids).toEqual(['k1', 'k3']);
  });

  it('lists each person once and ignores "others" notes', () => {
    expect(matchPeople('鈴木、鈴木 花子様 他2名', all)).toEqual({ ids: ['k3'], unknown: [], ambiguous: [] });
  });

  it('keeps a foreign name joined by ・ whole when it is a contact', () => {
    const jane = contact('k7', 'ジェーン・ドウ', '', '');
    expect(matchPeople('ジェーン・ドウ様', [jane]).ids).toEqual(['k7']);
  });
});

describe('names that run into a title', () => {
  const contacts = [
    { id: 'p1', customerId: 'C1', name: '坂本 真一', kana: '', title: '部長', role: 'key' as const, row: 2 },
    { id: 'p2', customerId: 'C1', name: '山本 恵', kana: '', title: '課長', role: 'charge' as const, row: 3 },
  ];
  it('reads 坂本部長 as 坂本 + 部長 when nobody is called 坂 (not 坂 + 本部長)', () => {
    expect(matchPeople('坂本部長、山本課長', contacts)).toEqual({
      ids: ['p1', 'p2'],
      unknown: [],
      ambiguous: [],
    });
  });
});
