import { resolve } from 'node:path';
import { runInZone } from '../../fakes/realm-zone';
import type { Arg, Cell, Outcome, Scenario } from './sheet-offset.cases';

/**
 * Custom functions read the spreadsheet's zone from the dates themselves (sheet-offset.ts). Each
 * scenario runs in a realm whose own zone is the script's (a child process with TZ set) and checks
 * that the day — and clock — the core sees is what the sheet shows.
 */

const CASES = resolve(__dirname, 'sheet-offset.cases.ts');
const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';
const INDIA = 'Asia/Kolkata';
const NEPAL = 'Asia/Kathmandu';

const d = (at: string, zone: string): Cell => ({ at, zone });
const invalid: Cell = { invalid: true };

/** An activity log: date-only 日付 and 次回期日, a date-time 記録日時, text around them. */
function activities(zone: string, days: string[], logged = '18:45'): Cell[][] {
  return [
    ['日付', '顧客ID', '内容', '次回期日', '記録日時'],
    ...days.map((day, i): Cell[] => [
      d(day, zone),
      `C${i + 1}`,
      `memo ${i}`,
      d(day, zone),
      d(`${day} ${logged}`, zone),
    ]),
  ];
}

function scenarios(sheet: string): Scenario[] {
  return [
    {
      name: 'a log in October, as of a day in November (after the daylight-saving change)',
      args: [activities(sheet, ['2026-10-01', '2026-10-02', '2026-10-03']), d('2026-11-29', sheet)],
    },
    {
      // (A date-time on the very day of a change, after it, may read 1 h off: a documented limit.)
      name: 'dates on both sides of a daylight-saving change',
      args: [
        activities(sheet, ['2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10'], '09:30'),
        d('2026-03-08', sheet),
      ],
    },
    {
      name: 'date-times at any time of day, a date column setting the zone',
      args: [
        [
          ['日付', '記録日時'],
          [d('2026-10-05', sheet), d('2026-10-05 09:30', sheet)],
          [d('2026-10-06', sheet), d('2026-10-05 23:15', sheet)],
          [d('2026-10-07', sheet), d('2026-10-06 00:30', sheet)],
          [d('2026-10-08', sheet), d('2026-10-08 12:00', sheet)],
        ],
        d('2026-10-31', sheet),
      ],
    },
    {
      // Winter rows an hour off the summer offset the dates set; date-times close to midnight whose
      // day depends on that hour, some in rows without a date (they take the last dated row's).
      name: 'date-times near midnight on both sides of a daylight-saving change, some rows undated',
      args: [
        [
          ['日付', '記録日時'],
          [d('2026-10-01', sheet), d('2026-10-01 23:30', sheet)],
          [d('2026-11-10', sheet), d('2026-11-10 23:30', sheet)],
          ['', d('2026-11-11 23:40', sheet)],
          [d('2026-11-12', sheet), d('2026-11-12 00:10', sheet)],
          ['', d('2026-11-12 23:50', sheet)],
          [d('2026-10-02', sheet), d('2026-10-02 12:00', sheet)],
          [d('2026-10-03', sheet), d('2026-10-03 00:40', sheet)],
          [d('2026-10-04', sheet), d('2026-10-04 12:00', sheet)],
          [d('2026-10-05', sheet), d('2026-10-05 12:00', sheet)],
        ],
        d('2026-10-31', sheet),
      ],
    },
    {
      name: 'mixed columns: dates, date-times, text, numbers, empty strings and invalid Dates together',
      args: [
        [
          ['a', 'b', 'c'],
          [d('2026-06-01', sheet), '', 42],
          ['', d('2026-06-02 07:15', sheet), d('2026-06-03', sheet)],
          [invalid, true, d('2026-06-04', sheet)],
          ['text', '', ''],
          [d('2026-06-05', sheet), invalid, ''],
        ],
        'gaps',
        d('2026-06-30', sheet),
      ],
    },
    {
      name: 'no Dates at all',
      args: [
        [
          ['顧客ID', '年間取引額'],
          ['C1', 100],
          ['', ''],
        ],
        'rank',
        '',
      ],
    },
    {
      name: 'only invalid Dates and empty strings',
      args: [
        [
          [invalid, ''],
          ['', invalid],
        ],
        invalid,
        '',
      ],
    },
  ];
}

/** What the sheet shows: a date as "yyyy-mm-dd HH:MM", an invalid Date as "invalid". */
function shown(arg: Arg): unknown {
  const one = (c: Cell): unknown =>
    typeof c !== 'object' ? c : 'invalid' in c ? 'invalid' : c.at.includes(' ') ? c.at : `${c.at} 00:00`;
  return Array.isArray(arg) ? arg.map((row) => row.map(one)) : one(arg);
}

/** The rows of each range holding a valid Date (the only rows that may be copied). */
function datedRows(args: Arg[]): number[][] {
  return args.flatMap((a) =>
    Array.isArray(a)
      ? [a.flatMap((row, k) => (row.some((c) => typeof c === 'object' && !('invalid' in c)) ? [k] : []))]
      : [],
  );
}

function hasDate(arg: Arg): boolean {
  const valid = (c: Cell): boolean => typeof c === 'object' && !('invalid' in c);
  return Array.isArray(arg) ? arg.some((row) => row.some(valid)) : valid(arg);
}

function check(realm: string, sheet: string, expectSame: boolean): Outcome[] {
  const list = scenarios(sheet);
  const outcomes = runInZone<Scenario[], Outcome[]>(realm, CASES, 'run', list);
  outcomes.forEach((o, i) => {
    const s = list[i]!;
    expect({ name: o.name, seen: o.seen }).toEqual({ name: s.name, seen: s.args.map(shown) });
    expect({ name: o.name, seen: o.seenRowByRow }).toEqual({ name: s.name, seen: s.args.map(shown) });
    expect(o.callerUnchanged).toBe(true);
    expect({ name: o.name, mismatches: o.passedMismatches }).toEqual({ name: s.name, mismatches: [] });
    const dated = datedRows(s.args);
    o.copiedRows.forEach((rows, k) => expect(dated[k]).toEqual(expect.arrayContaining(rows)));
    // With no valid Date there is nothing to read the zone from, and nothing is moved.
    if (expectSame || !s.args.some(hasDate))
      expect({ name: o.name, same: o.same }).toEqual({ name: s.name, same: true });
  });
  return outcomes;
}

describe('the sheet’s zone read from the dates a custom function is given', () => {
  it('hands the arguments on as they are (the same array) when the sheet’s zone is the script’s', () => {
    check(TOKYO, TOKYO, true);
    check(NY, NY, true); // daylight saving in both: the realm's own offsets explain every date
  });

  it('reads a New York sheet in a Tokyo script as the sheet shows it', () => {
    const out = check(TOKYO, NY, false);
    expect(out[0]!.same).toBe(false);
    // Only the rows holding a Date are copied; the header row is the caller's own.
    expect(out[0]!.copiedRows).toEqual([[1, 2, 3]]);
  });

  it('reads a New York sheet in a Los Angeles script (both with daylight saving)', () => {
    expect(check(LA, NY, false)[0]!.same).toBe(false);
  });

  it('reads sheets at half- and quarter-hour offsets: India (+5:30) and Nepal (+5:45)', () => {
    check(TOKYO, INDIA, false);
    check(TOKYO, NEPAL, false);
    check(LA, INDIA, false);
  });

  it('reads a Tokyo sheet in a New York script', () => {
    check(NY, TOKYO, false);
  });

  it('tells the day of a Date without moving its row, as moving it would, or says it cannot', () => {
    // check() compares every day told with the moved Date's and every row read after passed ones
    // with the row read in turn; here, that the days are told for most Dates (the test is not
    // vacuous), across daylight saving in the sheet and in the script.
    for (const [realm, sheet] of [
      [TOKYO, NY],
      [LA, NY],
      [TOKYO, INDIA],
      [NY, TOKYO],
    ] as const) {
      const told = check(realm, sheet, false).reduce((n, o) => n + o.daysTold, 0);
      expect({ realm, sheet, told: told > 10 }).toEqual({ realm, sheet, told: true });
    }
  });
});
