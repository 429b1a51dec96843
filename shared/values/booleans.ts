import type { CellValue, Read } from './cell';
import { normalizeText } from './text';

// Compared after NFKC + lower-case. レ is the check mark people type as katakana.
const TRUE_WORDS = new Set([
  'true',
  '1',
  '○',
  '〇',
  '◯',
  '●',
  '✓',
  '✔',
  '☑',
  'レ',
  'はい',
  '有',
  'あり',
  '有り',
  '済',
  '済み',
  '完了',
  'yes',
  'y',
  'on',
]);
const FALSE_WORDS = new Set([
  'false',
  '0',
  '×',
  '✕',
  '✖',
  '✗',
  '✘',
  'x',
  'いいえ',
  '無',
  'なし',
  '無し',
  '未',
  '未了',
  'no',
  'n',
  'off',
  '-',
]);

/**
 * Cell → boolean. Blank → null. TRUE/FALSE, 1/0, ○/×, はい/いいえ, 有/無, あり/なし, 済/未, yes/no,
 * ✓, レ; a lone "-" reads as false (the usual "none" mark in Japanese sheets).
 */
export function readBoolean(v: CellValue): Read<boolean | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number') {
    if (v === 1 || v === 0) return { ok: true, value: v === 1 };
  } else if (typeof v === 'string') {
    const s = normalizeText(v).toLowerCase();
    if (s === '') return { ok: true, value: null };
    if (TRUE_WORDS.has(s)) return { ok: true, value: true };
    if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  }
  return { ok: false, key: 'values.notABoolean', params: { value: normalizeText(v) } };
}
