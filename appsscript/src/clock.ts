import type { Clock } from '../../shared/commands';
import { dayFromParts } from '../../shared/values';
import type { GasServices } from './gas';

/**
 * Today and the time of day in the spreadsheet's time zone (not the script's): the date a rep
 * sees on the sheet is the date kimeru stamps, wherever the script happens to run.
 */
export function sheetsClock(
  timeZone: string,
  formatDate: GasServices['formatDate'],
  now: () => Date = () => new Date(),
): Clock {
  return {
    now() {
      const text = formatDate(now(), timeZone, 'yyyy-MM-dd HH:mm');
      const [y, mo, d, h, mi] = text.split(/[-: ]/).map(Number) as [number, number, number, number, number];
      return { day: dayFromParts(y, mo, d), minutes: h * 60 + mi };
    },
  };
}
