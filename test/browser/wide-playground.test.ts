import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../playground/server';
import { launchSidebarBrowser } from './harness/chromium';

/*
 * "大きく表示" in the playground, in Chromium: there is no host dialog, so the page opens the
 * same pane page over itself in a frame, on the requested view, reading the page's workbook as
 * the pane does. The page behind is inert while it is open; its close button or Escape closes it.
 */

jest.setTimeout(180_000);

let server: RunningPlayground;
let browser: Awaited<ReturnType<typeof launchSidebarBrowser>>;
let page: Page;
let outDir: string;
const errors: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kimeru-wide-playground-'));
  server = await startPlayground({ port: 0, outDir });
  browser = await launchSidebarBrowser({ viewport: { width: 1440, height: 900 } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const texts = (frame: FrameLocator, testid: string) =>
  frame.getByTestId(testid).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

describe('a wide view in the playground', () => {
  it('opens the action list over the page, the same rows, and closes', async () => {
    const pane = page.frameLocator('[data-testid="pane"]');
    await pane.getByTestId('action').first().waitFor();
    const paneRows = await texts(pane, 'action-customer');
    expect(paneRows.length).toBeGreaterThan(0);

    await pane.getByTestId('actions-wide').click();
    const overlay = page.getByTestId('wide-overlay');
    await overlay.waitFor();
    expect(await overlay.getAttribute('aria-modal')).toBe('true');
    expect(await page.locator('body > main').getAttribute('inert')).toBe('');
    const wide = page.frameLocator('[data-testid="wide-frame"]');
    await wide.getByTestId('wide-actions').waitFor();
    await wide.getByTestId('action').first().waitFor();
    expect(await texts(wide, 'action-customer')).toEqual(paneRows);
    expect(await wide.getByTestId('wide-title').textContent()).toBe('次にやること');
    // It is the full width of the page, not the pane's 360 pixels.
    const box = await overlay.boundingBox();
    expect(box!.width).toBeGreaterThan(1000);
    // The frame reads the workbook itself: no snapshot note.
    expect(await wide.getByTestId('wide-note').count()).toBe(0);

    // From an action, the relationship view opens inside the wide view.
    await wide.getByTestId('action-people').first().click();
    await wide.getByTestId('wide-title').filter({ hasText: 'キーマンと担当者' }).waitFor();
    await wide.locator('[data-testid="people-key"] li').first().waitFor();

    await wide.getByTestId('wide-close').click();
    await overlay.waitFor({ state: 'detached' });
    expect(await page.locator('body > main').getAttribute('inert')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('opens the version comparison wide and closes it with Escape', async () => {
    const pane = page.frameLocator('[data-testid="pane"]');
    await pane.getByTestId('tab-definition').click();
    await pane.getByTestId('def-history-entry').nth(1).waitFor();
    await pane.getByTestId('def-compare').click();
    await pane.getByTestId('def-compare-lines').waitFor();
    const paneLines = await texts(pane, 'def-compare-lines');

    await pane.getByTestId('def-compare-wide').click();
    const wide = page.frameLocator('[data-testid="wide-frame"]');
    await wide.getByTestId('wide-versions').waitFor();
    await wide.getByTestId('def-compare-lines').waitFor();
    expect(await texts(wide, 'def-compare-lines')).toEqual(paneLines);
    expect(await wide.getByTestId('wide-title').textContent()).toBe('定義の版の比較');
    // No "open wide" inside a wide view.
    expect(await wide.getByTestId('def-compare-wide').count()).toBe(0);

    await wide.getByTestId('wide-title').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('wide-overlay').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
