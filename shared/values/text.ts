import type { CellValue } from './cell';
import { dayFromDate, dayToIso } from './days';

// \s covers the ideographic (full-width) space U+3000 and no-break spaces too.
const WHITESPACE_RUN = /\s+/g;

/**
 * The longest text read as a key: a customer ID or name, a list of people met, a rank rule.
 * Anything longer is prose or a paste gone wrong; readers refuse it whole (and say so) rather
 * than work through up to 50,000 characters, which keeps every cell well under 10 ms.
 */
export const MAX_KEY_LENGTH = 500;

// The same texts (names, types, reps) come back on every recalculation of a custom function:
// each is normalised once. Bounded, so a huge sheet of unique notes cannot grow it without end.
const NORMALIZED = new Map<string, string>();
const NORMALIZED_LIMIT = 50_000;

/**
 * True when NFKC, trimming and collapsing leave `v` as it is: words of printable ASCII, kana and
 * kanji (each NFKC-stable, none composing with another) separated by single spaces. A check per
 * character: cheaper than the memo, which names and IDs would otherwise all go through.
 */
function plainText(v: string): boolean {
  return plainWords(v, false);
}

/**
 * True when normalizeNote leaves `v` as it is: plainText's words, also with the marks notes are
 * written with (、。「」・, full-width letters and digits), all NFC-stable and none composing. The
 * people met and next actions of 300,000 rows take this check instead of a memo look-up.
 */
export function plainNote(v: string): boolean {
  return plainWords(v, true);
}

/** Words of plain characters (`note`: also those only NFKC would change) between single spaces. */
function plainWords(v: string, note: boolean): boolean {
  let space = true; // a space at the start is not plain
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if ((c > 0x20 && c < 0x7f) || (note ? noteChar(c) : textChar(c))) continue;
    return false;
  }
  return !space;
}

/** Kanji, kana, ー and 々: what NFKC leaves as it is. */
function textChar(c: number): boolean {
  return c >= 0x4e00
    ? c <= 0x9fff
    : (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x3005;
}

/** Kanji, kana, CJK marks and full-width ASCII: what NFC leaves as it is. */
function noteChar(c: number): boolean {
  return c >= 0x4e00
    ? c <= 0x9fff || (c >= 0xff01 && c <= 0xff5e)
    : (c >= 0x3001 && c <= 0x3029) || // U+302A–302F are combining marks NFC may reorder
        (c >= 0x3030 && c <= 0x303f) ||
        (c >= 0x3041 && c <= 0x3096) ||
        (c >= 0x30a1 && c <= 0x30fc);
}

/** Cell → text as people compare it: NFKC, trimmed, whitespace runs collapsed; '' for blank. */
export function normalizeText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (plainText(v)) return v;
    const hit = NORMALIZED.get(v);
    if (hit !== undefined) return hit;
    const out = v.normalize('NFKC').replace(WHITESPACE_RUN, ' ').trim();
    if (NORMALIZED.size >= NORMALIZED_LIMIT) NORMALIZED.clear();
    NORMALIZED.set(v, out);
    return out;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  // Spreadsheets show booleans as TRUE / FALSE.
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return Number.isNaN(v.getTime()) ? '' : dayToIso(dayFromDate(v));
}

/**
 * Cell → multi-line text (activity notes): line breaks kept, each line trimmed, NFC only so the
 * writer's characters (①, ㈱, full-width letters) are shown as written.
 */
export function normalizeNote(v: CellValue): string {
  if (typeof v !== 'string') return normalizeText(v);
  return v
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** True for null, undefined, '' and whitespace-only text (full-width spaces included). */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

/** Hiragana → katakana, so ふりがな and フリガナ compare equal. */
export function toKatakana(s: string): string {
  // By character code, not a replace with a callback per kana: every contact's kana and every
  // name written in a log goes through here on each recalculation (a fresh Apps Script run
  // keeps no memo from the last).
  let i = 0;
  while (i < s.length && !hiragana(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(hiragana(c) ? c + 0x60 : c);
  }
  return out;
}

function hiragana(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e;
}

/**
 * Text folded for matching and search: NFKC, lowercase, kana as katakana, no whitespace.
 * "ヤマダ 製作所", "やまだ製作所" and "ﾔﾏﾀﾞ製作所" fold alike.
 */
export function foldText(v: CellValue): string {
  return toKatakana(normalizeText(v).toLowerCase()).replace(WHITESPACE_RUN, '');
}
