import { starterDefinition, writeDefinition } from '../../../shared/definition';
import type { CellValue } from '../../../shared/values';

/**
 * A small hand-kept workbook as a sales team has it: a title row above the customer table,
 * company-name variants, amounts in 万円, Japanese dates in several forms, people written
 * with titles and honorifics.
 */
export const customers: CellValue[][] = [
  ['顧客一覧（営業部）', null, null, null, null, null],
  [null, null, null, null, null, null],
  ['顧客ID', '顧客名', '営業担当', '業種', '従業員数', '年間取引額'],
  ['C001', '株式会社山田製作所', '佐藤', '製造業', '３００', '1,200万円'],
  ['C002', '(株)鈴木商事', '高橋', '卸売業', 50, 3500000],
  [null, null, null, null, null, null],
  ['C003', '田中工業㈱', '佐藤', '', '', '800万'],
  ['C004', '=HYPERLINK("x")', '高橋', '小売業', 10, ''],
];

export const contacts: CellValue[][] = [
  ['顧客ID', '氏名', '役職', '役割'],
  ['C001', '田中 太郎', '部長', 'キーマン'],
  ['C001', '鈴木 花子', '主任', '担当者'],
  ['C002', '山本 健', '専務', '決裁者'],
  ['C002', '伊藤 誠', '', '担当者'],
  ['C003', '中村 優', '課長', '担当者'],
];

export const activities: CellValue[][] = [
  ['日付', '顧客ID', '面談者', '種別', '内容', '次回アクション', '次回期日', '営業担当', '記録日時'],
  ['2026/11/20', 'C001', '田中部長、鈴木様', '訪問', '予算確認', 'デモ', '2026/12/10', '佐藤', '2026/11/20'],
  ['令和8年11月10日', '鈴木商事', '伊藤さん', '来社', '定例', '', '', '高橋', '2026/11/10'],
  ['R8.10.1', 'C002', '伊藤', 'TEL', '見積確認', '', '', '高橋', '2026/10/1'],
  [
    '2026年11月25日',
    'C003',
    '中村課長',
    'Zoom',
    '課題ヒアリング',
    '提案書送付',
    '2026/11/1',
    '佐藤',
    '2026/11/25',
  ],
];

export const definition: CellValue[][] = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 3 });

/** 2026-11-29 as a spreadsheet serial number, as Excel passes a date cell. */
export const AS_OF_SERIAL = 46355;
