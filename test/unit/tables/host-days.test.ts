import { readActivities, readCustomers } from '../../../shared/tables';
import { dayFromParts, type CellValue } from '../../../shared/values';
import type { RowReader } from '../../../shared/values/cell';

/**
 * A host whose Dates must be moved before the core reads them (a Google sheet in another zone
 * than the script) may also tell their days without moving their rows (RowReader.dayOf). The log
 * reader then reads most rows as they are, and moves only the rows its column loop reads. Here a
 * stand-in host shows every Date a day later than its local day, and cannot tell the day of a
 * Date at noon (NaN): those rows must be moved. Both ways must read the same log, and every row
 * must reach the host's reader once, in order (moved or passed), as it learns from each row.
 */

const DAY_MS = 86_400_000;
const date = (m: number, d: number, hour = 0): Date => new Date(2026, m - 1, d, hour);

const customers = readCustomers(
  [
    ['顧客ID', '顧客名', '営業担当'],
    ['C1', '株式会社テスト一', '佐藤'],
    ['C2', '株式会社テスト二', '佐藤'],
  ],
  { sheet: '顧客' },
).customers;

const header: CellValue[] = ['日付', '顧客ID', '種別', '次回アクション', '次回期日', '営業担当'];
const grid: CellValue[][] = [
  header,
  [date(10, 1), 'C1', '訪問', '', '', '佐藤'],
  [date(10, 2), 'C2', '電話', '見積提出', date(10, 20), '佐藤'],
  [date(10, 3, 12), 'C1', '訪問', '', '', '佐藤'], // the host cannot tell: moved, column loop
  [date(10, 4), 'C9', '訪問', '', '', '佐藤'], // an unknown customer: moved, column loop, an issue
  [date(10, 5), 'C2', 'メール', '', date(10, 31, 12), '佐藤'], // unsure due date: moved
  ['合計', '', '', '', '', ''],
  [date(10, 6), 'C1', '訪問', '', '', '佐藤'],
];

/** A Date one day later, as the host would move it. */
const moveDate = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime() + DAY_MS) : v);

function hostReader(seen: string[], withDays: boolean): RowReader {
  const read = ((row: CellValue[]) => {
    seen.push(`moved ${grid.indexOf(row)}`);
    return row.map(moveDate);
  }) as RowReader;
  if (!withDays) return read;
  read.pass = (row) => seen.push(`passed ${grid.indexOf(row)}`);
  read.dayOf = (time) => {
    const d = new Date(time);
    if (d.getHours() === 12) return NaN;
    return dayFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate()) + 1;
  };
  return read;
}

function readLog(withDays: boolean) {
  // A new reader per read of the range (the header search reads the top rows with one of its own).
  const readers: string[][] = [];
  const r = readActivities(
    grid,
    customers,
    [],
    {
      sheet: '行動',
      hostRows: () => {
        const seen: string[] = [];
        readers.push(seen);
        return hostReader(seen, withDays);
      },
    },
    new Set(['purpose', 'content', 'key']),
  );
  const seen = readers[readers.length - 1] ?? [];
  return { activities: r.activities, issues: r.issues.map((i) => `${i.row} ${i.key}`), seen };
}

describe('a log whose host tells the days of its Dates without moving their rows', () => {
  const moved = readLog(false);
  const told = readLog(true);

  it('reads the same activities and issues as when every row is moved first', () => {
    expect(told.activities).toEqual(moved.activities);
    expect(told.issues).toEqual(moved.issues);
    // The stand-in's day later is what was read (the test would pass if no Date were read).
    expect(told.activities.map((a) => a.date)).toEqual([2, 3, 4, 6, 7].map((d) => dayFromParts(2026, 10, d)));
  });

  it('moves only the rows the column loop reads, and hands every other row to the host in order', () => {
    expect(moved.seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((r) => `moved ${r}`));
    expect(told.seen).toEqual([
      'passed 1',
      'passed 2',
      'moved 3',
      'moved 4',
      'moved 5',
      'moved 6',
      'passed 7',
    ]);
  });
});
