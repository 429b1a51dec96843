import { createApi } from '../../shared/commands';
import { ExcelWorkbook, type ExcelRun } from '../../office-addin/src/port';
import type { CellValue } from '../../shared/values/cell';
import { FakeExcel } from '../fakes/excel';
import { activity, clock, ok } from '../unit/commands/workbook-fixture';
import { buildProject, loadScript, type Built } from './appsscript-harness';

/**
 * Every command makes the same host calls — Excel's context.sync() round trips and range reads,
 * Sheets' reads and writes — for a 10-row and a 10,000-row activity log: the log's length must
 * never add round trips (appending a row does not re-read the log row by row, nothing loops
 * over it through the host).
 */

/** 10 customers with a key person each, and an activity log of `rows` rows that setup adopts. */
function loggedWorkbook(rows: number): Record<string, CellValue[][]> {
  const customers: CellValue[][] = [['顧客ID', '顧客名', '営業担当', '年間取引額']];
  const contacts: CellValue[][] = [['顧客ID', '氏名', '役割']];
  for (let c = 1; c <= 10; c++) {
    customers.push([`C${c}`, `株式会社テスト${c}`, '佐藤', c * 10_000]);
    contacts.push([`C${c}`, '山本 健', 'キーマン']);
  }
  const log: CellValue[][] = [['日付', '顧客ID', '面談者', '種別', '内容', '営業担当', '記録ID']];
  for (let r = 0; r < rows; r++)
    log.push([46_300 + (r % 300), `C${1 + (r % 10)}`, '山本', '訪問', `メモ ${r}`, '佐藤', `k${r}`]);
  return { 顧客: customers, 連絡先: contacts, 行動: log };
}

const COMMANDS = ['setup', 'state', 'log', 'retry', 'rank', 'gaps', 'review', 'manual'] as const;
type Counts = Record<(typeof COMMANDS)[number], unknown>;

async function excelCalls(rows: number, payloadLimitBytes?: number): Promise<Counts> {
  const excel = new FakeExcel(loggedWorkbook(rows));
  if (payloadLimitBytes !== undefined) excel.payloadLimitBytes = payloadLimitBytes;
  const api = createApi(new ExcelWorkbook(excel.run as unknown as ExcelRun), clock, 'ja');
  const out: Partial<Counts> = {};
  const measure = async (name: keyof Counts, run: () => Promise<unknown>) => {
    const syncs = excel.counts.syncs;
    const reads = excel.counts.rangeReads;
    await run();
    out[name] = { syncs: excel.counts.syncs - syncs, rangeReads: excel.counts.rangeReads - reads };
  };
  const entry = activity({ customerId: 'C1', rep: '佐藤', key: 'new-1' });
  await measure('setup', () => ok(api.setup({})));
  await measure('state', () => ok(api.getState()));
  await measure('log', () => ok(api.logActivity(entry)));
  await measure('retry', () => ok(api.logActivity(entry)));
  await measure('rank', () => ok(api.runRanking('2026/11/29')));
  await measure('gaps', () => ok(api.runGapCheck('2026/11/29')));
  await measure('review', () => ok(api.runReview('2026/11/29')));
  await measure('manual', () => ok(api.writeManual()));
  return out as Counts;
}

let built: Built;
beforeAll(async () => {
  built = await buildProject();
});

type Envelope = { ok: true; value: unknown } | { ok: false; message: string };

function sheetsCalls(rows: number): Counts {
  const s = loadScript(built, { sheets: loggedWorkbook(rows) });
  const out: Partial<Counts> = {};
  const call = (method: string, ...args: unknown[]) => {
    const r = s.call('kimeruCall', method, args) as Envelope;
    if (!r.ok) throw new Error(`${method}: ${r.message}`);
  };
  const measure = (name: keyof Counts, run: () => void) => {
    const before = s.gas.calls.snapshot();
    run();
    const after = s.gas.calls.snapshot();
    const calls = Object.fromEntries(
      Object.entries(after)
        .filter(([k, v]) => v !== (before[k] ?? 0))
        .map(([k, v]) => [k, v - (before[k] ?? 0)]),
    );
    // A sheet grown to fit its data has no spare row for an append: one insert, whatever its size.
    expect(calls['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(1);
    delete calls['Sheet.insertRowsAfter'];
    out[name] = calls;
  };
  const entry = activity({ customerId: 'C1', rep: '佐藤', key: 'new-1' });
  measure('setup', () => call('setup', {}));
  measure('state', () => call('getState'));
  measure('log', () => call('logActivity', entry));
  measure('retry', () => call('logActivity', entry));
  measure('rank', () => call('runRanking', '2026/11/29'));
  measure('gaps', () => call('runGapCheck', '2026/11/29'));
  measure('review', () => call('runReview', '2026/11/29'));
  measure('manual', () => call('writeManual'));
  return out as Counts;
}

describe('host calls do not grow with the activity log', () => {
  it('Excel: the same context.sync() calls and range reads for a 10-row and a 10,000-row log', async () => {
    const small = await excelCalls(10);
    expect(Object.keys(small)).toEqual([...COMMANDS]);
    expect(await excelCalls(10_000)).toEqual(small);
  });

  it('Sheets: the same service calls, every one counted, for a 10-row and a 10,000-row log', () => {
    const small = sheetsCalls(10);
    expect(Object.keys(small)).toEqual([...COMMANDS]);
    expect(sheetsCalls(10_000)).toEqual(small);
  });

  // Logging reads only the log's header (and, under the port's lock, its key column): once a log
  // is larger than one Excel response (5 MB on the web; played here by a 200 KB limit), it
  // still makes the same round trips.
  it('Excel: logging stays constant even when the log exceeds one response', async () => {
    const pick = (c: Counts) => ({ log: c.log, retry: c.retry, manual: c.manual });
    expect(pick(await excelCalls(10_000, 200_000))).toEqual(pick(await excelCalls(10, 200_000)));
  });

  // Setup reads every sheet's header and last rows, and the log no further: past one Excel
  // response it still makes the same round trips.
  it('Excel: setup stays constant even when the log exceeds one response', async () => {
    const pick = (c: Counts) => ({ setup: c.setup });
    expect(pick(await excelCalls(10_000, 200_000))).toEqual(pick(await excelCalls(10, 200_000)));
  });
});
