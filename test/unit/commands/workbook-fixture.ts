import type { ActivityInput } from '../../../shared/engines';
import { dayFromParts, type CellValue } from '../../../shared/values';

/**
 * A team's workbook before kimeru: a customer list under a title with decorated headers, a
 * memo sheet, and a sheet that happens to be called 行動 but is a to-do list, not a log.
 */
export function teamWorkbook(): Record<string, CellValue[][]> {
  return {
    メモ: [['来期の方針'], ['キーマン接触を増やす']],
    得意先リスト: [
      ['■ 得意先一覧（2026年11月）', '', '', '', '', '', ''],
      ['', '', '', '', '', '', ''],
      ['【顧客コード】', '会社名', 'ﾌﾘｶﾞﾅ', '担当営業', '業種', '従業員数', '年間取引額'],
      ['C001', '株式会社山田製作所', 'ヤマダセイサクショ', '佐藤', '製造業', '３００', '1,200万円'],
      ['C002', '(株)鈴木商事', 'スズキショウジ', '高橋', '卸売業', 50, 3500000],
      ['', '', '', '', '', '', ''],
      ['C003', '田中工業㈱', 'タナカコウギョウ', '佐藤', '', '', '800万'],
      ['C004', '=HYPERLINK("x")', '', '高橋', '小売業', 10, ''],
    ],
    行動: [
      ['やること', '期限'],
      ['見積を送る', '2026/12/01'],
    ],
  };
}

/** A customer list of any size, for checking that host calls do not grow with the rows. */
export function sizedWorkbook(customers: number): Record<string, CellValue[][]> {
  const rows: CellValue[][] = [['顧客ID', '顧客名', '営業担当', '業種', '従業員数', '年間取引額']];
  for (let i = 1; i <= customers; i++)
    rows.push([`C${i}`, `株式会社テスト${i}`, i % 2 ? '佐藤' : '高橋', '製造業', 10 + i, i * 10000]);
  return { 顧客: rows };
}

/** 2026-11-29 10:30, the clock every command test runs at. */
export const TODAY = dayFromParts(2026, 11, 29);
export const clock = { now: () => ({ day: TODAY, minutes: 10 * 60 + 30 }) };

/** A sidebar submit for (株)鈴木商事, with whatever a test changes. */
export function activity(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    date: '2026-11-28',
    customerId: 'C002',
    contactIds: [],
    type: 'visit',
    purpose: '定例',
    content: '在庫状況の確認',
    nextAction: '',
    nextDue: '',
    rep: '高橋',
    key: 'k-1',
    ...over,
  };
}

/** The value of an API envelope, or the test fails with the user-facing message. */
export async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
