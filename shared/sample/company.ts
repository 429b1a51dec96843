import type { Day } from '../model';
import { dayFromParts, dayToSerial } from '../values/days';

/** The fictional company the sample belongs to. */
export const COMPANY_NAME = '株式会社みらい精機';

/** What the company sells, for the notes in the activity log. */
export const PRODUCTS = [
  'ボールねじ',
  'リニアガイド',
  '精密減速機',
  'サーボモータ',
  '検査治具',
  '搬送コンベア',
  'カップリング',
  '保守部品一式',
  '省力化装置',
] as const;

/** The four reps, as the team writes them in the 営業担当 column. */
export const REPS = {
  sato: '佐藤 健太',
  tamura: '田村 大輔',
  takahashi: '高橋 美咲',
  nakajima: '中島 翔',
} as const;
export type RepKey = keyof typeof REPS;

/** The names of the four reps, in the order above. */
export const REP_NAMES: readonly string[] = Object.values(REPS);

/** The sales manager who writes and versions the definition. */
export const MANAGER = '松本 浩一';

/** The as-of date (基準日) of the sample: 2026-11-29, a Sunday after the month's last week. */
export const AS_OF_DAY: Day = dayFromParts(2026, 11, 29);

/** The as-of date as a date cell holds it (a spreadsheet serial number). */
export const AS_OF_SERIAL: number = dayToSerial(AS_OF_DAY);

/** The first day of the logged half-year. */
export const LOG_START: Day = dayFromParts(2026, 6, 1);

/** The first day of the log: a year before the as-of date (the half-year before LOG_START is quieter). */
export const YEAR_START: Day = dayFromParts(2025, 12, 1);

/** Since this day the reps log through the sidebar, which stamps 記録日時. */
export const SIDEBAR_START: Day = dayFromParts(2026, 10, 1);
