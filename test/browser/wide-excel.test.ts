import type { Page } from 'playwright-core';
import { launchExcelAddin, ORIGIN, type ExcelAddinBrowser } from './harness/excel-addin';

/*
 * "大きく表示" in Excel, in Chromium: the built task pane (office.js replaced by the stand-in
 * over the Excel fake) reads the view through its API, stores the snapshot, loads
 * dialog-opener.js (office-js-helpers) only then, and asks Office for a dialog on wide.html.
 * The dialog page is then opened as Office would, with an office.js that has no Excel API at
 * all (a dialog cannot read the workbook): it shows the same list from the snapshot, and its
 * close button messages the pane, whose helper closes the dialog and forgets the snapshot.
 */

jest.setTimeout(120_000);

/** office.js in a dialog: messageParent, and no Excel (any workbook call would throw). */
const DIALOG_OFFICE_JS = `
window.__kimeruSent = [];
window.Office = {
  onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
  context: { displayLanguage: 'ja-JP', host: 'Excel', platform: 'OfficeOnline',
    ui: { messageParent: function (m) { window.__kimeruSent.push(m); } } }
};`;

interface Dialogs {
  __kimeruDialogs: { url: string; options: { width?: number; height?: number }; closed: boolean }[];
}

let addin: ExcelAddinBrowser;
let standIn: string;
beforeAll(async () => {
  addin = await launchExcelAddin();
  standIn = addin.standIn;
});
afterAll(async () => {
  await addin?.close();
});

const open = (path: string, officeJs: string) => addin.open(path, officeJs);

const texts = (page: Page, testid: string) =>
  page.getByTestId(testid).evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

describe('a wide view in Excel', () => {
  it('opens the action list in an Office dialog that shows the pane’s snapshot, and closes', async () => {
    const pane = await open('taskpane.html', standIn);
    const { page } = pane;
    await page.getByTestId('tab-setup').click();
    await page.getByTestId('setup-run').click();
    await page.getByTestId('setup-output').locator('li').first().waitFor();
    await page.getByTestId('tab-actions').click();
    await page.getByTestId('action').first().waitFor();
    const paneRows = await texts(page, 'action-customer');
    expect(paneRows.length).toBeGreaterThan(0);

    // Nothing of office-js-helpers is loaded until a wide view is asked for.
    expect(pane.requests.some((u) => u.endsWith('/dialog-opener.js'))).toBe(false);
    await page.getByTestId('actions-wide').click();
    await page.waitForFunction(() => (window as unknown as Dialogs).__kimeruDialogs.length === 1);
    expect(pane.requests.filter((u) => u.endsWith('/dialog-opener.js'))).toHaveLength(1);
    const [dialog] = await page.evaluate(() => (window as unknown as Dialogs).__kimeruDialogs);
    const url = new URL(dialog!.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${ORIGIN}/wide.html`);
    expect(JSON.parse(url.searchParams.get('wide') ?? '')).toMatchObject({ view: 'actions' });
    // The helper asks for a share of the screen (percent), at most the whole of it.
    expect(dialog!.options.width).toBeGreaterThan(0);
    expect(dialog!.options.width).toBeLessThanOrEqual(100);
    const key = `kimeru.wide.${url.searchParams.get('id')}`;
    expect(await page.evaluate((k) => localStorage.getItem(k) !== null, key)).toBe(true);

    // Office opens the dialog page: it has no Excel API, only the snapshot.
    const wide = await open(`wide.html${url.search}`, DIALOG_OFFICE_JS);
    await wide.page.getByTestId('wide-actions').waitFor();
    await wide.page.getByTestId('action').first().waitFor();
    expect(await texts(wide.page, 'action-customer')).toEqual(paneRows);
    expect(await wide.page.getByTestId('wide-title').textContent()).toBe('次にやること');
    expect(await wide.page.getByTestId('wide-note').textContent()).toContain('開いた時点');
    // Another rep was not read when the dialog opened: said, not silently shown as nothing.
    await wide.page.getByTestId('actions-rep').fill('誰もいない担当');
    await wide.page.getByTestId('actions-rep').press('Enter');
    await wide.page.getByTestId('alert-text').filter({ hasText: '作業ウィンドウ' }).waitFor();
    expect(wide.errors).toEqual([]);
    expect(wide.requests.filter((u) => u.endsWith('/dialog-opener.js'))).toEqual([]);

    // Its close button messages the pane; the helper closes the dialog, the snapshot is removed.
    await wide.page.getByTestId('wide-close').click();
    const sent = await wide.page.evaluate(
      () => (window as unknown as { __kimeruSent: string[] }).__kimeruSent,
    );
    expect(sent).toHaveLength(1);
    await page.evaluate((message) => {
      const d = (
        window as unknown as { __kimeruDialogs: { handlers: Record<string, (a: unknown) => void> }[] }
      ).__kimeruDialogs[0]!;
      d.handlers['dialogMessageReceived']!({ message });
    }, sent[0]!);
    await page.waitForFunction(() => (window as unknown as Dialogs).__kimeruDialogs[0]!.closed);
    await page.waitForFunction((k) => localStorage.getItem(k) === null, key);
    expect(pane.errors).toEqual([]);
    await wide.page.close();

    // The relationship view opens wide too; the user's ✕ (12006) is a close, not a failure.
    await page.getByTestId('action-people').first().click();
    await page.locator('[data-testid="people-wide"]:not([disabled])').waitFor();
    await page.getByTestId('people-wide').click();
    await page.waitForFunction(() => (window as unknown as Dialogs).__kimeruDialogs.length === 2);
    const second = new URL(
      (await page.evaluate(() => (window as unknown as Dialogs).__kimeruDialogs))[1]!.url,
    );
    const people = await open(`wide.html${second.search}`, DIALOG_OFFICE_JS);
    await people.page.getByTestId('wide-people').waitFor();
    await people.page.locator('[data-testid="people-key"] li').first().waitFor();
    for (const list of ['people-summary', 'people-key', 'people-others'])
      expect(await texts(people.page, list)).toEqual(await texts(page, list));
    await page.evaluate(() => {
      const d = (
        window as unknown as { __kimeruDialogs: { handlers: Record<string, (a: unknown) => void> }[] }
      ).__kimeruDialogs[1]!;
      d.handlers['dialogEventReceived']!({ error: 12006 });
    });
    const key2 = `kimeru.wide.${second.searchParams.get('id')}`;
    await page.waitForFunction((k) => localStorage.getItem(k) === null, key2);
    expect(await page.getByTestId('alert').isHidden()).toBe(true);
    expect(pane.errors).toEqual([]);
    await people.page.close();

    // A dialog without its snapshot (removed, or storage not shared with the pane) says so.
    const stale = await open(`wide.html${second.search}`, DIALOG_OFFICE_JS);
    await stale.page.getByTestId('alert-text').filter({ hasText: '表示する内容が見つかりません' }).waitFor();
    expect(stale.errors).toEqual([]);
    await stale.page.close();
    await page.close();
  });
});
