import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/*
 * The parts stand on their own: nothing outside playground/ imports from it, and the command
 * line runs a command without ever loading the formula engine (HyperFormula).
 */

const ROOT = join(__dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

describe('the layout', () => {
  it.each(['cli', 'xlsx', 'shared', 'bench'])('nothing in %s/ imports from playground/', (part) => {
    const offenders = sources(join(ROOT, part)).filter((file) =>
      /from\s+'[^']*\/playground\/|require\('[^']*\/playground\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('runs a command without loading HyperFormula', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kimeru-layout-'));
    try {
      const script = [
        "require('tsx/cjs');",
        `const { main } = require(${JSON.stringify(join(ROOT, 'cli', 'kimeru.ts'))});`,
        'const io = { stdout: () => {}, stderr: () => {} };',
        `process.chdir(${JSON.stringify(dir)});`,
        "main(['sample', 'try.xlsx'], io)",
        "  .then(() => main(['gapcheck', 'try.xlsx', '--as-of', '2026-11-29'], io))",
        '  .then((code) => console.log(JSON.stringify({ code, hf: Object.keys(require.cache).filter((k) => k.includes("hyperformula")).length })));',
      ].join('\n');
      const r = spawnSync(process.execPath, ['-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')).toEqual({ code: 0, hf: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
