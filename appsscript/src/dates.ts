import type { DateCell } from '../../shared/port';
import { dateFromDay, dayToIso } from '../../shared/values';
import type { GasServices } from './gas';

/**
 * Dates between the script and the sheet. Sheets stores a date as a wall-clock time in the
 * spreadsheet's time zone; the script's Date objects live in the script's time zone
 * (appsscript.json says Asia/Tokyo). When the two agree — the usual case — a Date at local
 * midnight is exactly the calendar day the user sees and nothing is converted. When a user's
 * spreadsheet is set to another zone, each Date is moved so that its local (script) calendar
 * day and clock equal what the sheet shows, and written dates are built in the sheet's zone.
 */
export class SheetDates {
  readonly same: boolean;

  /** `scriptZone` null: not known here, so every Date is looked at (exact either way). */
  constructor(
    private readonly services: Pick<GasServices, 'parseDate'>,
    readonly sheetZone: string,
    scriptZone: string | null,
  ) {
    this.same = sheetZone === scriptZone;
    this.wall = wallShift(sheetZone);
  }

  /** A DateCell as the Date to write: it shows `day` (and `minutes`) in the sheet's zone. */
  toSheet(cell: DateCell): Date {
    const minutes = cell.minutes ?? 0;
    if (this.same) {
      const d = dateFromDay(cell.day);
      d.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
      return d;
    }
    const hhmm = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
    return this.services.parseDate(`${dayToIso(cell.day)} ${hhmm}`, this.sheetZone, 'yyyy-MM-dd HH:mm');
  }

  /** A Date read from the sheet (or passed to a custom function) as a script-local wall-time Date. */
  fromSheet(date: Date): Date {
    if (this.same) return date;
    const shift = this.wall(date);
    return shift === 0 || Number.isNaN(shift) ? date : new Date(date.getTime() + shift);
  }

  private readonly wall: (date: Date) => number;
}

/**
 * For a Date, the shift (ms) that makes its local (script-zone) wall clock show what the sheet's
 * zone shows for the same instant: 0 when the zones agree at that instant, NaN for an invalid
 * Date. Intl.DateTimeFormat interprets the instant in the sheet's zone — no Apps Script service
 * call — once per hour seen (offsets change only at hour boundaries).
 */
export function wallShift(sheetZone: string): (date: Date) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: sheetZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const shifts = new Map<number, number>();
  return (date) => {
    const time = date.getTime();
    if (Number.isNaN(time)) return NaN;
    const hour = Math.floor(time / 3_600_000);
    let shift = shifts.get(hour);
    if (shift === undefined) {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(date))
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      const sheet = Date.UTC(
        p['year'] ?? NaN,
        (p['month'] ?? NaN) - 1,
        p['day'] ?? NaN,
        (p['hour'] ?? NaN) % 24,
        p['minute'] ?? NaN,
        p['second'] ?? NaN,
      );
      const local = Date.UTC(
        date.getFullYear(),
        date.getMonth(),
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds(),
      );
      shift = sheet - local;
      shifts.set(hour, shift);
    }
    return shift;
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True for a Date from any realm (Apps Script, or a test's vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
