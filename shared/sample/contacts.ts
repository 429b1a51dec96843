import type { CellValue } from '../values/cell';
import { CUSTOMER_SEEDS, NO_KEY_PERSON } from './customers';
import { seeded, type Random } from './random';

/**
 * The people at each customer: 2–4 contacts with a role. Most are drawn from name pools with a
 * seeded generator; the customers the story depends on are written by hand.
 */

export type SampleRole = 'key' | 'charge' | 'influencer';

export interface ContactSeed {
  customerId: string;
  family: string;
  given: string;
  familyKana: string;
  givenKana: string;
  department: string;
  title: string;
  /** The title as reps write it after the family name (田中部長); '' = they write 様 / さん. */
  short: string;
  role: SampleRole;
  /** The role as written in the sheet (キーマン, 決裁者, 窓口…). */
  roleText: string;
}

type Person = [family: string, familyKana: string];
type Given = [given: string, givenKana: string];

// 山口 and 佐々木 are kept out of the pools: the story uses them (an unregistered manager, and two
// namesakes at one customer). The reps' family names are kept out so logs read unambiguously.
const FAMILIES: readonly Person[] = [
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['吉田', 'ヨシダ'],
  ['山田', 'ヤマダ'],
  ['井上', 'イノウエ'],
  ['木村', 'キムラ'],
  ['林', 'ハヤシ'],
  ['清水', 'シミズ'],
  ['山崎', 'ヤマザキ'],
  ['池田', 'イケダ'],
  ['橋本', 'ハシモト'],
  ['阿部', 'アベ'],
  ['石川', 'イシカワ'],
  ['前田', 'マエダ'],
  ['藤田', 'フジタ'],
  ['後藤', 'ゴトウ'],
  ['岡田', 'オカダ'],
  ['長谷川', 'ハセガワ'],
  ['村上', 'ムラカミ'],
  ['近藤', 'コンドウ'],
  ['坂本', 'サカモト'],
  ['遠藤', 'エンドウ'],
  ['青木', 'アオキ'],
  ['西村', 'ニシムラ'],
  ['福田', 'フクダ'],
  ['太田', 'オオタ'],
  ['三浦', 'ミウラ'],
  ['藤井', 'フジイ'],
  ['岡本', 'オカモト'],
  ['松井', 'マツイ'],
  ['中川', 'ナカガワ'],
  ['中野', 'ナカノ'],
  ['原田', 'ハラダ'],
  ['小野', 'オノ'],
  ['竹内', 'タケウチ'],
  ['金子', 'カネコ'],
  ['和田', 'ワダ'],
  ['中山', 'ナカヤマ'],
  ['石田', 'イシダ'],
  ['上田', 'ウエダ'],
  ['森田', 'モリタ'],
  ['柴田', 'シバタ'],
  ['酒井', 'サカイ'],
  ['工藤', 'クドウ'],
  ['横山', 'ヨコヤマ'],
  ['宮崎', 'ミヤザキ'],
  ['宮本', 'ミヤモト'],
  ['内田', 'ウチダ'],
  ['高木', 'タカギ'],
  ['安藤', 'アンドウ'],
  ['谷口', 'タニグチ'],
  ['大野', 'オオノ'],
  ['丸山', 'マルヤマ'],
  ['今井', 'イマイ'],
  ['河野', 'コウノ'],
  ['藤原', 'フジワラ'],
  ['小川', 'オガワ'],
  ['野口', 'ノグチ'],
  ['松尾', 'マツオ'],
  ['菊地', 'キクチ'],
  ['千葉', 'チバ'],
  ['久保', 'クボ'],
  ['杉山', 'スギヤマ'],
  ['増田', 'マスダ'],
];
const GIVEN_NAMES: readonly Given[] = [
  ['誠', 'マコト'],
  ['浩二', 'コウジ'],
  ['健一', 'ケンイチ'],
  ['隆', 'タカシ'],
  ['直樹', 'ナオキ'],
  ['和也', 'カズヤ'],
  ['拓也', 'タクヤ'],
  ['修', 'オサム'],
  ['剛', 'ツヨシ'],
  ['哲也', 'テツヤ'],
  ['聡', 'サトシ'],
  ['裕子', 'ユウコ'],
  ['美穂', 'ミホ'],
  ['恵', 'メグミ'],
  ['由美', 'ユミ'],
  ['真一', 'シンイチ'],
  ['洋平', 'ヨウヘイ'],
  ['翔太', 'ショウタ'],
  ['彩', 'アヤ'],
  ['達也', 'タツヤ'],
  ['康弘', 'ヤスヒロ'],
  ['正人', 'マサト'],
  ['智子', 'トモコ'],
  ['大樹', 'ダイキ'],
  ['弘', 'ヒロシ'],
];

type Post = [title: string, short: string, department: string];
const KEY_POSTS: readonly Post[] = [
  ['代表取締役社長', '社長', ''],
  ['専務取締役', '専務', ''],
  ['常務取締役', '常務', ''],
  ['工場長', '工場長', '本社工場'],
  ['製造部長', '部長', '製造部'],
  ['購買部長', '部長', '購買部'],
];
const CHARGE_POSTS: readonly Post[] = [
  ['主任', '主任', '購買課'],
  ['係長', '係長', '資材課'],
  ['', '', '購買部'],
  ['主任', '主任', '生産技術課'],
  ['', '', '総務部'],
];
const INFLUENCER_POSTS: readonly Post[] = [
  ['生産技術課長', '課長', '生産技術部'],
  ['品質保証課長', '課長', '品質保証部'],
  ['設計課長', '課長', '設計部'],
];

const hand = (
  customerId: string,
  [family, familyKana]: Person,
  [given, givenKana]: Given,
  [title, short, department]: Post,
  role: SampleRole,
  roleText: string,
): ContactSeed => ({
  customerId,
  family,
  given,
  familyKana,
  givenKana,
  department,
  title,
  short,
  role,
  roleText,
});

/** Contacts written by hand, for the customers the story depends on. */
const HAND_WRITTEN: Record<string, ContactSeed[]> = {
  C001: [
    hand(
      'C001',
      ['加藤', 'カトウ'],
      ['正樹', 'マサキ'],
      ['取締役 生産本部長', '本部長', '生産本部'],
      'key',
      'キーマン(決裁者)',
    ),
    hand(
      'C001',
      ['森', 'モリ'],
      ['亮介', 'リョウスケ'],
      ['主任', '主任', '購買部 購買課'],
      'charge',
      '担当者',
    ),
    hand(
      'C001',
      ['石井', 'イシイ'],
      ['誠', 'マコト'],
      ['生産技術課長', '課長', '生産技術部'],
      'influencer',
      '影響者',
    ),
  ],
  C005: [
    hand('C005', ['佐々木', 'ササキ'], ['浩', 'ヒロシ'], ['製造部長', '部長', '製造部'], 'key', 'キーマン'),
    hand('C005', ['佐々木', 'ササキ'], ['美穂', 'ミホ'], ['主任', '主任', '購買課'], 'charge', '担当者'),
    hand('C005', ['野村', 'ノムラ'], ['和夫', 'カズオ'], ['代表取締役社長', '社長', ''], 'key', '決裁者'),
    hand(
      'C005',
      ['上野', 'ウエノ'],
      ['聡', 'サトシ'],
      ['品質保証課長', '課長', '品質保証部'],
      'influencer',
      '影響者',
    ),
  ],
  C007: [
    hand(
      'C007',
      ['坂口', 'サカグチ'],
      ['直人', 'ナオト'],
      ['工場長', '工場長', '藤沢工場'],
      'key',
      'キーマン',
    ),
    hand('C007', ['菅原', 'スガワラ'], ['彩', 'アヤ'], ['', '', '資材課'], 'charge', '窓口'),
  ],
  C008: [
    hand(
      'C008',
      ['大西', 'オオニシ'],
      ['健', 'ケン'],
      ['センター長', 'センター長', '川越物流センター'],
      'influencer',
      '影響者',
    ),
    hand(
      'C008',
      ['片山', 'カタヤマ'],
      ['翔太', 'ショウタ'],
      ['主任', '主任', '設備管理課'],
      'charge',
      '担当者',
    ),
    hand('C008', ['水野', 'ミズノ'], ['由美', 'ユミ'], ['', '', '購買部'], 'charge', '窓口'),
  ],
};

/** Every contact, customer by customer in sheet order. */
export function contactSeeds(): ContactSeed[] {
  const random = seeded(20261129);
  return CUSTOMER_SEEDS.flatMap((c) => HAND_WRITTEN[c.id] ?? drawContacts(c.id, random));
}

function drawContacts(customerId: string, random: Random): ContactSeed[] {
  const used = new Set<string>();
  const person = (): [Person, Given] => {
    let family = random.pick(FAMILIES);
    while (used.has(family[0])) family = random.pick(FAMILIES);
    used.add(family[0]);
    return [family, random.pick(GIVEN_NAMES)];
  };
  const one = (role: SampleRole, posts: readonly Post[], roleText: string): ContactSeed => {
    const [family, given] = person();
    return hand(customerId, family, given, random.pick(posts), role, roleText);
  };
  const list: ContactSeed[] = [];
  if (!NO_KEY_PERSON.has(customerId)) {
    const post = random.pick(KEY_POSTS);
    const [family, given] = person();
    list.push(hand(customerId, family, given, post, 'key', post[1] === '社長' ? '決裁者' : 'キーマン'));
  }
  list.push(one('charge', CHARGE_POSTS, random.chance(0.25) ? '窓口' : '担当者'));
  // Without a key person the rep still knows two people there.
  if (list.length === 1 || random.chance(0.55)) list.push(one('influencer', INFLUENCER_POSTS, '影響者'));
  if (random.chance(0.3)) list.push(one('charge', CHARGE_POSTS, '担当者'));
  return list;
}

/** The full name as the contact sheet writes it; some with a full-width space, as typed on a Japanese IME. */
export function fullName(c: ContactSeed, wide: boolean): string {
  return `${c.family}${wide ? '\u3000' : ' '}${c.given}`;
}

/** The contact sheet: 顧客ID (and the company name beside it, for people), name, kana, post, role. */
export function contactGrid(seeds: readonly ContactSeed[]): CellValue[][] {
  const names = new Map(CUSTOMER_SEEDS.map((c) => [c.id, c.name]));
  const header: CellValue[] = ['顧客ID', '会社名', '氏名', 'フリガナ', '部署', '役職', '役割'];
  return [
    header,
    ...seeds.map((c, i): CellValue[] => [
      c.customerId,
      names.get(c.customerId) ?? '',
      fullName(c, i % 7 === 3),
      `${c.familyKana} ${c.givenKana}`,
      c.department,
      c.title,
      c.roleText,
    ]),
  ];
}
