import {
  dateFromDay,
  dayFromDate,
  dayFromParts,
  dayToIso,
  dayToSerial,
  formatDay,
  isValidParts,
  partsFromDay,
  readDate,
  serialToDay,
} from '../../../shared/values';

const NOV29 = dayFromParts(2026, 11, 29);

describe('day helpers', () => {
  it('counts days from 1970-01-01 without time zones', () => {
    expect(dayFromParts(1970, 1, 1)).toBe(0);
    expect(NOV29).toBe(Date.UTC(2026, 10, 29) / 86400000);
    expect(dayFromParts(1969, 12, 31)).toBe(-1);
  });

  it('round-trips parts over centuries, leap days included', () => {
    for (let d = -50000; d < 100000; d += 37) {
      const p = partsFromDay(d);
      expect(dayFromParts(p.year, p.month, p.day)).toBe(d);
    }
    expect(partsFromDay(dayFromParts(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('validates calendar dates', () => {
    expect(isValidParts(2024, 2, 29)).toBe(true);
    expect(isValidParts(2026, 2, 29)).toBe(false);
    expect(isValidParts(2100, 2, 29)).toBe(false);
    expect(isValidParts(2026, 4, 31)).toBe(false);
    expect(isValidParts(2026, 13, 1)).toBe(false);
  });

  it('converts spreadsheet serials (25569 = 1970-01-01)', () => {
    expect(serialToDay(25569)).toBe(0);
    expect(serialToDay(46355)).toBe(NOV29);
    expect(serialToDay(46355.75)).toBe(NOV29);
    expect(dayToSerial(NOV29)).toBe(46355);
  });

  it('formats per language', () => {
    expect(dayToIso(NOV29)).toBe('2026-11-29');
    expect(formatDay(NOV29, 'ja')).toBe('2026/11/29');
    expect(formatDay(NOV29, 'en')).toBe('2026-11-29');
    expect(dayToIso(dayFromParts(2026, 1, 5))).toBe('2026-01-05');
  });

  it('reads and writes host dates as local midnight', () => {
    expect(dayFromDate(new Date(2026, 10, 29))).toBe(NOV29);
    expect(dayFromDate(new Date(2026, 10, 29, 23, 59))).toBe(NOV29);
    const back = dateFromDay(NOV29);
    expect([back.getFullYear(), back.getMonth(), back.getDate(), back.getHours()]).toEqual([2026, 10, 29, 0]);
  });
});

describe('readDate', () => {
  it.each<[string | number | Date, string]>([
    [new Date(2026, 10, 29), '2026-11-29'],
    [46355, '2026-11-29'],
    ['46355', '2026-11-29'],
    ['2026/11/29', '2026-11-29'],
    ['2026-11-29', '2026-11-29'],
    ['2026.11.29', '2026-11-29'],
    ['2026/1/5', '2026-01-05'],
    ['２０２６／１１／２９', '2026-11-29'],
    ['2026年11月29日', '2026-11-29'],
    ['２０２６年１１月２９日', '2026-11-29'],
    ['20261129', '2026-11-29'],
    [20261129, '2026-11-29'],
    ['令和8年11月29日', '2026-11-29'],
    ['令和８年１１月２９日', '2026-11-29'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和64年1月7日', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['R8.11.29', '2026-11-29'],
    ['R8/11/29', '2026-11-29'],
    ['r8-11-29', '2026-11-29'],
    ['H31.4.30', '2019-04-30'],
    ['Ｒ８．１１．２９', '2026-11-29'],
    ['㋿8年11月29日', '2026-11-29'],
    ['2026/11/29(日)', '2026-11-29'],
    ['2026/11/29（日）', '2026-11-29'],
    ['2026年11月29日（日曜日）', '2026-11-29'],
    ['2026/11/29 14:30', '2026-11-29'],
    ['2026/11/29(日) 9:05:00', '2026-11-29'],
    ['2026年11月29日 午後2時30分', '2026-11-29'],
    ['2026-11-29T14:30:00Z', '2026-11-29'],
    ['Nov 29, 2026', '2026-11-29'],
    ['29 November 2026', '2026-11-29'],
  ])('%j → %s', (input, iso) => {
    const r = readDate(input);
    expect(r.ok && r.value !== null ? dayToIso(r.value) : r).toBe(iso);
  });

  it('reads blank as null', () => {
    expect(readDate('')).toEqual({ ok: true, value: null });
    expect(readDate(null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['2026/2/30', 'not a calendar date'],
    ['2026/13/1', 'no 13th month'],
    ['令和元年4月30日', 'before 令和 began'],
    ['平成32年1月1日', '平成 ended on 2019-04-30'],
    ['平成31年5月1日', 'already 令和'],
    ['11/29/2026', 'month-first is not guessed'],
    ['03/04/2026', 'day or month first cannot be told'],
    ['26/11/29', 'two-digit year'],
    ['11月29日', 'no year'],
    ['2026/11/29 と 30', 'trailing text'],
    ['来週', 'words'],
    ['0', 'serial out of range'],
    ['2026', 'a year is not serial 2026 (1905-07-18)'],
    ['=TODAY()', 'a formula as text'],
  ])('rejects %j (%s)', (input) => {
    expect(readDate(input)).toEqual({ ok: false, key: 'values.notADate', params: { value: input } });
  });

  it('rejects numbers that are not plausible serials, and invalid Dates', () => {
    expect(readDate(-5).ok).toBe(false);
    expect(readDate(2026).ok).toBe(false);
    expect(readDate(10000)).toEqual({ ok: true, value: dayFromParts(1927, 5, 18) });
    expect(readDate(250000).ok).toBe(false);
    expect(readDate(new Date(Number.NaN)).ok).toBe(false);
    expect(readDate(true).ok).toBe(false);
  });
});
