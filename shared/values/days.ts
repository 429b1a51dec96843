import type { Day } from '../model';
import type { Lang } from '../i18n/define';

export type { Day } from '../model';

/** Serial number of 1970-01-01 in Excel and Google Sheets (epoch 1899-12-30). */
export const SERIAL_EPOCH_OFFSET = 25569;

/** The day of a calendar date; the parts must form a valid date (see isValidParts). */
export function dayFromParts(year: number, month: number, day: number): Day {
  // Days-from-civil (proleptic Gregorian), pure arithmetic: no Date, no time zone.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day. */
export function partsFromDay(day: Day): { year: number; month: number; day: number } {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** True when year/month/day is a real calendar date (no 2026/2/30, no 13th month). */
export function isValidParts(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Spreadsheet serial (Sheets/Excel, 25569 = 1970-01-01) → day; the time fraction is dropped. */
export function serialToDay(serial: number): Day {
  return Math.floor(serial) - SERIAL_EPOCH_OFFSET;
}

/** Day → spreadsheet serial number. */
export function dayToSerial(day: Day): number {
  return day + SERIAL_EPOCH_OFFSET;
}

/** Day → 'YYYY-MM-DD'. */
export function dayToIso(day: Day): string {
  const p = partsFromDay(day);
  return `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** Day as people write it: '2026/11/29' in Japanese, '2026-11-29' in English. */
export function formatDay(day: Day, lang: Lang): string {
  const iso = dayToIso(day);
  return lang === 'ja' ? iso.replace(/-/g, '/') : iso;
}

/**
 * The calendar day a host Date stands for. Hosts hand dates over as local midnight in the
 * spreadsheet's time zone, so the local getters give the date the user sees.
 */
export function dayFromDate(date: Date): Day {
  return dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * dayFromDate for the Date cells of one read, remembered by time: a log repeats the same few
 * hundred days over 300,000 rows. A small table indexed by the hour (a year of midnights falls
 * in distinct places) costs a third of a Map look-up per cell; another time in a place replaces
 * the one kept there.
 */
export class DateDays {
  private readonly times = new Float64Array(DATE_DAYS_SIZE).fill(NaN);
  private readonly days = new Int32Array(DATE_DAYS_SIZE);

  /** The day `date` stands for (its time given when the caller has it); NaN for an invalid Date. */
  dayOf(date: Date, time: number = date.getTime()): number {
    const k = ((time / 3_600_000) | 0) & (DATE_DAYS_SIZE - 1);
    if (this.times[k] === time) return this.days[k]!;
    if (time !== time) return NaN;
    const day = dayFromDate(date);
    this.times[k] = time;
    this.days[k] = day;
    return day;
  }
}
const DATE_DAYS_SIZE = 4096;

/** Day → a Date at local midnight (for writing back to a host). */
export function dateFromDay(day: Day): Date {
  const p = partsFromDay(day);
  const date = new Date(2000, 0, 1);
  // setFullYear, unlike the constructor, does not map years 0–99 to 1900–1999.
  date.setFullYear(p.year, p.month - 1, p.day);
  date.setHours(0, 0, 0, 0);
  return date;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
