import { starterDefinition, writeDefinition } from '../../shared/definition';
import { instantOf } from '../fakes/gas/time';
import { buildProject, loadScript, type Built, type Script } from './appsscript-harness';

/**
 * Custom functions through the built Code.js make no Apps Script service call per value: in
 * Sheets each call is a round trip to Google's servers, so one per date would push a real
 * recalculation past the 30-second limit. The spreadsheet's zone here (New York) is neither the
 * script's (this machine's) nor Tokyo, so every date has to be interpreted in it.
 */

const ZONE = 'America/New_York';
let built: Built;
beforeAll(async () => {
  built = await buildProject();
});

/** Midnight of a day in the spreadsheet's zone, as the Date of the script's realm Sheets passes. */
function sheetDate(s: Script, y: number, m: number, d: number): unknown {
  const ms = instantOf({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, ZONE);
  return s.evaluate(`new Date(${ms})`);
}

/** The three ranges for `customers` customers with `perCustomer` activities each, dates as Dates. */
function ranges(s: Script, customers: number, perCustomer: number) {
  const cust: unknown[][] = [['顧客ID', '顧客名', '営業担当', '年間取引額']];
  const cont: unknown[][] = [['顧客ID', '氏名', '役割']];
  const acts: unknown[][] = [['日付', '顧客ID', '面談者', '種別', '内容', '次回期日', '記録日時']];
  for (let c = 1; c <= customers; c++) {
    const id = `C${c}`;
    cust.push([id, `株式会社テスト${c}`, '佐藤', c * 10_000]);
    cont.push([id, '山本 健', 'キーマン']);
    for (let a = 0; a < perCustomer; a++) {
      const day = 1 + (a % 28);
      acts.push([
        sheetDate(s, 2026, 10, day),
        id,
        '山本',
        '訪問',
        `メモ ${c}-${a}`,
        sheetDate(s, 2026, 11, day),
        sheetDate(s, 2026, 10, day),
      ]);
    }
  }
  return { cust, cont, acts };
}

function callsOf(s: Script, run: () => unknown): Record<string, number> {
  const before = s.gas.calls.snapshot();
  run();
  const after = s.gas.calls.snapshot();
  return Object.fromEntries(
    Object.entries(after)
      .filter(([k, v]) => v !== (before[k] ?? 0))
      .map(([k, v]) => [k, v - (before[k] ?? 0)]),
  );
}

function serviceCalls(activities: number): Record<string, Record<string, number>> {
  const s = loadScript(built, { timeZone: ZONE });
  const perCustomer = 10;
  const { cust, cont, acts } = ranges(s, activities / perCustomer, perCustomer);
  const definition = writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 1 });
  const asOf = sheetDate(s, 2026, 11, 29);
  s.gas.setAuthMode('CUSTOM_FUNCTION');
  const out: Record<string, Record<string, number>> = {};
  out['RANK'] = callsOf(s, () => s.call('KIMERU_RANK', cust, definition));
  out['GAPCHECK'] = callsOf(s, () => s.call('KIMERU_GAPCHECK', cust, cont, acts, definition, asOf));
  out['LASTCONTACT'] = callsOf(s, () => s.call('KIMERU_LASTCONTACT', cust, cont, acts, asOf));
  out['KEYPERSON'] = callsOf(s, () => s.call('KIMERU_KEYPERSON', cust, cont, acts, asOf));
  out['REVIEW'] = callsOf(s, () => s.call('KIMERU_REVIEW', cust, cont, acts, definition, asOf));
  return out;
}

describe('custom functions and Apps Script services', () => {
  it('make the same service calls for 10 and for 10,000 activities, none of them per value', () => {
    const small = serviceCalls(10);
    expect(serviceCalls(10_000)).toEqual(small);
    for (const calls of Object.values(small)) {
      // At most the spreadsheet's zone, once per calculation; no Utilities, no Session.
      expect(
        Object.keys(calls).filter((k) => !k.startsWith('SpreadsheetApp') && !k.startsWith('Spreadsheet.')),
      ).toEqual([]);
      expect(Object.values(calls).every((n) => n <= 1)).toBe(true);
    }
  });

  it('read each date as the day the spreadsheet shows in its own zone, without changing the ranges', () => {
    const s = loadScript(built, { timeZone: ZONE });
    const { cust, cont, acts } = ranges(s, 2, 3);
    const before = acts.map((r) => r.map((v) => (v instanceof Object ? (v as Date).getTime() : v)));
    s.gas.setAuthMode('CUSTOM_FUNCTION');
    const last = s.call('KIMERU_LASTCONTACT', cust, cont, acts, sheetDate(s, 2026, 11, 29)) as unknown[][];
    // Activities on October 1–3 (midnight in New York, the evening before in UTC): the 3rd is last.
    expect(last[1]).toEqual(['2026/10/03', 57]);
    expect(acts.map((r) => r.map((v) => (v instanceof Object ? (v as Date).getTime() : v)))).toEqual(before);
  });
});
