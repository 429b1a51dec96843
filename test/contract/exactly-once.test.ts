import { SheetsWorkbook } from '../../appsscript/src/port';
import { ExcelWorkbook, type ExcelRun } from '../../office-addin/src/port';
import { HyperFormulaWorkbook } from '../../playground/src/hf-workbook';
import { loadGrids } from '../../playground/src/sample-workbook';
import { createApi } from '../../shared/commands';
import { KEY_LEDGER_SHEET, type WorkbookPort } from '../../shared/port';
import type { CellValue } from '../../shared/values/cell';
import { FakeExcel } from '../fakes/excel';
import { createGas } from '../fakes/gas';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import { activity, clock, ok } from '../unit/commands/workbook-fixture';

/**
 * Exactly once, on every kind of log and every host: two panes each send 100 activities, every
 * one sent twice (the retry after a response that never came), both panes at once. The log
 * then has exactly 200 new rows, one per activity, and the rows that were there are untouched.
 */

const SUBMITS_PER_PANE = 100;

type LogKind = 'own' | 'adopted with 記録ID' | 'adopted without 記録ID';
const KINDS: LogKind[] = ['own', 'adopted with 記録ID', 'adopted without 記録ID'];

const TEAM_ROWS: CellValue[][] = [
  ['2026/11/01', 'C1', '山本', '訪問', '前からの記録 1', '佐藤'],
  ['2026/11/02', 'C2', '山本', '電話', '前からの記録 2', '佐藤'],
];

function book(kind: LogKind): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {
    顧客: [
      ['顧客ID', '顧客名', '営業担当'],
      ['C1', '株式会社テスト1', '佐藤'],
      ['C2', '株式会社テスト2', '佐藤'],
    ],
    連絡先: [
      ['顧客ID', '氏名', '役割'],
      ['C1', '山本 健', 'キーマン'],
    ],
  };
  if (kind === 'adopted with 記録ID')
    out['行動'] = [
      ['日付', '顧客ID', '面談者', '種別', '内容', '営業担当', '記録ID'],
      ...TEAM_ROWS.map((r, i) => [...r, `old-${i}`]),
    ];
  if (kind === 'adopted without 記録ID')
    out['行動'] = [['日付', '顧客ID', '面談者', '種別', '内容', '営業担当'], ...TEAM_ROWS.map((r) => [...r])];
  return out;
}

interface Host {
  name: string;
  make(initial: Record<string, CellValue[][]>): { port: WorkbookPort; hidden(sheet: string): boolean };
}

const HOSTS: Host[] = [
  {
    name: 'Excel (fake, appends interleaved at every context.sync)',
    make(initial) {
      const excel = new FakeExcel(initial);
      return {
        port: new ExcelWorkbook(excel.run as unknown as ExcelRun),
        hidden: (s) => excel.sheet(s)?.visibility === 'Hidden',
      };
    },
  },
  {
    name: 'Sheets (Apps Script fake, under the document lock)',
    make(initial) {
      const gas = createGas({ sheets: initial });
      return {
        port: new SheetsWorkbook(gas.book, gas.services),
        hidden: (s) => gas.book.getSheetByName(s)?.hidden === true,
      };
    },
  },
  {
    name: 'playground / CLI (HyperFormula)',
    make(initial) {
      const wb = new HyperFormulaWorkbook({ lang: 'ja' });
      loadGrids(
        wb,
        Object.entries(initial).map(([name, grid]) => ({ name, grid })),
      );
      return { port: wb, hidden: () => true };
    },
  },
  {
    name: 'memory workbook',
    make(initial) {
      const wb = new MemoryWorkbook(initial);
      return { port: wb, hidden: () => true };
    },
  },
];

describe.each(HOSTS)('exactly once: $name', (host) => {
  it.each(KINDS)('%s: 200 submits, each retried, from two panes at once → 200 rows', async (kind) => {
    const initial = book(kind);
    const { port, hidden } = host.make(initial);
    const api = createApi(port, clock, 'ja');
    const report = await ok(api.setup({ customerSheet: '顧客' }));
    const logSheet = report.sheets.activities;
    const before = (await port.readSheets([logSheet]))[logSheet] ?? [];

    const pane = async (name: string) => {
      for (let i = 0; i < SUBMITS_PER_PANE; i++) {
        const entry = activity({
          customerId: 'C1',
          rep: '佐藤',
          key: `${name}-${i}`,
          content: `${name}-${i}`,
        });
        const first = await ok(api.logActivity(entry));
        const retry = await ok(api.logActivity(entry)); // the response was lost: sent again
        expect(first).toMatchObject({ ok: true, duplicate: false });
        expect(retry).toMatchObject({ ok: true, duplicate: true });
      }
    };
    await Promise.all([pane('a'), pane('b')]);

    const after = (await port.readSheets([logSheet]))[logSheet] ?? [];
    expect(after.slice(0, before.length)).toEqual(before); // what was there stays as it was
    const contentColumn = after[0]!.findIndex((h) => h === '内容');
    const written = after.slice(before.length).map((r) => String(r[contentColumn]));
    expect(written).toHaveLength(2 * SUBMITS_PER_PANE);
    expect(new Set(written).size).toBe(2 * SUBMITS_PER_PANE);

    const ledger = (await port.readSheets([KEY_LEDGER_SHEET]))[KEY_LEDGER_SHEET];
    if (kind === 'adopted without 記録ID') {
      // The team's columns are theirs: the keys live in kimeru's hidden sheet.
      expect(after[0]).toEqual(initial['行動']![0]);
      expect(new Set(ledger!.map((r) => r[0])).size).toBe(2 * SUBMITS_PER_PANE);
      expect(hidden(KEY_LEDGER_SHEET)).toBe(true);
    } else expect(ledger).toBeUndefined();
  });
});
