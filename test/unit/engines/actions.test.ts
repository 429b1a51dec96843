import {
  actionTable,
  coverageOf,
  coverageTable,
  indexDataset,
  listActions,
  sixMonthsBefore,
} from '../../../shared/engines';
import type { Definition } from '../../../shared/definition/model';
import { formatDay } from '../../../shared/values';
import { activity, AS_OF, contact, customer, day, item, starterDefinition } from './fixtures';

/**
 * Small cases worked out by hand, as of 2026-11-29. The definition: key person within 60 days
 * (A), any contact within 30 days (A); horizon 14 days, so anything due by 12/13 is listed.
 */
const def: Definition = {
  ...starterDefinition(),
  items: [
    item('K', { metric: 'key_person_contact_days', thresholds: { A: 60 } }),
    item('C', { metric: 'contact_days', thresholds: { A: 30 } }),
  ],
};

const line = (r: ReturnType<typeof listActions>[number]) =>
  `${r.customerId} ${r.kind} ${r.actBy === null ? '-' : formatDay(r.actBy, 'ja')} ${r.daysOverdue ?? '-'}`;

describe('the action list', () => {
  const customers = [
    customer('C1', '一ノ瀬工業', '山田'),
    customer('C2', '二葉商事', '佐藤'),
    customer('C3', '三和物産', '山田'),
  ];
  const contacts = [
    contact('P1', 'C1', '一ノ瀬 社長', 'key'),
    contact('P2', 'C1', '井上', 'charge'),
    contact('P3', 'C2', '二宮 部長', 'key'),
    contact('P4', 'C3', '三木 専務', 'key'),
  ];
  const activities = [
    // C1: 社長 met 10/01 by 鈴木 (→ key limit 11/30, one day left); 井上 met 11/14 by 山田
    // (→ contact 12/14: 15 days away, one past the horizon). Its next action (11/20) was closed
    // by the later visit, which set none.
    activity('C1', '2026-10-01', ['P1'], { rep: '鈴木', nextAction: '見積', nextDue: day('2026-11-20') }),
    activity('C1', '2026-11-14', ['P2'], { rep: '山田' }),
    // C2: met 11/10 (→ contact 12/10), next action due 12/13 (the horizon's last day); a visit dated after the
    // as-of date (12/01) does not count and does not close it.
    activity('C2', '2026-11-10', ['P3'], { rep: '佐藤', nextAction: 'デモ', nextDue: day('2026-12-13') }),
    activity('C2', '2026-12-01', ['P3'], { rep: '佐藤' }),
    // C3: nobody met, no activity.
  ];
  const index = indexDataset({ customers, contacts, activities });
  const ranks = new Map([
    ['C1', 'A'],
    ['C2', 'A'],
    ['C3', 'A'],
  ]);

  it('lists what is overdue or due within 14 days, never-met first, then the oldest date', () => {
    expect(listActions(def, index, AS_OF, ranks, 'ja').map(line)).toEqual([
      'C3 keyPerson - -',
      'C3 contact - -',
      'C1 keyPerson 2026/11/30 -1',
      'C2 contact 2026/12/10 -11', // 二宮 met 11/10, + 30 days
      'C2 nextAction 2026/12/13 -14',
    ]);
  });

  it('names the key persons and who last met them', () => {
    const [c1] = listActions(def, index, AS_OF, ranks, 'ja').filter((r) => r.customerId === 'C1');
    expect(c1).toMatchObject({
      keyPersons: ['一ノ瀬 社長'],
      keyLastMet: day('2026-10-01'),
      keyMetBy: '鈴木',
      detail: '最終キーマン接触 2026/10/01（59日前、上限60日）',
    });
  });

  it("lists one rep's customers (as people type the name), and nothing for a stranger", () => {
    expect(listActions(def, index, AS_OF, ranks, 'ja', { rep: ' 山田 ' }).map((r) => r.customerId)).toEqual([
      'C3',
      'C3',
      'C1',
    ]);
    expect(listActions(def, index, AS_OF, ranks, 'ja', { rep: '田中' })).toEqual([]);
  });

  it('sets no key-person or contact deadline for a rank without a limit', () => {
    const bRanks = new Map([...ranks].map(([id]) => [id, 'B']));
    expect(listActions(def, index, AS_OF, bRanks, 'ja').map(line)).toEqual(['C2 nextAction 2026/12/13 -14']);
  });

  it('writes a table in English with dates as the language writes them', () => {
    const table = actionTable(listActions(def, index, AS_OF, ranks, 'en'), 'en', 'v1');
    expect(table[0]).toEqual([
      'Customer ID',
      'Customer',
      'Rank',
      'Rep',
      'To do',
      'Detail',
      'Key persons',
      'Key person last met',
      'Met by',
      'Act by',
      'Days overdue',
      'Version',
    ]);
    expect(table[1]).toEqual([
      'C3',
      '三和物産',
      'A',
      '山田',
      'Meet a key person',
      'No key person ever met',
      '三木 専務',
      '',
      '',
      '',
      '',
      'v1',
    ]);
    expect(table[3]![9]).toBe('2026-11-30');
  });
});

describe('key-person coverage', () => {
  const customers = [customer('D1', '大和電機', '山田'), customer('D2', '東和', '')];
  const contacts = [
    contact('Q1', 'D1', '井上', 'charge'),
    contact('Q2', 'D1', '大和 会長', 'key'),
    contact('Q3', 'D1', '大和 社長', 'key'),
    contact('Q4', 'D1', '木下', 'influencer'),
  ];
  const activities = [
    // Six months back from 11/29 starts on 5/30: the 5/29 meeting is older, 5/30 counts.
    activity('D1', '2026-05-29', ['Q3'], { rep: '佐藤' }),
    activity('D1', '2026-05-30', ['Q3', 'Q3'], { rep: '佐藤' }), // one meeting, written twice
    activity('D1', '2026-11-01', ['Q1', 'Q3'], { rep: '山田' }),
    activity('D1', '2026-12-01', ['Q2'], { rep: '山田' }), // after the as-of date: not counted
  ];
  const rows = coverageOf(indexDataset({ customers, contacts, activities }), AS_OF);

  it('puts key persons nobody met first, then key persons, then the others', () => {
    expect(rows.map((r) => `${r.customerId} ${r.name || '-'} ${r.note || '-'}`)).toEqual([
      'D1 大和 会長 neverMet', // met only on 12/01, after the as-of date
      'D1 大和 社長 -',
      'D1 井上 -',
      'D1 木下 neverMet',
      'D2 - noKeyPerson', // no contact at all
    ]);
    expect(rows[1]).toMatchObject({ lastMet: day('2026-11-01'), metBy: '山田', meetings: 2 });
  });

  it('counts the six months by the calendar, also at the end of a month', () => {
    expect(formatDay(sixMonthsBefore(AS_OF), 'ja')).toBe('2026/05/30');
    // 8/31 minus six months is the end of February: the window starts the day after.
    expect(formatDay(sixMonthsBefore(day('2026-08-31')), 'ja')).toBe('2026/03/01');
    expect(formatDay(sixMonthsBefore(day('2026-03-15')), 'ja')).toBe('2025/09/16');
  });

  it('writes role labels and days since in the table', () => {
    const table = coverageTable(rows, AS_OF, 'ja');
    expect(table[2]).toEqual([
      'D1',
      '大和電機',
      '山田',
      '大和 社長',
      '',
      'キーマン',
      '2026/11/01',
      '山田',
      28,
      2,
      '',
    ]);
    expect(table[5]![10]).toBe('キーマン未登録');
  });
});
