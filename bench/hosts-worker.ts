/**
 * One host path at one size in a fresh process, paired with a bare pass over the same inputs.
 * Usage: node --expose-gc --import tsx bench/hosts-worker.ts '<job json>'; prints one `RESULT {…}` line.
 *
 * Paths: the built Apps Script Code.js run as Apps Script runs a custom function — every call an
 * execution of its own (a new vm realm, Code.js evaluated in it, Date objects of that realm as
 * Sheets hands them over; with Session available and without it, as in a custom function; and a
 * spreadsheet in another zone than the script's) — the built Excel functions.js (serial numbers;
 * Excel's runtime stays loaded between recalculations) and the core's callFunction.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { createContext, runInContext } from 'node:vm';
import { createGas } from '../test/fakes/gas';
import type { CellValue } from '../shared/values/cell';
import { generate, type Grids, type IdKind, type LogOrder } from './generate';
import { BARE_PASS_SOURCE, barePass, excelFunctions, hostCell, hostCopy, ownStrings } from './host-args';
import { collect, median, MB } from './measure';
import { AS_OF_DAY, callKimeru, definitionGrid, rawArgs } from './scenario';

export type HostPath = 'sheets' | 'sheets-no-session' | 'sheets-other-zone' | 'excel' | 'core';
export type HostFn = 'RANK' | 'GAPCHECK';

export interface HostJob {
  path: HostPath;
  customers: number;
  /** Folder holding the built Code.js and functions.js. */
  buildDir: string;
  pairs: number;
  /** The log's row order (see generate). */
  order: LogOrder;
  /** How customer IDs are written (see generate); text when absent. */
  ids?: IdKind;
}

export interface HostResult {
  path: HostPath;
  customers: number;
  order: LogOrder;
  ids?: IdKind;
  activities: number;
  fns: {
    fn: HostFn;
    /** The first call in the process: nothing compiled yet, no cache warm (Excel opening a book). */
    firstMs: number;
    ms: number;
    bareMs: number;
    ratio: number;
    ratios: number[];
    /** The same ratio of process CPU time: steadier than wall time on a busy machine. */
    cpuRatio: number;
    /** Heap the call grew (peak total heap after the call − heap in use before it). */
    heapGrowthMB: number;
    /** Heap held by the arrays the host hands over. */
    inputsMB: number;
    /** Apps Script service calls during one call (Sheets paths). */
    serviceCalls?: Record<string, number>;
  }[];
}

const SERIAL_1970 = 25569;
const DAY_MS = 86_400_000;
/**
 * The spreadsheet's zone in the Sheets runs (and of the fake): as in appsscript.json, the zone of
 * the script's realm (the worker runs with TZ=Asia/Tokyo). 'sheets-other-zone' is a spreadsheet
 * in UTC read by that same script: its Date cells are midnights in UTC, which the bundle moves
 * into the realm's zone before reading (appsscript/src/sheet-offset.ts).
 */
const SHEET_ZONE = 'Asia/Tokyo';
const OTHER_ZONE = 'UTC';

type Call = (fn: HostFn, args: unknown[]) => unknown;

/** What one call runs in: the realm its arguments' Dates must come from (none: the worker's), and the call. */
interface Setting {
  realmDate?: DateConstructor;
  call: Call;
  /** The bare pass, of the same realm as the call. */
  bare: (args: readonly unknown[]) => number;
  /** Apps Script service calls so far (Sheets). */
  calls?: () => Record<string, number>;
}

/**
 * Apps Script runs every custom function call as an execution of its own: a new global scope in
 * which every file's top-level code runs again, and nothing of the last execution's — no global,
 * no cache, no optimised code. Each call here is one: a new realm with the fake services, then,
 * timed, Code.js evaluated in it and the function called. What V8 reuses between them is the
 * bytecode of the same source (its compilation cache), as a host that caches compiled scripts
 * would; the first call of a worker compiles it too (firstMs). The bare pass runs in the same new
 * realm, cold too: what a custom function that only read its arguments would cost there.
 */
function sheetsExecutions(code: string, session: boolean, zone: string): () => Setting {
  return () => {
    const context = createContext({});
    const realmDate = runInContext('Date', context) as DateConstructor;
    const gas = createGas({ Date: realmDate, timeZone: zone });
    Object.assign(context, gas.globals);
    if (!session) gas.setAuthMode('CUSTOM_FUNCTION');
    return {
      realmDate,
      bare: runInContext(BARE_PASS_SOURCE, context) as Setting['bare'],
      call: (fn, args) => {
        runInContext(code, context, { filename: 'Code.js' });
        return (context as Record<string, (...a: unknown[]) => unknown>)[`KIMERU_${fn}`]!(...args);
      },
      calls: () => gas.calls.snapshot(),
    };
  };
}

/**
 * Sheets hands a date cell over as a Date at the day's midnight in the spreadsheet's zone (here of
 * the worker's realm: each call's copy is made in its execution's, see freshArgs).
 */
function toSheetsDates(grids: Grids, offset: number): void {
  for (const row of grids.activities.slice(1))
    for (const i of [0, 7, 9]) {
      const v = row[i];
      if (typeof v === 'number') row[i] = new Date((v - SERIAL_1970) * DAY_MS - offset) as CellValue;
    }
}

/** Milliseconds east of UTC of the zones used here, neither of which has daylight saving. */
function offsetMs(zone: string): number {
  return zone === SHEET_ZONE ? 9 * 3_600_000 : 0; // Asia/Tokyo has had none since 1951
}

function argsFor(fn: HostFn, grids: Grids, definition: CellValue[][], asOf: unknown): unknown[] {
  const raw = rawArgs(fn, grids, definition);
  if (fn === 'GAPCHECK') raw[4] = asOf;
  return raw;
}

/**
 * The arguments of one call. Through a host, a copy made for it (hostCopy): Sheets and Excel
 * deserialise the ranges anew for every recalculation, so no call meets the strings or Dates an
 * earlier call was given. The core takes the generator's grids as they are, every time.
 */
function freshArgs(
  fn: HostFn,
  grids: Grids,
  definition: CellValue[][],
  asOf: unknown,
  host: boolean,
  realm?: DateConstructor,
): unknown[] {
  if (!host) return argsFor(fn, grids, definition, asOf);
  const copy: Grids = {
    customers: hostCopy(grids.customers, realm),
    // RANK reads the customers alone.
    contacts: fn === 'RANK' ? grids.contacts : hostCopy(grids.contacts, realm),
    activities: fn === 'RANK' ? grids.activities : hostCopy(grids.activities, realm),
    keyPersonMet: grids.keyPersonMet,
  };
  return argsFor(fn, copy, hostCopy(definition, realm), hostCell(asOf as CellValue, realm));
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

function heapInUse(): number {
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as HostJob;
  const sheets = job.path.startsWith('sheets');
  const zone = job.path === 'sheets-other-zone' ? OTHER_ZONE : SHEET_ZONE;
  // A new setting per call through Apps Script (an execution each); one for the worker elsewhere.
  const settings: () => Setting = sheets
    ? sheetsExecutions(
        await readFile(join(job.buildDir, 'Code.js'), 'utf8'),
        job.path !== 'sheets-no-session',
        zone,
      )
    : await (async () => {
        const one: Setting = {
          bare: barePass,
          call: job.path === 'excel' ? excelFunctions(job.buildDir) : (fn, args) => callKimeru(fn, args),
        };
        return () => one;
      })();

  collect();
  const heap0 = heapInUse();
  const grids = generate(job.customers, AS_OF_DAY, 42, job.order, job.ids);
  let asOf: unknown = AS_OF_DAY + SERIAL_1970;
  if (job.path !== 'core') ownStrings(grids);
  if (sheets) {
    toSheetsDates(grids, offsetMs(zone));
    asOf = new Date(AS_OF_DAY * DAY_MS - offsetMs(zone));
  }
  const definition = definitionGrid();
  collect();
  const gridsMB = (heapInUse() - heap0) / MB;

  const fns: HostResult['fns'] = [];
  const viaHost = job.path !== 'core';
  for (const fn of ['RANK', 'GAPCHECK'] as const) {
    const inputsMB = fn === 'RANK' ? gridsMB * customerShare(grids) : gridsMB;
    let setting = settings();
    let args = freshArgs(fn, grids, definition, asOf, viaHost, setting.realmDate);
    // Heap first, in a process whose heap earlier calls have not grown.
    collect();
    const before = getHeapStatistics().total_heap_size;
    const callsBefore = setting.calls?.() ?? {};
    const t0 = performance.now();
    const result = setting.call(fn, args);
    const firstMs = performance.now() - t0;
    const grown = getHeapStatistics().total_heap_size - before;
    const serviceCalls = setting.calls ? diff(setting.calls(), callsBefore) : undefined;
    if (!Array.isArray(result) || result.length < 2) throw new Error(`${fn} returned ${String(result)}`);

    // Warm-up, then alternating pairs: bare pass, call (on the pair's own arguments, in the pair's
    // own setting); the ratio of each pair, then the median.
    for (let i = 0; i < 2; i++) {
      setting = settings();
      args = freshArgs(fn, grids, definition, asOf, viaHost, setting.realmDate);
      setting.bare(args);
      setting.call(fn, args);
    }
    const ratios: number[] = [];
    const times: number[] = [];
    const bares: number[] = [];
    const cpuRatios: number[] = [];
    let sink = 0;
    // A bare pass under ~5 ms is timed as a batch (reported per pass): a single sub-millisecond
    // pass is mostly timer noise.
    let t = performance.now();
    sink += setting.bare(args);
    const repeat = Math.max(1, Math.ceil(5 / Math.max(performance.now() - t, 0.01)));
    for (let i = 0; i < job.pairs; i++) {
      setting = settings();
      args = freshArgs(fn, grids, definition, asOf, viaHost, setting.realmDate);
      collect();
      let c = process.cpuUsage();
      t = performance.now();
      for (let k = 0; k < repeat; k++) sink += setting.bare(args);
      const bare = (performance.now() - t) / repeat;
      const bareCpu = cpuMs(process.cpuUsage(c)) / repeat;
      collect();
      c = process.cpuUsage();
      t = performance.now();
      setting.call(fn, args);
      const ms = performance.now() - t;
      const callCpu = cpuMs(process.cpuUsage(c));
      bares.push(bare);
      times.push(ms);
      ratios.push(ms / bare);
      cpuRatios.push(callCpu / Math.max(bareCpu, 0.001));
    }
    if (Number.isNaN(sink)) throw new Error('unreachable');
    fns.push({
      fn,
      firstMs,
      ms: median(times),
      bareMs: median(bares),
      ratio: median(ratios),
      ratios,
      cpuRatio: median(cpuRatios),
      heapGrowthMB: Math.max(0, grown) / MB,
      inputsMB,
      ...(serviceCalls ? { serviceCalls } : {}),
    });
  }
  const out: HostResult = {
    path: job.path,
    customers: job.customers,
    order: job.order,
    ...(job.ids ? { ids: job.ids } : {}),
    activities: grids.activities.length - 1,
    fns,
  };
  console.log(`RESULT ${JSON.stringify(out)}`);
}

/** RANK reads only the customers: its share of the grids' heap, by cell count. */
function customerShare(g: Grids): number {
  const cells = (x: CellValue[][]): number => x.reduce((n, r) => n + r.length, 0);
  const c = cells(g.customers);
  return c / (c + cells(g.contacts) + cells(g.activities));
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v !== (before[k] ?? 0)) out[k] = v - (before[k] ?? 0);
  return out;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
