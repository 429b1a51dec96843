import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { FIXTURES } from '../xlsx/helpers';

/*
 * <name>.kimeru.xlsx may be last run's output that a consultant has edited since: the command
 * line does not write over it unless told to (--force, or --out naming it).
 */

let dir: string;
let input: string;
let output: string;
const EDITED = Buffer.from('顧客ごとのメモを書き足したファイル');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-cli-'));
  input = join(dir, 'customers-sjis.csv');
  copyFileSync(join(FIXTURES, 'customers-sjis.csv'), input);
  output = join(dir, 'customers-sjis.kimeru.xlsx');
  writeFileSync(output, EDITED);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// As a consultant runs it (`npx kimeru …` runs the shim cli/kimeru.js).
const SHIM = join(__dirname, '..', '..', '..', 'cli', 'kimeru.js');

function kimeru(...args: string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const isWorkbook = (path: string) =>
  openWorkbookFile(new Uint8Array(readFileSync(path)), path, 'ja').workbook.hf.getSheetNames();

it('refuses to overwrite an existing default output, saying how to, in Japanese or English', () => {
  const ja = kimeru('manual', input);
  expect(ja.code).toBe(1);
  expect(ja.stderr).toContain(`「${output}」はすでにあります`);
  expect(ja.stderr).toContain('--force');
  const en = kimeru('manual', input, '--lang', 'en');
  expect(en.code).toBe(1);
  expect(en.stderr).toContain(`"${output}" already exists`);
  expect(en.stderr).toContain('--force');
  expect(readFileSync(output).equals(EDITED)).toBe(true);
});

it('overwrites it with --force', () => {
  const r = kimeru('manual', input, '--force');
  expect(r.code).toBe(0);
  expect(isWorkbook(output)).toEqual(expect.arrayContaining(['マニュアル']));
});

it('overwrites it when --out names it explicitly', () => {
  const r = kimeru('manual', input, '--out', output);
  expect(r.code).toBe(0);
  expect(isWorkbook(output)).toEqual(expect.arrayContaining(['マニュアル']));
});

it('documents --force in its help, in both languages', () => {
  expect(kimeru('--help').stdout).toMatch(/--force\s+既定の出力先/);
  expect(kimeru('--help', '--lang', 'en').stdout).toMatch(/--force\s+overwrite <name>\.kimeru\.xlsx/);
});
