import { defineMessages, type Lang } from '../shared/i18n';

/**
 * The words of the .xlsx part and of file handling: why a file cannot be opened, saved or
 * written. Keys: xlsx (what is inside the file), file (the file on disk).
 */
export const XLSX_MESSAGES = defineMessages({
  ja: {
    'xlsx.notZip': '「{file}」を開けません: .xlsx ファイルとして読めません（壊れているか、別の形式です）。',
    'xlsx.noWorkbook': '「{file}」を開けません: ブック（xl/workbook.xml）が見つかりません。',
    'xlsx.missingPart': '「{file}」を開けません: 必要な部品 {part} がありません。',
    'xlsx.badXml':
      '「{file}」を開けません: 部品 {part} が正しい XML ではありません（ファイルが壊れています）。Excel で開いて保存し直してください。',
    'xlsx.unsupported': '「{file}」は開けない形式です。.xlsx か .csv を選んでください。',
    'xlsx.encrypted':
      '「{file}」はパスワードで保護されているため開けません。保護を外して保存し直してください。',
    'xlsx.xls':
      '「{file}」は古い Excel 形式（.xls）のため開けません。Excel で「名前を付けて保存」から .xlsx 形式で保存し直してください。',
    'xlsx.ods':
      '「{file}」は OpenDocument 形式（.ods）のため開けません。LibreOffice で「名前を付けて保存」から Excel 2007-365 (.xlsx) 形式で保存し直してください。',
    'xlsx.tooLarge':
      '「{file}」は展開すると {limit} MB を超えるため開きません（圧縮爆弾の可能性があります）。',
    'xlsx.emptyCsv': '「{file}」は空です。',
    'xlsx.formulaCell':
      'シート「{sheet}」のセル {cell} は共有数式・配列数式の一部のため、書き換えずに保存を中止しました。',
    'xlsx.notWorksheet':
      'シート「{sheet}」はグラフシートなどのため、セルを書き込めません。保存を中止しました。',
    'file.missing': 'ファイル「{file}」がありません。',
    'file.directory': '「{file}」はフォルダーです。.xlsx か .csv のファイルを指定してください。',
    'file.notFile': '「{file}」は通常のファイルではありません。.xlsx か .csv のファイルを指定してください。',
    'file.unreadable': '「{file}」を読めません（読み取りの権限がありません）。',
    'file.brokenLink': '「{file}」はリンク先のないシンボリックリンクです。',
    'file.interrupted': '中断しました。書きかけの一時ファイルは削除し、「{file}」は変更していません。',
  },
  en: {
    'xlsx.notZip':
      'Cannot open "{file}": it cannot be read as an .xlsx file (it is damaged or another format).',
    'xlsx.noWorkbook': 'Cannot open "{file}": no workbook part (xl/workbook.xml) in it.',
    'xlsx.missingPart': 'Cannot open "{file}": the part {part} is missing.',
    'xlsx.badXml':
      'Cannot open "{file}": its part {part} is not well-formed XML (the file is damaged). Open it in Excel and save it again.',
    'xlsx.unsupported': 'Cannot open "{file}": choose an .xlsx or .csv file.',
    'xlsx.encrypted':
      'Cannot open "{file}": it is password-protected. Remove the protection and save it again.',
    'xlsx.xls':
      'Cannot open "{file}": it is an old Excel file (.xls). In Excel, use Save As to save it as an .xlsx workbook.',
    'xlsx.ods':
      'Cannot open "{file}": it is an OpenDocument spreadsheet (.ods). In LibreOffice, use Save As to save it as Excel 2007-365 (.xlsx).',
    'xlsx.tooLarge': 'Cannot open "{file}": unzipped it would exceed {limit} MB (it may be a zip bomb).',
    'xlsx.emptyCsv': '"{file}" is empty.',
    'xlsx.formulaCell':
      'Cell {cell} of sheet "{sheet}" is part of a shared or array formula; nothing was saved rather than break it.',
    'xlsx.notWorksheet':
      'Sheet "{sheet}" is a chart sheet or similar and cannot hold cells; nothing was saved.',
    'file.missing': 'There is no file "{file}".',
    'file.directory': '"{file}" is a folder: name an .xlsx or .csv file.',
    'file.notFile': '"{file}" is not a regular file: name an .xlsx or .csv file.',
    'file.unreadable': 'Cannot read "{file}" (no permission to read it).',
    'file.brokenLink': '"{file}" is a symbolic link to nothing.',
    'file.interrupted': 'Interrupted. The temporary file was removed and "{file}" was not changed.',
  },
});

export type XlsxKey = keyof typeof XLSX_MESSAGES.ja;

/** The message for `key` in `lang`, with `{name}` placeholders filled. */
export function sayXlsx(lang: Lang, key: XlsxKey, params: Record<string, string | number> = {}): string {
  return XLSX_MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A file that cannot be opened, saved or written, with the reason in the user's language. */
export class XlsxError extends Error {
  constructor(
    message: string,
    readonly key: XlsxKey,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Throws an XlsxError with the message for `key`. */
export function fail(lang: Lang, key: XlsxKey, params: Record<string, string | number> = {}): never {
  throw new XlsxError(sayXlsx(lang, key, params), key);
}
