import { defineMessages } from '../i18n/define';

/** User-facing messages of shared/values, in both languages. */
export const valuesMessages = defineMessages({
  ja: {
    'values.notANumber': '「{value}」は数値として読めません（例: 1200、1,200万円、70%）',
    'values.notADate':
      '「{value}」は日付として読めません（例: 2026/11/29、2026年11月29日、令和8年11月29日、R8.11.29）',
    'values.notABoolean': '「{value}」は はい/いいえ として読めません（例: ○、×、はい、いいえ、TRUE、FALSE）',
    'values.dateInNumberColumn':
      'この数値は日付の書式になっています（{value} と表示）。数値 {number} として読みました',
    'values.dateInNumberColumn.fix': '書式を数値に戻してください',
    'values.errorCell': 'セルがエラー値 {value} です。この行は読み飛ばします。',
    'values.errorCell.fix': 'このセルの数式を直すか、値を入力してください。',
    'values.errorCellBlank': 'セルがエラー値 {value} です。空欄として読みました。',
    'values.errorCellBlank.fix': 'このセルの数式を直すか、値を入力してください。',
  },
  en: {
    'values.notANumber': '"{value}" is not a number (e.g. 1200, 1,200万円, 70%)',
    'values.notADate':
      '"{value}" is not a date (e.g. 2026-11-29, 2026/11/29, 2026年11月29日, 令和8年11月29日)',
    'values.notABoolean': '"{value}" is not yes/no (e.g. TRUE, FALSE, yes, no, ○, ×)',
    'values.dateInNumberColumn':
      'This number has a date format (shown as {value}); it was read as the number {number}',
    'values.dateInNumberColumn.fix': 'Set the cell format back to a number',
    'values.errorCell': 'The cell holds the error value {value}. This row is skipped.',
    'values.errorCell.fix': "Fix the cell's formula, or type a value.",
    'values.errorCellBlank': 'The cell holds the error value {value}; it was read as blank.',
    'values.errorCellBlank.fix': "Fix the cell's formula, or type a value.",
  },
});
