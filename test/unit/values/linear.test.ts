/**
 * Every cell reader stays linear in the cell's length: a 50,000-character cell (the most a
 * Sheets cell holds) of brackets, spaces or honorifics must not stall a custom function. A
 * backtracking regex shows up as seconds here, and as a 5k→50k ratio near 100 instead of 10.
 */
import { parseConditions } from '../../../shared/definition/conditions';
import { readDefinition, starterDefinition, writeDefinition } from '../../../shared/definition';
import { KimeruError } from '../../../shared/issues';
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
  readActivityType,
  readCell,
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
      const small = timeOf(read, unit, 5_000);
      const large = timeOf(read, unit, 50_000);
      // Linear: 10× the text costs about 10× the time. Quadratic code costs 100× (seconds at
      // 50k). Either bound passing is enough, so a slow CI machine cannot make this flake.
      if (large >= 100 * (CELLS[name] ?? 1) && large / Math.max(small, 1) > 20)
        slow.push(`${JSON.stringify(unit)}: 5k ${small.toFixed(1)} ms, 50k ${large.toFixed(1)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
