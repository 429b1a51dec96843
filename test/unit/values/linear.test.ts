/**
 * Every cell reader stays linear in the cell's length: a 50,000-character cell (the most a
 * Sheets cell holds) of brackets, spaces or honorifics must not stall a custom function. A
 * backtracking regex shows up as seconds here, and as a 5k→50k ratio near 100 instead of 10.
 */
import { parseConditions } from '../../../shared/definition/conditions';
import { readDefinition, starterDefinition, writeDefinition } from '../../../shared/definition';
import { formatIssue, issueTable, KimeruError, type Issue } from '../../../shared/issues';
import { activityGrid, contactGrid, customerGrid } from '../tables/fixtures';
import {
  ACTIVITY_TABLE,
  CUSTOMER_TABLE,
  CustomerIndex,
  foldCustomerId,
  matchPeople,
  normalizeCompanyName,
  normalizeHeader,
  parsePerson,
  personReadings,
  readActivities,
  readActivityType,
  readCell,
  readContacts,
  readCustomers,
  readTable,
  splitPeople,
} from '../../../shared/tables';
import {
  foldText,
  isBlank,
  normalizeNote,
  normalizeText,
  readAttribute,
  readBoolean,
  readDate,
  readNumber,
  type CellValue,
} from '../../../shared/values';
import type { Customer } from '../../../shared/model';

const contacts = [
  { id: 'P1', customerId: 'C1', name: '田中 太郎', kana: 'たなか たろう', title: '部長', role: 'key_person' },
  { id: 'P2', customerId: 'C1', name: '鈴木 花子', kana: '', title: '', role: 'in_charge' },
] as never;
const customers = new CustomerIndex([
  { id: 'C1', name: '株式会社 山田製作所', kana: 'やまだ' } as Customer,
  { id: 'C2', name: 'ABC Co., Ltd.', kana: '' } as Customer,
]);

// Readers that read several cells at once: the bound below is per cell.
const CELLS: Record<string, number> = { customerTable: 3, activityTable: 5, definitionSheet: 5 };

const READERS: Record<string, (s: string) => unknown> = {
  normalizeText,
  normalizeNote,
  foldText,
  isBlank,
  readNumber,
  readDate,
  readBoolean,
  readAttribute,
  readNote: (s) => readCell('note', s),
  normalizeHeader,
  splitPeople,
  parsePerson,
  personReadings,
  matchPeople: (s) => matchPeople(s, contacts),
  readActivityType,
  normalizeCompanyName,
  foldCustomerId,
  findCustomer: (s) => customers.find(s),
  searchCustomers: (s) => customers.search(s),
  parseConditions,
  customerTable: (s) =>
    readTable(
      [
        ['顧客ID', '顧客名', '年間取引額', '業種'],
        ['C1', s, s, s],
      ],
      CUSTOMER_TABLE,
      { sheet: 'x' },
    ),
  activityTable: (s) =>
    readTable(
      [
        ['日付', '顧客', '種別', '面談者', '内容'],
        [s, s, s, s, s],
      ],
      ACTIVITY_TABLE,
      { sheet: 'x' },
    ),
  definitionSheet: (s) => {
    const grid = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
    // The version, an ABC share, and an item's metric, target and rank-A threshold.
    for (const [r, c] of [
      [1, 1],
      [8, 1],
      [16, 4],
      [16, 5],
      [16, 7],
    ] as const)
      (grid[r] as CellValue[])[c] = s;
    try {
      return readDefinition(grid);
    } catch (e) {
      if (e instanceof KimeruError) return e.issues;
      throw e;
    }
  },
};

// Runs of what real sheets hold, and what trips regexes: brackets without their closer, spaces
// (ASCII, full-width), list separators, honorifics and titles, separators before a legal form.
const UNITS = [
  '(',
  '（',
  ')',
  '[',
  '「',
  '」',
  ' ',
  '\u3000',
  '\t',
  'a ',
  'あ ',
  '、',
  '・',
  ',',
  '.',
  ' ,',
  'co ',
  '様',
  '部長',
  '他',
  '1',
  '1,',
  '1万',
  '-',
  '>',
  '以上',
  'が ',
];

function cell(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

// The slowest of a few shapes around the run: alone, and with text that makes the end not match.
function timeOf(read: (s: string) => unknown, unit: string, length: number): number {
  const body = cell(unit, length);
  let worst = 0;
  for (const s of [body, `${body}x`, `x${body}`, `業種${body}1`]) {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      read(s);
      best = Math.min(best, performance.now() - t0);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

describe('cell readers on pathological cells', () => {
  it.each(Object.keys(READERS))('%s stays linear up to 50,000 characters', (name) => {
    const read = READERS[name] as (s: string) => unknown;
    const slow: string[] = [];
    for (const unit of UNITS) {
      timeOf(read, unit, 500); // warm up (JIT, regex compilation)
      // Linear: 10× the text costs about 10× the time. Quadratic code costs 100× (seconds at
      // 50k). Either bound passing is enough, so a slow CI machine cannot make this flake; and
      // a pause (GC, another process) is told from quadratic code by measuring again: quadratic
      // code is slow every time.
      let verdict = '';
      for (let attempt = 0; attempt < 3; attempt++) {
        const small = timeOf(read, unit, 5_000);
        const large = timeOf(read, unit, 50_000);
        const tooSlow = large >= 100 * (CELLS[name] ?? 1) && large / Math.max(small, 1) > 20;
        verdict = tooSlow
          ? `${JSON.stringify(unit)}: 5k ${small.toFixed(1)} ms, 50k ${large.toFixed(1)} ms`
          : '';
        if (!tooSlow) break;
      }
      if (verdict !== '') slow.push(verdict);
    }
    expect(slow).toEqual([]);
  });
});

describe('a cell far too long to be a key is refused whole, and said so', () => {
  const pasted = `田中部長、${'打ち合わせの議事録をここに貼りました。'.repeat(2_000)}`;

  it('a people-met cell: no one matched, one warning naming its length', () => {
    const { customers } = readCustomers(customerGrid, { sheet: '顧客' });
    const { contacts } = readContacts(contactGrid, customers, { sheet: '連絡先' });
    const grid = activityGrid.map((r) => [...r]);
    const header = grid[0] as CellValue[];
    (grid[1] as CellValue[])[header.indexOf('面談者')] = pasted;
    const { activities, issues } = readActivities(grid, customers, contacts, { sheet: '行動' });
    expect(activities.find((a) => a.row === 2)?.contactIds).toEqual([]);
    const warning = issues.find((i) => i.key === 'tables.peopleTooLong');
    expect(warning).toMatchObject({ row: 2, severity: 'warning' });
    const text = formatIssue('ja', warning as Issue);
    expect(text).toContain(`${pasted.length}文字`);
    expect(text.length).toBeLessThan(300);
  });

  it('a customer reference, a picker query and a rank rule', () => {
    expect(customers.find(`C1${' '.repeat(50_000)}`)).toBeNull();
    expect(customers.search('山田'.repeat(25_000))).toEqual([]);
    expect(parseConditions(`年間取引額 >= ${'1'.repeat(50_000)}`)).toMatchObject({
      ok: false,
      key: 'definition.conditionTooLong',
    });
  });

  it('a message quotes at most 100 characters of the cell, the list 200', () => {
    const issue: Issue = { key: 'tables.unknownCustomer', params: { value: pasted }, value: pasted, row: 3 };
    expect(formatIssue('en', issue).length).toBeLessThan(400);
    const [, row] = issueTable('ja', [issue]);
    expect(String(row?.[4]).length).toBe(201);
  });
});
