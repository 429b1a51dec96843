import { defineMessages } from './define';

/** Messages about locations and generic failures, used by every area. */
export const commonMessages = defineMessages({
  ja: {
    'loc.sheetRowColumn': '「{sheet}」シート {row}行目 {column}列「{header}」',
    'loc.sheetRow': '「{sheet}」シート {row}行目',
    'loc.sheet': '「{sheet}」シート',
    'loc.rowColumn': '{row}行目 {column}列「{header}」',
    'loc.row': '{row}行目',
    'loc.argumentRowColumn': '引数 {argument} の {row}行目 {column}列「{header}」',
    'loc.argumentRow': '引数 {argument} の {row}行目',
    'loc.argument': '引数 {argument}',
    'error.internal': '予期しないエラーが起きました: {detail}',
    'error.more': 'ほか {count} 件',
    'error.busy': '他の人が記録中です。少し待ってからもう一度送信してください',
  },
  en: {
    'loc.sheetRowColumn': 'sheet "{sheet}", row {row}, column {column} ("{header}")',
    'loc.sheetRow': 'sheet "{sheet}", row {row}',
    'loc.sheet': 'sheet "{sheet}"',
    'loc.rowColumn': 'row {row}, column {column} ("{header}")',
    'loc.row': 'row {row}',
    'loc.argumentRowColumn': 'argument {argument}, row {row}, column {column} ("{header}")',
    'loc.argumentRow': 'argument {argument}, row {row}',
    'loc.argument': 'argument {argument}',
    'error.internal': 'An unexpected error occurred: {detail}',
    'error.more': 'and {count} more',
    'error.busy': 'Someone else is saving a record right now. Wait a moment and submit again.',
  },
});
