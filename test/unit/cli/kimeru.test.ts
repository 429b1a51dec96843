import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbookFile } from '../../../playground/src/hf-workbook-file';
import { FIXTURES } from '../xlsx/helpers';

/*
 * The command line as a consultant runs it (`npx kimeru …` runs cli/kimeru.js): a child
 * process over copies of the fixture files. The input is never changed unless --in-place is
 * given; bad input gets a clear message in the chosen language and a non-zero exit.
 */

const SHIM = join(__dirname, '..', '..', '..', 'cli', 'kimeru.js');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function copy(name: string, as = name): string {
  const path = join(dir, as);
  copyFileSync(join(FIXTURES, name), path);
  return path;
}

function kimeru(...args: string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sheetsOf = (path: string) =>
  openWorkbookFile(new Uint8Array(readFileSync(path)), path, 'ja').workbook.hf.getSheetNames();

describe('kimeru on a LibreOffice workbook', () => {
  it('sets it up into team.kimeru.xlsx, leaving the input as it was', () => {
    const input = copy('team-libreoffice.xlsx', 'team.xlsx');
    const before = readFileSync(input);
    const r = kimeru('setup', 'team.xlsx', '--as-of', '2026-11-29');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('既存の「得意先リスト」シートを顧客として使います');
    expect(r.stdout).toContain(`書き出しました: ${join(dir, 'team.kimeru.xlsx')}`);
    expect(r.stderr).toContain('セットアップ中…');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(sheetsOf(join(dir, 'team.kimeru.xlsx'))).toEqual(
      expect.arrayContaining([
        '得意先リスト',
        'メモ',
        '集計',
        'ピボット',
        '行動',
        '設定値',
        '行動 (kimeru)',
        'kimeru設定',
      ]),
    );
  });

  it('ranks into a named output, then gap-checks that file in place (atomically, no temp file left)', () => {
    copy('mirai-libreoffice.xlsx', 'mirai.xlsx');
    const ranked = kimeru(
      'rank',
      'mirai.xlsx',
      '--customer-sheet',
      '顧客',
      '--as-of',
      '2026-11-29',
      '--lang',
      'en',
      '--out',
      'out.xlsx',
    );
    expect(ranked.code).toBe(0);
    expect(ranked.stdout).toContain('Ranked 50 customers');
    const out = join(dir, 'out.xlsx');
    const first = readFileSync(out);
    const checked = kimeru('gapcheck', 'out.xlsx', '--in-place', '--as-of=2026-11-29', '--lang=en');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/gaps/);
    expect(readFileSync(out).equals(first)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['mirai.xlsx', 'out.xlsx']);
    const gaps = openWorkbookFile(new Uint8Array(readFileSync(out)), 'out.xlsx', 'ja').workbook.values(
      'Gaps',
    );
    expect(gaps.length).toBeGreaterThan(10);
  });

  it('writes the manual for a Shift_JIS CSV customer list into a new .xlsx', () => {
    copy('customers-sjis.csv');
    const r = kimeru('manual', 'customers-sjis.csv');
    expect(r.code).toBe(0);
    expect(sheetsOf(join(dir, 'customers-sjis.kimeru.xlsx'))).toEqual(
      expect.arrayContaining(['customers-sjis', 'マニュアル']),
    );
  });
});

describe('bad input: a clear message, a non-zero exit, the input untouched, nothing written', () => {
  const untouched = (path: string, before: Buffer) => {
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]);
  };

  it('a corrupt file', () => {
    const path = join(dir, '壊れた.xlsx');
    writeFileSync(path, readFileSync(join(FIXTURES, 'team-libreoffice.xlsx')).subarray(0, 5000));
    const before = readFileSync(path);
    const r = kimeru('rank', '壊れた.xlsx');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'エラー: 「壊れた.xlsx」を開けません: .xlsx ファイルとして読めません（壊れているか、別の形式です）。',
    );
    untouched(path, before);
  });

  it('a workbook with no customer list', () => {
    const path = copy('no-customers-libreoffice.xlsx', 'minutes.xlsx');
    const before = readFileSync(path);
    const r = kimeru('setup', 'minutes.xlsx', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: No customer list found in "minutes.xlsx"');
    untouched(path, before);
  });

  it('a customer list with a row that cannot be read: the rest is ranked, the row is listed, exit 0', () => {
    const path = join(dir, 'list.csv');
    writeFileSync(
      path,
      '顧客ID,顧客名,営業担当,業種,従業員数,年間取引額\nC001,山田製作所,佐藤,製造業,300,1200万円\nC002,鈴木商事,高橋,卸売業,5,100\nC002,鈴木商事(重複),高橋,卸売業,5,100\n',
    );
    const before = readFileSync(path);
    const r = kimeru('rank', 'list.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2社');
    expect(r.stderr).toContain('⚠ 読めなかった行 1件');
    expect(r.stderr).toContain('「list」シート 4行目 A列「顧客ID」');
    expect(r.stderr).toContain('一覧は出力ファイルの「読めなかった行」シートにもあります。');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'list.kimeru.xlsx'))).toBe(true);
  });

  it('a missing file, an unreadable date, an unknown command and a CSV given --in-place', () => {
    expect(kimeru('rank', 'nowhere.xlsx')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('ファイル「nowhere.xlsx」がありません。'),
    });
    copy('customers-sjis.csv');
    expect(kimeru('rank', 'customers-sjis.csv', '--as-of', '来週')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--as-of の日付「来週」を読めません'),
    });
    expect(kimeru('rnak', 'customers-sjis.csv', '--lang', 'en')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown command "rnak"'),
    });
    expect(kimeru('rank', 'customers-sjis.csv', '--in-place')).toMatchObject({ code: 2 });
    expect(existsSync(join(dir, 'customers-sjis.kimeru.xlsx'))).toBe(false);
  });

  it('prints its usage with --help', () => {
    const r = kimeru('--help', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kimeru <command> <file.xlsx|file.csv> [options]');
  });
});
