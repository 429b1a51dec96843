import type { RawCellContent } from 'hyperformula';
import type { Lang } from '../shared/i18n';
import { guardText } from './cell-text';
import { fail } from './messages';

/**
 * A customer list saved as CSV: UTF-8 (with or without BOM), UTF-16 with BOM, or Shift_JIS as
 * Japanese Excel writes it by default. Cells stay text except plain numbers, as Excel opens them;
 * codes with leading zeros (00123) stay text.
 */

/** The text of a CSV file in whatever encoding Japanese offices save it. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** Rows of fields (RFC 4180: quotes, doubled quotes, line breaks inside quotes; , or tab). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV field as HyperFormula content: a plain number becomes a number, the rest stays text. */
export function csvContent(field: string): RawCellContent {
  if (field === '') return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(field)) return Number(field);
  return guardText(field);
}

/** A sheet name from a file name: without extension, without characters sheets refuse, ≤ 31. */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = base
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (clean || 'Sheet1').slice(0, 31);
}

/** Reads a CSV file into one sheet's content. */
export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
): { name: string; content: RawCellContent[][] } {
  const rows = parseCsv(decodeCsv(bytes));
  while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f === '')) rows.pop();
  if (rows.length === 0) fail(lang, 'xlsx.emptyCsv', { file: fileName });
  return { name: sheetNameFromFile(fileName), content: rows.map((r) => r.map(csvContent)) };
}
