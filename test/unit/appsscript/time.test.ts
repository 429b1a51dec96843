import { sheetsClock } from '../../../appsscript/src/clock';
import { SheetDates, wallShift } from '../../../appsscript/src/dates';
import { userLang } from '../../../appsscript/src/lang';
import { dayFromParts, readDate } from '../../../shared/values';
import { createGas, processTimeZone } from '../../fakes/gas';

const gas = createGas();
const { formatDate, parseDate } = gas.services;
const elsewhere = processTimeZone() === 'Asia/Tokyo' ? 'America/Los_Angeles' : 'Asia/Tokyo';

describe('the clock', () => {
  it('gives today and the time in the spreadsheet’s zone, not the script’s', () => {
    // 2026-11-28 16:05 UTC is already 11/29 01:05 in Tokyo.
    const clock = sheetsClock('Asia/Tokyo', formatDate, () => new Date(Date.UTC(2026, 10, 28, 16, 5)));
    expect(clock.now()).toEqual({ day: dayFromParts(2026, 11, 29), minutes: 65 });
    const utc = sheetsClock('UTC', formatDate, () => new Date(Date.UTC(2026, 10, 28, 16, 5)));
    expect(utc.now()).toEqual({ day: dayFromParts(2026, 11, 28), minutes: 16 * 60 + 5 });
  });
});

describe('dates between the script and a spreadsheet in another zone', () => {
  const dates = new SheetDates({ parseDate }, elsewhere, processTimeZone());

  it('builds a written date so that the sheet shows the intended day and time', () => {
    const written = dates.toSheet({ kind: 'date', day: dayFromParts(2026, 11, 29), minutes: 630 });
    expect(formatDate(written, elsewhere, 'yyyy-MM-dd HH:mm')).toBe('2026-11-29 10:30');
  });

  it('reads a sheet date (midnight in the sheet’s zone) as that calendar day', () => {
    const midnight = parseDate('2026-03-01 00:00', elsewhere, 'yyyy-MM-dd HH:mm');
    expect(readDate(dates.fromSheet(midnight))).toEqual({ ok: true, value: dayFromParts(2026, 3, 1) });
    expect(dates.fromSheet(new Date(NaN)).getTime()).toBeNaN();
  });

  it('converts nothing when both zones agree', () => {
    const same = new SheetDates({ parseDate }, processTimeZone(), processTimeZone());
    const d = new Date(2026, 10, 29);
    expect(same.fromSheet(d)).toBe(d);
    expect(same.toSheet({ kind: 'date', day: dayFromParts(2026, 11, 29) })).toEqual(d);
  });
});

describe('the user’s language', () => {
  it('comes from the account, then the spreadsheet, then defaults to Japanese', () => {
    expect(
      userLang(
        () => 'en_GB',
        () => 'ja_JP',
      ),
    ).toBe('en');
    expect(
      userLang(
        () => '',
        () => 'en_US',
      ),
    ).toBe('en');
    expect(
      userLang(
        () => {
          throw new Error('not in this mode');
        },
        () => 'en',
      ),
    ).toBe('en');
    expect(userLang(() => '')).toBe('ja');
    expect(userLang(() => 'fr_FR')).toBe('ja');
  });
});

describe('dates when the script’s zone is not known (custom functions)', () => {
  it('converts every date, which is exact whether or not the zones differ', () => {
    for (const zone of [processTimeZone(), elsewhere]) {
      const dates = new SheetDates({ parseDate }, zone, null);
      expect(dates.same).toBe(false);
      const midnight = parseDate('2026-11-29 00:00', zone, 'yyyy-MM-dd HH:mm');
      expect(readDate(dates.fromSheet(midnight))).toEqual({ ok: true, value: dayFromParts(2026, 11, 29) });
    }
  });
});

describe('dates read by a command in the sheet’s zone', () => {
  it('are shifted with Intl so that the script-local clock shows the sheet’s, at any time of day', () => {
    const shift = wallShift(elsewhere);
    for (const hour of [0, 9, 23]) {
      const d = parseDate(`2026-07-15 ${String(hour).padStart(2, '0')}:30`, elsewhere, 'yyyy-MM-dd HH:mm');
      const local = new Date(d.getTime() + shift(d));
      expect([local.getDate(), local.getHours(), local.getMinutes()]).toEqual([15, hour, 30]);
    }
    expect(shift(new Date(NaN))).toBeNaN();
  });
});
