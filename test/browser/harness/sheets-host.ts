import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createApi, type KimeruApi } from '../../../shared/commands';
import { dayFromParts } from '../../../shared/values';
import type { CellValue } from '../../../shared/values';
import { buildSidebarHtml } from '../../../ui/build';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import { teamWorkbook } from '../../unit/commands/workbook-fixture';

/**
 * A Google Sheets stand-in for browser tests: the sidebar is built with the real Sheets bridge,
 * `google.script.run` in the page forwards `kimeruCall(method, args)` to Node, and there the
 * REAL core API runs over an in-memory workbook. Only the transport is simulated: JSON in, JSON
 * out, asynchronous handlers, and failures on request (a lost request or a lost response).
 */

export const TODAY = dayFromParts(2026, 11, 29);
export const TODAY_ISO = '2026-11-29';
const clock = { now: () => ({ day: TODAY, minutes: 10 * 60 + 30 }) };

export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const XSS_CONTACT = '<b onmouseover=alert(2)>太郎</b>';

/** The team's workbook of the command tests, plus a customer whose name is an HTML injection. */
export function fixtureSheets(): Record<string, CellValue[][]> {
  const sheets = teamWorkbook();
  sheets['得意先リスト']!.push(['C005', XSS_NAME, 'エックス', '佐藤', '小売業', 5, '']);
  return sheets;
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** A workbook set up by kimeru, with contacts typed in as a team would (key person first). */
export async function setUpWorkbook(
  lang = 'ja',
): Promise<{ wb: MemoryWorkbook; api: KimeruApi; activitySheet: string; historySheet: string }> {
  const wb = new MemoryWorkbook(fixtureSheets());
  const api = createApi(wb, clock, lang);
  const report = await ok(api.setup({}));
  wb.sheets
    .get(report.sheets.contacts)!
    .push(
      ['', 'C002', '山本 健', '', '専務', 'キーマン'],
      ['', 'C002', '伊藤 誠', '', '', '担当者'],
      ['', 'C005', XSS_CONTACT, '', '', '担当者'],
    );
  return { wb, api, activitySheet: report.sheets.activities, historySheet: report.sheets.history };
}

/** A workbook kimeru has not set up yet. */
export function freshWorkbook(lang = 'ja'): { wb: MemoryWorkbook; api: KimeruApi } {
  const wb = new MemoryWorkbook(fixtureSheets());
  return { wb, api: createApi(wb, clock, lang) };
}

let cachedHtml: Promise<string> | null = null;
/** The sidebar as the Apps Script build ships it (built once per test file). */
export function sidebarHtml(): Promise<string> {
  cachedHtml ??= buildSidebarHtml({ bridge: resolve(__dirname, '../../../ui/bridges/sheets.ts') });
  return cachedHtml;
}

/** Runs in the page before the sidebar: google.script.run over the Node binding, and a record of the elements the sidebar adds. */
const PAGE_SCRIPT = `(() => {
  const added = [];
  window.__kimeruAdded = added;
  // Registered before the sidebar's own DOMContentLoaded handler: sees every element it builds.
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        added.push(n.tagName);
        for (const d of n.querySelectorAll('*')) added.push(d.tagName);
      }
    }).observe(document.getElementById('kimeru'), { childList: true, subtree: true });
  });
  function runner(onSuccess, onFailure) {
    return {
      withSuccessHandler: (f) => runner(f, onFailure),
      withFailureHandler: (f) => runner(onSuccess, f),
      kimeruCall: (method, args) => {
        window.__kimeruNode(method, JSON.stringify(args)).then((text) => {
          const answer = JSON.parse(text);
          if ('error' in answer) { if (onFailure) onFailure(new Error(answer.error)); }
          else if (onSuccess) onSuccess(answer.value);
        });
      },
    };
  }
  window.google = { script: { run: runner(null, null) } };
})();`;

export type Fault = 'lost-request' | 'lost-response';

/** The Node end of google.script.run, with what the tests need to watch and steer it. */
export class SheetsHost {
  /** Every call received, by method name, in order. */
  readonly calls: { method: string; args: unknown[] }[] = [];
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private waiters: { method: string; count: number; resolve: () => void }[] = [];
  private fault: Fault | null = null;

  constructor(public api: KimeruApi) {}

  count(method: keyof KimeruApi): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  /** Holds every call until `release()`: the page sees a slow spreadsheet. */
  hold(): void {
    this.gate = new Promise((r) => (this.openGate = r));
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  /** The next call fails in transport: before reaching the server, or after it ran. */
  failNext(fault: Fault): void {
    this.fault = fault;
  }

  /** Resolves when a call of `method` has arrived (at once if `count` already have). */
  waitForCall(method: keyof KimeruApi, count = 1): Promise<void> {
    if (this.count(method) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ method, count, resolve }));
  }

  async handle(method: string, argsJson: string): Promise<string> {
    const args = JSON.parse(argsJson) as unknown[];
    this.calls.push({ method, args });
    this.waiters = this.waiters.filter((w) => {
      if (this.count(w.method as keyof KimeruApi) < w.count) return true;
      w.resolve();
      return false;
    });
    if (this.gate) await this.gate;
    const fault = this.fault;
    this.fault = null;
    if (fault === 'lost-request') return JSON.stringify({ error: 'NetworkError: connection lost' });
    const fn = (this.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
    if (!fn) return JSON.stringify({ error: `Script function not found: ${method}` });
    const envelope = await fn(...args);
    if (fault === 'lost-response') return JSON.stringify({ error: 'NetworkError: response lost' });
    // google.script.run carries JSON-like values only: round-trip as the real transport would.
    return JSON.stringify({ value: envelope });
  }
}

let origin = 0;
/**
 * Opens the sidebar in a new page over `api`, on an origin of its own (fresh localStorage).
 * `tab` fills the host's initial-tab placeholder, as a host may.
 */
export async function openSidebar(
  context: BrowserContext,
  api: KimeruApi,
  opts: { tab?: string | null } = {},
): Promise<{ page: Page; host: SheetsHost; dialogs: string[]; url: string }> {
  const host = new SheetsHost(api);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(PAGE_SCRIPT);
  await page.exposeFunction('__kimeruNode', (method: string, argsJson: string) =>
    host.handle(method, argsJson),
  );
  let html = await sidebarHtml();
  // Sheets opens the sidebar from a menu item, which always names its tab ("行動を記録" → log);
  // null leaves the placeholder, as a host that names none (Excel's task pane) does.
  if (opts.tab !== null) html = html.replace('__KIMERU_INITIAL_TAB__', opts.tab ?? 'log');
  origin += 1;
  const url = `http://sidebar-${origin}.kimeru.test/`;
  // Served from memory: nothing leaves the machine, and each page gets its own origin.
  await page.route(`${url}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(url);
  await page.locator('[role="tab"][aria-selected="true"]').waitFor();
  return { page, host, dialogs, url };
}

/** The activity sheet's rows as objects keyed by header text (row 1 is the header). */
export function activityRows(wb: MemoryWorkbook, sheet: string): Record<string, CellValue>[] {
  const [header = [], ...rows] = wb.snapshot(sheet);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? null])));
}
