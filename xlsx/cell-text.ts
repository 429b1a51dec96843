import { columnLetter } from '../shared/tables/columns';
import { needsTextGuard } from '../shared/port';

/**
 * How text and formulas are handed to HyperFormula: user text must stay text, and formulas that
 * Excel accepts (Japanese sheet names unquoted) must parse in HyperFormula, which only accepts
 * unquoted sheet names made of Latin letters, digits and "_".
 */

/**
 * `text` as HyperFormula cell content that stays exactly that text: a leading "'" keeps it text
 * when the core's one rule (`needsTextGuard`) says a spreadsheet would read it as something else.
 */
export function guardText(text: string): string {
  return needsTextGuard(text) ? `'${text}` : text;
}

const PLAIN_SHEET_NAME = /^[A-Za-z\u00C0-\u02AF0-9_]+$/;
// A sheet reference starts after one of these (or at the start of the formula).
const BEFORE_REFERENCE = /[=(,;+\-*/&^<>:{}%\s]/;

/** A sheet name as a formula references it: quoted unless HyperFormula accepts it bare. */
export function sheetRef(name: string): string {
  return PLAIN_SHEET_NAME.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Quotes every bare reference to one of `sheetNames` that HyperFormula cannot read unquoted
 * (顧客!A1:H60 → '顧客'!A1:H60), leaving string literals and quoted names alone.
 */
export function quoteSheetRefs(formula: string, sheetNames: readonly string[]): string {
  const names = sheetNames.filter((n) => !PLAIN_SHEET_NAME.test(n)).sort((a, b) => b.length - a.length);
  if (names.length === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // Copy a string literal or a quoted sheet name whole ("" and '' escape the quote).
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const atBoundary = i === 0 || BEFORE_REFERENCE.test(formula[i - 1]!);
    const name = atBoundary ? names.find((n) => formula.startsWith(`${n}!`, i)) : undefined;
    if (name !== undefined) {
      out += `${sheetRef(name)}!`;
      i += name.length + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** 0-based column index → letters (0 → A, 26 → AA): the core's one implementation. */
export const columnLetters = columnLetter;

/** Letters → 0-based column index (A → 0); -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) return -1;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** "B12" → {row: 11, col: 1}; null when not an A1 address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** {row: 11, col: 1} (0-based) → "B12". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
