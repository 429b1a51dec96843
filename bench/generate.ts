/**
 * Synthetic workbook data at benchmark scale, as a host hands it over (header row + values,
 * dates as serial numbers). Deterministic: the same size always gives the same data.
 */
import type { CellValue } from '../shared/values/cell';

export interface Grids {
  customers: CellValue[][];
  contacts: CellValue[][];
  activities: CellValue[][];
  /**
   * Per activity row (header excluded): whether a key person was among the people met. kimeru
   * works this out from the names; a user checking by formulas has to keep it as a hand-made
   * flag column, so the baseline gets it from here.
   */
  keyPersonMet: boolean[];
}

const FAMILY = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '松本',
  '井上',
  '木村',
];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健', '翔', '陽子', '大輔', '直樹', '由美'];
const TITLES = ['部長', '課長', '係長', '主任', '', '取締役'];
const INDUSTRIES = ['製造業', '卸売業', '建設業', '情報通信業', '小売業', ''];
const TYPES = ['訪問', '電話', 'Web会議', 'メール', '提案', '来社'];
const REPS = ['営業一郎', '営業花子', '営業次郎', '営業三郎'];
const SERIAL_1970 = 25569;

/** mulberry32: a tiny seeded PRNG, so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How the log's rows follow each other: `date` as a team writes a log (one row per activity as it
 * happens, so each row is usually another customer's), `customer` with each customer's rows
 * together (a log someone sorted by customer).
 */
export type LogOrder = 'customer' | 'date';
/** How customer IDs are written: as text ("C00001"), or as numbers typed in cells (1). */
export type IdKind = 'text' | 'number';

/**
 * `asOfDay` is the as-of date (days since 1970); activities spread over the year before it. The
 * same activities whichever `order` the log has.
 */
export function generate(
  customers: number,
  asOfDay: number,
  seed = 42,
  order: LogOrder = 'customer',
  ids: IdKind = 'text',
): Grids {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const cust: CellValue[][] = [
    ['顧客ID', '顧客名', 'フリガナ', '営業担当', '業種', '従業員数', '年間取引額'],
  ];
  const cont: CellValue[][] = [['連絡先ID', '顧客ID', '氏名', '役職', '役割']];
  const acts: CellValue[][] = [
    [
      '日付',
      '顧客ID',
      '面談者',
      '種別',
      '目的',
      '内容',
      '次回アクション',
      '次回期日',
      '営業担当',
      '記録日時',
      '記録ID',
    ],
  ];
  const keyPersonMet: boolean[] = [];
  const contactsPerCustomer = 3;
  const activitiesPerCustomer = 30;
  for (let c = 0; c < customers; c++) {
    const id: string | number = ids === 'number' ? c + 1 : `C${String(c + 1).padStart(5, '0')}`;
    const rep = pick(REPS);
    // Long-tailed sales so that ABC analysis has a real Pareto shape.
    const sales = Math.round(1_000_000 / Math.pow(rnd() + 0.01, 1.5));
    cust.push([
      id,
      `株式会社テスト${c + 1}`,
      `テスト${c + 1}`,
      rep,
      pick(INDUSTRIES),
      Math.floor(rnd() * 2000) + 5,
      sales,
    ]);
    const names: string[] = [];
    let firstIsKeyPerson = false;
    for (let k = 0; k < contactsPerCustomer; k++) {
      // Distinct family names per customer keep the people column unambiguous.
      const name = `${FAMILY[(c + k * 5) % FAMILY.length]} ${pick(GIVEN)}`;
      names.push(name);
      const role = k === 0 ? (rnd() < 0.9 ? 'キーマン' : '担当者') : k === 1 ? '担当者' : '影響者';
      if (k === 0) firstIsKeyPerson = role === 'キーマン';
      cont.push([`${id}-${k + 1}`, id, name, pick(TITLES), role]);
    }
    for (let a = 0; a < activitiesPerCustomer; a++) {
      const day = asOfDay - Math.floor(rnd() * 365);
      const met = rnd() < 0.3 ? names[0] : rnd() < 0.7 ? names[1] : `${names[1]}、${names[2]}`;
      keyPersonMet.push(firstIsKeyPerson && met === names[0]);
      const due = rnd() < 0.5 ? day + 14 + Math.floor(rnd() * 30) : null;
      acts.push([
        day + SERIAL_1970,
        id,
        met,
        pick(TYPES),
        '定期訪問',
        '状況確認',
        due === null ? '' : '見積提出',
        due === null ? '' : due + SERIAL_1970,
        rep,
        day + Math.floor(rnd() * 5) + SERIAL_1970,
        '',
      ]);
    }
  }
  return order === 'date'
    ? { customers: cust, contacts: cont, ...byDate(acts, keyPersonMet) }
    : { customers: cust, contacts: cont, activities: acts, keyPersonMet };
}

/**
 * The log in date order (then by when each row was recorded), every row a new array made in that
 * order: a host hands a range over row by row, so its rows lie in memory in the sheet's order.
 */
function byDate(acts: CellValue[][], keyPersonMet: boolean[]): Pick<Grids, 'activities' | 'keyPersonMet'> {
  const order = keyPersonMet.map((_, i) => i);
  const row = (i: number) => acts[i + 1] as CellValue[];
  order.sort(
    (a, b) =>
      (row(a)[0] as number) - (row(b)[0] as number) || (row(a)[9] as number) - (row(b)[9] as number) || a - b,
  );
  return {
    activities: [acts[0] as CellValue[], ...order.map((i) => [...row(i)])],
    keyPersonMet: order.map((i) => keyPersonMet[i] as boolean),
  };
}
