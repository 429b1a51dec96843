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
  /** Shift (ms) from a sheet Date to the script-local Date showing the same wall time, per UTC hour. */
  private readonly shifts = new Map<number, number>();

  /** `scriptZone` null: not known here (a custom function may not ask Session), so always convert. */
  constructor(
    private readonly services: Pick<GasServices, 'formatDate' | 'parseDate'>,
    readonly sheetZone: string,
    scriptZone: string | null,
  ) {
    this.same = sheetZone === scriptZone;
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
    if (this.same || Number.isNaN(date.getTime())) return date;
    // Offsets change only at hour boundaries (DST), so one formatDate per hour seen is enough.
    const hour = Math.floor(date.getTime() / 3_600_000);
    let shift = this.shifts.get(hour);
    if (shift === undefined) {
      shift =
        wallClock(this.services.formatDate(date, this.sheetZone, 'yyyy-MM-dd HH:mm:ss')) - date.getTime();
      this.shifts.set(hour, shift);
    }
    return new Date(date.getTime() + shift);
  }
}

/** The script-local time of "yyyy-MM-dd HH:mm:ss". */
function wallClock(text: string): number {
  const [y, mo, d, h, mi, s] = text.split(/[-: ]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new Date(2000, 0, 1);
  local.setFullYear(y, mo - 1, d);
  local.setHours(h, mi, s, 0);
  return local.getTime();
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** True for a Date from any realm (Apps Script, or a test's vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
