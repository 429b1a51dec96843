import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchSidebarBrowser } from './harness/chromium';
import { startPlayground, type RunningPlayground } from '../../playground/server';
import { openWorkbookFile } from '../../playground/src/hf-workbook-file';
import { generate } from '../../bench/generate';
import { FileWorkbook } from '../../cli/file-workbook';
import type { WriteCell } from '../../shared/port';
import { writePackage } from '../../xlsx/write';

/*
 * The playground as `npm start` serves it, in Debian's Chromium: the page opens on the sample
 * workbook with a dashboard whose kimeru formulas show ranks and gaps; logging a visit with a key
 * person through the task pane adds a row to 行動 and closes that customer's key-person gap on
 * the dashboard; editing a cell recalculates; a file opens from disk and saves back as .xlsx.
 */

jest.setTimeout(180_000);

const SCREENSHOT = resolve(__dirname, '../../docs/screenshots/playground.png');
const FIXTURES = resolve(__dirname, '../fixtures/xlsx');
const KEY_CONTACT = 'キーマンとの接触';
const KEY_REGISTERED = 'キーマンの登録';

let server: RunningPlayground;
let context: BrowserContext;
let page: Page;
let browser: Awaited<ReturnType<typeof launchSidebarBrowser>>;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kimeru-playground-'));
  server = await startPlayground({ port: 0, outDir });
  browser = await launchSidebarBrowser({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  context = browser.context;
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.getByTestId('sheet-tab').filter({ hasText: 'サンプル集計' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Reads `read` until `done` holds (the page recalculates asynchronously), then returns it. */
async function settled<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await page.waitForTimeout(100);
    value = await read();
  }
  return value;
}

const cell = (ref: string) => page.locator(`td[data-ref="${ref}"]`);
const text = async (ref: string) => ((await cell(ref).textContent()) ?? '').trim();

async function openSheet(name: string): Promise<void> {
  await page
    .getByTestId('sheet-tab')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .click();
  await page
    .locator('.tab.active')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .waitFor();
}

/** The gaps-per-item table (A6: item id, item, checked, gaps, no data, version): gaps of one item. */
async function itemGaps(item: string): Promise<number> {
  for (let row = 7; row < 30; row++)
    if ((await text(`B${row}`)) === item) return Number(await text(`D${row}`));
  throw new Error(`no row for ${item} on the dashboard`);
}

/** The gaps-per-customer table (G6: id, name, rank, gap count, checked, gap items, version). */
async function customerGaps(): Promise<{ id: string; name: string; rank: string; items: string }[]> {
  const out = [];
  for (let row = 7; row < 60; row++) {
    const id = await text(`G${row}`);
    if (id === '') continue;
    out.push({ id, name: await text(`H${row}`), rank: await text(`I${row}`), items: await text(`L${row}`) });
  }
  return out;
}

describe('the playground page', () => {
  it('opens on the dashboard setup added: five charts drawn from kimeru formulas, shares in traffic-light colours', async () => {
    await page
      .locator('.tab.active')
      .filter({ hasText: /^ダッシュボード$/ })
      .waitFor();
    const charts = page.getByTestId('chart');
    await expect(charts.count()).resolves.toBe(5);
    const types = await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-chart-type')));
    expect(types).toEqual(['bar', 'column', 'pie', 'column', 'line']);
    // Each chart has something drawn: bars, slices or lines.
    const marks = await charts.evaluateAll((svgs) =>
      svgs.map(
        (s) => s.querySelectorAll('rect[fill^="#"]:not([fill="#fff"]), path, circle, polyline').length,
      ),
    );
    for (const n of marks) expect(n).toBeGreaterThan(0);
    await expect(page.locator('td[data-light]').count()).resolves.toBeGreaterThan(0);
  });

  it('opens on the sample workbook with the dashboard computing ranks and gaps through kimeru formulas', async () => {
    await openSheet('サンプル集計');
    await expect(text('A7')).resolves.toBe('AT1');
    expect(await itemGaps(KEY_CONTACT)).toBeGreaterThan(0);
    const rows = await customerGaps();
    // The sample's rows planted with a caveat are counted on a line under the summary — all but
    // the unknown type: no item counts activity types, so GAPCHECK leaves types unread.
    expect(rows.at(-1)!.id).toBe('⚠ 注意 2件。一覧は mode "issues" で表示できます。');
    const customers = rows.slice(0, -1);
    expect(customers).toHaveLength(50);
    expect(new Set(customers.map((c) => c.rank))).toEqual(new Set(['A', 'B', 'C']));
    // RANK beside the customer list: 東邦オートパーツ (C001, row 4 of 顧客) is an A customer.
    await expect(text('P9')).resolves.toBe('東邦オートパーツ株式会社');
    await expect(text('Q9')).resolves.toBe('A');
    // The formula behind the numbers, in the formula bar.
    await cell('A6').click();
    expect(await page.getByTestId('formula-bar').inputValue()).toMatch(
      /^=KIMERU\.GAPCHECK\(KIMERU_CUSTOMERS, .*"items"/,
    );
    await openSheet('顧客');
    await expect(text('B4')).resolves.toBe('東邦オートパーツ株式会社');
    await openSheet('サンプル集計');
  });

  it('logs a visit with a key person through the task pane: a row in 行動, one key-person gap fewer', async () => {
    await openSheet('サンプル集計');
    const before = await itemGaps(KEY_CONTACT);
    const target = (await customerGaps()).find(
      (c) => c.items.includes(KEY_CONTACT) && !c.items.includes(KEY_REGISTERED),
    );
    if (!target) throw new Error('the sample has no customer whose key person was not met recently');

    const pane = page.frameLocator('[data-testid="pane"]');
    // The pane opens on やること (what to act on); logging is one tab over.
    await pane.getByTestId('tab-log').click();
    await pane.getByTestId('customer-search').pressSequentially(target.id);
    await pane.getByTestId('customer-option').filter({ hasText: target.id }).first().click();
    await pane.getByTestId('customer-selected-name').filter({ hasText: target.name }).waitFor();
    const keyPerson = pane
      .getByTestId('contact')
      .filter({ has: pane.getByTestId('keyperson-badge') })
      .first();
    await keyPerson.getByTestId('contact-checkbox').check();
    await pane.getByTestId('log-type').selectOption({ label: '訪問' });
    await pane.getByTestId('log-purpose').fill('キーマン面談');
    await pane.getByTestId('log-content').fill('工場長と来期の設備投資について面談。');
    expect(await pane.getByTestId('log-date').inputValue()).toBe('2026/11/29'); // as Japanese writes it
    await pane.getByTestId('log-submit').click();
    await pane.getByTestId('log-status').filter({ hasText: '行目に記録しました' }).waitFor();

    expect(
      await settled(
        () => itemGaps(KEY_CONTACT),
        (n) => n !== before,
      ),
    ).toBe(before - 1);
    const after = (await customerGaps()).find((c) => c.id === target.id);
    expect(after?.items ?? '').not.toContain(KEY_CONTACT);

    // The screenshot in the README: the formula behind the item table in the formula bar.
    // Taken only when asked (KIMERU_SCREENSHOTS=1), like the sidebar's: npm test leaves the tree as it was.
    await cell('A6').click();
    if (process.env['KIMERU_SCREENSHOTS'] === '1') {
      mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
    }

    await openSheet('行動');
    await page.getByTestId('grid').evaluate((g) => (g.scrollTop = g.scrollHeight));
    await page.locator('td').filter({ hasText: '工場長と来期の設備投資について面談。' }).waitFor();
    await openSheet('サンプル集計');
  });

  it('recalculates what depends on a cell edited in the formula bar', async () => {
    await openSheet('サンプル集計');
    const before = await itemGaps('接触間隔');
    await cell('B2').click();
    expect(await page.getByTestId('formula-bar').inputValue()).toBe('2026/11/29');
    await page.getByTestId('formula-bar').fill('2027/03/31');
    await page.getByTestId('formula-bar').press('Enter');
    await expect(text('B2')).resolves.toBe('2027/03/31');
    expect(
      await settled(
        () => itemGaps('接触間隔'),
        (n) => n !== before,
      ),
    ).toBeGreaterThan(before);
  });

  it('opens an .xlsx from disk and saves it back with kimeru’s sheets added', async () => {
    await page.getByTestId('open-file').setInputFiles(join(FIXTURES, 'team-libreoffice.xlsx'));
    await page.getByTestId('file-name').filter({ hasText: 'team-libreoffice.xlsx' }).waitFor();
    await expect(text('B4')).resolves.toBe('株式会社山田製作所');
    const pane = page.frameLocator('[data-testid="pane"]');
    await pane.getByTestId('setup-run').click();
    await pane.getByTestId('setup-output').filter({ hasText: '得意先リスト' }).waitFor();
    await page.getByTestId('sheet-tab').filter({ hasText: 'kimeru設定' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
    expect(download.suggestedFilename()).toBe('team-libreoffice.kimeru.xlsx');
    const saved = openWorkbookFile(
      new Uint8Array(readFileSync((await download.path())!)),
      'saved.xlsx',
      'ja',
    );
    expect(saved.workbook.hf.getSheetNames()).toEqual(
      expect.arrayContaining(['得意先リスト', 'メモ', '集計', 'ピボット', '行動', '設定値', 'kimeru設定']),
    );
  });

  it('opens a big file with progress and keeps answering while it opens', async () => {
    // 1,000 customers, 3,000 contacts, 30,000 activities: the largest size the README promises.
    const file = join(outDir, 'big.xlsx');
    const grids = generate(1000, Date.UTC(2026, 10, 29) / 86_400_000);
    const book = new FileWorkbook(null, 'ja', [
      { name: '顧客', rows: grids.customers as WriteCell[][] },
      { name: '連絡先', rows: grids.contacts as WriteCell[][] },
      { name: '行動', rows: grids.activities as WriteCell[][] },
    ]);
    writeFileSync(file, writePackage(null, book.changesToSave(), 'ja'));

    // A timer every 20 ms and every status the page shows, recorded in the page while it opens.
    await page.evaluate(() => {
      const w = window as unknown as { beats: number[]; statuses: string[] };
      w.beats = [];
      w.statuses = [];
      setInterval(() => w.beats.push(performance.now()), 20);
      new MutationObserver(() =>
        w.statuses.push(document.getElementById('status')!.textContent ?? ''),
      ).observe(document.getElementById('status')!, { childList: true, characterData: true, subtree: true });
    });
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId('open-file').setInputFiles(file);
    await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);
    await page.getByTestId('file-name').filter({ hasText: 'big.xlsx' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('status').filter({ hasText: '開きました' }).waitFor();
    const { beats, statuses, ended } = await page.evaluate(() => {
      const w = window as unknown as { beats: number[]; statuses: string[] };
      return { beats: w.beats, statuses: w.statuses, ended: performance.now() };
    });
    // Progress per sheet read and per block of rows, ending on the last of the 30,001 rows.
    expect(statuses).toEqual(expect.arrayContaining([expect.stringMatching(/読んでいます… シート「行動」/)]));
    expect(statuses).toContain('「big.xlsx」を開いています… シート「行動」 30,001/30,001行');
    expect(statuses.filter((t) => t.includes('開いています')).length).toBeGreaterThan(15);
    // The page answered throughout: no pause longer than a third of the whole open (opening in
    // one go blocks for all of it), and the timer kept running while the file was read.
    const inOpen = [started, ...beats.filter((b) => b > started && b < ended), ended];
    const longest = Math.max(...inOpen.slice(1).map((b, i) => b - inOpen[i]!));
    expect(longest).toBeLessThan((ended - started) / 3);
    await expect(page.getByTestId('save').isDisabled()).resolves.toBe(false);
    await expect(page.getByTestId('open-progress').isHidden()).resolves.toBe(true);
  });
});
