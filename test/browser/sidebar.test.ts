import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchSidebarBrowser } from './harness/chromium';
import {
  activityRows,
  freshWorkbook,
  openSidebar,
  setUpWorkbook,
  TODAY_ISO,
  XSS_CONTACT,
  XSS_NAME,
} from './harness/sheets-host';

/*
 * The sidebar in Chromium, built with the Google Sheets bridge, over the real core API and an
 * in-memory workbook (only google.script.run is simulated). Everything is asserted as the user
 * sees it (text, disabled buttons, messages under fields) and as the workbook holds it.
 */

jest.setTimeout(60_000);

let browser: Awaited<ReturnType<typeof launchSidebarBrowser>>;
beforeAll(async () => {
  browser = await launchSidebarBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Screenshots go to docs/screenshots when KIMERU_SCREENSHOTS=1, else nowhere. */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env['KIMERU_SCREENSHOTS'] !== '1') return;
  const dir = resolve(__dirname, '../../docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
}

async function pickCustomer(page: Page, query: string, name: string): Promise<void> {
  await page.getByTestId('customer-search').pressSequentially(query);
  await page.getByTestId('customer-option').filter({ hasText: name }).first().waitFor();
  await page.getByTestId('customer-search').press('Enter');
  await page.getByTestId('customer-selected-name').filter({ hasText: name }).waitFor();
}

async function fillActivity(page: Page): Promise<void> {
  await pickCustomer(page, 'すずき', '(株)鈴木商事');
  for (const box of await page.getByTestId('contact-checkbox').all()) await box.check();
  await page.getByTestId('log-type').selectOption({ label: '訪問' });
  await page.getByTestId('log-purpose').fill('定例訪問');
  await page.getByTestId('log-content').fill('在庫状況の確認。\n来月の増産計画を伺った');
  await page.getByTestId('log-nextAction').fill('見積を送る');
  await page.getByTestId('log-nextDue').fill('2026-12-04');
}

describe('記録 / Log', () => {
  it('finds a customer by hiragana, logs one row with the chosen contacts, and a double click still writes one row', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api);

    // Search: hiragana matches the katakana フリガナ; only 鈴木商事 matches.
    await page.getByTestId('customer-search').pressSequentially('すずき');
    await page.getByTestId('customer-option').first().waitFor();
    expect(await page.getByTestId('customer-option').allTextContents()).toEqual([
      '(株)鈴木商事C002 · スズキショウジ · 高橋',
    ]);
    await page.getByTestId('customer-search').fill('');
    await fillActivity(page);
    // Key persons first, with the badge; the rep defaults to the customer's.
    expect(await page.getByTestId('contact').allTextContents()).toEqual([
      '山本 健専務キーマン',
      '伊藤 誠担当者',
    ]);
    expect(await page.getByTestId('keyperson-badge').count()).toBe(1);
    expect(await page.getByTestId('log-rep').inputValue()).toBe('高橋');
    expect(await page.getByTestId('log-date').inputValue()).toBe(TODAY_ISO);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(page, 'sidebar-log.png');

    // A slow spreadsheet: the double click reaches the server once, the button waits disabled.
    host.hold();
    await page.getByTestId('log-submit').dblclick();
    await host.waitForCall('logActivity');
    expect(await page.getByTestId('log-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('log-submit').getAttribute('aria-busy')).toBe('true');
    host.release();
    await page.getByTestId('log-status').filter({ hasText: '2行目に記録しました' }).waitFor();
    expect(await page.getByTestId('log-status').textContent()).toContain(
      'キーマンとの接触として記録されました',
    );
    expect(host.count('logActivity')).toBe(1);

    const rows = activityRows(wb, activitySheet);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      日付: new Date(2026, 10, 29),
      顧客ID: 'C002',
      顧客名: '(株)鈴木商事',
      面談者: '山本 健、伊藤 誠',
      種別: '訪問',
      目的: '定例訪問',
      内容: '在庫状況の確認。\n来月の増産計画を伺った',
      次回アクション: '見積を送る',
      次回期日: new Date(2026, 11, 4),
      営業担当: '高橋',
    });
    expect(String(rows[0]!['記録ID'])).toMatch(/\S{16,}/);

    // The form is reset for the next activity, with a new key.
    expect(await page.getByTestId('customer-search').isVisible()).toBe(true);
    expect(await page.getByTestId('log-purpose').inputValue()).toBe('');
    await fillActivity(page);
    await page.getByTestId('log-submit').click();
    await page.getByTestId('log-status').filter({ hasText: '3行目に記録しました' }).waitFor();
    const keys = activityRows(wb, activitySheet).map((r) => r['記録ID']);
    expect(new Set(keys).size).toBe(2);
  });

  it('keeps the form after a lost response, and the retry with the same key writes no second row', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api);
    await fillActivity(page);
    host.failNext('lost-response'); // the row is written, but the sidebar never hears back
    await page.getByTestId('log-submit').click();
    await page.getByTestId('alert-text').filter({ hasText: '通信に失敗しました' }).waitFor();
    expect(await page.getByTestId('alert').getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('log-purpose').inputValue()).toBe('定例訪問');
    expect(await page.getByTestId('customer-selected-name').textContent()).toBe('(株)鈴木商事');
    expect(activityRows(wb, activitySheet)).toHaveLength(1);

    await page.getByTestId('alert-retry').click();
    await page.getByTestId('log-status').filter({ hasText: 'この記録は登録済みです' }).waitFor();
    expect(activityRows(wb, activitySheet)).toHaveLength(1);
    expect(host.count('logActivity')).toBe(2);
    const [first, retry] = host.calls.filter((c) => c.method === 'logActivity').map((c) => c.args[0]);
    expect(retry).toEqual(first); // the same activity under the same idempotency key
  });

  it('shows a missing content and a due date before the date under their fields, and writes nothing', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api);
    await page.getByTestId('log-submit').click();
    expect(await page.getByTestId('error-customerId').textContent()).toBe('顧客を選んでください');

    await pickCustomer(page, 'C002', '(株)鈴木商事');
    await page.getByTestId('log-date').fill('2026-11-20');
    await page.getByTestId('log-nextDue').fill('2026-11-10');
    await page.getByTestId('log-submit').click();
    expect(await page.getByTestId('error-content').textContent()).toBe(
      '目的か内容のどちらかを入力してください',
    );
    expect(await page.getByTestId('error-nextDue').textContent()).toBe('次回期日が日付より前です');
    expect(await page.getByTestId('error-customerId').isVisible()).toBe(false);
    expect(await page.getByTestId('log-content').getAttribute('aria-invalid')).toBe('true');
    // The first field in error has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'log-content',
    );
    expect(host.count('logActivity')).toBe(0);
    expect(activityRows(wb, activitySheet)).toHaveLength(0);
  });

  it("puts the server's own findings under the field, e.g. a customer deleted from the sheet meanwhile", async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api);
    await pickCustomer(page, 'たなか', '田中工業(株)');
    await page.getByTestId('log-content').fill('電話で納期確認');
    // Someone deletes the customer's row in the sheet while the sidebar is open.
    const list = wb.sheets.get('得意先リスト')!;
    list.splice(
      list.findIndex((r) => r[0] === 'C003'),
      1,
    );
    await page.getByTestId('log-submit').click();
    await page.getByTestId('error-customerId').filter({ hasText: 'C003' }).waitFor();
    expect(await page.getByTestId('log-content').inputValue()).toBe('電話で納期確認');
    expect(activityRows(wb, activitySheet)).toHaveLength(0);
  });

  it('shows a customer and a contact named like HTML as plain text: no element, no dialog', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, dialogs } = await openSidebar(browser.context, api);
    await page.getByTestId('customer-search').pressSequentially('えっくす');
    const option = page.getByTestId('customer-option').first();
    await option.waitFor();
    expect(await option.locator('.option-name').textContent()).toBe(XSS_NAME);
    await page.getByTestId('customer-search').press('Enter');
    expect(await page.getByTestId('customer-selected-name').textContent()).toBe(XSS_NAME);
    expect(await page.getByTestId('contact').locator('.contact-name').textContent()).toBe(XSS_CONTACT);
    await page.getByTestId('contact-checkbox').check();
    await page.getByTestId('log-content').fill('<script>alert(3)</script>');
    await page.getByTestId('log-submit').click();
    await page.getByTestId('log-status').filter({ hasText: '2行目に記録しました' }).waitFor();

    const added = await page.evaluate(() => (window as unknown as { __kimeruAdded: string[] }).__kimeruAdded);
    expect(added.length).toBeGreaterThan(50); // the observer did see the sidebar being built
    expect(added.filter((tag) => ['IMG', 'B', 'SCRIPT', 'IFRAME'].includes(tag))).toEqual([]);
    expect(await page.locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(activityRows(wb, activitySheet)[0]).toMatchObject({
      顧客名: XSS_NAME,
      面談者: XSS_CONTACT,
      内容: '<script>alert(3)</script>',
    });
  });

  it('ignores Enter while a Japanese IME is composing, and submits on Enter after the conversion', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api);
    const cdp = await browser.context.newCDPSession(page);

    // In the search box: Enter confirming かな→漢字 does not pick a customer.
    await page.getByTestId('customer-search').focus();
    await cdp.send('Input.imeSetComposition', { text: 'すずき', selectionStart: 3, selectionEnd: 3 });
    await page.getByTestId('customer-option').first().waitFor();
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
    });
    expect(await page.getByTestId('customer-selected').isVisible()).toBe(false);
    await cdp.send('Input.insertText', { text: 'すずき' });
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-selected-name').filter({ hasText: '(株)鈴木商事' }).waitFor();

    // In 目的, with the form otherwise complete: the IME's Enter only confirms the conversion.
    await page.getByTestId('log-content').fill('在庫状況の確認');
    await page.getByTestId('log-purpose').focus();
    await cdp.send('Input.imeSetComposition', { text: 'ていれい', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
    });
    expect(await page.getByTestId('log-submit').isDisabled()).toBe(false);
    await cdp.send('Input.insertText', { text: '定例' });
    expect(await page.getByTestId('log-purpose').inputValue()).toBe('定例');

    // Synthetic forms of the same: isComposing alone, keyCode 229 after compositionend (Safari).
    const submittedBySynthetic = await page.evaluate(() => {
      const purpose = document.querySelector('[data-testid="log-purpose"]')!;
      const button = document.querySelector<HTMLButtonElement>('[data-testid="log-submit"]')!;
      const enter = (init: KeyboardEventInit & { keyCode?: number }) =>
        purpose.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }),
        );
      purpose.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      enter({ isComposing: true, keyCode: 229 });
      const a = button.disabled;
      purpose.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '定例' }));
      enter({ isComposing: false, keyCode: 229 });
      return a || button.disabled;
    });
    expect(submittedBySynthetic).toBe(false);
    expect(host.count('logActivity')).toBe(0);
    expect(activityRows(wb, activitySheet)).toHaveLength(0);

    // Enter after the conversion, in a text field of a valid form, submits.
    await page.keyboard.press('Enter');
    await page.getByTestId('log-status').filter({ hasText: '2行目に記録しました' }).waitFor();
    expect(host.count('logActivity')).toBe(1);
    expect(activityRows(wb, activitySheet)).toHaveLength(1);
    expect(activityRows(wb, activitySheet)[0]).toMatchObject({ 目的: '定例', 内容: '在庫状況の確認' });
  });

  it('makes Enter in the content box a new line, not a submit', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api);
    await pickCustomer(page, 'すずき', '(株)鈴木商事');
    await page.getByTestId('log-content').fill('一行目');
    await page.getByTestId('log-content').press('End');
    await page.getByTestId('log-content').press('Enter');
    await page.getByTestId('log-content').pressSequentially('二行目');
    expect(await page.getByTestId('log-content').inputValue()).toBe('一行目\n二行目');
    expect(host.count('logActivity')).toBe(0);
    expect(activityRows(wb, activitySheet)).toHaveLength(0);
  });

  it('moves through the matches with the arrow keys', async () => {
    const { api } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api);
    await page.getByTestId('customer-search').pressSequentially('c00');
    await page.getByTestId('customer-option').nth(4).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(
      await page
        .locator('[data-testid="customer-option"][aria-selected="true"]')
        .getAttribute('data-customer-id'),
    ).toBe('C003');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('customer-selected-name').textContent()).toBe('田中工業(株)');
    expect(await page.getByTestId('log-contacts').textContent()).toBe('この顧客の連絡先は登録されていません');
  });
});

describe('定義 / Definition', () => {
  it('shows the diff and the 1-3-5-7 warning while editing, saves version 2 with a note, and remembers the author', async () => {
    const { wb, api, historySheet } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('def-version').filter({ hasText: '第1版' }).waitFor();
    expect(await page.getByTestId('perspective-relationships').locator('h3').textContent()).toBe(
      '人間関係の構築',
    );
    expect(await page.getByTestId('def-diff').textContent()).toBe('変更はありません');

    const item = page.locator('[data-testid="def-item"][data-item-id="RE2"]');
    expect(await item.getByTestId('def-item-summary').textContent()).toBe(
      'キーマンとの接触キーマン接触(日以内) · A 60 / B 120',
    );
    expect(await item.getByTestId('def-threshold-A').isVisible()).toBe(false); // collapsed until opened
    await item.getByTestId('def-item-summary').click();
    await item.getByTestId('def-threshold-A').fill('４５日'); // full-width, with a unit
    await page.getByTestId('def-diff').locator('li').filter({ hasText: '45' }).waitFor();
    const diff = await page.getByTestId('def-diff').textContent();
    expect(diff).toContain('キーマンとの接触');
    expect(diff).toContain('60');

    // Clearing every threshold of a measured item: the editor warns.
    await item.getByTestId('def-threshold-A').fill('');
    await item.getByTestId('def-threshold-B').fill('');
    await page.getByTestId('def-lint').locator('li').filter({ hasText: 'キーマンとの接触' }).waitFor();
    await page.getByTestId('def-diff').locator('li').filter({ hasText: '120' }).waitFor();
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await screenshot(page, 'sidebar-definition.png');
    await item.getByTestId('def-threshold-B').fill('abc');
    expect(await item.getByTestId('error-threshold-B').textContent()).toBe('0以上の数で入力してください');
    await item.getByTestId('def-threshold-B').fill('120');
    await item.getByTestId('def-threshold-A').fill('45');
    await page.getByTestId('def-lint').locator('li.none').waitFor();

    // Saving needs a note and an author.
    await page.getByTestId('def-save').click();
    expect(await page.getByTestId('error-note').textContent()).toBe('変更の内容（メモ）を入力してください');
    await page.getByTestId('def-note').fill('Aランクのキーマン接触を45日に');
    await page.getByTestId('def-author').fill('営業部長');
    await page.getByTestId('def-save').click();
    await page.getByTestId('def-result').filter({ hasText: '第2版として保存しました' }).waitFor();
    await page.getByTestId('def-version').filter({ hasText: '第2版' }).waitFor();
    expect(await page.getByTestId('def-result').textContent()).toContain('45');
    expect(await page.getByTestId('def-history-entry').first().textContent()).toBe(
      '第2版 2026/11/29 営業部長Aランクのキーマン接触を45日に',
    );

    const history = wb.snapshot(historySheet);
    expect(history.map((r) => r.slice(0, 4))).toEqual([
      history[0]!.slice(0, 4),
      [1, '2026/11/29', 'kimeru', 'スターター定義（3つの切り口）'],
      [2, '2026/11/29', '営業部長', 'Aランクのキーマン接触を45日に'],
    ]);
    const saved = await api.getDefinition();
    expect(saved.ok && saved.value.definition.items.find((i) => i.id === 'RE2')!.thresholds).toEqual({
      A: 45,
      B: 120,
    });

    await page.reload();
    await page.getByTestId('tab-definition').waitFor();
    await page.getByTestId('tab-definition').click();
    expect(await page.getByTestId('def-author').inputValue()).toBe('営業部長');
  });

  it('shows any saved version as it was saved, and compares any two', async () => {
    const { api } = await setUpWorkbook();
    const state = await api.getDefinition();
    if (!state.ok) throw new Error(state.message);
    const def = structuredClone(state.value.definition);
    def.items.find((i) => i.id === 'RE2')!.thresholds['A'] = 45;
    await api.saveDefinition({ definition: def, note: '45日に', author: '部長', baseVersion: 1 });
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('def-version').filter({ hasText: '第2版' }).waitFor();

    // Version 1, from the history: 60 days for A, whatever the sheet says now.
    await page
      .locator('[data-testid="def-history-entry"][data-version="1"]')
      .getByTestId('def-history-show')
      .click();
    const v1 = page.getByTestId('def-version-lines');
    await v1.waitFor();
    expect(await v1.locator('li').first().textContent()).toMatch(/^第1版（2026\/11\/29・kimeru）/);
    expect(await v1.textContent()).toMatch(/キーマンとの接触.*A: [^/]*60/);
    // Its manual, written again.
    await page.getByTestId('def-version-manual').click();
    await page
      .getByTestId('def-version-manual-result')
      .filter({ hasText: '営業マニュアル（第1版）を作成しました' })
      .waitFor();

    // Compare: the previous and the latest are chosen; either order reads older → newer.
    expect(await page.getByTestId('def-compare-a').inputValue()).toBe('1');
    expect(await page.getByTestId('def-compare-b').inputValue()).toBe('2');
    await page.getByTestId('def-compare-a').selectOption('2');
    await page.getByTestId('def-compare-b').selectOption('1');
    await page.getByTestId('def-compare').click();
    await page.getByTestId('def-compare-lines').waitFor();
    expect(await page.getByTestId('def-compare-lines').locator('li').allTextContents()).toEqual([
      '第1版 → 第2版 の変更:',
      '  「キーマンとの接触」のしきい値 A: 60日 → 45日',
    ]);
  });

  it('flags a column the customer table does not have, apart from the 1-3-5-7 reminders', async () => {
    const { api } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('def-version').filter({ hasText: '第1版' }).waitFor();
    expect(await page.getByTestId('def-flags').textContent()).toBe('問題はありません');

    const item = page.locator('[data-testid="def-item"][data-item-id="AT1"]');
    await item.getByTestId('def-item-summary').click();
    await item.getByTestId('def-target').fill('業種、決算期');
    const flag = page.getByTestId('def-flags').locator('li').filter({ hasText: '決算期' });
    await flag.waitFor();
    expect(await flag.textContent()).toContain(
      '項目「基本属性の入力」の対象列「決算期」が顧客表にありません。この列はどの顧客も「データなし」になります。',
    );
    // The flag is not one of the 1-3-5-7 reminders, and looks different from them.
    expect(await page.getByTestId('def-lint').textContent()).toBe('注意はありません');
    const colors = await page.evaluate(() => {
      const color = (sel: string) => getComputedStyle(document.querySelector(sel)!).color;
      return { flag: color('[data-testid="def-flags"] li'), lint: color('[data-testid="def-lint"] li') };
    });
    expect(colors.flag).not.toBe(colors.lint);

    await item.getByTestId('def-target').fill('業種、従業員数');
    await page.getByTestId('def-flags').locator('li.none').waitFor();
  });

  it('adds and removes items, and says so in the diff', async () => {
    const { api } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('def-version').filter({ hasText: '第1版' }).waitFor();
    await page.getByTestId('def-add-information').click();
    const added = page.locator('[data-testid="def-item"][data-item-id="IN3"]');
    await added.getByTestId('def-name').fill('提案書の共有');
    await added.getByTestId('def-metric').selectOption({ label: '行動回数(期間内)' });
    expect(await added.getByTestId('def-window').isVisible()).toBe(true);
    await page.getByTestId('def-diff').locator('li').filter({ hasText: '提案書の共有' }).waitFor();
    const at2 = page.locator('[data-testid="def-item"][data-item-id="AT2"]');
    expect(await at2.getByTestId('def-item-summary').textContent()).toBe(
      '経営課題の把握（測らない・振り返りで確認）',
    );
    await at2.getByTestId('def-item-summary').click();
    await at2.getByTestId('def-remove').click();
    await page.getByTestId('def-diff').locator('li').filter({ hasText: '経営課題の把握' }).waitFor();
    expect(await page.locator('[data-item-id="AT2"]').count()).toBe(0);
  });

  it('says when the sheet moved on meanwhile, in the alert, and saves nothing', async () => {
    const { wb, api, historySheet } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('def-version').filter({ hasText: '第1版' }).waitFor();
    // Another user saves version 2 first.
    const other = await api.getDefinition();
    if (!other.ok) throw new Error(other.message);
    const def = other.value.definition;
    def.items[0]!.name = '基本属性';
    await api.saveDefinition({ definition: def, note: '別の人の変更', author: '課長', baseVersion: 1 });

    await page.locator('[data-item-id="RE3"]').getByTestId('def-item-summary').click();
    await page.locator('[data-item-id="RE3"]').getByTestId('def-threshold-C').fill('100');
    await page.getByTestId('def-note').fill('C を 100日に');
    await page.getByTestId('def-author').fill('部長');
    await page.getByTestId('def-save').click();
    await page.getByTestId('alert-text').filter({ hasText: '読み込み直して' }).waitFor();
    expect(wb.snapshot(historySheet)).toHaveLength(3);
  });
});

describe('実行 / Run', () => {
  it('runs the gap check as of the date, busy while it runs, then shows the headline', async () => {
    const { wb, api } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api, { tab: 'run' });
    expect(await page.getByTestId('run-asOf').inputValue()).toBe(TODAY_ISO);
    host.hold();
    await page.getByTestId('run-gapCheck').click();
    await host.waitForCall('runGapCheck');
    expect(await page.getByTestId('run-gapCheck').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByTestId('run-gapCheck').locator('.spinner').isVisible()).toBe(true);
    expect(await page.getByTestId('run-ranking').isDisabled()).toBe(true);
    host.release();
    await page.getByTestId('run-headline').locator('li').first().waitFor();
    expect((await page.getByTestId('run-headline').locator('li').allTextContents()).join('\n')).toMatch(
      /キーマンとの接触: \d+社/,
    );
    // Nothing logged yet: no next action and no recorded-at stamp to measure — shown apart.
    expect(await page.getByTestId('run-nodata').isVisible()).toBe(true);
    expect(await page.getByTestId('run-nodata').locator('li').allTextContents()).toEqual([
      '次回アクションの期日厳守: データなし 5社',
      '行動の記録: データなし 5社',
    ]);
    expect(host.calls.find((c) => c.method === 'runGapCheck')!.args).toEqual([TODAY_ISO]);
    expect(await page.getByTestId('run-ranking').isDisabled()).toBe(false);
    expect(wb.snapshot('ギャップ').length).toBeGreaterThan(2);
  });

  it('lets a rep mark the version as read, and the review names only those who have not', async () => {
    const { wb, api } = await setUpWorkbook();
    const { page } = await openSidebar(browser.context, api, { tab: 'definition' });
    await page.getByTestId('ack-read').filter({ hasText: '第1版を読みました' }).waitFor();
    await page.getByTestId('ack-rep').fill('佐藤');
    await page.getByTestId('ack-read').click();
    await page
      .getByTestId('ack-result')
      .filter({ hasText: '佐藤さんが第1版を読んだことを記録しました。' })
      .waitFor();
    expect(wb.snapshot('既読')).toEqual([
      ['版', '営業担当'],
      [1, '佐藤'],
    ]);
    await page.getByTestId('tab-run').click();
    await page.getByTestId('run-review').click();
    await page
      .getByTestId('run-message')
      .filter({ hasText: '第1版をまだ読んでいない営業担当: 高橋' })
      .waitFor();
  });

  it('reviews a named half-year, and lets a manager confirm an item the data cannot measure', async () => {
    const { wb, api } = await setUpWorkbook();
    const { page, host } = await openSidebar(browser.context, api, { tab: 'run' });
    await page.getByTestId('run-period').fill('2026下期');
    await page.getByTestId('run-review').click();
    await page.getByTestId('run-message').filter({ hasText: '2026年度下期' }).waitFor();
    expect(host.calls.find((c) => c.method === 'runReview')!.args).toEqual([TODAY_ISO, '2026下期']);
    const entry = page.getByTestId('confirm-entry').first();
    expect(await entry.getByTestId('confirm-state').textContent()).toBe('未確認');
    await entry.getByTestId('confirm-note').fill('同行で確認');
    await entry.getByTestId('confirm-done').click();
    await entry.getByTestId('confirm-state').filter({ hasText: '出来ている: 同行で確認' }).waitFor();
    const rows = wb.snapshot('確認記録');
    expect(rows[1]!.slice(0, 2)).toEqual(['2026H2', await entry.getAttribute('data-rep')]);
    expect(rows[1]![4]).toBe('はい');
  });

  it('runs on every readable row and shows a warning box that opens the list of the others', async () => {
    const { wb, api, activitySheet } = await setUpWorkbook();
    wb.sheets
      .get(activitySheet)!
      .push(['2026/02/30', 'C001', '', '', '', '訪問', '', '', '', '', '佐藤', '', '']);
    const { page } = await openSidebar(browser.context, api, { tab: 'run' });
    await page.getByTestId('run-ranking').click();
    await page.getByTestId('run-message').filter({ hasText: 'ランク' }).waitFor();
    await page.getByTestId('run-gapCheck').click();
    await page.getByTestId('run-message').filter({ hasText: 'ギャップ' }).waitFor();
    expect(await page.getByTestId('run-headline').locator('li').count()).toBeGreaterThan(0);
    const summary = page.getByTestId('unread-summary');
    expect(await summary.textContent()).toBe('⚠ 読めなかった行 1件');
    expect(await page.getByTestId('unread-list').isVisible()).toBe(false);
    await summary.click();
    expect(await page.getByTestId('unread-list').textContent()).toContain('2行目 A列「日付」');
    expect(await page.getByTestId('unread-sheet').textContent()).toContain('「読めなかった行」シート');
    expect(await page.getByTestId('alert-text').textContent()).toBe('');
  });
});

describe('セットアップ / Setup', () => {
  it('shows what it will adopt before setting up, then sets up and the log tab works', async () => {
    const { wb, api } = freshWorkbook();
    const { page } = await openSidebar(browser.context, api);
    expect(await page.getByTestId('tab-setup').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-log').isDisabled()).toBe(true);
    // Found by its headers under the title row: 得意先リスト, rows 4–9, five customers.
    await page.getByTestId('setup-summary-customers').filter({ hasText: '件' }).waitFor();
    expect(await page.getByTestId('setup-sheet-customers').locator('option').allTextContents()).toEqual([
      '自動検出',
      'メモ',
      '得意先リスト',
      '行動',
    ]);
    expect(await page.getByTestId('setup-sheet-customers').inputValue()).toBe('得意先リスト');
    expect(await page.getByTestId('setup-summary-customers').textContent()).toBe(
      '3行目が見出し、4〜9行目の 5件を読みます',
    );
    expect(await page.getByTestId('setup-summary-contacts').textContent()).toBe(
      '見つからないため、「連絡先」シートを新しく作ります',
    );
    // 行動 is a to-do list, not a log: kimeru's log gets another name.
    expect(await page.getByTestId('setup-summary-activities').textContent()).toBe(
      '見つからないため、「行動 (kimeru)」シートを新しく作ります',
    );
    await page.getByTestId('setup-columns-customers').locator('summary').click();
    expect(await page.getByTestId('setup-col-customers-name').inputValue()).toBe('会社名');
    expect(await page.getByTestId('setup-unused-customers').textContent()).toBe(
      '属性として読む列: E「業種」、F「従業員数」、G「年間取引額」',
    );
    expect(wb.sheets.has('kimeru設定')).toBe(false);

    await page.getByTestId('setup-run').click();
    await page.getByTestId('setup-output').locator('li').first().waitFor();
    expect(await page.getByTestId('setup-output').textContent()).toContain('得意先リスト');
    // Setup ends by saying what to do next, in order.
    const next = page.getByTestId('setup-next-steps');
    await next.waitFor();
    expect(await next.locator('h3').textContent()).toBe('次にやること');
    expect(await next.locator('li').allTextContents()).toEqual([
      '読み取った列が正しいか確認する（違う列は選び直せます）',
      '「定義」シートを確認し、第1版として保存する',
      '最初の行動を記録する（「行動 (kimeru)」シート）',
      '「ダッシュボード」シートを開く',
    ]);
    await page.locator('[data-testid="tab-log"]:not([disabled])').waitFor();
    expect(wb.sheets.has('kimeru設定')).toBe(true);
    await page.getByTestId('tab-log').click();
    await pickCustomer(page, 'やまだ', '株式会社山田製作所');
  });

  it('reads a sheet whose headers it cannot recognise once the user picks its columns', async () => {
    const { wb, api } = freshWorkbook();
    wb.sheets.set('取引先', [
      ['コード', '先方名', '売上'],
      ['X1', '北海商事', 100],
    ]);
    const { page, host } = await openSidebar(browser.context, api);
    await page.getByTestId('setup-summary-customers').filter({ hasText: '件' }).waitFor();
    await page.getByTestId('setup-sheet-customers').selectOption('取引先');
    // No 顧客名 column: the pane says so and offers the sheet's columns.
    await page.getByTestId('setup-summary-customers').filter({ hasText: '顧客名' }).waitFor();
    await page.getByTestId('setup-columns-customers').locator('summary').click();
    expect(await page.getByTestId('setup-col-customers-name').locator('option').allTextContents()).toEqual([
      '（列なし）',
      'A: コード',
      'B: 先方名',
      'C: 売上',
    ]);
    await page.getByTestId('setup-col-customers-name').selectOption('先方名');
    await page
      .getByTestId('setup-summary-customers')
      .filter({ hasText: '1行目が見出し、2〜2行目の 1件を読みます' })
      .waitFor();
    // The column list stays open as the preview is redrawn.
    await page.getByTestId('setup-col-customers-id').selectOption('コード');
    await page.getByTestId('setup-run').click();
    await page.locator('[data-testid="tab-log"]:not([disabled])').waitFor();
    expect(host.calls.find((c) => c.method === 'setup')!.args).toEqual([
      { customerSheet: '取引先', mappings: { customers: { name: '先方名', id: 'コード' } } },
    ]);
    await page.getByTestId('tab-log').click();
    await pickCustomer(page, 'x1', '北海商事');
  });

  it('offers the other contact sheet it found, and re-runs setup with the one the user picks', async () => {
    const { wb, api } = freshWorkbook();
    wb.sheets.set('キーマン', [
      ['顧客コード', '氏名', '役職', '役割'],
      ['C001', '山田 太郎', '社長', 'キーマン'],
      ['C002', '鈴木 一郎', '部長', '決裁者'],
    ]);
    wb.sheets.set('名刺', [
      ['会社名', '氏名', '役職'],
      ['(株)鈴木商事', '佐藤 次郎', '課長'],
    ]);
    const { page, host } = await openSidebar(browser.context, api);
    await page.getByTestId('setup-summary-contacts').filter({ hasText: '件' }).waitFor();
    expect(await page.getByTestId('setup-sheet-contacts').inputValue()).toBe('キーマン');
    expect(await page.getByTestId('setup-sheet-contacts').locator('option').allTextContents()).toContain(
      '名刺（候補）',
    );
    await page.getByTestId('setup-run').click();
    await page
      .getByTestId('setup-output')
      .filter({ hasText: '既存の「キーマン」シートを連絡先として使います' })
      .waitFor();
    await page.locator('[data-testid="tab-log"]:not([disabled])').waitFor();

    await page.getByTestId('tab-setup').click();
    await page.getByTestId('setup-sheet-contacts').selectOption('名刺');
    await page
      .getByTestId('setup-summary-contacts')
      .filter({ hasText: '1行目が見出し、2〜2行目の 1件を読みます' })
      .waitFor();
    await page.getByTestId('setup-run').click();
    await page
      .getByTestId('setup-output')
      .filter({ hasText: '既存の「名刺」シートを連絡先として使います' })
      .waitFor();
    expect(host.calls.filter((c) => c.method === 'setup').map((c) => c.args)).toEqual([
      [{}],
      [{ contactsSheet: '名刺', mappings: { contacts: {} } }],
    ]);
    const settings = wb.snapshot('kimeru設定');
    expect(settings.find((r) => r[2] === 'sheet:contacts')?.[1]).toBe('名刺');
    // The team's sheets are as they were.
    expect(wb.snapshot('キーマン')).toEqual([
      ['顧客コード', '氏名', '役職', '役割'],
      ['C001', '山田 太郎', '社長', 'キーマン'],
      ['C002', '鈴木 一郎', '部長', '決裁者'],
    ]);
  });
});

describe('English', () => {
  it('shows the sidebar in English when the user’s language is English', async () => {
    const { api } = await setUpWorkbook('en');
    const { page } = await openSidebar(browser.context, api);
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'To do',
      'Log',
      'People',
      'Definition',
      'Run',
      'Setup',
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('log-submit').click();
    expect(await page.getByTestId('error-customerId').textContent()).toBe('Customer: please choose one');
    expect(await page.getByTestId('log-type').locator('option').first().textContent()).toBe('Visit');
  });
});
