import type { Page } from 'playwright-core';
import { createApi, type KimeruApi } from '../../shared/commands';
import { dayFromParts } from '../../shared/values';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import * as team from '../fixtures/team/workbook';
import { EXPECTED_ACTIONS, EXPECTED_SATO } from '../fixtures/team/expected-actions';
import { launchSidebarBrowser } from './harness/chromium';
import { openSidebar } from './harness/sheets-host';

/*
 * やること and キーマン in Chromium at the task pane's narrow width, over the real core API and the
 * team's own workbook (test/fixtures/team) as of 2026/11/30: what the pane lists is held to the
 * hand-written expectations, in Japanese and in English.
 */

jest.setTimeout(90_000);

let browser: Awaited<ReturnType<typeof launchSidebarBrowser>>;
beforeAll(async () => {
  browser = await launchSidebarBrowser({ viewport: { width: 320, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

const clock = { now: () => ({ day: dayFromParts(2026, 11, 30), minutes: 9 * 60 }) };

async function teamApi(lang = 'ja'): Promise<KimeruApi> {
  const api = createApi(new MemoryWorkbook(team.teamSheets()), clock, lang);
  const r = await api.setup({});
  if (!r.ok) throw new Error(r.message);
  return api;
}

/** The list as shown → `customer kind actBy daysOverdue`, as in expected-actions.ts. */
async function shown(page: Page): Promise<string[]> {
  const items = page.getByTestId('action');
  const out: string[] = [];
  for (const item of await items.all()) {
    const customer = await item.getAttribute('data-customer');
    const kind = (await item.getAttribute('data-kind')) ?? '';
    const when = (await item.getByTestId('action-when').textContent()) ?? '';
    const actBy = (await item.getByTestId('action-actBy').textContent()) ?? '';
    const date = /(\d{4}[/-]\d\d[/-]\d\d)/.exec(actBy)?.[1] ?? '-';
    const n = /(\d+)/.exec(when)?.[1];
    const days = n === undefined ? '-' : /超過|overdue/.test(when) ? n : `-${n}`;
    out.push(`${customer} ${kind} ${date} ${days}`);
  }
  return out;
}

async function waitForList(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="action"]').length === n, count);
}

describe('やること / To do', () => {
  it('is what a rep sees first: every action, most urgent first, fitting 320 px', async () => {
    const { page } = await openSidebar(browser.context, await teamApi(), { tab: null });
    expect(await page.getByTestId('tab-actions').getAttribute('aria-selected')).toBe('true');
    await waitForList(page, EXPECTED_ACTIONS.length);
    expect(await shown(page)).toEqual(EXPECTED_ACTIONS);
    expect(await page.getByTestId('actions-message').textContent()).toBe(
      '2026/11/30 時点: 11件（期限切れ 7件）',
    );
    // The first row: 西日本テクノ's key person, whom nobody has met.
    const first = page.getByTestId('action').first();
    expect(await first.getByTestId('action-when').textContent()).toBe('今すぐ');
    expect(await first.getByTestId('action-customer').textContent()).toBe(
      '株式会社 西日本テクノ K009 · A · 中島',
    );
    expect(await first.getByTestId('action-what').textContent()).toBe(
      'キーマンに会う: キーマンに一度も会っていない',
    );
    expect(await first.getByTestId('action-key').textContent()).toBe('キーマン: 西 浩 · 誰も会っていない');
    const k002 = page.locator('[data-testid="action"][data-customer="K002"][data-kind="keyPerson"]');
    expect(await k002.getByTestId('action-key').textContent()).toBe(
      'キーマン: 港 健二 · 最終接触 2026/08/10（佐藤）',
    );
    expect(await k002.getByTestId('action-when').textContent()).toBe('52日超過');
    // The rows that could not be read are counted above the list, next to the answer.
    expect(await page.getByTestId('unread-summary').textContent()).toContain('読めなかった行 6件');
    // Nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it("shows one rep's customers, and follows the rep chosen in the Log tab", async () => {
    const { page } = await openSidebar(browser.context, await teamApi(), { tab: null });
    await waitForList(page, EXPECTED_ACTIONS.length);
    await page.getByTestId('actions-rep').fill('佐藤');
    await page.getByTestId('actions-rep').press('Enter');
    await waitForList(page, EXPECTED_SATO.length);
    expect(await shown(page)).toEqual(EXPECTED_SATO);

    // In the Log tab the rep types their name: the list follows it when the tab is shown again.
    await page.getByTestId('tab-log').click();
    await page.getByTestId('log-rep').fill('田村');
    await page.getByTestId('log-rep').press('Tab');
    await page.getByTestId('tab-actions').click();
    // 田村: グリーンフーズ (sample 60 days over, contact due 12/14) and 東邦メディカル (demo 12/10).
    await waitForList(page, 3);
    expect(await shown(page)).toEqual([
      'K007 nextAction 2026/10/01 60',
      'K006 nextAction 2026/12/10 -10',
      'K007 contact 2026/12/14 -14',
    ]);
    expect(await page.getByTestId('actions-rep').inputValue()).toBe('田村');
  });
});

describe('キーマン / People', () => {
  it('opens from an action: key persons beside persons in charge, who nobody has met', async () => {
    const { page } = await openSidebar(browser.context, await teamApi(), { tab: null });
    await waitForList(page, EXPECTED_ACTIONS.length);
    await page
      .locator('[data-testid="action"][data-customer="K002"][data-kind="keyPerson"]')
      .getByTestId('action-people')
      .click();
    expect(await page.getByTestId('tab-people').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('people-summary').filter({ hasText: 'ベイサイド物流' }).waitFor();
    expect(await page.getByTestId('people-summary').textContent()).toBe(
      '(株)ベイサイド物流 (K002)（営業担当 佐藤）— 2026/11/30 時点',
    );
    // The keyboard lands on what was opened.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'people-summary',
    );
    // 港常務 last met 8/10 (112 days); 田中さん on 11/05 — the column's cautionary case in one view.
    expect(await page.getByTestId('people-key').getByTestId('person').allTextContents()).toEqual([
      '港 健二常務最終接触 2026/08/10（112日前・佐藤） · 直近6か月 1回',
    ]);
    expect(await page.getByTestId('people-others').getByTestId('person').allTextContents()).toEqual([
      '田中 誠主任最終接触 2026/11/05（25日前・佐藤） · 直近6か月 1回',
    ]);

    // 西日本テクノ: its key person nobody has met.
    const people = page.getByTestId('panel-people');
    await people.getByTestId('people-customer-search').pressSequentially('ニシニホン');
    await people.getByTestId('customer-option').filter({ hasText: '西日本テクノ' }).first().waitFor();
    await people.getByTestId('people-customer-search').press('Enter');
    await page.getByTestId('people-summary').filter({ hasText: '西日本テクノ' }).waitFor();
    expect(await page.getByTestId('people-key').getByTestId('never-met').textContent()).toBe(
      '誰も会っていない',
    );
    expect(await page.getByTestId('people-key').textContent()).toContain('西 浩');

    // みなと建設: no contact registered at all.
    await people.getByTestId('people-customer-change').click();
    await people.getByTestId('people-customer-search').pressSequentially('ミナト');
    await people.getByTestId('customer-option').filter({ hasText: 'みなと建設' }).first().waitFor();
    await people.getByTestId('people-customer-search').press('Enter');
    await page.getByTestId('no-key-person').waitFor();
    expect(await page.getByTestId('no-key-person').textContent()).toBe(
      'キーマンが登録されていません。連絡先表に決裁者を登録してください。',
    );
  });

  it('speaks English', async () => {
    const { page } = await openSidebar(browser.context, await teamApi('en'), { tab: null });
    expect(await page.getByTestId('tab-actions').textContent()).toBe('To do');
    await page.getByTestId('action').first().waitFor();
    const k004 = page.locator('[data-testid="action"][data-customer="K004"]');
    expect(await k004.getByTestId('action-when').textContent()).toBe('62 days overdue');
    expect(await k004.getByTestId('action-actBy').textContent()).toBe('Act by 2026-09-29');
    await k004.getByTestId('action-people').click();
    await page.getByTestId('people-summary').filter({ hasText: '北斗印刷' }).waitFor();
    expect(await page.getByTestId('people-key').getByTestId('person').allTextContents()).toEqual([
      '北川 正社長Last met 2026-07-01 (152 days ago, 高橋) · 1 in the last 6 months',
    ]);
  });
});
