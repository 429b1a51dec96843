import { DateDays, dayFromDate } from '../../../shared/values/days';

describe('DateDays: the days of a read’s Date cells, remembered by time', () => {
  it('gives what dayFromDate gives, for midnights, date-times, far dates and times that share a place', () => {
    const days = new DateDays();
    const dates: Date[] = [];
    // Three years of midnights (they wrap around the table), the same days at 23:59, and dates
    // far back and ahead.
    for (let d = 0; d < 3 * 366; d++) dates.push(new Date(2025, 0, 1 + d), new Date(2025, 0, 1 + d, 23, 59));
    dates.push(
      new Date(1899, 11, 30),
      new Date(1969, 11, 31, 23, 0),
      new Date(9999, 11, 31),
      new Date(-1, 0, 1),
    );
    // Twice over, in another order the second time: every answer from the table must hold.
    for (const list of [dates, [...dates].reverse()])
      for (const date of list)
        expect([date.toISOString(), days.dayOf(date)]).toEqual([date.toISOString(), dayFromDate(date)]);
  });

  it('an invalid Date has no day, and is never remembered', () => {
    const days = new DateDays();
    expect(days.dayOf(new Date(NaN))).toBeNaN();
    expect(days.dayOf(new Date(NaN))).toBeNaN();
    // Time 0 falls in the place an invalid time is tried at: it still gets its own day.
    expect(days.dayOf(new Date(0))).toBe(dayFromDate(new Date(0)));
  });
});
