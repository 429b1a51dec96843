import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../../shared/i18n';
import { pythonWithOpenpyxl, warnSkipped } from '../xlsx/tools';

/*
 * The command line as a newcomer meets it: the README's sequence run exactly as written (the
 * commands are read from the README itself), the usage on one screen ending with examples,
 * counts in proper English, and `kimeru sample` giving a workbook every command runs on.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SHIM = join(ROOT, 'cli', 'kimeru.js');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-newcomer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function kimeru(args: readonly string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The commands of the README's code block after `<!-- cli-sequence:LANG -->`, as argument lists. */
function readmeSequence(lang: 'ja' | 'en'): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marker = readme.indexOf(`<!-- cli-sequence:${lang} -->`);
  expect(marker).toBeGreaterThan(0);
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(marker))![1]!;
  return block
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      expect(l.startsWith('npx kimeru ')).toBe(true);
      return l.slice('npx kimeru '.length).trim().split(/\s+/);
    });
}

/** Sheet names and the number of non-empty cells of each, as openpyxl reads the file. */
function openpyxlSheets(python: string, path: string): Record<string, number> {
  const script = [
    'import json, sys, warnings',
    'warnings.simplefilter("ignore")',
    'import openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'print(json.dumps({ws.title: sum(1 for row in ws.iter_rows(values_only=True) for v in row if v is not None) for ws in wb.worksheets}, ensure_ascii=False))',
  ].join('\n');
  const r = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl could not open ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

describe.each(['ja', 'en'] as const)("the README's command-line sequence (%s)", (lang) => {
  it('runs exactly as written, building up one .kimeru.xlsx', () => {
    const sequence = readmeSequence(lang);
    expect(sequence.map((args) => args[0])).toEqual(['sample', 'setup', 'rank', 'gapcheck']);
    for (const args of sequence) {
      const r = kimeru(args);
      expect({ args, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({
        args,
        code: 0,
        stderr: '',
      });
    }
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files.some((f) => f.includes('.kimeru.kimeru.'))).toBe(false);
    const python = pythonWithOpenpyxl();
    if (!python)
      return warnSkipped('openpyxl check of the README sequence', 'apt-get install python3-openpyxl');
    const sheets = openpyxlSheets(
      python,
      join(
        dir,
        files.find((f) => f.includes('.kimeru.'))!,
      ),
    );
    const ranking = t(lang, 'commands.sheet.ranking');
    const gaps = t(lang, 'commands.sheet.gaps');
    expect(sheets[ranking]).toBeGreaterThan(50);
    expect(sheets[gaps]).toBeGreaterThan(10);
  });
});

describe('kimeru sample', () => {
  it('writes a workbook every command runs on, which openpyxl opens', () => {
    expect(kimeru(['sample', 'try.xlsx', '--lang', 'en']).stdout).toMatch(
      /Wrote the sample \(株式会社みらい精機: 50 customers, [\d,]{3,} activities\) to try\.xlsx/,
    );
    for (const command of ['setup', 'rank', 'gapcheck', 'review', 'manual']) {
      const input = command === 'setup' ? 'try.xlsx' : 'try.kimeru.xlsx';
      const r = kimeru([command, input, '--lang', 'en', '--as-of', '2026-11-29']);
      expect({ command, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({
        command,
        code: 0,
        stderr: '',
      });
    }
    expect(readdirSync(dir).sort()).toEqual(['try.kimeru.xlsx', 'try.xlsx']);
    const python = pythonWithOpenpyxl();
    if (!python) return warnSkipped('openpyxl check of the sample', 'apt-get install python3-openpyxl');
    const sheets = openpyxlSheets(python, join(dir, 'try.kimeru.xlsx'));
    for (const key of ['customers', 'contacts', 'activities', 'ranking', 'gaps', 'review', 'manual'] as const)
      expect({ sheet: key, cells: (sheets[t('en', `commands.sheet.${key}`)] ?? 0) > 0 }).toEqual({
        sheet: key,
        cells: true,
      });
    // The user's sample sheets come out as they went in: the same cells. The rank history is
    // kimeru's record, kept across runs: the ranking only adds to it.
    const before = openpyxlSheets(python, join(dir, 'try.xlsx'));
    const history = t('en', 'commands.sheet.rankHistory');
    for (const [name, cells] of Object.entries(before))
      if (name === history) expect(sheets[name]).toBeGreaterThanOrEqual(cells);
      else expect({ name, cells: sheets[name] }).toEqual({ name, cells });
  });

  it('does not overwrite an existing file without --force', () => {
    expect(kimeru(['sample', 'try.xlsx']).code).toBe(0);
    const again = kimeru(['sample', 'try.xlsx']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('すでにあります');
    expect(existsSync(join(dir, 'try.xlsx'))).toBe(true);
  });
});

describe('the usage', () => {
  it.each(['ja', 'en'] as const)('fits one 24-line screen and ends with examples (%s)', (lang) => {
    const r = kimeru(['--help', '--lang', lang]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    const examples = lines.findIndex((l) => /^(例|Examples):$/.test(l));
    expect(examples).toBeGreaterThan(0);
    expect(lines.slice(examples + 1).every((l) => l.startsWith('  kimeru '))).toBe(true);
    expect(lines.slice(examples + 1).length).toBeGreaterThanOrEqual(3);
  });
});

describe('counts in English', () => {
  it('say "1 customer" and "2 customers"', () => {
    expect(t('en', 'commands.report.gaps', { gaps: 1, customers: 1 })).toBe('1 gap across 1 customer');
    expect(t('en', 'commands.report.gaps', { gaps: 3, customers: 2 })).toBe('3 gaps across 2 customers');
    expect(t('en', 'commands.report.ranking', { count: 1, summary: 'A: 1' })).toBe(
      'Ranked 1 customer (A: 1)',
    );
    expect(t('en', 'engines.headline.item', { item: 'Contact interval', count: 1 })).toBe(
      'Contact interval: 1 customer',
    );
    expect(t('ja', 'commands.report.gaps', { gaps: 1, customers: 1 })).toBe('ギャップ 1件 / 1社');
  });
});
