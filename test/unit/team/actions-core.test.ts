import { callFunction, findFunction } from '../../../shared/functions';
import type { CellValue } from '../../../shared/values';
import * as team from '../../fixtures/team/workbook';
import { EXPECTED_ACTIONS, EXPECTED_COVERAGE, EXPECTED_SATO } from '../../fixtures/team/expected-actions';
import { actionLines, coverageLines } from './actions-read';

function call(name: string, ...args: unknown[]): CellValue[][] {
  const r = callFunction(findFunction(name)!, args);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe("a real team's workbook: next actions and key-person coverage, through the core", () => {
  const tables = [team.customers, team.contacts, team.activities] as const;

  it('lists what to act on, most urgent first, as worked out by hand', () => {
    const out = call('KIMERU.ACTIONS', ...tables, team.definition, team.AS_OF);
    expect(actionLines(out)).toEqual(EXPECTED_ACTIONS);
    // Each row names the key persons and when and by whom they were last met.
    const k002 = out.find((r) => r[0] === 'K002' && r[4] === 'キーマンに会う')!;
    expect(k002.slice(1, 10)).toEqual([
      '(株)ベイサイド物流',
      'A',
      '佐藤',
      'キーマンに会う',
      '最終キーマン接触 2026/08/10（112日前、上限60日）',
      '港 健二',
      '2026/08/10',
      '佐藤',
      '2026/10/09',
    ]);
    // The rows that could not be read are counted under the list, never stop it.
    expect(String(out.at(-1)![0])).toMatch(/^⚠ 読めなかった行 6件/);
  });

  it("lists one rep's customers only", () => {
    const out = call('KIMERU.ACTIONS', ...tables, team.definition, team.AS_OF, '佐藤');
    expect(actionLines(out)).toEqual(EXPECTED_SATO);
    expect(EXPECTED_SATO).toHaveLength(5);
  });

  it('shows every contact with role, last met, by whom and meetings, key persons nobody met first', () => {
    const out = call('KIMERU.COVERAGE', ...tables, team.AS_OF);
    expect(coverageLines(out)).toEqual(EXPECTED_COVERAGE);
  });

  it('shows one customer by ID or by name, and says so when the customer is unknown', () => {
    const byName = call('KIMERU.COVERAGE', ...tables, team.AS_OF, 'グリーンフーズ株式会社');
    expect(coverageLines(byName)).toEqual(EXPECTED_COVERAGE.filter((l) => l.startsWith('K007')));
    const en = call('KIMERU.COVERAGE', ...tables, team.AS_OF, 'K009', 'en');
    expect(en[0]).toEqual([
      'Customer ID',
      'Customer',
      'Rep',
      'Name',
      'Title',
      'Role',
      'Last met',
      'Met by',
      'Days since',
      'Meetings in the last 6 months',
      'Note',
    ]);
    expect(en[1]).toEqual([
      'K009',
      '株式会社 西日本テクノ',
      '中島',
      '西 浩',
      '専務',
      'Key person',
      '',
      '',
      '',
      0,
      'Nobody has met',
    ]);
    const r = callFunction(findFunction('KIMERU.COVERAGE')!, [...tables, team.AS_OF, 'K999']);
    expect(r).toEqual({ ok: false, error: 'value', message: expect.stringContaining('K999') });
  });

  it('gives GAPCHECK rows the rep, the key person not met and the date to act by, most urgent first', () => {
    const out = call('KIMERU.GAPCHECK', ...tables, team.definition, team.AS_OF);
    const lines = out
      .slice(1, -1)
      .map((r) => [r[0], r[3], r[8], r[9], r[10], r[11]].map((v) => (v === '' ? '-' : String(v))).join(' '));
    expect(lines).toEqual([
      // Never met, nothing to count from: the A customer first, then C in the table's order.
      'K009 キーマンとの接触 中島 西 浩 - -',
      'K009 接触間隔 中島 - - -',
      'K005 キーマンの登録 佐藤 - - -',
      'K007 キーマンの登録 田村 - - -',
      // Then the oldest date to act by (the same dates as the action list).
      'K004 接触間隔 高橋 - 2026/09/29 62',
      'K007 次回アクションの期日厳守 田村 - 2026/10/01 60',
      'K002 キーマンとの接触 佐藤 港 健二 2026/10/09 52',
      'K010 次回アクションの期日厳守 佐藤 - 2026/11/20 10',
      'K002 次回アクションの期日厳守 佐藤 - 2026/11/25 5',
      // Then gaps without a date: a late record (A), blank attributes (C).
      'K002 行動の記録 佐藤 - - -',
      'K005 基本属性の入力 佐藤 - - -',
      'K008 基本属性の入力 高橋 - - -',
    ]);
  });

  it('counts gaps per rep in the reps mode', () => {
    const out = call('KIMERU.GAPCHECK', ...tables, team.definition, team.AS_OF, 'reps');
    expect(out.slice(0, -1)).toEqual([
      ['営業担当', '顧客数', 'ギャップのある顧客数', 'ギャップ数', 'データなし項目数', '版'],
      // K001 none; K002 RE2, IN1, IN2; K005 AT1, RE1; K010 IN1. No data: IN2 of K005 and K010.
      ['佐藤', 4, 3, 6, 2, '第1版'],
      // K003 none; K004 RE3 (IN2 no data); K008 AT1.
      ['高橋', 3, 2, 2, 1, '第1版'],
      // K006, K011 none; K007 RE1, IN1 (IN2 no data).
      ['田村', 3, 1, 2, 1, '第1版'],
      // K009 RE2, RE3; IN1 and IN2 no data.
      ['中島', 1, 1, 2, 2, '第1版'],
    ]);
  });
});
