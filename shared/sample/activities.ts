import type { Day } from '../model';
import type { CellValue } from '../values/cell';
import { parsePerson } from '../tables/people';
import { dayToSerial } from '../values/days';
import { AS_OF_DAY, LOG_START, PRODUCTS, REPS, SIDEBAR_START, YEAR_START, type RepKey } from './company';
import { fullName, type ContactSeed } from './contacts';
import { CAUTIONARY_ID, CUSTOMER_SEEDS, type CustomerSeed, type Plan } from './customers';
import { seeded, type Random } from './random';
import { typedDate, workday, type DateForm } from './typed';

/**
 * The activity log: about 600 rows over the half-year before the as-of date, generated per
 * customer from its plan (how often, when last, when the key person was last met) and its rep's
 * habits (who they meet, how they type dates, whether they record late). Since October the reps
 * log through the sidebar, which writes a real date and stamps 記録日時; other rows are typed.
 */

type Kind = 'visit' | 'call' | 'web' | 'email' | 'proposal';

/** Everyday words for each kind, as the team writes them in 種別. */
const TYPE_WORDS: Record<string, Kind> = {
  訪問: 'visit',
  来社: 'visit',
  打ち合わせ: 'visit',
  TEL: 'call',
  電話: 'call',
  Zoom: 'web',
  Web会議: 'web',
  Teams: 'web',
  メール: 'email',
  提案: 'proposal',
};
type TypeWord = keyof typeof TYPE_WORDS & string;

interface Habit {
  /** Share of activities (before the last key meeting) that also meet a key person. */
  keyRate: number;
  /** Days since the last key meeting for long-tail customers; null = this rep never meets them. */
  keyAgo: [number, number] | null;
  types: Partial<Record<TypeWord, number>>;
  /** How this rep types dates by hand. */
  forms: Partial<Record<DateForm, number>>;
  /** Share of rows since October logged through the sidebar. */
  sidebar: number;
  /** Share of sidebar rows recorded 4–9 days after the activity. */
  late: number;
}

/**
 * 佐藤 meets key persons as a habit; 田村 visits as often but meets only the person in charge;
 * 高橋 is steady; 中島 works online and records late.
 */
const REP_HABITS: Record<RepKey, Habit> = {
  sato: {
    keyRate: 0.45,
    keyAgo: [5, 40],
    types: { 訪問: 55, TEL: 15, 提案: 12, Web会議: 10, メール: 8 },
    forms: { slash: 80, kanji: 10, serial: 10 },
    sidebar: 0.9,
    late: 0,
  },
  tamura: {
    keyRate: 0.08,
    keyAgo: null,
    types: { 訪問: 45, 電話: 28, メール: 15, 提案: 12 },
    forms: { kanji: 70, slash: 30 },
    sidebar: 0.6,
    late: 0.12,
  },
  takahashi: {
    keyRate: 0.3,
    keyAgo: [20, 80],
    types: { 訪問: 35, 来社: 12, Zoom: 15, 提案: 15, TEL: 12, メール: 11 },
    forms: { slash: 60, serial: 40 },
    sidebar: 0.95,
    late: 0,
  },
  nakajima: {
    keyRate: 0.25,
    keyAgo: [30, 100],
    types: { Zoom: 22, Web会議: 13, Teams: 5, メール: 25, 訪問: 25, TEL: 10 },
    forms: { era: 60, slash: 40 },
    sidebar: 0.85,
    late: 0.35,
  },
};

interface Topic {
  purpose: string;
  kinds: Kind[];
  contents: string[];
  next: string[];
}

const TOPICS: readonly Topic[] = [
  {
    purpose: '定期訪問',
    kinds: ['visit'],
    contents: ['定例訪問。特に大きな動きなし。', '現場を巡回し、{p}の稼働状況を確認。'],
    next: ['次回訪問', ''],
  },
  {
    purpose: '設備更新ヒアリング',
    kinds: ['visit', 'web', 'call'],
    contents: [
      '{p}の更新時期をヒアリング。来期予算で検討とのこと。',
      'ライン増設計画の情報収集。稼働は来年4月予定。',
    ],
    next: ['更新提案書を作成', '概算見積を提出'],
  },
  {
    purpose: '納期調整',
    kinds: ['visit', 'call', 'email'],
    contents: ['{p}の納期を確認。来週出荷で了承いただいた。', '納期遅延のお詫びと今後の出荷予定をご説明。'],
    next: ['納期回答', '出荷日を連絡'],
  },
  {
    purpose: '不具合対応',
    kinds: ['visit', 'call'],
    contents: ['{p}の異音について現物確認。代替品を手配する。', '{p}の摩耗による位置ずれ。交換部品を手配。'],
    next: ['代替品を手配', '原因調査の結果を報告'],
  },
  {
    purpose: '新製品紹介',
    kinds: ['visit', 'web'],
    contents: ['新製品カタログを持参。{p}のサンプル貸出を希望された。', '新型{p}をご紹介。反応は良好。'],
    next: ['サンプルを手配', 'デモ機の日程調整'],
  },
  {
    purpose: '見積提出',
    kinds: ['proposal', 'email'],
    contents: ['{p}の見積を提出。競合と比較中とのこと。', '{p}の見積書を送付。社内稟議にかけるとのこと。'],
    next: ['見積の検討状況を確認', '再見積を提出'],
  },
  {
    purpose: '価格交渉',
    kinds: ['visit', 'web'],
    contents: ['価格改定（3%）の件をご説明。一部品目は据え置きで調整。', '{p}の単価見直しを打診された。'],
    next: ['再見積を提出', '社内で価格を調整'],
  },
  {
    purpose: '技術打ち合わせ',
    kinds: ['visit', 'web'],
    contents: ['{p}の仕様をすり合わせ。図面の修正版を送付予定。', '取付寸法の確認。図面を受領。'],
    next: ['技術資料を送付', '図面を修正して送付'],
  },
  {
    purpose: '改善提案',
    kinds: ['proposal', 'visit'],
    contents: ['段取り替え時間短縮の改善提案を実施。', '{p}の更新提案。投資回収2年の試算を提示。'],
    next: ['試算の前提を再確認', '現場立会いの日程調整'],
  },
  {
    purpose: '日程調整',
    kinds: ['call', 'email'],
    contents: ['訪問日程を調整。', '次回打ち合わせの候補日を連絡。'],
    next: ['次回訪問', ''],
  },
  {
    purpose: '資料送付',
    kinds: ['email'],
    contents: ['{p}の技術資料を送付。', '訪問のお礼と議事メモを送付。'],
    next: ['', '受領確認'],
  },
];

/** Meetings with a key person ({k} = how the rep writes the key person). */
const KEY_TOPICS: readonly Topic[] = [
  {
    purpose: '方針ヒアリング',
    kinds: ['visit', 'web'],
    contents: ['{k}と面談。来期の設備投資方針を伺った。', '{k}にご挨拶。現場の課題を共有いただいた。'],
    next: ['提案書を作成', '次回訪問'],
  },
  {
    purpose: '提案',
    kinds: ['proposal', 'visit'],
    contents: [
      '{k}に{p}の更新計画をご提案。予算化を検討いただく。',
      '{k}に直接ご説明。前向きに検討いただけるとのこと。',
    ],
    next: ['正式見積を提出', '導入スケジュール案を送付'],
  },
];

/** The column's cautionary case: every week at 東邦オートパーツ, always with 森 (担当者) only. */
const CAUTIONARY_TOPICS: readonly Topic[] = [
  {
    purpose: '納期調整',
    kinds: ['call', 'email'],
    contents: ['納期の前倒しを依頼された。社内で調整する。', '{p}の出荷日を森さんに連絡。'],
    next: ['納期回答', '加藤本部長へのご挨拶を打診'],
  },
  {
    purpose: '定例打ち合わせ',
    kinds: ['visit'],
    contents: [
      'ライン増設の進捗を確認。機種選定は「上が決める」とのこと。',
      '本部長向けの提案資料を森さん経由でお渡しした。',
      '競合が加藤本部長に直接提案している模様（森さん談）。',
      '第3工場向け{p}の仕様確認。',
    ],
    next: ['加藤本部長へのご挨拶を打診', '本部長向け提案書を作成', '次回訪問'],
  },
  {
    purpose: '価格交渉',
    kinds: ['visit', 'email', 'proposal'],
    contents: [
      '{p}の単価見直しを打診された。決裁は加藤本部長。',
      '{p}の見積を森さんに提出。本部長判断待ち。',
    ],
    next: ['再見積を提出', '加藤本部長へのご挨拶を打診'],
  },
];

const KEY_MEETING_WORDS: readonly TypeWord[] = ['訪問', '来社', 'Zoom', 'Web会議', '提案'];

/** One row of the log before it is written as cells. */
export interface ActivitySeed {
  customerId: string;
  day: Day;
  contactText: string;
  typeWord: string;
  purpose: string;
  content: string;
  nextAction: string;
  nextDue: Day | null;
  rep: RepKey;
  /** The rep column as written: the full name, or the family name alone on typed rows. */
  repText: string;
  /** 記録日時 as a serial with the time of day; null for typed rows. */
  stamp: number | null;
  form: DateForm;
  keyMet: boolean;
}

/** The whole log, oldest first (ties by customer), as the team's sheet holds it. */
export function activitySeeds(contacts: readonly ContactSeed[]): ActivitySeed[] {
  const random = seeded(46355);
  const byCustomer = new Map<string, ContactSeed[]>();
  for (const c of contacts) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c]);
  const rows = CUSTOMER_SEEDS.flatMap((c) => customerActivities(c, byCustomer.get(c.id) ?? [], random));
  plantNameIssues(rows);
  return rows.sort((a, b) => a.day - b.day || (a.customerId < b.customerId ? -1 : 1));
}

function planOf(c: CustomerSeed, habit: Habit, random: Random): Plan {
  const keyAgo = habit.keyAgo === null ? null : random.int(habit.keyAgo[0], habit.keyAgo[1]);
  const base: Plan = {
    every: random.int(13, 20),
    lastAgo: random.int(4, 50),
    keyAgo,
    keyRate: habit.keyRate,
  };
  const plan = { ...base, ...c.plan };
  // A key meeting can be no later than the latest activity.
  if (plan.keyAgo !== null && plan.keyAgo < plan.lastAgo) plan.keyAgo = plan.lastAgo;
  return plan;
}

function customerActivities(c: CustomerSeed, people: readonly ContactSeed[], random: Random): ActivitySeed[] {
  const habit = REP_HABITS[c.rep];
  const plan = planOf(c, habit, random);
  const keys = people.filter((p) => p.role === 'key');
  const others = people.filter((p) => p.role !== 'key');
  const charge = others.find((p) => p.role === 'charge') ?? others[0];

  // Days, newest first, walking back from the latest activity; weekends move to the Friday.
  const last = workday(AS_OF_DAY - plan.lastAgo);
  const days = new Set<Day>();
  for (let d = last; d >= LOG_START; d -= Math.max(2, Math.round(plan.every * (0.6 + 0.8 * random.next()))))
    days.add(workday(d));
  const keyDay =
    plan.keyAgo === null || keys.length === 0 || AS_OF_DAY - plan.keyAgo < LOG_START
      ? null
      : workday(AS_OF_DAY - plan.keyAgo);
  if (keyDay !== null) {
    // The key meeting replaces the activity nearest to it.
    let nearest = last;
    for (const d of days) if (Math.abs(d - keyDay) < Math.abs(nearest - keyDay)) nearest = d;
    days.delete(nearest);
    days.add(keyDay);
  }
  const sorted = [...days].filter((d) => d >= LOG_START).sort((a, b) => a - b);

  const cautionary = c.id === CAUTIONARY_ID;
  const rows = sorted.map((day, i): ActivitySeed => {
    const keyMet =
      keys.length > 0 && (day === keyDay || (keyDay !== null && day < keyDay && random.chance(plan.keyRate)));
    const typeWord = keyMet
      ? random.pick(KEY_MEETING_WORDS.filter((w) => (habit.types[w] ?? 0) > 0))
      : random.weighted(habit.types as Record<TypeWord, number>);
    const kind = TYPE_WORDS[typeWord] ?? 'visit';
    const pool = keyMet ? KEY_TOPICS : cautionary ? CAUTIONARY_TOPICS : TOPICS;
    const topics = pool.filter((t) => t.kinds.includes(kind));
    const topic = random.pick(topics.length > 0 ? topics : pool);
    const met = cautionary && charge ? [charge] : whoWasMet(kind, keyMet, keys, others, charge, random);
    const product = random.pick(PRODUCTS);
    const keyWritten = keyMet && met[0] ? written(met[0], people, random, true) : '';
    const fill = (s: string) => s.replace('{p}', product).replace('{k}', keyWritten);
    const isLast = i === sorted.length - 1;
    let nextAction = fill(random.pick(topic.next));
    if (nextAction === '' && isLast && (plan.overdue ?? 0) > 0) nextAction = '見積書を提出';
    const nextDue = nextAction === '' ? null : dueFor(day, isLast, plan, random);
    const sidebar = day >= SIDEBAR_START && random.chance(habit.sidebar);
    return {
      customerId: c.id,
      day,
      contactText: met
        .map((p) => written(p, people, random, p.role === 'key'))
        .join(joiner(met.length, random)),
      typeWord,
      purpose: topic.purpose,
      content: fill(random.pick(topic.contents)),
      nextAction,
      nextDue,
      rep: c.rep,
      repText: sidebar || random.chance(0.6) ? REPS[c.rep] : REPS[c.rep].split(' ')[0]!,
      stamp: sidebar ? stampOf(day, habit, random) : null,
      form: sidebar ? 'serial' : random.weighted(habit.forms as Record<DateForm, number>),
      keyMet,
    };
  });
  return rows;
}

function whoWasMet(
  kind: Kind,
  keyMet: boolean,
  keys: readonly ContactSeed[],
  others: readonly ContactSeed[],
  charge: ContactSeed | undefined,
  random: Random,
): ContactSeed[] {
  const one = kind === 'call' || kind === 'email';
  if (keyMet) {
    const key = random.pick(keys);
    return !one && charge && random.chance(0.5) ? [key, charge] : [key];
  }
  if (others.length === 0 || (kind === 'email' && random.chance(0.08))) return [];
  // The person in charge most of the time; an influencer or a second person now and then.
  const first = charge && random.chance(0.75) ? charge : random.pick(others);
  const second = others.find((p) => p !== first);
  return !one && second && random.chance(0.3) ? [first, second] : [first];
}

/** How a rep writes one person: 森さん, 森様, 森主任, 森 亮介… Namesakes always get their title. */
function written(p: ContactSeed, people: readonly ContactSeed[], random: Random, formal: boolean): string {
  const namesake = people.some((o) => o !== p && o.family === p.family);
  const titled = withTitle(p);
  if (namesake || (formal && titled !== '')) return titled || `${p.family}様`;
  const style = random.int(0, 9);
  if (style < 3) return `${p.family}さん`;
  if (style < 6) return `${p.family}様`;
  if (style < 8 && titled !== '') return titled;
  if (style < 9) return fullName(p, false);
  return `${p.family}様`;
}

/**
 * 森主任, 加藤本部長; '' when the person has no short title, or when name and title run together
 * into another reading: 坂本 + 部長 reads as 坂 + 本部長, so reps (and we) write 坂本様 instead.
 */
function withTitle(p: ContactSeed): string {
  if (p.short === '') return '';
  const text = `${p.family}${p.short}`;
  return parsePerson(text).name === p.family ? text : '';
}

function joiner(count: number, random: Random): string {
  return count > 1 && random.chance(0.3) ? '・' : '、';
}

/**
 * The due date of a next action: a week or three after the activity; for the latest activity of
 * a customer planted as overdue, `overdue` days before the as-of date; for the latest activity of
 * a customer left alone for two months or more, two weeks after that activity (long forgotten).
 */
function dueFor(day: Day, isLast: boolean, plan: Plan, random: Random): Day {
  if (!isLast) return workday(day + random.int(7, 21));
  if ((plan.overdue ?? 0) > 0) return AS_OF_DAY - (plan.overdue ?? 0);
  if (plan.lastAgo >= 60) return workday(day + 14);
  return AS_OF_DAY + random.int(3, 20);
}

/** 記録日時: the evening of the day, the next morning, or — for a late recorder — days later. */
function stampOf(day: Day, habit: Habit, random: Random): number {
  const lag = random.chance(habit.late) ? random.int(4, 9) : random.chance(0.3) ? 1 : 0;
  // Nobody records in the future: the latest stamp is the day before the as-of date.
  const at = Math.min(day + lag, AS_OF_DAY - 1);
  const minutes = lag === 0 ? random.int(17 * 60, 19 * 60 + 30) : random.int(8 * 60 + 30, 10 * 60);
  return dayToSerial(at) + Math.round((minutes / 1440) * 1e6) / 1e6;
}

/**
 * The three rows that do not read cleanly, on purpose (a real log has them): at 大和電装 a
 * "佐々木さん" who could be either 佐々木, at 湘南フードマシナリー a new manager (山口課長) not yet
 * registered, and at 寿技研 a first meeting typed as 展示会, which is not an activity type.
 */
export const PLANTED = {
  ambiguous: { customerId: 'C005', contactText: '佐々木さん' },
  unknownPerson: { customerId: 'C007', contactText: '山口課長、菅原様' },
  unknownType: { customerId: 'C023', typeWord: '展示会' },
} as const;

function plantNameIssues(rows: ActivitySeed[]): void {
  const plain = (id: string) => rows.filter((r) => r.customerId === id && !r.keyMet && r.contactText !== '');
  const sasaki = plain(PLANTED.ambiguous.customerId);
  const a = sasaki[Math.floor(sasaki.length / 2)];
  if (a) {
    a.contactText = PLANTED.ambiguous.contactText;
    a.typeWord = 'TEL';
    a.purpose = '納期確認';
    a.content = '佐々木さんから納期の問い合わせ。来週出荷で回答。';
  }
  const shonan = plain(PLANTED.unknownPerson.customerId).filter((r) => r.day >= SIDEBAR_START);
  const u = shonan[0];
  if (u) {
    u.contactText = PLANTED.unknownPerson.contactText;
    u.typeWord = '訪問';
    u.purpose = '新任挨拶';
    u.content = '生産技術に新任の山口課長。名刺交換のみ（連絡先は未登録）。';
  }
  const t = rows.find((r) => r.customerId === PLANTED.unknownType.customerId);
  if (t) {
    t.typeWord = PLANTED.unknownType.typeWord;
    t.purpose = '展示会フォロー';
    t.content = '展示会のブースで名刺交換。省力化に関心あり。';
  }
}

/**
 * The half-year before LOG_START (December to May), so the log holds a year: routine contacts
 * with the person in charge, typed by hand, without a next action. Generated apart (its own
 * random sequence), so the half-year every check looks at is the same with or without it, and
 * kept to customers that are in touch in that half-year too. Key persons are not met here:
 * the key-person checks read only the half-year before the as-of date.
 */
export function earlierActivitySeeds(
  contacts: readonly ContactSeed[],
  later: readonly ActivitySeed[],
): ActivitySeed[] {
  const random = seeded(2025);
  const active = new Set(later.map((r) => r.customerId));
  const rows: ActivitySeed[] = [];
  for (const c of CUSTOMER_SEEDS) {
    if (!active.has(c.id)) continue;
    const habit = REP_HABITS[c.rep];
    const people = contacts.filter((p) => p.customerId === c.id && p.role !== 'key');
    const charge = people.find((p) => p.role === 'charge') ?? people[0];
    const every = random.int(18, 30);
    for (
      let d = LOG_START - random.int(3, 12);
      d >= YEAR_START;
      d -= Math.max(5, Math.round(every * (0.6 + 0.8 * random.next())))
    ) {
      const day = workday(d);
      if (day < YEAR_START || day >= LOG_START) continue;
      const typeWord = random.weighted(habit.types as Record<TypeWord, number>);
      const kind = TYPE_WORDS[typeWord] ?? 'visit';
      const topics = TOPICS.filter((t) => t.kinds.includes(kind));
      const topic = random.pick(topics.length > 0 ? topics : TOPICS);
      const product = random.pick(PRODUCTS);
      rows.push({
        customerId: c.id,
        day,
        // Written in full: a namesake at the same customer would otherwise make a row ambiguous.
        contactText: charge ? fullName(charge, false) : '',
        typeWord,
        purpose: topic.purpose,
        content: random.pick(topic.contents).replace('{p}', product).replace('{k}', ''),
        nextAction: '',
        nextDue: null,
        rep: c.rep,
        repText: random.chance(0.6) ? REPS[c.rep] : REPS[c.rep].split(' ')[0]!,
        stamp: null,
        form: random.weighted(habit.forms as Record<DateForm, number>),
        keyMet: false,
      });
    }
  }
  return rows.sort((a, b) => a.day - b.day || (a.customerId < b.customerId ? -1 : 1));
}

/** The activity sheet as the team keeps it. */
export function activityGrid(rows: readonly ActivitySeed[], random: Random = seeded(7)): CellValue[][] {
  const name = new Map(CUSTOMER_SEEDS.map((c) => [c.id, c]));
  const header: CellValue[] = [
    '日付',
    '顧客名',
    '面談者',
    '種別',
    '目的',
    '内容',
    '次回アクション',
    '次回期日',
    '営業担当',
    '記録日時',
  ];
  return [
    header,
    ...rows.map((r): CellValue[] => {
      const c = name.get(r.customerId);
      // The sidebar writes the name from the list; by hand people write it as they say it.
      const customer = !c ? r.customerId : r.stamp !== null ? c.name : random.pick([c.name, ...c.typed]);
      return [
        typedDate(r.day, r.form, random),
        customer,
        r.contactText,
        r.typeWord,
        r.purpose,
        r.content,
        r.nextAction,
        r.nextDue === null ? '' : typedDate(r.nextDue, r.form, random),
        r.repText,
        r.stamp ?? '',
      ];
    }),
  ];
}
