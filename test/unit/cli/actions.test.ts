import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_ACTIONS, EXPECTED_SATO } from '../../fixtures/team/expected-actions';

/*
 * `kimeru actions` on the team's workbook as a real .xlsx written by openpyxl (real date cells,
 * numbers typed as text): the list printed is held to the hand-written expectations, and the
 * file is left exactly as it was — the command writes nothing.
 */

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');
const SHIM = join(ROOT, 'cli', 'kimeru.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'team');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
let dir: string;

function kimeru(...args: string[]) {
  const r = spawnSync(process.execPath, [SHIM, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kimeru-actions-'));
  const r = spawnSync(PYTHON, [join(FIXTURE, 'write_xlsx.py'), join(dir, 'team.xlsx')], {
    input: JSON.stringify({ sheets: team.teamSheets() }),
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`python3 write_xlsx.py failed (is python3-openpyxl installed?):\n${r.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KIND: Record<string, string> = {
  次回アクション: 'nextAction',
  キーマンに会う: 'keyPerson',
  連絡する: 'contact',
  'Next action': 'nextAction',
  'Meet a key person': 'keyPerson',
  'Get in touch': 'contact',
};

/** The printed list → `customer kind actBy daysOverdue`, as in expected-actions.ts. */
function lines(stdout: string): string[] {
  const out: string[] = [];
  const text = stdout.split('\n');
  for (let i = 1; i + 1 < text.length; i += 2) {
    const head = /^(.+?) {2}(?:期限|act by) (\S+) {2}(\S+) /.exec(text[i]!);
    const what = /^ {4}(.+?): /.exec(text[i + 1]!);
    if (!head || !what) break;
    const when = head[1]!;
    const days =
      /^(\d+)(日超過| days? overdue)$/.exec(when)?.[1] ??
      /^(?:あと(\d+)日|(\d+) days? left)$/.exec(when)?.slice(1).find(Boolean);
    const signed = /超過|overdue/.test(when) ? days : days === undefined ? '-' : `-${days}`;
    out.push(`${head[3]} ${KIND[what[1]!]} ${head[2]} ${signed}`);
  }
  return out;
}

describe('kimeru actions on a real .xlsx', () => {
  it('prints every action, most urgent first, and writes nothing', () => {
    const before = readFileSync(join(dir, 'team.xlsx'));
    const r = kimeru('actions', 'team.xlsx', '--as-of', team.AS_OF);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('2026/11/30 時点: 11件（期限切れ 7件）');
    expect(lines(r.stdout)).toEqual(EXPECTED_ACTIONS);
    // The key person and when and by whom they were last met, on the action's second line.
    expect(r.stdout).toContain(
      '    キーマンに会う: 最終キーマン接触 2026/08/10（112日前、上限60日） / キーマン: 港 健二（最終接触 2026/08/10・佐藤）',
    );
    // The rows that could not be read are listed, and the list is still printed.
    expect(r.stderr).toContain('⚠ 読めなかった行 6件');
    expect(readFileSync(join(dir, 'team.xlsx')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['team.xlsx']);
  });

  it("prints one rep's customers with --rep", () => {
    const r = kimeru('actions', 'team.xlsx', '--rep', '佐藤', '--as-of', '2026-11-30');
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual(EXPECTED_SATO);
  });

  it('prints the same list as JSON with --json, the text going to stderr', () => {
    const r = kimeru('actions', 'team.xlsx', '--rep', '佐藤', '--as-of', '2026-11-30', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      command: string;
      rep: string;
      rows: { customerId: string; kind: string; actBy: string; daysOverdue: number | null }[];
    };
    expect(json).toMatchObject({ command: 'actions', rep: '佐藤' });
    const asLines = json.rows.map(
      (a) => `${a.customerId} ${a.kind} ${a.actBy || '-'} ${a.daysOverdue === null ? '-' : a.daysOverdue}`,
    );
    expect(asLines).toEqual(EXPECTED_SATO);
    expect(lines(r.stderr)).toEqual(EXPECTED_SATO);
  });

  it('says so when no customer has the rep named, and refuses a date it cannot read', () => {
    const none = kimeru('actions', 'team.xlsx', '--rep', '山本', '--as-of', team.AS_OF);
    expect(none.code).toBe(0);
    // A typo is not a rep with nothing to do: the reps of the customer table are named.
    expect(none.stdout.trim()).toBe(
      '顧客表に営業担当「山本」の顧客はありません（営業担当: 佐藤、高橋、田村、中島）。',
    );
    const bad = kimeru('actions', 'team.xlsx', '--as-of', '11月末');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('11月末');
  });
});
