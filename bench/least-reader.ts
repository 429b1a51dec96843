/**
 * A yardstick for bench/hosts.ts: what the least any reader of GAPCHECK's input must do costs,
 * beside the bare pass, on the arguments Excel hands over (serial dates, every text cell a string
 * of its own, new for every pair as a host deserialises each recalculation's arguments), paired
 * and collected the same way. Not kimeru's code: loops written to be as cheap as they can be.
 *
 * - customers: each log row's customer ID looked up among the customer list's (one Map).
 * - least log read: that, and the row's day, activity type and people cell coded into typed
 *   arrays (three more Map look-ups).
 * - least GAPCHECK read: every cell GAPCHECK's starter definition uses, read the cheapest way
 *   known here — customer IDs of the generator's shape by their number (as kimeru's IdNumbers),
 *   a column of a few texts (type, next action, rep, role) by comparing in turn, a people cell
 *   among the texts already seen for its customer — from the customer list (IDs, the attributes
 *   looked at), the contacts (customer, name, key person or not) and the log (day, customer,
 *   people, type, next action and its due day, rep, recorded day), into each customer's figures
 *   the six checks compare (last contact, last key-person contact, open next action, largest
 *   recording lag, attributes filled, key person registered). Still less than GAPCHECK: a
 *   people cell counts as met when its whole text is one contact's name (no splitting,
 *   honorifics, kana or warnings); no header, total, note or typo handling; no issue, no result.
 * - GAPCHECK (Excel): kimeru's own call through the built functions.js, for scale.
 *
 * Run (after npm run build): node --expose-gc --import tsx bench/least-reader.ts [customers] [date|customer]
 */
import { generate, type Grids, type LogOrder } from './generate';
import { barePass, excelFunctions, hostCopy, ownStrings } from './host-args';
import { collect, median } from './measure';
import { AS_OF_DAY, AS_OF_SERIAL, definitionGrid, rawArgs } from './scenario';

const customers = Number(process.argv[2] ?? 10_000);
const order = (process.argv[3] ?? 'date') as LogOrder;
const PAIRS = 9;
// kimeru as Excel runs it: the built functions.js (npm run build first).
const excel = excelFunctions('dist/office-addin');

const grids = generate(customers, AS_OF_DAY, 42, order);
ownStrings(grids);
const definition = definitionGrid();
let args: unknown[] = [];
let customerRows: unknown[][] = [];
let contactRows: unknown[][] = [];
let logRows: unknown[][] = [];

/** New arguments for the next pair, as a host hands each recalculation strings of its own. */
function freshArgs(): void {
  const copy: Grids = {
    ...grids,
    customers: hostCopy(grids.customers),
    contacts: hostCopy(grids.contacts),
    activities: hostCopy(grids.activities),
  };
  args = rawArgs('GAPCHECK', copy, definition);
  customerRows = copy.customers;
  contactRows = copy.contacts;
  logRows = copy.activities;
}

// The generator's columns (bench/generate.ts).
const C_ID = 0;
const C_ATTRIBUTES = [3, 4, 5, 6]; // rep, industry, employees, yearly revenue
const K_CUSTOMER = 1;
const K_NAME = 2;
const K_ROLE = 4;
const DAY = 0;
const CUSTOMER = 1;
const PEOPLE = 2;
const TYPE = 3;
const NEXT_ACTION = 6;
const NEXT_DUE = 7;
const REP = 8;
const RECORDED = 9;

function customerIds(): Map<unknown, number> {
  const ids = new Map<unknown, number>();
  for (let r = 1; r < customerRows.length; r++) ids.set(customerRows[r]?.[C_ID], r - 1);
  return ids;
}

function customersOnly(): number {
  const ids = customerIds();
  let acc = 0;
  for (let r = 1; r < logRows.length; r++) acc += ids.get(logRows[r]?.[CUSTOMER]) ?? 0;
  return acc;
}

function leastLogRead(): number {
  const ids = customerIds();
  const n = logRows.length - 1;
  const customer = new Int32Array(n);
  const day = new Float64Array(n);
  const type = new Int32Array(n);
  const people = new Int32Array(n);
  const types = new Map<unknown, number>();
  const texts = new Map<unknown, number>();
  for (let r = 1; r <= n; r++) {
    const row = logRows[r] as unknown[];
    const at = ids.get(row[CUSTOMER]);
    if (at === undefined) continue;
    customer[r - 1] = at;
    day[r - 1] = row[DAY] as number;
    let t = types.get(row[TYPE]);
    if (t === undefined) types.set(row[TYPE], (t = types.size));
    type[r - 1] = t;
    let p = texts.get(row[PEOPLE]);
    if (p === undefined) texts.set(row[PEOPLE], (p = texts.size));
    people[r - 1] = p;
  }
  return customer[n - 1]! + day[n - 1]! + type[n - 1]! + people[n - 1]!;
}

/** A text's place in `list`, compared in turn (a column of a few distinct texts), added on first sight. */
function placeIn(list: unknown[], v: unknown): number {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return i;
  list.push(v);
  return list.length - 1;
}

/** A customer's place from an ID of the generator's shape (C00001 is the first), else by the map. */
function idPlace(v: unknown, count: number, ids: Map<unknown, number>): number {
  if (typeof v !== 'string' || v.length !== 6 || v.charCodeAt(0) !== 67) return ids.get(v) ?? -1;
  let n = 0;
  for (let i = 1; i < 6; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n >= 1 && n <= count ? n - 1 : -1;
}

function leastGapcheckRead(): number {
  // Customers: places by ID, how many of the attributes looked at are filled.
  const ids = customerIds();
  const count = customerRows.length - 1;
  const filled = new Int32Array(count);
  for (let r = 1; r <= count; r++) {
    const row = customerRows[r] as unknown[];
    for (const c of C_ATTRIBUTES) if (row[c] !== '' && row[c] !== null) filled[r - 1]!++;
  }
  // Contacts: each customer's names (name → key person or not), whether it has a key person.
  const roles: unknown[] = ['キーマン'];
  const names: (Map<unknown, number> | undefined)[] = new Array(count).fill(undefined);
  const hasKey = new Uint8Array(count);
  for (let r = 1; r < contactRows.length; r++) {
    const row = contactRows[r] as unknown[];
    const at = idPlace(row[K_CUSTOMER], count, ids);
    if (at < 0) continue;
    const key = placeIn(roles, row[K_ROLE]) === 0 ? 1 : 0;
    if (key === 1) hasKey[at] = 1;
    (names[at] ??= new Map()).set(row[K_NAME], key);
  }
  // The log: each row read into its customer's figures. A people cell is matched once per
  // customer and text, the least matching can be (the whole text is one of its contacts' names),
  // then found among the texts already seen for that customer.
  const types: unknown[] = [];
  const nextActions: unknown[] = [];
  const reps: unknown[] = [];
  const seen: (unknown[] | undefined)[] = new Array(count).fill(undefined);
  const seenKey: (number[] | undefined)[] = new Array(count).fill(undefined);
  const lastContact = new Float64Array(count).fill(-Infinity);
  const lastKey = new Float64Array(count).fill(-Infinity);
  const nextDue = new Float64Array(count).fill(NaN);
  const lag = new Float64Array(count);
  let acc = 0;
  for (let r = 1; r < logRows.length; r++) {
    const row = logRows[r] as unknown[];
    const at = idPlace(row[CUSTOMER], count, ids);
    if (at < 0) continue;
    const day = row[DAY] as number;
    acc += placeIn(types, row[TYPE]) + placeIn(nextActions, row[NEXT_ACTION]) + placeIn(reps, row[REP]);
    const texts = (seen[at] ??= []);
    const keys = (seenKey[at] ??= []);
    const people = row[PEOPLE];
    let k = 0;
    while (k < texts.length && texts[k] !== people) k++;
    if (k === texts.length) {
      texts.push(people);
      keys.push(names[at]?.get(people) ?? 0);
    }
    if (day > lastContact[at]!) {
      lastContact[at] = day;
      const due = row[NEXT_DUE];
      nextDue[at] = typeof due === 'number' ? due : NaN;
    }
    if (keys[k] === 1 && day > lastKey[at]!) lastKey[at] = day;
    const recorded = row[RECORDED];
    if (typeof recorded === 'number' && recorded - day > lag[at]!) lag[at] = recorded - day;
  }
  let gaps = 0;
  for (let k = 0; k < count; k++)
    gaps +=
      (filled[k]! < C_ATTRIBUTES.length ? 1 : 0) +
      (hasKey[k] ? 0 : 1) +
      (AS_OF_SERIAL - lastKey[k]! > 90 ? 1 : 0) +
      (AS_OF_SERIAL - lastContact[k]! > 30 ? 1 : 0) +
      (nextDue[k]! < AS_OF_SERIAL ? 1 : 0) +
      (lag[k]! > 3 ? 1 : 0);
  return gaps + acc;
}

const loops: [string, () => number][] = [
  ['bare pass', () => barePass(args)],
  ['customers', customersOnly],
  ['least log read', leastLogRead],
  ['least GAPCHECK read', leastGapcheckRead],
  ['GAPCHECK (Excel)', () => (excel('GAPCHECK', args) as unknown[]).length],
];
freshArgs();
for (let i = 0; i < 3; i++) for (const [, f] of loops) f();
const times = new Map<string, number[]>(loops.map(([name]) => [name, []]));
let sink = 0;
for (let i = 0; i < PAIRS; i++)
  for (const [name, f] of loops) {
    freshArgs();
    collect();
    const t = performance.now();
    sink += f();
    times.get(name)?.push(performance.now() - t);
  }
if (Number.isNaN(sink)) throw new Error('unreachable');
const bareTimes = times.get('bare pass') ?? [];
console.log(
  `${customers} customers, ${logRows.length - 1} activities, log by ${order}; ÷ bare: median of the rounds' ratios`,
);
for (const [name, ts] of times)
  console.log(
    `${name.padEnd(20)} ${median(ts).toFixed(1).padStart(7)} ms  ${median(ts.map((t, i) => t / bareTimes[i]!)).toFixed(1)}×`,
  );
