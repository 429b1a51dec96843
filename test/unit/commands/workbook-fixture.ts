import type { CellValue } from '../../../shared/values';

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
