import type { CellValue } from '../values/cell';

// Decorations people put around or inside headers: brackets, marks for "required", bullets,
// separators. Removed before comparing, so 【顧客ID】, 顧客 ID and "customer_id" meet.
const DECORATION = /[\s【】「」『』()[\]{}<>〈〉《》≪≫〔〕★☆※*■□●◆◇▲▼▶►・_\-.:'"`]/g;

/** Header text → comparison key: NFKC, lower-case, decorations, spaces and trailing ":" removed. */
export function normalizeHeader(s: CellValue): string {
  if (s === null || s === undefined) return '';
  const text = s instanceof Date ? '' : String(s);
  return text.normalize('NFKC').toLowerCase().replace(DECORATION, '');
}
