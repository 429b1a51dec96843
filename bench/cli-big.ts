/**
 * `npm run bench -- --cli [--size 10000] [--rounds 3]`: the command line on a big workbook,
 * end to end, beside Python's openpyxl. The workbook (bench/big-workbook.ts: 10,000 customers,
 * 30,000 contacts, 300,000 activities, written by openpyxl) lives under os.tmpdir(). Each round
 * runs, alternating so both see the same machine load:
 *   - `kimeru gapcheck big.xlsx` (a fresh Node process through the npx shim cli/kimeru.js:
 *     reads the file, sets it up, checks the gaps, writes big.kimeru.xlsx);
 *   - openpyxl's read-only reader visiting every cell of every sheet (/usr/bin/python3).
 * Wall time and peak resident memory of each process come from /usr/bin/time. Then, once, on
 * the set-up output: `kimeru rank` (reads the customer list, not the 300,000-row log) beside
 * `kimeru gapcheck` (reads all three tables), to show memory follows the tables a command reads.
 * Figures are measurements, never assertions: a missed target is printed as **FAIL**.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bigWorkbook, PYTHON } from './big-workbook';
import { median } from './measure';

const ROOT = resolve(__dirname, '..');
const SHIM = join(ROOT, 'cli', 'kimeru.js');
const TIME = '/usr/bin/time';
const AS_OF = '2026-11-29';

const VISIT = `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            n += 1
print(n)
`;

interface Run {
  seconds: number;
  /** CPU time (user + system): less swayed than wall time by other work on the machine. */
  cpu: number;
  peakMb: number;
}

/** Runs a command under /usr/bin/time: its wall time and peak resident memory. */
function timed(cmd: string, args: string[], cwd: string): Run {
  const r = spawnSync(TIME, ['-f', 'TIME %e %M %U %S', cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('TIME '));
  if (r.status !== 0 || !line) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const [, s, kb, user, sys] = line.split(' ');
  return { seconds: Number(s), cpu: Number(user) + Number(sys), peakMb: Number(kb) / 1024 };
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const verdict = (ok: boolean): string => (ok ? '**PASS**' : '**FAIL**');

export async function cliBench(argv: readonly string[]): Promise<void> {
  const option = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
  };
  const size = option('--size', 10_000);
  const rounds = option('--rounds', 3);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  log(`kimeru CLI bench — ${cpu}, ${cpus().length} cores, Node ${process.version}`);
  log(`  generating the workbook (${size.toLocaleString('en-US')} customers; cached under ${tmpdir()})…`);
  const source = bigWorkbook(size);
  const dir = mkdtempSync(join(tmpdir(), 'kimeru-cli-bench-'));
  try {
    const input = join(dir, 'big.xlsx');
    copyFileSync(source, input);
    const zipped = statSync(input).size / 1024 ** 2;
    const visit = join(dir, 'visit.py');
    writeFileSync(visit, VISIT);
    const kimeru: Run[] = [];
    const openpyxl: Run[] = [];
    for (let i = 0; i < rounds; i++) {
      const k = timed(process.execPath, [SHIM, 'gapcheck', 'big.xlsx', '--as-of', AS_OF, '--force'], dir);
      kimeru.push(k);
      log(`  round ${i + 1}: kimeru gapcheck ${fmt(k.seconds)} s, ${fmt(k.peakMb, 0)} MB`);
      const p = timed(PYTHON, [visit, 'big.xlsx'], dir);
      openpyxl.push(p);
      log(`  round ${i + 1}: openpyxl every cell ${fmt(p.seconds)} s, ${fmt(p.peakMb, 0)} MB`);
    }
    // The output is set up: rank reads the customer list only, gapcheck all three tables.
    const rank = timed(process.execPath, [SHIM, 'rank', 'big.kimeru.xlsx', '--as-of', AS_OF], dir);
    const gaps = timed(process.execPath, [SHIM, 'gapcheck', 'big.kimeru.xlsx', '--as-of', AS_OF], dir);
    const kt = median(kimeru.map((r) => r.seconds));
    const pt = median(openpyxl.map((r) => r.seconds));
    const kc = median(kimeru.map((r) => r.cpu));
    const pc = median(openpyxl.map((r) => r.cpu));
    const km = Math.max(...kimeru.map((r) => r.peakMb));
    const pm = Math.max(...openpyxl.map((r) => r.peakMb));
    const ratio = kt / pt;
    const report = [
      `# kimeru CLI on a big workbook`,
      '',
      `${cpu}, ${cpus().length} cores, Node ${process.version}; ${rounds} alternating rounds; ${new Date().toISOString()}.`,
      `Workbook: ${size.toLocaleString('en-US')} customers, ${(size * 3).toLocaleString('en-US')} contacts, ${(size * 30).toLocaleString('en-US')} activities, written by openpyxl: ${fmt(zipped)} MB zipped.`,
      '',
      '| | median time | times | median CPU time | peak memory |',
      '| --- | ---: | --- | ---: | ---: |',
      `| \`kimeru gapcheck\` (read, set up, check, write) | ${fmt(kt)} s | ${kimeru.map((r) => fmt(r.seconds)).join(', ')} | ${fmt(kc)} s | ${fmt(km, 0)} MB |`,
      `| openpyxl read-only, every cell | ${fmt(pt)} s | ${openpyxl.map((r) => fmt(r.seconds)).join(', ')} | ${fmt(pc)} s | ${fmt(pm, 0)} MB |`,
      '',
      `- gapcheck ≤ half openpyxl's time: ${fmt(ratio, 2)}× — ${verdict(ratio <= 0.5)} (CPU time: ${fmt(kc / pc, 2)}×; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} at the end)`,
      `- gapcheck peak memory < 500 MB: ${fmt(km, 0)} MB — ${verdict(km < 500)}`,
      `- memory follows the tables read (set-up file): \`rank\` (customer list) ${fmt(rank.peakMb, 0)} MB in ${fmt(rank.seconds)} s, \`gapcheck\` (all three tables) ${fmt(gaps.peakMb, 0)} MB in ${fmt(gaps.seconds)} s`,
    ].join('\n');
    process.stdout.write(`${report}\n`);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', 'cli-latest.md'), `${report}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
