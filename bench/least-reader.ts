/**
 * A yardstick for bench/hosts.ts: what the least any reader of the log must do costs, beside the
 * bare pass, on the arguments Excel hands over (strings of their own, serial dates), paired and
 * collected the same way. Not kimeru's code: two loops written to be as cheap as they can be.
 *
 * - customers: each log row's customer ID looked up among the customer list's (one Map).
 * - least log read: that, and the row's day, activity type and people cell coded into typed
 *   arrays (three more Map look-ups), which is still less than GAPCHECK needs (no contacts matched,
 *   no next action, rep or recorded date, no header, total or typo handling, no checks).
 *
 * Run: node --expose-gc --import tsx bench/least-reader.ts [customers] [date|customer]
 */
import { generate, type LogOrder } from './generate';
import { barePass, ownStrings } from './host-args';
import { collect, median } from './measure';
import { AS_OF_DAY, definitionGrid, rawArgs } from './scenario';

const customers = Number(process.argv[2] ?? 10_000);
const order = (process.argv[3] ?? 'date') as LogOrder;
const PAIRS = 9;

const grids = generate(customers, AS_OF_DAY, 42, order);
ownStrings(grids);
const args = rawArgs('GAPCHECK', grids, definitionGrid());
const customerRows = args[0] as unknown[][];
const logRows = args[2] as unknown[][];
// The generator's log columns (bench/generate.ts): day, customer, people met, type.
const DAY = 0;
const CUSTOMER = 1;
const PEOPLE = 2;
const TYPE = 3;

function customerIds(): Map<unknown, number> {
  const ids = new Map<unknown, number>();
  for (let r = 1; r < customerRows.length; r++) ids.set(customerRows[r]?.[0], r - 1);
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

const loops: [string, () => number][] = [
  ['bare pass', () => barePass(args)],
  ['customers', customersOnly],
  ['least log read', leastLogRead],
];
for (let i = 0; i < 3; i++) for (const [, f] of loops) f();
const times = new Map<string, number[]>(loops.map(([name]) => [name, []]));
let sink = 0;
for (let i = 0; i < PAIRS; i++)
  for (const [name, f] of loops) {
    collect();
    const t = performance.now();
    sink += f();
    times.get(name)?.push(performance.now() - t);
  }
if (Number.isNaN(sink)) throw new Error('unreachable');
const bare = median(times.get('bare pass') ?? []);
console.log(`${customers} customers, ${logRows.length - 1} activities, log by ${order}`);
for (const [name, ts] of times)
  console.log(
    `${name.padEnd(16)} ${median(ts).toFixed(1).padStart(7)} ms  ${(median(ts) / bare).toFixed(1)}×`,
  );
