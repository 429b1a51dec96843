import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CellValue } from '../../../shared/values';
import { HyperFormulaWorkbook } from '../../../playground/src/hf-workbook';
import { loadGrids } from '../../../playground/src/sample-workbook';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { saveXlsx } from '../../../playground/src/hf-workbook-file';

/*
 * `kimeru setup` prints which sheet it reads as each table and how it reads each column, and
 * takes --contacts-sheet and --log-sheet beside --customer-sheet.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-cli-sheets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function teamFile(): string {
  const sheets: Record<string, CellValue[][]> = {
    顧客マスタ: [
      ['顧客マスタ（2026年度）', '', ''],
      ['', '', ''],
      ['顧客ID', '顧客名', '営業担当'],
      ['C001', '株式会社山田製作所', '佐藤'],
      ['C002', '(株)鈴木商事', '高橋'],
    ],
    キーマン: [
      ['顧客ID', '氏名', '役職', '役割'],
      ['C001', '山田 太郎', '社長', 'キーマン'],
    ],
    名刺: [
      ['顧客ID', '氏名', '役職'],
      ['C002', '鈴木 一郎', '部長'],
    ],
    活動履歴: [
      ['日付', '顧客ID', '種別', '内容'],
      ['2026/11/02', 'C001', '訪問', '紹介'],
    ],
    旧データ: [
      ['日付', '顧客ID', '種別'],
      ['2026/10/01', 'C002', '電話'],
      ['2026/10/05', 'C001', '訪問'],
    ],
  };
  const wb = new HyperFormulaWorkbook({ lang: 'ja' });
  loadGrids(
    wb,
    Object.entries(sheets).map(([name, grid]) => ({ name, grid })),
  );
  const path = join(dir, 'team.xlsx');
  writeFileSync(path, saveXlsx(wb, { kind: 'csv', fileName: 'team.csv' }, 'ja'));
  return path;
}

// As a consultant runs it (`npx kimeru …` runs the shim cli/kimeru.js).
const SHIM = join(__dirname, '..', '..', '..', 'cli', 'kimeru.js');

function kimeru(...args: string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args, '--as-of', '2026-11-29'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function settingOf(path: string, code: string): unknown {
  const { workbook } = openWorkbookFile(new Uint8Array(readFileSync(path)), path, 'ja');
  return workbook.values('kimeru設定').find((r) => r[2] === code)?.[1];
}

it('prints which sheet it reads as each table and how it reads each column', () => {
  const input = teamFile();
  const r = kimeru('setup', input);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('顧客: 「顧客マスタ」シートの 3行目を見出しとして、4〜5行目の 2件を読みます');
  expect(r.stdout).toContain(
    '  列: 顧客ID ← A列「顧客ID」、顧客名 ← B列「顧客名」、営業担当 ← C列「営業担当」',
  );
  expect(r.stdout).toContain('既存の「キーマン」シートを連絡先として使います');
  expect(r.stdout).toContain('  ほかの候補: 「名刺」（セットアップ画面で選べます）');
  // 旧データ has more rows, but 活動履歴 is named like a log.
  expect(r.stdout).toContain('既存の「活動履歴」シートを行動として使います');
  expect(r.stdout).toContain('  ほかの候補: 「旧データ」（セットアップ画面で選べます）');
});

it('takes --contacts-sheet and --log-sheet', () => {
  const input = teamFile();
  const out = join(dir, 'out.xlsx');
  const r = kimeru('setup', input, '--contacts-sheet', '名刺', '--log-sheet=旧データ', '--out', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('既存の「名刺」シートを連絡先として使います');
  expect(r.stdout).toContain('行動: 「旧データ」シートの 1行目を見出しとして、2〜3行目の 2件を読みます');
  expect(settingOf(out, 'sheet:contacts')).toBe('名刺');
  expect(settingOf(out, 'sheet:activities')).toBe('旧データ');
});

it('says what is missing when --log-sheet names a sheet that is not a log', () => {
  const input = teamFile();
  const r = kimeru('setup', input, '--log-sheet', 'キーマン', '--out', join(dir, 'x.xlsx'));
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('日付');
});

it('refuses --contacts-sheet without a sheet name', () => {
  const r = spawnSync(process.execPath, [SHIM, 'setup', teamFile(), '--contacts-sheet'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--contacts-sheet');
});
