import type { CellValue } from '../values/cell';
import { REPS, type RepKey } from './company';

/**
 * The customer list of 株式会社みらい精機: 50 fictional companies that buy industrial parts and
 * equipment, written as a sales team keeps them (legal forms as 株式会社 / (株) / ㈱, amounts as
 * numbers or "1,200万円", a few attributes left empty). Each customer also carries a plan: how
 * its activities are generated, which is where the sample's story is planted.
 */

/** How a customer's half-year of activities is generated (see activities.ts). */
export interface Plan {
  /** Mean days between activities. */
  every: number;
  /** Days before the as-of date of the latest activity. */
  lastAgo: number;
  /** Days before the as-of date of the latest meeting with a key person; null = never met. */
  keyAgo: number | null;
  /** Share of the activities before that meeting that also met a key person. */
  keyRate: number;
  /** The latest next action is this many days past its due date (0 / absent = none overdue). */
  overdue?: number;
}

export interface CustomerSeed {
  id: string;
  /** The name in the customer list. */
  name: string;
  /** The same company as reps type it in the activity log (legal form moved, dropped, ㈱…). */
  typed: string[];
  kana: string;
  rep: RepKey;
  industry: string;
  employees: CellValue;
  prefecture: string;
  sales: CellValue;
  note: string;
  /** Absent: the rep's habits decide (see REP_HABITS in activities.ts). */
  plan?: Partial<Plan>;
  /** The story this customer tells, for the tests and the reader of this file. */
  story?: string;
}

/** The customers, in sheet order (by ID). */
export const CUSTOMER_SEEDS: readonly CustomerSeed[] = [
  // ── The largest accounts (ABC analysis makes these A). ──────────────────────────────────────
  {
    id: 'C001',
    name: '東邦オートパーツ株式会社',
    typed: ['東邦オートパーツ', '東邦オートパーツ(株)', '東邦オートパーツ㈱'],
    kana: 'トウホウオートパーツ',
    rep: 'tamura',
    industry: '自動車部品製造',
    employees: 1250,
    prefecture: '愛知県',
    sales: '2億3,000万円',
    note: '主力取引先。第3工場のライン増設計画あり',
    plan: { every: 7, lastAgo: 3, keyAgo: null, keyRate: 0 },
    story:
      'The column’s cautionary case: the key person (加藤 本部長) is registered, the rep visits every week, but only ever meets the person in charge (森 主任).',
  },
  {
    id: 'C002',
    name: '株式会社北斗工作機械',
    typed: ['北斗工作機械', '(株)北斗工作機械'],
    kana: 'ホクトコウサクキカイ',
    rep: 'sato',
    industry: '工作機械製造',
    employees: 860,
    prefecture: '愛知県',
    sales: 185000000,
    note: '',
    plan: { every: 7, lastAgo: 2, keyAgo: 9, keyRate: 0.45 },
  },
  {
    id: 'C003',
    name: '中部精密工業㈱',
    typed: ['中部精密工業', '中部精密工業株式会社', '中部精密工業(株)'],
    kana: 'チュウブセイミツコウギョウ',
    rep: 'sato',
    industry: '精密部品加工',
    employees: '約600名',
    prefecture: '岐阜県',
    sales: '1億2,000万円',
    note: '',
    plan: { every: 8, lastAgo: 6, keyAgo: 20, keyRate: 0.4 },
  },
  {
    id: 'C004',
    name: '株式会社三河ダイカスト',
    typed: ['三河ダイカスト', '(株)三河ダイカスト'],
    kana: 'ミカワダイカスト',
    rep: 'tamura',
    industry: 'アルミダイカスト',
    employees: 420,
    prefecture: '愛知県',
    sales: 98000000,
    note: '',
    plan: { every: 9, lastAgo: 8, keyAgo: 75, keyRate: 0.2 },
    story:
      'Key person last met 75 days ago, only the person in charge since: fine under version 1 (90 days), a gap under version 2 (60 days).',
  },
  {
    id: 'C005',
    name: '大和電装株式会社',
    typed: ['大和電装', '大和電装(株)'],
    kana: 'ヤマトデンソウ',
    rep: 'takahashi',
    industry: '電装品製造',
    employees: 530,
    prefecture: '三重県',
    sales: '9,200万円',
    note: '佐々木さんが2名（部長・主任）',
    plan: { every: 8, lastAgo: 4, keyAgo: 30, keyRate: 0.3 },
    story: 'Two contacts share the family name 佐々木; one log row writes just 佐々木さん (ambiguous).',
  },
  {
    id: 'C006',
    name: '(株)サンライズ半導体装置',
    typed: ['サンライズ半導体装置', 'サンライズ半導体装置株式会社'],
    kana: 'サンライズハンドウタイソウチ',
    rep: 'nakajima',
    industry: '半導体製造装置',
    employees: 310,
    prefecture: '神奈川県',
    sales: 85000000,
    note: '',
    plan: { every: 8, lastAgo: 5, keyAgo: 50, keyRate: 0.25 },
  },
  {
    id: 'C007',
    name: '株式会社湘南フードマシナリー',
    typed: ['湘南フードマシナリー', '㈱湘南フードマシナリー'],
    kana: 'ショウナンフードマシナリー',
    rep: 'takahashi',
    industry: '食品機械製造',
    employees: 240,
    prefecture: '神奈川県',
    sales: '7,800万円',
    note: '',
    plan: { every: 9, lastAgo: 6, keyAgo: 41, keyRate: 0.3, overdue: 12 },
    story:
      'A new manager (山口課長) was met but is not registered as a contact; the re-quote is 12 days overdue.',
  },
  {
    id: 'C008',
    name: '関東ロジテック株式会社',
    typed: ['関東ロジテック', '関東ロジテック(株)'],
    kana: 'カントウロジテック',
    rep: 'nakajima',
    industry: '物流・倉庫',
    employees: '1,800',
    prefecture: '埼玉県',
    sales: 72000000,
    note: '物流センター新設',
    plan: { every: 9, lastAgo: 10, keyAgo: null, keyRate: 0 },
    story: 'A large account with no key person registered at all.',
  },
  {
    id: 'C009',
    name: '株式会社浜松メディカルデバイス',
    typed: ['浜松メディカルデバイス', '(株)浜松メディカルデバイス'],
    kana: 'ハママツメディカルデバイス',
    rep: 'sato',
    industry: '医療機器製造',
    employees: 380,
    prefecture: '静岡県',
    sales: '6,500万円',
    note: '',
    plan: { every: 9, lastAgo: 3, keyAgo: 15, keyRate: 0.45 },
  },
  {
    id: 'C010',
    name: '東和樹脂工業株式会社',
    typed: ['東和樹脂工業', '東和樹脂工業(株)'],
    kana: 'トウワジュシコウギョウ',
    rep: 'tamura',
    industry: '樹脂成形',
    employees: 290,
    prefecture: '愛知県',
    sales: 60000000,
    note: '',
    plan: { every: 9, lastAgo: 12, keyAgo: 110, keyRate: 0.15, overdue: 8 },
    story: 'Key person last met 110 days ago (a gap under both versions) and the next action is overdue.',
  },
  // ── The middle. ────────────────────────────────────────────────────────────────────────────
  {
    id: 'C011',
    name: '株式会社信州ベアリング',
    typed: ['信州ベアリング', '(株)信州ベアリング'],
    kana: 'シンシュウベアリング',
    rep: 'sato',
    industry: '軸受製造',
    employees: 450,
    prefecture: '長野県',
    sales: '4,800万円',
    note: '',
    plan: { every: 13, lastAgo: 9, keyAgo: 35, keyRate: 0.45 },
  },
  {
    id: 'C012',
    name: '㈱岐阜プレス工業',
    typed: ['岐阜プレス工業', '株式会社岐阜プレス工業'],
    kana: 'ギフプレスコウギョウ',
    rep: 'tamura',
    industry: '金属プレス',
    employees: 180,
    prefecture: '岐阜県',
    sales: 42000000,
    note: '',
    plan: { every: 14, lastAgo: 20, keyAgo: null, keyRate: 0 },
  },
  {
    id: 'C013',
    name: '株式会社オオサカ産機',
    typed: ['オオサカ産機', '(株)オオサカ産機'],
    kana: 'オオサカサンキ',
    rep: 'takahashi',
    industry: '産業機械商社',
    employees: 95,
    prefecture: '大阪府',
    sales: '3,800万円',
    note: '代理店経由の案件あり',
    plan: { every: 13, lastAgo: 11, keyAgo: 60, keyRate: 0.3 },
  },
  {
    id: 'C014',
    name: '富士見オートメーション株式会社',
    typed: ['富士見オートメーション', '富士見オートメーション(株)'],
    kana: 'フジミオートメーション',
    rep: 'nakajima',
    industry: 'FA設備',
    employees: 160,
    prefecture: '静岡県',
    sales: 33000000,
    note: '',
    plan: { every: 15, lastAgo: 14, keyAgo: 95, keyRate: 0.2 },
  },
  {
    id: 'C015',
    name: '株式会社豊橋スチール',
    typed: ['豊橋スチール', '(株)豊橋スチール'],
    kana: 'トヨハシスチール',
    rep: 'sato',
    industry: '鉄鋼加工',
    employees: 350,
    prefecture: '愛知県',
    sales: 30000000,
    note: '',
    plan: { every: 13, lastAgo: 7, keyAgo: 7, keyRate: 0.45 },
  },
  {
    id: 'C016',
    name: '日進ケミカル株式会社',
    typed: ['日進ケミカル', '日進ケミカル(株)'],
    kana: 'ニッシンケミカル',
    rep: 'takahashi',
    industry: '化学品製造',
    employees: 520,
    prefecture: '三重県',
    sales: '2,700万円',
    note: '',
    plan: { every: 16, lastAgo: 75, keyAgo: 140, keyRate: 0.3 },
    story: 'Not contacted for 75 days (the limit is 60 for its rank).',
  },
  {
    id: 'C017',
    name: '株式会社みなと梱包',
    typed: ['みなと梱包', '(株)みなと梱包'],
    kana: 'ミナトコンポウ',
    rep: 'nakajima',
    industry: '包装資材',
    employees: 70,
    prefecture: '神奈川県',
    sales: 24000000,
    note: '',
    plan: { every: 14, lastAgo: 18, keyAgo: 40, keyRate: 0.25, overdue: 20 },
  },
  {
    id: 'C018',
    name: '西三河精工株式会社',
    typed: ['西三河精工', '西三河精工㈱'],
    kana: 'ニシミカワセイコウ',
    rep: 'tamura',
    industry: '精密部品加工',
    employees: 210,
    prefecture: '愛知県',
    sales: '2,100万円',
    note: '',
    plan: { every: 15, lastAgo: 25, keyAgo: 150, keyRate: 0.1, overdue: 15 },
  },
  {
    id: 'C019',
    name: '株式会社安曇野電子',
    typed: ['安曇野電子', '(株)安曇野電子'],
    kana: 'アズミノデンシ',
    rep: 'sato',
    industry: '電子部品製造',
    employees: 260,
    prefecture: '長野県',
    sales: 19000000,
    note: '',
    plan: { every: 15, lastAgo: 10, keyAgo: 24, keyRate: 0.45 },
  },
  {
    id: 'C020',
    name: '株式会社さくら医療器',
    typed: ['さくら医療器', 'サクラ医療器'],
    kana: 'サクライリョウキ',
    rep: 'takahashi',
    industry: '医療機器製造',
    employees: 120,
    prefecture: '東京都',
    sales: '1,700万円',
    note: '',
    plan: { every: 15, lastAgo: 13, keyAgo: 55, keyRate: 0.3, overdue: 6 },
  },
  // ── The long tail. ─────────────────────────────────────────────────────────────────────────
  tail('C021', '株式会社丸栄製作所', 'マルエイセイサクショ', 'sato', '金属加工', 85, '愛知県', '1,200万円'),
  tail('C022', '株式会社エムケー工業', 'エムケーコウギョウ', 'tamura', '板金加工', 45, '愛知県', 12000000),
  {
    ...tail('C023', '(株)寿技研', 'コトブキギケン', 'nakajima', '', '', '静岡県', '1,100万円'),
    note: '展示会で名刺交換',
    story: 'A new account with 業種 and 従業員数 left empty, and no key person registered.',
  },
  tail('C024', '株式会社瀬戸セラミックス', 'セトセラミックス', 'takahashi', '窯業', 130, '愛知県', 10000000),
  tail('C025', '株式会社ナガラ機工', 'ナガラキコウ', 'tamura', '産業機械製造', 60, '岐阜県', '900万円', {
    overdue: 10,
  }),
  {
    ...tail(
      'C026',
      '株式会社青葉パッケージ',
      'アオバパッケージ',
      'nakajima',
      '包装機械',
      90,
      '埼玉県',
      8500000,
    ),
    plan: { lastAgo: 130 },
    story: 'Not contacted since July.',
  },
  tail('C027', '株式会社伊勢精機', 'イセセイキ', 'sato', '精密機械', 75, '三重県', '800万円'),
  tail('C028', '株式会社 港北テクノ', 'コウホクテクノ', 'takahashi', '電子機器組立', 55, '神奈川県', 7500000),
  {
    ...tail(
      'C029',
      '知多マリン工業株式会社',
      'チタマリンコウギョウ',
      'tamura',
      '船舶部品',
      140,
      '愛知県',
      7000000,
    ),
    plan: { lastAgo: 150 },
    story: 'Not contacted since June.',
  },
  {
    ...tail('C030', '株式会社ひかり光学', 'ヒカリコウガク', 'nakajima', '', 200, '長野県', '650万円'),
    story: '業種 left empty.',
  },
  tail('C031', '株式会社大垣ファスナー', 'オオガキファスナー', 'sato', '締結部品', 40, '岐阜県', 6000000),
  tail('C032', '有限会社松坂鉄工', 'マツサカテッコウ', 'tamura', '鉄工', 18, '三重県', '550万円'),
  tail(
    'C033',
    '株式会社多摩エンジニアリング',
    'タマエンジニアリング',
    'nakajima',
    '設備設計',
    35,
    '東京都',
    5000000,
  ),
  tail('C034', '株式会社碧南金型', 'ヘキナンカナガタ', 'takahashi', '金型製作', 65, '愛知県', '４５０万円'),
  tail('C035', '株式会社駿河ポンプ', 'スルガポンプ', 'sato', 'ポンプ製造', 150, '静岡県', 4200000),
  {
    ...tail('C036', '株式会社ミドリ農機', 'ミドリノウキ', 'tamura', '農業機械', 110, '岐阜県', '400万円'),
    plan: { lastAgo: 115 },
    story: 'Not contacted for almost four months.',
  },
  {
    ...tail(
      'C037',
      '相模ロボティクス株式会社',
      'サガミロボティクス',
      'nakajima',
      'ロボットSI',
      '',
      '神奈川県',
      3800000,
    ),
    story: '従業員数 left empty; no key person registered.',
  },
  tail('C038', '株式会社尾張工機', 'オワリコウキ', 'takahashi', '工作機械部品', 48, '愛知県', '350万円'),
  tail('C039', '株式会社北陸アルミ加工', 'ホクリクアルミカコウ', 'sato', 'アルミ加工', 92, '富山県', 3200000),
  tail('C040', '株式会社桑名鋳造', 'クワナチュウゾウ', 'tamura', '鋳造', 130, '三重県', '300万円'),
  {
    ...tail(
      'C041',
      '株式会社ユニテック浜松',
      'ユニテックハママツ',
      'nakajima',
      '電子制御機器',
      66,
      '静岡県',
      2800000,
    ),
    plan: { lastAgo: 100 },
    story: 'Not contacted for 100 days.',
  },
  tail('C042', '株式会社春日井化成', 'カスガイカセイ', 'takahashi', '樹脂成形', 58, '愛知県', '250万円'),
  tail('C043', '株式会社東海ラボ', 'トウカイラボ', 'sato', '検査・分析', 22, '愛知県', 1800000),
  {
    ...tail(
      'C044',
      '株式会社飛騨木工機械',
      'ヒダモッコウキカイ',
      'tamura',
      '木工機械',
      null,
      '岐阜県',
      2000000,
    ),
    story: '従業員数 left empty.',
  },
  tail(
    'C045',
    '株式会社グリーンテック埼玉',
    'グリーンテックサイタマ',
    'nakajima',
    '環境装置',
    41,
    '埼玉県',
    '180万円',
  ),
  tail('C046', '株式会社安城モールド', 'アンジョウモールド', 'takahashi', '金型製作', 26, '愛知県', 1500000),
  tail('C047', '株式会社三重エンジ', 'ミエエンジ', 'sato', '設備保全', 30, '三重県', '120万円'),
  tail('C048', '株式会社刈谷メカトロ', 'カリヤメカトロ', 'tamura', '省力化装置', 24, '愛知県', 800000),
  {
    ...tail('C049', '株式会社ネクスト精工', 'ネクストセイコウ', 'nakajima', '精密部品加工', 15, '東京都', ''),
    note: '新規開拓中（取引実績なし）',
    story: 'A prospect without 年間取引額: ranked last by the ABC analysis, with a warning.',
  },
  tail('C050', '株式会社沼津ギア', 'ヌマヅギア', 'takahashi', '歯車製造', 88, '静岡県', '300万円'),
];

/** The customer carrying the column's cautionary case (key person registered, only 担当者 met). */
export const CAUTIONARY_ID = 'C001';

/** Customers whose key persons are not registered (contacts.ts registers none for them). */
export const NO_KEY_PERSON: ReadonlySet<string> = new Set(['C008', 'C023', 'C037', 'C045', 'C049']);

/** A long-tail customer: the rep's habits decide its plan; the log names it without the legal form. */
function tail(
  id: string,
  name: string,
  kana: string,
  rep: RepKey,
  industry: string,
  employees: CellValue,
  prefecture: string,
  sales: CellValue,
  plan?: Partial<Plan>,
): CustomerSeed {
  const bare = name.replace(/^(株式会社|有限会社|\(株\)|㈱)\s*|(株式会社|\(株\)|㈱)$/g, '');
  return { id, name, typed: [bare], kana, rep, industry, employees, prefecture, sales, note: '', plan };
}

/** The customer sheet as the team keeps it: a title, a blank row, the header, one blank row mid-way. */
export function customerGrid(): CellValue[][] {
  const header: CellValue[] = [
    '顧客ID',
    '顧客名',
    'フリガナ',
    '営業担当',
    '業種',
    '従業員数',
    '所在地',
    '年間取引額',
    '備考',
  ];
  const rows = CUSTOMER_SEEDS.map((c): CellValue[] => [
    c.id,
    c.name,
    c.kana,
    REPS[c.rep],
    c.industry,
    c.employees,
    c.prefecture,
    c.sales,
    c.note,
  ]);
  // A blank line between the accounts the team calls 重点先 and the rest, as people leave them.
  return [['顧客一覧（2026年11月末）'], [], header, ...rows.slice(0, 20), [], ...rows.slice(20)];
}
