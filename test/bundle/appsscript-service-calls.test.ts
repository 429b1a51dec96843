import { starterDefinition, writeDefinition } from '../../shared/definition';
import { survivors } from '../support/collector';
import { processTimeZone } from '../fakes/gas';
import { instantOf } from '../fakes/gas/time';
import { buildProject, loadScript, type Built, type Script } from './appsscript-harness';

/**
 * Custom functions through the built Code.js make no Apps Script service call at all: in Sheets
 * each call is a round trip to Google's servers, and the spreadsheet's zone is read from the
 * dates themselves. The spreadsheet's zone here (Auckland) is not the script realm's (this
 * machine's), so every date has to be read in it; the results must equal those of the same sheet
 * in the realm's own zone. Auckland lies east of every zone a machine running this is likely to
 * have (+12/+13): its midnights fall on the realm's previous day, so a Date left unmoved reads a
 * day early — whether in a table range (moved as the core reads each row) or in another argument.
 *
 * Two counts: the fakes' own call log, and a counting proxy around every service global (and
 * every object a service call returns), so that a call the fakes do not log is counted too.
 */

const ZONE = 'Pacific/Auckland';
const FUNCTIONS = [
  'KIMERU_RANK',
  'KIMERU_GAPCHECK',
  'KIMERU_LASTCONTACT',
  'KIMERU_KEYPERSON',
  'KIMERU_REVIEW',
  'KIMERU_ACTIONS',
  'KIMERU_COVERAGE',
  'KIMERU_DASHBOARD',
  'KIMERU_ISSUES',
];
let built: Built;
beforeAll(async () => {
  built = await buildProject();
});

/** Wraps a service so that every method call on it, or on what it returns, is counted. */
function counting(target: object, name: string, counts: Map<string, number>): object {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function' || typeof prop === 'symbol') return value;
      const key = `${name}.${prop}`;
      return (...args: unknown[]) => {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(t, args);
        return typeof out === 'object' &&
          out !== null &&
          Object.prototype.toString.call(out) === '[object Object]'
          ? counting(out, out.constructor.name || name, counts)
          : out;
      };
    },
  });
}

interface Counted {
  s: Script;
  proxied: Map<string, number>;
}

function load(zone: string): Counted {
  const proxied = new Map<string, number>();
  const s = loadScript(built, { timeZone: zone }, (globals) =>
    Object.fromEntries(Object.entries(globals).map(([k, v]) => [k, counting(v, k, proxied)])),
  );
  return { s, proxied };
}

/** Midnight of a day in `zone`, as the Date of the script's realm Sheets passes. */
function sheetDate(s: Script, zone: string, y: number, m: number, d: number, hour = 0): unknown {
  const ms = instantOf({ year: y, month: m, day: d, hour, minute: 0, second: 0 }, zone);
  return s.evaluate(`new Date(${ms})`);
}

/** The arguments of each function for `customers` customers with 10 activities each. */
function argsFor(s: Script, zone: string, activities: number): Record<string, unknown[]> {
  const perCustomer = 10;
  const cust: unknown[][] = [['顧客ID', '顧客名', '営業担当', '年間取引額']];
  const cont: unknown[][] = [['顧客ID', '氏名', '役割']];
  const acts: unknown[][] = [['日付', '顧客ID', '面談者', '種別', '内容', '次回期日', '記録日時']];
  for (let c = 1; c <= activities / perCustomer; c++) {
    const id = `C${c}`;
    cust.push([id, `株式会社テスト${c}`, '佐藤', c * 10_000]);
    cont.push([id, '山本 健', 'キーマン']);
    for (let a = 0; a < perCustomer; a++) {
      const day = 1 + ((a + c) % 28);
      acts.push([
        sheetDate(s, zone, 2026, 10, day),
        id,
        '山本',
        '訪問',
        `メモ ${c}-${a}`,
        sheetDate(s, zone, 2026, 11, day),
        sheetDate(s, zone, 2026, 10, day, 18),
      ]);
    }
  }
  const definition = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
  const asOf = sheetDate(s, zone, 2026, 11, 29);
  return {
    KIMERU_RANK: [cust, definition],
    KIMERU_GAPCHECK: [cust, cont, acts, definition, asOf],
    KIMERU_LASTCONTACT: [cust, cont, acts, asOf],
    KIMERU_KEYPERSON: [cust, cont, acts, asOf],
    KIMERU_REVIEW: [cust, cont, acts, definition, asOf],
    KIMERU_ACTIONS: [cust, cont, acts, definition, asOf],
    KIMERU_COVERAGE: [cust, cont, acts, asOf],
    KIMERU_DASHBOARD: [cust, cont, acts, definition, asOf],
    KIMERU_ISSUES: [cust, cont, acts, definition],
  };
}

function run(zone: string, activities: number) {
  const { s, proxied } = load(zone);
  const args = argsFor(s, zone, activities);
  s.gas.setAuthMode('CUSTOM_FUNCTION');
  const logged = s.gas.calls.order.length;
  proxied.clear();
  const results: Record<string, unknown> = {};
  for (const fn of FUNCTIONS) results[fn] = s.call(fn, ...args[fn]!);
  return { results, logged: s.gas.calls.order.slice(logged), proxied: Object.fromEntries(proxied), args };
}

/** Calls every function once; WeakRefs to the three table ranges they were given. */
function callEach(zone: string): WeakRef<object>[] {
  const { s } = load(zone);
  const args = argsFor(s, zone, 200);
  s.gas.setAuthMode('CUSTOM_FUNCTION');
  for (const fn of FUNCTIONS) expect((s.call(fn, ...args[fn]!) as unknown[]).length).toBeGreaterThan(1);
  return (args['KIMERU_GAPCHECK']!.slice(0, 3) as object[]).map((grid) => new WeakRef(grid));
}

describe('custom functions and Apps Script services', () => {
  it('are counted by the proxy when made (the count is not blind)', () => {
    const { s, proxied } = load(ZONE);
    s.call('onOpen', { authMode: 'FULL' });
    expect(proxied.get('SpreadsheetApp.getUi')).toBeGreaterThan(0);
  });

  it.each([10, 10_000])('make no service call at all, for %i activities', (activities) => {
    const { logged, proxied, results } = run(ZONE, activities);
    expect(logged).toEqual([]);
    expect(proxied).toEqual({});
    for (const fn of FUNCTIONS) expect((results[fn] as unknown[]).length).toBeGreaterThan(1);
  });

  it('give the results of the same sheet in the script’s own zone, at 10 and 10,000 activities', () => {
    for (const activities of [10, 10_000]) {
      const { results } = run(ZONE, activities);
      const local = run(processTimeZone(), activities);
      expect(local.logged).toEqual([]);
      expect(results).toEqual(local.results);
    }
  });

  // The script keeps a few objects of each read until the next one (keep-shapes.ts); through the
  // row reader that moves a sheet's dates (another zone), they held the last call's ranges.
  it.each([ZONE, processTimeZone()])(
    'keep none of their ranges once they return (sheet in %s)',
    async (zone) => {
      const refs = callEach(zone);
      expect(refs).toHaveLength(3);
      expect(await survivors(refs)).toBe(0);
    },
  );

  it('read each date as the day the spreadsheet shows in its own zone, without changing the ranges', () => {
    const { s } = load(ZONE);
    const args = argsFor(s, ZONE, 20);
    const acts = args['KIMERU_LASTCONTACT']![2] as unknown[][];
    const times = () => acts.map((r) => r.map((v) => (v instanceof Object ? (v as Date).getTime() : v)));
    const rows = [...acts];
    const before = times();
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const last = s.call('KIMERU_LASTCONTACT', ...args['KIMERU_LASTCONTACT']!) as unknown[][];
    // C1's activities are on October 2–11 (midnight in Auckland): the 11th is the last one.
    expect(last[1]).toEqual(['2026/10/11', 49]);
    expect(times()).toEqual(before);
    expect(acts.every((r, k) => r === rows[k])).toBe(true);
  });
});
