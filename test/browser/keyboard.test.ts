import type { Page } from 'playwright-core';
import { createApi, type KimeruApi } from '../../shared/commands';
import { dayFromParts } from '../../shared/values';
import { MemoryWorkbook } from '../fakes/memory-workbook';
import * as team from '../fixtures/team/workbook';
import { launchSidebarBrowser } from './harness/chromium';
import { openSidebar, setUpWorkbook, TODAY_ISO } from './harness/sheets-host';

/*
 * The pane by keyboard alone, at the task pane's narrow width (320 px), in Japanese and English:
 * logging an activity with Tab, Enter, Space and the arrows only (no clicks), dates typed and
 * shown as the language writes them, Enter never submitting, every list reachable by Tab, the
 * unread-rows warning next to the answer and announced, nothing wider than the pane.
 */

jest.setTimeout(120_000);

const WIDTH = 320;
let browser: Awaited<ReturnType<typeof launchSidebarBrowser>>;
beforeAll(async () => {
  browser = await launchSidebarBrowser({ viewport: { width: WIDTH, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

const focused = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Tab until the focused element has test id `testId`; fails after `max` presses. */
async function tabTo(page: Page, testId: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** The test ids of every list the focus enters in `presses` Tab presses from where it is. */
async function listsReached(page: Page, lists: readonly string[], presses: number): Promise<string[]> {
  const reached = new Set<string>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(
      (ids) =>
        ids.filter((id) => {
          const list = document.querySelector(`[data-testid="${id}"]`);
          return list !== null && document.activeElement !== null && list.contains(document.activeElement);
        }),
      lists as string[],
    );
    for (const id of inside) reached.add(id);
  }
  return lists.filter((id) => reached.has(id));
}

/** The focused element shows that it has the focus (an outline), as a keyboard user needs. */
async function focusShows(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|\b0px$/);
}

async function fitsThePane(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

const teamClock = { now: () => ({ day: dayFromParts(2026, 11, 30), minutes: 9 * 60 }) };
async function teamApi(lang: string): Promise<KimeruApi> {
  const api = createApi(new MemoryWorkbook(team.teamSheets()), teamClock, lang);
  const r = await api.setup({});
  if (!r.ok) throw new Error(r.message);
  return api;
}

const CASES = [
  { lang: 'ja', shown: '2026/11/29', due: '2026/12/04', dateLabel: '日付', asOfLabel: '基準日' },
  { lang: 'en', shown: '2026-11-29', due: '2026-12-04', dateLabel: 'Date', asOfLabel: 'As-of date' },
] as const;

describe.each(CASES)('keyboard only, 320 px ($lang)', ({ lang, shown, due, dateLabel, asOfLabel }) => {
  it('logs an activity with Tab, Enter, Space and the arrows; Enter moves on and never submits', async () => {
    const { api } = await setUpWorkbook(lang);
    const { page, host } = await openSidebar(browser.context, api);
    await tabTo(page, 'customer-search');
    await page.keyboard.type('すずき');
    await page.getByTestId('customer-option').first().waitFor();
    await page.keyboard.press('Enter'); // the search's Enter picks the customer
    await page.getByTestId('customer-selected-name').filter({ hasText: '(株)鈴木商事' }).waitFor();
    expect(await focused(page)).toBe('contact-checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('contact-checkbox'); // the second contact
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('log-type');
    await page.keyboard.press('ArrowDown');
    const type = await page.getByTestId('log-type').inputValue();
    expect(type).not.toBe(await page.getByTestId('log-type').locator('option').first().getAttribute('value'));
    await page.keyboard.press('Enter');

    // The date field shows today as the language writes it, and reads 2026/11/29 typed over it.
    expect(await focused(page)).toBe('log-date');
    expect(await page.getByTestId('log-date').inputValue()).toBe(shown);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2026/11/29');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('log-date').inputValue()).toBe(shown);
    expect(await focused(page)).toBe('log-purpose');
    await page.keyboard.type('定例訪問');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('log-content');
    await page.keyboard.type('在庫状況の確認');
    await page.keyboard.press('Tab'); // Enter here would be a new line
    expect(await focused(page)).toBe('log-nextAction');
    await page.keyboard.type('見積を送る');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('log-nextDue');
    await page.keyboard.type('２０２６／１２／４'); // full-width, as a Japanese IME leaves it
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('log-nextDue').inputValue()).toBe(due); // shown back normalised
    expect(await focused(page)).toBe('log-rep');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('log-submit');
    // A complete form, and all those Enters sent nothing.
    expect(host.count('logActivity')).toBe(0);
    await fitsThePane(page);

    // Enter on the button is the one that submits.
    await page.keyboard.press('Enter');
    await page.getByTestId('log-status').filter({ hasText: /2/ }).waitFor();
    expect(host.count('logActivity')).toBe(1);
    const sent = host.calls.find((c) => c.method === 'logActivity')!.args[0] as Record<string, unknown>;
    expect(sent).toMatchObject({
      customerId: 'C002',
      type,
      date: TODAY_ISO,
      purpose: '定例訪問',
      content: '在庫状況の確認',
      nextAction: '見積を送る',
      nextDue: '2026-12-04',
    });
    expect(sent['contactIds']).toHaveLength(1);
    // Ready for the next one, today's date shown again.
    expect(await focused(page)).toBe('customer-search');
    expect(await page.getByTestId('log-date').inputValue()).toBe(shown);
    await fitsThePane(page);
  });

  it('reads dates as people type them, names the field of one it cannot read, and submits on Ctrl+Enter', async () => {
    const { api } = await setUpWorkbook(lang);
    const { page, host } = await openSidebar(browser.context, api);
    await tabTo(page, 'customer-search');
    await page.keyboard.type('C002');
    await page.getByTestId('customer-option').first().waitFor();
    await page.keyboard.press('Enter');
    const date = page.getByTestId('log-date');
    for (const [typed, iso] of [
      ['2026-11-28', '2026-11-28'],
      ['令和8年11月27日', '2026-11-27'],
      ['R8.11.26', '2026-11-26'],
    ] as const) {
      await date.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      expect(await date.inputValue()).toBe(lang === 'ja' ? iso.replace(/-/g, '/') : iso);
    }
    await date.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('11/2x');
    await page.keyboard.press('Tab');
    await page.keyboard.type('定例訪問');
    await page.keyboard.press('ControlOrMeta+Enter');
    const error = page.getByTestId('error-date');
    await error.waitFor();
    expect(await error.textContent()).toContain(dateLabel);
    expect(await focused(page)).toBe('log-date');
    expect(host.count('logActivity')).toBe(0);

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(lang === 'ja' ? '11/29' : '2026-11-29'); // month/day: this year, in Japanese
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.getByTestId('log-status').filter({ hasText: /2/ }).waitFor();
    expect(host.count('logActivity')).toBe(1);
    const sent = host.calls.find((c) => c.method === 'logActivity')!.args[0] as Record<string, unknown>;
    expect(sent['date']).toBe(TODAY_ISO);

    // The run tab's as-of date is the same kind of field: shown as the language writes it, and
    // one it cannot read is named under it and runs nothing.
    await page.getByTestId('tab-run').focus();
    await page.keyboard.press('Enter');
    const asOf = page.getByTestId('run-asOf');
    expect(await asOf.inputValue()).toBe(lang === 'ja' ? '2026/11/29' : '2026-11-29');
    await asOf.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2026/13/01');
    await tabTo(page, 'run-gapCheck');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('error-asOf').textContent()).toContain(asOfLabel);
    expect(await focused(page)).toBe('run-asOf');
    expect(host.count('runGapCheck')).toBe(0);
  });

  it('reaches every list by Tab, moves down the rows with the arrows, and shows the unread rows above the list', async () => {
    const { page, host } = await openSidebar(browser.context, await teamApi(lang), { tab: null });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="action"]').length > 0);
    await fitsThePane(page);

    // To do: the warning is announced (a status region) and comes before the list in the Tab order.
    const region = page.getByTestId('panel-actions').getByTestId('unread-region');
    expect(await region.getAttribute('role')).toBe('status');
    expect(await region.getByTestId('unread-summary').isVisible()).toBe(true);
    await page.getByTestId('tab-actions').focus();
    await tabTo(page, 'unread-summary');
    await focusShows(page);
    expect(await page.getByTestId('unread-list').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('unread-list').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('action-people'); // the first row, right after the warning
    await focusShows(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() => {
        const rows = Array.from(document.querySelectorAll('[data-testid="action"]'));
        return rows.findIndex((r) => r.contains(document.activeElement));
      }),
    ).toBe(2);
    await page.keyboard.press('End');
    const count = await page.getByTestId('action').count();
    expect(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="action"]')).findIndex((r) =>
          r.contains(document.activeElement),
        ),
      ),
    ).toBe(count - 1);
    await page.keyboard.press('Home');
    // Enter on a row's button opens the customer's people, whose two lists are Tab stops.
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-people').waitFor();
    await page.getByTestId('person').first().waitFor();
    expect(await listsReached(page, ['people-key', 'people-others'], 12)).toEqual([
      'people-key',
      'people-others',
    ]);
    await page.getByTestId('people-key').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab'); // back by keyboard, so :focus-visible applies
    await focusShows(page);
    await fitsThePane(page);

    // Definition: the items and the versions, by Tab from the tab itself (arrow keys between tabs).
    await page.getByTestId('tab-people').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-definition');
    await page.getByTestId('def-item-summary').first().waitFor();
    await page.getByTestId('def-history-show').first().waitFor();
    expect(await listsReached(page, ['def-items', 'def-history'], 80)).toEqual(['def-items', 'def-history']);
    await page.getByTestId('def-item-summary').first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await page.getByTestId('def-item-summary').nth(1).textContent(),
    );
    await fitsThePane(page);

    // Enter in a one-line field of the definition moves on too, and saves nothing.
    await page.getByTestId('def-note').focus();
    await page.keyboard.type('x');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('def-author');
    expect(host.count('saveDefinition')).toBe(0);

    // Setup: the column mapping of each table, opened with Enter, its choices reached by Tab.
    await page.keyboard.press('Shift+Tab');
    await page.getByTestId('tab-definition').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-setup');
    const mapping = page.getByTestId('setup-columns-customers');
    await mapping.waitFor();
    await mapping.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^setup-col-customers-/);
    await fitsThePane(page);

    // Log: the workbook's warnings are one line above the form, opened by keyboard.
    await page.getByTestId('tab-log').focus();
    await page.keyboard.press('Enter');
    const warnings = page.getByTestId('state-warnings');
    expect(await warnings.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await warnings.locator('li').first().isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('customer-search');

    // And every tab fits the pane, the run tab after a command has shown its answer.
    await page.getByTestId('tab-run').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, 'run-gapCheck');
    await page.keyboard.press('Enter');
    await page.getByTestId('run-headline').locator('li').first().waitFor();
    await fitsThePane(page);
    for (const tab of ['actions', 'log', 'people', 'definition', 'run', 'setup']) {
      await page.getByTestId(`tab-${tab}`).focus();
      await page.keyboard.press('Enter');
      await fitsThePane(page);
    }
  });
});
