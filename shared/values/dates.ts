import type { Day } from '../model';
import type { CellValue, Read } from './cell';
import { normalizeText } from './text';
import { dayFromDate, dayFromParts, isValidParts, serialToDay } from './days';

/** Serial numbers accepted as dates: 1927-05-18 … 2173-10-13. Smaller numbers are far more
 *  often a year or a typo (2026 would be 1905-07-18) than a real date in a sales log. */
const SERIAL_MIN = 10000;
const SERIAL_MAX = 99999;
/** Years accepted when reading a date from a cell: anything else is a typo (0226, 20266…). */
const YEAR_MIN = 1868;
const YEAR_MAX = 2199;

// Japanese eras: first day, and the year of the era's first year. An era date outside its era
// (平成32年, 令和元年4月) is rejected rather than converted: it is a typo as often as not.
interface Era {
  start: Day;
  end: Day; // exclusive
  firstYear: number;
}
const ERAS: Record<string, Era> = {};
{
  const eras: [string[], number, number, number][] = [
    [['明治', 'm'], 1868, 1, 25],
    [['大正', 't'], 1912, 7, 30],
    [['昭和', 's'], 1926, 12, 25],
    [['平成', 'h'], 1989, 1, 8],
    [['令和', 'r'], 2019, 5, 1],
  ];
  eras.forEach(([names, y, m, d], i) => {
    const next = eras[i + 1];
    const era: Era = {
      start: dayFromParts(y, m, d),
      end: next ? dayFromParts(next[1], next[2], next[3]) : Infinity,
      firstYear: y,
    };
    for (const name of names) ERAS[name] = era;
  });
}

const MONTHS: Record<string, number> = {};
['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((m, i) => {
  MONTHS[m] = i + 1;
});
const MONTH_NAMES =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

// Date forms, on NFKC-normalised lower-case text. Each captures y/m/d (or era/y/m/d).
const YMD_SEPARATED = /^(\d{4}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{1,2})/;
const YMD_KANJI = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const ERA_FORM =
  /^(明治|大正|昭和|平成|令和|[mtshr]) ?(元|\d{1,2}) ?(?:年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日|([-/.]) ?(\d{1,2}) ?\5 ?(\d{1,2}))/;
const MONTH_DAY_YEAR = new RegExp(`^(${MONTH_NAMES})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})`);
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_NAMES})\\.?,? (\\d{4})`);
// What may follow a date: a weekday "(日)" / "(sun)" / "日曜日", and a time that is ignored.
const WEEKDAY =
  '(?:\\((?:[日月火水木金土](?:曜日?)?|sun|mon|tue|wed|thu|fri|sat)\\)|[日月火水木金土]曜日?|(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\\.?)';
const TIME =
  '(?:(?:午前|午後|am|pm) ?)?\\d{1,2}(?::\\d{2}(?::\\d{2}(?:\\.\\d+)?)?| ?時(?: ?\\d{1,2} ?分(?: ?\\d{1,2} ?秒)?)?)(?: ?(?:am|pm))?(?:z|[+-]\\d{2}:?\\d{2})?';
const TAIL = new RegExp(`^,? ?(?:${WEEKDAY})?(?:(?: |t)?${TIME})?$`);

function notADate(v: CellValue): Read<Day | null> {
  return { ok: false, key: 'values.notADate', params: { value: normalizeText(v) } };
}

/**
 * Cell → day. Blank → null. Accepts Date objects, serial numbers (10000…99999, also as text),
 * 2026/11/29, 2026-11-29, 2026.11.29, 20261129, 2026年11月29日, 令和8年11月29日, 令和元年5月1日,
 * R8.11.29, H31/4/30, Nov 29, 2026 and 29 November 2026 — full-width too, with an optional weekday
 * ("(日)") and time ("14:30", ignored). Day-first or month-first numeric forms (11/29/2026) are
 * rejected: 03/04/2026 cannot be read without guessing.
 */
export function readDate(v: CellValue): Read<Day | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? notADate(v) : { ok: true, value: dayFromDate(v) };
  if (typeof v === 'number') return readNumericDate(v, v);
  if (typeof v !== 'string') return notADate(v);
  const s = normalizeText(v).toLowerCase();
  if (s === '') return { ok: true, value: null };
  if (/^\d+(?:\.\d+)?$/.test(s) && !/^\d{8}$/.test(s)) return readNumericDate(Number(s), v);
  const day = parseDateText(s);
  return day === null ? notADate(v) : { ok: true, value: day };
}

// A number is a serial, or (8 digits) a compact yyyymmdd as exported by many Japanese systems.
function readNumericDate(n: number, original: CellValue): Read<Day | null> {
  if (n >= SERIAL_MIN && n < SERIAL_MAX + 1) return { ok: true, value: serialToDay(n) };
  if (Number.isInteger(n) && n >= 10000000 && n <= 99999999) {
    const day = checked(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    if (day !== null) return { ok: true, value: day };
  }
  return notADate(original);
}

function checked(year: number, month: number, day: number): Day | null {
  if (year < YEAR_MIN || year > YEAR_MAX || !isValidParts(year, month, day)) return null;
  return dayFromParts(year, month, day);
}

function withTail(s: string, matchLength: number, day: Day | null): Day | null {
  return day !== null && TAIL.test(s.slice(matchLength)) ? day : null;
}

function parseDateText(s: string): Day | null {
  let m = YMD_SEPARATED.exec(s);
  if (m) return withTail(s, m[0].length, checked(Number(m[1]), Number(m[3]), Number(m[4])));
  m = YMD_KANJI.exec(s) ?? YMD_COMPACT.exec(s);
  if (m) return withTail(s, m[0].length, checked(Number(m[1]), Number(m[2]), Number(m[3])));
  m = ERA_FORM.exec(s);
  if (m) {
    const era = ERAS[m[1] ?? ''];
    if (!era) return null;
    const eraYear = m[2] === '元' ? 1 : Number(m[2]);
    const month = Number(m[3] ?? m[6]);
    const date = Number(m[4] ?? m[7]);
    const day = checked(era.firstYear + eraYear - 1, month, date);
    if (eraYear < 1 || day === null || day < era.start || day >= era.end) return null;
    return withTail(s, m[0].length, day);
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m)
    return withTail(
      s,
      m[0].length,
      checked(Number(m[3]), MONTHS[(m[1] ?? '').slice(0, 3)] ?? 0, Number(m[2])),
    );
  m = DAY_MONTH_YEAR.exec(s);
  if (m)
    return withTail(
      s,
      m[0].length,
      checked(Number(m[3]), MONTHS[(m[2] ?? '').slice(0, 3)] ?? 0, Number(m[1])),
    );
  return null;
}
