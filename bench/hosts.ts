/**
 * GAPCHECK and RANK through each host's real entry path — the built Apps Script Code.js (every
 * call an execution of its own, with and without Session), the built Excel functions.js, and the
 * core — each paired with a bare pass that reads every input cell once, over the same data in the
 * same process (for Apps Script, in the same new execution). One fresh process per
 * path and size (bench/hosts-worker.ts). `npm run bench` prints this table first; run alone with
 * `npx tsx bench/hosts.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAppsScript } from '../appsscript/build';
import { buildOfficeAddin } from '../office-addin/build';
import type { IdKind, LogOrder } from './generate';
import type { HostJob, HostPath, HostResult } from './hosts-worker';

const ROOT = resolve(__dirname, '..');
export const HOST_SIZES = [1_000, 10_000];
export const RATIO_TARGET = 5;
export const GROWTH_TARGET = 11;
export const HEAP_TARGET = 3;
/**
 * The log as a team writes it (by date) first, then sorted by customer, then by date in a sheet
 * whose customer IDs are numbers typed in cells (1001: the generator's IDs are otherwise text),
 * through one path of each host.
 */
export const LOG_ORDERS: { order: LogOrder; label: string; ids?: IdKind; paths?: HostPath[] }[] = [
  { order: 'date', label: 'by date' },
  { order: 'customer', label: 'by customer' },
  {
    order: 'date',
    label: 'by date, IDs typed as numbers',
    ids: 'number',
    paths: ['sheets', 'excel', 'core'],
  },
];
const PATHS: { path: HostPath; label: string }[] = [
  { path: 'sheets', label: 'Apps Script Code.js, an execution per call (Session available)' },
  { path: 'sheets-no-session', label: 'Apps Script Code.js, an execution per call (no Session)' },
  {
    path: 'sheets-other-zone',
    label: 'Apps Script Code.js, an execution per call (sheet in UTC, script in Tokyo)',
  },
  { path: 'excel', label: 'Excel functions.js (serial numbers)' },
  { path: 'core', label: 'core (callFunction)' },
];

/** Builds Code.js and functions.js once into a temp folder (the real builds, without their UIs). */
export async function buildHosts(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kimeru-bench-hosts-'));
  const page = '<!doctype html><html><head><title>kimeru</title></head><body></body></html>';
  await buildAppsScript(dir, page);
  await buildOfficeAddin(join(dir, 'excel'), page);
  return dir;
}

function runWorker(job: HostJob): Promise<HostResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'hosts-worker.ts'), JSON.stringify(job)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'Asia/Tokyo' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) fail(new Error(`${job.path} ${job.customers}: exit ${code}: ${err.trim()}`));
      else done(JSON.parse(line.slice('RESULT '.length)) as HostResult);
    });
  });
}

const f1 = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const f2 = (x: number): string => (x < 10 ? x.toFixed(2) : f1(x));

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (nproc), ${cpu}, Node ${process.version}`;
}

/** Runs every path at every size and returns the markdown table (and prints it). */
export async function runHosts(pairs = 7, print = true): Promise<string> {
  const load0 = loadavg()[0] ?? 0;
  const dir = await buildHosts();
  const results: HostResult[] = [];
  for (const { order, ids, paths } of LOG_ORDERS)
    for (const { path } of PATHS)
      for (const customers of HOST_SIZES) {
        if (paths && !paths.includes(path)) continue;
        const buildDir = path === 'excel' ? join(dir, 'excel') : dir;
        results.push(await runWorker({ path, customers, buildDir, pairs, order, ...(ids ? { ids } : {}) }));
      }
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const log of LOG_ORDERS)
    for (const { path, label } of PATHS)
      for (const fn of ['GAPCHECK', 'RANK'] as const) {
        const { order, label: orderLabel, ids } = log;
        // RANK reads no log: once is enough.
        if (fn === 'RANK' && log !== LOG_ORDERS[0]) continue;
        const at = (n: number) =>
          results
            .find((r) => r.path === path && r.customers === n && r.order === order && r.ids === ids)
            ?.fns.find((x) => x.fn === fn);
        const small = at(HOST_SIZES[0]!);
        const big = at(HOST_SIZES[1]!);
        if (!small || !big) continue;
        const growth = big.ms / small.ms;
        const heapX = big.heapGrowthMB / big.inputsMB;
        const calls = big.serviceCalls
          ? Object.entries(big.serviceCalls)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || '0'
          : '–';
        rows.push([
          label,
          fn,
          fn === 'RANK' ? '–' : orderLabel,
          f2(big.bareMs),
          f1(big.firstMs),
          f2(big.ms),
          `${big.ratio.toFixed(1)}×`,
          `${big.cpuRatio.toFixed(1)}×`,
          `${small.ratio.toFixed(1)}×`,
          `${growth.toFixed(1)}×`,
          f1(big.inputsMB),
          f1(big.heapGrowthMB),
          `${heapX.toFixed(1)}×`,
          calls,
        ]);
        const ok =
          Math.min(big.ratio, big.cpuRatio) <= RATIO_TARGET &&
          growth <= GROWTH_TARGET &&
          heapX <= HEAP_TARGET;
        verdicts.push(
          `- ${label} ${fn}${fn === 'RANK' ? '' : `, log ${orderLabel}`}: ${big.ratio.toFixed(1)}× the bare pass at 10k (CPU ${big.cpuRatio.toFixed(1)}×), growth ${growth.toFixed(1)}×, heap ${heapX.toFixed(1)}× inputs — ${ok ? '**PASS**' : '**FAIL**'}`,
        );
      }
  rows.push([
    'CLI',
    'GAPCHECK / RANK',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    '–',
    'measured by the CLI bench (bench/cli*)',
  ]);
  const header = [
    'path',
    'function',
    'log order',
    'bare pass ms (10k)',
    'first call ms (10k)',
    'call ms (10k)',
    '÷ bare (10k)',
    '÷ bare, CPU (10k)',
    '÷ bare (1k)',
    'growth 1k→10k',
    'inputs MB',
    'heap growth MB',
    'heap ÷ inputs',
    'service calls per call (10k)',
  ];
  const table = [header, header.map((_, i) => (i < 3 ? '---' : '---:')), ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
  const md = [
    '## Through each host (10,000 customers / 30,000 contacts / 300,000 activities; 1k = 1/10)',
    '',
    `${machine()}. Load average (1 min) at start / end: ${load0.toFixed(1)} / ${(loadavg()[0] ?? 0).toFixed(1)}.`,
    '',
    table,
    '',
    "Apps Script runs every custom function call as an execution of its own: its global code runs again and nothing of the last call is kept (no cache, no optimised code). Each Apps Script call here is one: a new realm, Code.js evaluated in it (timed), then the function; the bare pass runs cold in the same new realm. Excel keeps its runtime loaded between recalculations: its calls and the core's run in one realm, warm after two calls. First call: the function's first call in the worker, before any warm-up (for Code.js the only one that also compiles the script; Excel opening a book).",
    '',
    "Log order: by date, as a team writes its log (one row per activity as it happens, so each row is usually another customer's); by customer, each customer's rows together (a log sorted by customer). Customer IDs are text (C00001) except in the rows 'IDs typed as numbers' (1, 2, …, as a sheet keeps numbers typed in its cells). Through Apps Script and Excel every text cell is a string of its own, as a host deserialises the arguments.",
    '',
    `÷ bare: median over ${pairs} alternating pairs (bare pass, call) of call ms ÷ bare-pass ms in the same process; the bare pass reads every cell of the same arguments once. ÷ bare, CPU: the same with process CPU time, steadier when other processes compete for the 2 cores. Heap growth: how much the V8 heap grew during the first call (total heap size after it minus before it, after a full gc). Targets: ≤ ${RATIO_TARGET}×, growth ≤ ${GROWTH_TARGET}×, heap ≤ ${HEAP_TARGET}× inputs.`,
    '',
    ...verdicts,
  ].join('\n');
  if (print) console.log(md);
  return md;
}

if (require.main === module) {
  void runHosts().then(async (md) => {
    await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
    await writeFile(join(ROOT, 'bench', 'results', 'hosts.md'), `${md}\n`);
  });
}
