import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  definitionsEqual,
  diffDefinitions,
  readDefinition,
  readHistory,
  writeDefinition,
} from '../../../shared/definition';
import { callFunction, findFunction } from '../../../shared/functions';
import { readDataset } from '../../../shared/tables';
import { readDate } from '../../../shared/values/dates';
import { dayFromParts } from '../../../shared/values/days';
import type { CellValue } from '../../../shared/values';
import { displayWidth, renderDemo } from '../../../playground/demo';
import {
  AS_OF_DAY,
  CAUTIONARY_ID,
  COMPANY_NAME,
  NO_KEY_PERSON,
  PLANTED,
  REP_NAMES,
  REPS,
  sampleWorkbook,
  VERSION_2_NOTE,
} from '../../../shared/sample';

const wb = sampleWorkbook();

function call(name: string, ...args: unknown[]): CellValue[][] {
  const result = callFunction(findFunction(name)!, args);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const tables = [wb.customers, wb.contacts, wb.activities] as const;
const gaps = (definition: CellValue[][] = wb.definition) =>
  call('GAPCHECK', ...tables, definition, wb.asOf, 'gaps').slice(1);
/** Customer ids with a gap on the item named `item`. */
const gapIds = (item: string, definition?: CellValue[][]) =>
  gaps(definition)
    .filter((r) => r[3] === item)
    .map((r) => r[0])
    .sort();

/** 1-based sheet row of the first activity row whose `column` cell is `value`. */
function activityRow(column: string, value: CellValue, customerName: string): number {
  const header = wb.activities[0]!;
  const col = header.indexOf(column);
  const customerCol = header.indexOf('顧客名');
  const r = wb.activities.findIndex(
    (row) => row[col] === value && String(row[customerCol]).includes(customerName),
  );
  expect(r).toBeGreaterThan(0);
  return r + 1;
}

describe('the sample workbook', () => {
  const read = readDataset({ customers: wb.customers, contacts: wb.contacts, activities: wb.activities });

  it('reads without an error; the only warnings are the three rows planted on purpose', () => {
    expect(read.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    const found = read.issues.map((i) => [
      i.key,
      i.sheet,
      i.row,
      i.column,
      i.params?.['name'] ?? i.params?.['value'],
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [
          'tables.unknownType',
          '行動',
          activityRow('種別', PLANTED.unknownType.typeWord, '寿技研'),
          'D',
          '展示会',
        ],
        [
          'tables.ambiguousPerson',
          '行動',
          activityRow('面談者', PLANTED.ambiguous.contactText, '大和電装'),
          'C',
          '佐々木さん',
        ],
        [
          'tables.unknownPerson',
          '行動',
          activityRow('面談者', PLANTED.unknownPerson.contactText, '湘南フードマシナリー'),
          'C',
          '山口課長',
        ],
      ]),
    );
    expect(read.issues).toHaveLength(3);
  });

  it('has 50 customers, 2–4 contacts each and a year of activities, about 600 in the last half-year', () => {
    const { customers, contacts, activities } = read.dataset;
    expect(customers).toHaveLength(50);
    const perCustomer = new Map<string, number>();
    for (const c of contacts) perCustomer.set(c.customerId, (perCustomer.get(c.customerId) ?? 0) + 1);
    expect([...perCustomer.values()].every((n) => n >= 2 && n <= 4)).toBe(true);
    expect(perCustomer.size).toBe(50);
    const start = dayFromParts(2026, 6, 1);
    const lastHalf = activities.filter((a) => a.date >= start);
    expect(lastHalf.length).toBeGreaterThanOrEqual(550);
    expect(lastHalf.length).toBeLessThanOrEqual(650);
    const yearStart = dayFromParts(2025, 12, 1);
    expect(activities.every((a) => a.date >= yearStart && a.date < AS_OF_DAY)).toBe(true);
    expect(activities.filter((a) => a.date < dayFromParts(2026, 3, 1)).length).toBeGreaterThan(100);
    // The earlier half-year is routine: no key person met, no next action left open.
    expect(activities.filter((a) => a.date < start).every((a) => a.nextAction === '')).toBe(true);
    expect(new Set(customers.map((c) => c.rep))).toEqual(new Set(REP_NAMES));
    expect(readDate(wb.asOf)).toEqual({ ok: true, value: dayFromParts(2026, 11, 29) });
  });

  it('is written as people write: mixed date forms, names with legal forms, amounts in 万円', () => {
    const dates = wb.activities.slice(1).map((r) => r[0]);
    expect(dates.some((d) => typeof d === 'number')).toBe(true);
    expect(dates.some((d) => typeof d === 'string' && /^2026\/\d{1,2}\/\d{1,2}/.test(d))).toBe(true);
    expect(dates.some((d) => typeof d === 'string' && /^2026年\d+月\d+日$/.test(d))).toBe(true);
    expect(dates.some((d) => typeof d === 'string' && /^R8\.\d+\.\d+$/.test(d))).toBe(true);
    const names = wb.customers.map((r) => String(r[1] ?? ''));
    for (const form of ['株式会社', '(株)', '㈱']) expect(names.some((n) => n.includes(form))).toBe(true);
    expect(wb.customers.some((r) => r[7] === '2億3,000万円')).toBe(true);
    const met = wb.activities.slice(1).map((r) => String(r[2] ?? ''));
    expect(met.some((m) => /^\S+(部長|本部長|工場長|社長)、\S+様$/.test(m))).toBe(true);
    expect(met.some((m) => /^\S+・\S+さん$/.test(m))).toBe(true);
    expect(wb.activities.slice(1).some((r) => typeof r[9] === 'number')).toBe(true); // 記録日時
  });

  it('is the same on every call', () => {
    expect(sampleWorkbook()).toEqual(wb);
  });

  it('uses no Node, host or clock API, so the browser playground can load it', () => {
    const dir = join(__dirname, '../../../shared/sample');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      // Comments may name what the code avoids ("no Math.random").
      const source = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source).not.toMatch(
        /\b(process|require|Buffer|globalThis|window|document)\b|node:|Date\.now|Math\.random|new Date/,
      );
    }
  });
});

describe('the story the gap check tells', () => {
  it('ranks 10 A, 10 B and 30 C customers by annual sales', () => {
    const ranks = call('RANK', wb.customers, wb.definition).map((r) => r[0]);
    const count = (rank: string) => ranks.filter((r) => r === rank).length;
    expect([count('A'), count('B'), count('C')]).toEqual([10, 10, 30]);
  });

  it('finds the column’s cautionary case: a big A customer whose key person is registered but never met', () => {
    const keyPersons = call('KEYPERSON', wb.customers, wb.contacts);
    const row = wb.customers.findIndex((r) => r[0] === CAUTIONARY_ID);
    expect(keyPersons[row]).toEqual(['加藤 正樹', 1]);
    const rows = gaps().filter((r) => r[0] === CAUTIONARY_ID);
    // Visited every week, nothing else wrong: only the key person is never met.
    expect(rows.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['東邦オートパーツ株式会社', 'A', 'キーマンとの接触', '担当者のみ接触 (キーマン接触なし)'],
    ]);
  });

  it('plants the other gaps on the customers meant to carry them', () => {
    expect(gapIds('キーマンの登録')).toEqual([...NO_KEY_PERSON].sort());
    expect(gapIds('基本属性の入力')).toEqual(['C023', 'C030', 'C037', 'C044']);
    expect(gapIds('接触間隔')).toEqual(['C016', 'C026', 'C029', 'C036', 'C041']);
    expect(gapIds('キーマンとの接触')).toEqual(['C001', 'C004', 'C008', 'C010', 'C012', 'C016', 'C018']);
    expect(gapIds('次回アクションの期日厳守')).toEqual(
      expect.arrayContaining(['C007', 'C010', 'C017', 'C018', 'C020', 'C025']),
    );
    const late = gaps().filter((r) => r[3] === '行動の記録');
    expect(late.length).toBeGreaterThan(0);
    const nakajima = new Set(wb.customers.filter((r) => r[3] === REPS.nakajima).map((r) => r[0]));
    expect(late.filter((r) => nakajima.has(r[0] as string)).length).toBeGreaterThan(0);
  });

  it('tightening A from 90 to 60 days in version 2 turns one more customer into a gap', () => {
    const version1 = readHistory(wb.history).versions[0]!;
    expect(version1.version).toBe(1);
    const v1 = gapIds('キーマンとの接触', writeDefinition(version1.definition, { lang: 'ja', version: 1 }));
    const v2 = gapIds('キーマンとの接触');
    expect(v2.filter((id) => !v1.includes(id))).toEqual(['C004']);
  });

  it('shows one rep strong on key-person contact and one who is not', () => {
    const review = call('REVIEW', ...tables, wb.definition, wb.asOf, wb.reviewAnswers);
    const row = (rep: string) => review.find((r) => r[0] === rep && r[2] === 'キーマンとの接触')!;
    expect(row(REPS.tamura).slice(3, 6)).toEqual(['はい', '0% (0/5社)', '知っているだけ']);
    expect(row(REPS.sato)[5]).toBe('出来ている');
  });
});

describe('the definition and its history', () => {
  it('holds version 2 in the definition sheet and versions 1 and 2 in the history', () => {
    const { definition, version } = readDefinition(wb.definition);
    expect(version).toBe(2);
    const history = readHistory(wb.history);
    expect(history.issues).toEqual([]);
    expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = history.versions;
    expect(v2!.note).toBe(VERSION_2_NOTE);
    expect(definitionsEqual(v2!.definition, definition)).toBe(true);
    expect(diffDefinitions(v1!.definition, v2!.definition, 'ja').map((d) => d.text)).toEqual([
      '「キーマンとの接触」のしきい値 A: 90日 → 60日',
    ]);
  });
});

describe('the terminal demo', () => {
  const ja = renderDemo('ja', wb);
  const lines = ja.split('\n');

  it('prints the company, the version, a headline per measured item and the cautionary case', () => {
    expect(lines[0]).toBe(`kimeru デモ — ${COMPANY_NAME}`);
    expect(ja).toContain('■ 顧客管理の定義 第2版');
    const all = call('GAPCHECK', ...tables, wb.definition, wb.asOf, 'items');
    // The rows planted with a caveat are counted under the table — but for the unknown type
    // (展示会): no item of the definition counts activity types, so GAPCHECK leaves them unread.
    expect(all.at(-1)![0]).toBe('⚠ 注意 2件。一覧は mode "issues" で表示できます。');
    const items = all.slice(1, -1);
    expect(items).toHaveLength(6);
    for (const [, name, , count] of items)
      expect(lines.some((l) => l.trim().startsWith(`${String(name)}: ${String(count)}社`))).toBe(true);
    expect(lines.some((l) => /東邦オートパーツ株式会社\s+担当者のみ接触/.test(l))).toBe(true);
  });

  it('prints the review headline and the diff between versions 1 and 2', () => {
    expect(lines.some((l) => /田村 大輔\s+キーマンとの接触\s+0% \(0\/5社\)/.test(l))).toBe(true);
    expect(ja).toContain('「キーマンとの接触」のしきい値 A: 90日 → 60日');
    expect(ja).toContain('キーマンとの接触のギャップ: 第1版 6社 → 第2版 7社');
  });

  it('speaks English when asked', () => {
    const en = renderDemo('en', wb);
    expect(en).toContain('■ Gaps (GAPCHECK v2, as of 2026-11-29)');
    expect(en).toContain('Only the person in charge met (no key-person contact)');
    expect(en).toContain('"キーマンとの接触" threshold A: 90 days → 60 days');
  });

  it('aligns columns by terminal width, counting wide characters as two', () => {
    expect(displayWidth('株式会社')).toBe(8);
    expect(displayWidth('(株)ABC')).toBe(7);
    expect(displayWidth('１２３')).toBe(6);
    expect(displayWidth('ｶﾅ')).toBe(2);
    // The rank column of the top 10 starts at the same terminal column on every line.
    const top = lines.filter((l) => /^ {4}\d+\. /.test(l));
    expect(top).toHaveLength(10);
    const rankAt = top.map((l) => displayWidth(l.slice(0, l.search(/ A {2}/) + 1)));
    expect(new Set(rankAt).size).toBe(1);
  });
});
