import type { Day } from '../model';
import type { CellValue } from '../values/cell';
import { dayToSerial, partsFromDay } from '../values/days';
import type { Random } from './random';

/**
 * Dates as people type them in a log: 2026/10/03, 2026/10/3, 2026年10月3日, R8.10.3,
 * 令和8年10月3日, with a weekday now and then, or a real date cell (a serial number).
 */
export type DateForm = 'slash' | 'kanji' | 'era' | 'serial';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The same day, or the Friday before when it falls on a weekend: nobody visits on Sunday. */
export function workday(day: Day): Day {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** A day written in `form`; the random source picks padding and the occasional weekday. */
export function typedDate(day: Day, form: DateForm, random: Random): CellValue {
  const { year, month, day: date } = partsFromDay(day);
  switch (form) {
    case 'serial':
      return dayToSerial(day);
    case 'slash': {
      const pad = random.chance(0.6);
      const text = `${year}/${pad ? two(month) : month}/${pad ? two(date) : date}`;
      return random.chance(0.1) ? `${text}(${WEEKDAYS[weekday(day)]})` : text;
    }
    case 'kanji':
      return `${year}年${month}月${date}日`;
    case 'era':
      return random.chance(0.75)
        ? `R${year - 2018}.${month}.${date}`
        : `令和${year - 2018}年${month}月${date}日`;
  }
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
