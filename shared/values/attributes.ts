import type { AttrValue } from '../model';
import type { CellValue } from './cell';
import { dayFromDate, dayToIso } from './days';
import { readNumber } from './numbers';
import { normalizeText } from './text';

/**
 * Loose read for free customer columns. Blank → null; numbers and number-like text ("1,200万円",
 * "７０%") → number; booleans stay booleans; a Date → 'YYYY-MM-DD' text (readable in gap sheets,
 * and ISO text still sorts and compares in date order); anything else → normalised text.
 * Codes with a leading zero ("0120", "007") stay text: a number would lose the zero.
 */
export function readAttribute(v: CellValue): AttrValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dayToIso(dayFromDate(v));
  const text = normalizeText(v);
  if (text === '') return null;
  if (/^[-+]?0\d/.test(text)) return text;
  const n = readNumber(text);
  return n.ok && n.value !== null ? n.value : text;
}
