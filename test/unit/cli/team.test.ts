import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as team from '../../fixtures/team/workbook';
import {
  EXPECTED_RANKS,
  EXPECTED_UNREAD,
  EXPECTED_VERDICTS,
  type ExpectedUnread,
} from '../../fixtures/team/expected';
import { sortUnread, unreadOf } from '../team/verdicts';

/*
 * The team's workbook as a file written by openpyxl (real date cells, numbers typed as text), run
 * through the command line exactly as the README tells a newcomer: setup, then rank, then
 * gapcheck on the same file. What kimeru wrote is read back with openpyxl, independently of
 * kimeru's own reader, and held to the hand-written expectations of test/fixtures/team.
 */

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');
const SHIM = join(ROOT, 'cli', 'kimeru.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'team');
// Debian's python3-openpyxl lives beside /usr/bin/python3, which another python3 on PATH may hide.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
let dir: string;

function python(script: string, args: string[], input?: string): string {
  const r = spawnSync(PYTHON, [join(FIXTURE, script), ...args], { input, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`python3 ${script} failed (is python3-openpyxl installed?):\n${r.stderr}`);
  return r.stdout;
}

function kimeru(...args: string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Sheets = Record<string, (string | number | boolean | null)[][]>;
const sheetsOf = (path: string): Sheets => JSON.parse(python('read_xlsx.py', [path])) as Sheets;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-team-'));
  python('write_xlsx.py', [join(dir, 'team.xlsx')], JSON.stringify({ sheets: team.teamSheets() }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a real team's workbook written by openpyxl, through the CLI", () => {
  let setup: ReturnType<typeof kimeru>;
  let rank: ReturnType<typeof kimeru>;
  let gaps: ReturnType<typeof kimeru>;
  beforeAll(() => {
    setup = kimeru('setup', 'team.xlsx');
    rank = kimeru('rank', 'team.kimeru.xlsx', '--in-place', '--as-of', team.AS_OF);
    gaps = kimeru('gapcheck', 'team.kimeru.xlsx', '--in-place', '--as-of', team.AS_OF);
  });

  it('adopts the team’s own sheets by their headers and says so', () => {
    expect(setup.code).toBe(0);
    for (const sheet of [team.CUSTOMER_SHEET, team.CONTACT_SHEET, team.LOG_SHEET])
      expect(setup.stdout).toContain(`「${sheet}」`);
    expect(existsSync(join(dir, 'team.kimeru.xlsx'))).toBe(true);
    // The customer row setup could not read is a warning on stderr, not a line of what it did.
    expect(setup.stderr).toContain('⚠ 読めなかった行 1件');
    expect(setup.stderr).toContain('「顧客マスタ」シート 13行目 A列');
    expect(setup.stdout).not.toContain('13行目');
  });

  it('ranks every readable customer as worked out by hand, exit 0 with the warnings on stderr', () => {
    expect(rank.code).toBe(0);
    // Ranking reads the customer list and the definition: the repeated code and the rule's typo.
    expect(rank.stderr).toContain('⚠ 読めなかった行 1件・注意 1件');
    expect(rank.stderr).toContain('「従業員教」');
    const sheet = sheetsOf(join(dir, 'team.kimeru.xlsx'))['ランク']!;
    const header = sheet.findIndex((r) => r.includes('顧客ID'));
    const [id, rk] = [sheet[header]!.indexOf('顧客ID'), sheet[header]!.indexOf('ランク')];
    const ranks = Object.fromEntries(sheet.slice(header + 1).map((r) => [r[id], r[rk]]));
    expect(ranks).toEqual(EXPECTED_RANKS);
  });

  it('writes every gap worked out by hand, and nothing else, on the ギャップ sheet', () => {
    expect(gaps.code).toBe(0);
    expect(gaps.stderr).toContain('⚠ 読めなかった行 6件・注意 2件');
    const sheet = sheetsOf(join(dir, 'team.kimeru.xlsx'))['ギャップ']!;
    const header = sheet.findIndex((r) => r.includes('顧客ID'));
    const h = sheet[header]!;
    const [id, item, status] = [h.indexOf('顧客ID'), h.indexOf('項目'), h.indexOf('状態')];
    const found = sheet
      .slice(header + 1)
      .filter((r) => r[status] === 'ギャップ')
      .map((r) => `${r[id]} ${r[item]} ${r[status]}`)
      .sort();
    const NAMES: Record<string, string> = {
      AT1: '基本属性の入力',
      RE1: 'キーマンの登録',
      RE2: 'キーマンとの接触',
      RE3: '接触間隔',
      IN1: '次回アクションの期日厳守',
      IN2: '行動の記録',
    };
    const expected = Object.entries(EXPECTED_VERDICTS)
      .flatMap(([customer, items]) =>
        Object.entries(items)
          .filter(([, v]) => v === 'gap')
          .map(([i]) => `${customer} ${NAMES[i]} ギャップ`),
      )
      .sort();
    expect(found).toEqual(expected);
  });

  it('puts the same list of unread rows on the 読めなかった行 sheet as the core lists', () => {
    const sheet = sheetsOf(join(dir, 'team.kimeru.xlsx'))['読めなかった行']!;
    const header = sheet.findIndex((r) => r[0] === 'シート');
    const order = [team.CUSTOMER_SHEET, team.CONTACT_SHEET, team.LOG_SHEET, team.DEFINITION_SHEET];
    const list: ExpectedUnread[] = unreadOf(sheet.slice(header) as (string | number)[][]);
    // The typo in the rank rule is flagged too (a warning on the definition).
    const data = list.filter((e) => e.sheet !== team.DEFINITION_SHEET);
    expect(sortUnread(data, order)).toEqual(EXPECTED_UNREAD);
    expect(list.some((e) => e.sheet === team.DEFINITION_SHEET || e.sheet === '')).toBe(true);
  });

  it('never changed the input file', () => {
    const again = join(dir, 'again.xlsx');
    python('write_xlsx.py', [again], JSON.stringify({ sheets: team.teamSheets() }));
    expect(sheetsOf(join(dir, 'team.xlsx'))).toEqual(sheetsOf(again));
    expect(readFileSync(join(dir, 'team.xlsx')).length).toBeGreaterThan(0);
  });
});
