import { isDateValue, type CellValue, type Read } from './cell';
import { dayFromDate, dayToSerial } from './days';
import { normalizeText } from './text';

// Japanese large-number units, as powers of ten (so "1.1万" scales exactly via the exponent).
const UNIT_EXPONENT: Record<string, number> = { 兆: 12, 億: 8, 万: 4, 千: 3 };
// A plain number: digits with optional well-formed thousands separators, optional decimals.
// "1,5" is rejected: it could be a European decimal or a typo, and we never guess.
const PLAIN = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;
// One "<number><unit>" group of a Japanese amount such as 1億2,000万.
const UNIT_GROUP = /((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(兆|億|万|千)/y;

function fail(v: CellValue): Read<number | null> {
  return { ok: false, key: 'values.notANumber', params: { value: normalizeText(v) } };
}

/**
 * Cell → number. Blank → null. Accepts numbers stored as text, full-width digits, thousands
 * separators, a leading ¥ or trailing 円, 万/億/千/兆 units ("1,200万円" → 12000000,
 * "1億2000万" → 120000000), percentages ("70%" → 0.7), a leading minus, △/▲ (Japanese
 * accounting minus) and accounting parentheses "(1,200)" → -1200.
 */
export function readNumber(v: CellValue): Read<number | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : fail(v);
  if (typeof v !== 'string') return fail(v);
  let s = normalizeText(v);
  if (s === '') return { ok: true, value: null };
  // Spaces go, except between digits: "1 2" is not 12. (No lookbehind: Safari before 16.4, the
  // engine of Excel on older Macs, cannot parse it.)
  s = s
    .replace(/\s+/g, (run: string, at: number, all: string) =>
      isDigit(all.charCodeAt(at - 1)) && isDigit(all.charCodeAt(at + run.length)) ? run : '',
    )
    .replace(/[−‐‑–—]/g, '-');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  const sign = /^([-+△▲])/.exec(s);
  if (sign) {
    if (negative) return fail(v);
    negative = sign[1] !== '+';
    s = s.slice(1);
  }
  s = s.replace(/^[¥$]/, '').replace(/円$/, '');
  const value = parseUnsigned(s);
  if (value === null) return fail(v);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

function parseUnsigned(s: string): number | null {
  if (s.endsWith('%')) {
    const body = s.slice(0, -1);
    if (!PLAIN.test(body) || !/\d/.test(body)) return null;
    return Number(`${body.replace(/,/g, '')}e-2`);
  }
  if (SCIENTIFIC.test(s)) return Number(s);
  if (PLAIN.test(s)) return /\d/.test(s) ? Number(s.replace(/,/g, '')) : null;
  return parseWithUnits(s);
}

// "1億2,000万5千" → sum of groups with strictly decreasing units, plus an optional plain tail.
function parseWithUnits(s: string): number | null {
  let total = 0;
  let pos = 0;
  let lastExponent = Infinity;
  UNIT_GROUP.lastIndex = 0;
  for (let m = UNIT_GROUP.exec(s); m; m = UNIT_GROUP.exec(s)) {
    const exponent = UNIT_EXPONENT[m[2] ?? ''] ?? 0;
    if (exponent >= lastExponent) return null;
    lastExponent = exponent;
    total += Number(`${(m[1] ?? '').replace(/,/g, '')}e${exponent}`);
    pos = UNIT_GROUP.lastIndex;
  }
  if (pos === 0) return null;
  const tail = s.slice(pos);
  if (tail === '') return total;
  if (!/^\d+$/.test(tail) || tail.length > lastExponent) return null;
  return total + Number(tail);
}

/**
 * A number cell that carries a date format reaches a custom function as a Date (0 shows as
 * 1899-12-30, 2026 as 1905-07-18). The number it stands for is its serial (days since 1899-12-30,
 * time as a fraction), read from the local calendar day and clock the host gave it; the cell is
 * read with a warning so the user can put the number format back. For number columns of a table;
 * readNumber itself rejects Dates (a definition's threshold that is a date is a mistake to report).
 */
export function readNumberCell(v: CellValue): Read<number | null> {
  if (!isDateValue(v)) return readNumber(v);
  if (Number.isNaN(v.getTime())) return fail(v);
  const minutes = v.getHours() * 60 + v.getMinutes() + v.getSeconds() / 60;
  const value = dayToSerial(dayFromDate(v)) + minutes / 1440;
  return {
    ok: true,
    value,
    warning: { key: 'values.dateInNumberColumn', params: { value: normalizeText(v), number: value } },
  };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
