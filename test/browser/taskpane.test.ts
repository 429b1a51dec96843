import type { Page } from 'playwright-core';
import { FUNCTIONS } from '../../shared/functions';
import { OFFICE_JS_URL } from '../../office-addin/build';
import { FakeExcel } from '../fakes/excel';
import { teamWorkbook } from '../unit/commands/workbook-fixture';
import { launchExcelAddin, ORIGIN, type ExcelAddinBrowser } from './harness/excel-addin';

/*
 * The Excel task pane in Chromium: the built taskpane.html and functions.js served from the
 * add-in's URL, office.js replaced by a stand-in whose Excel.run drives the Excel fake. The UI,
 * the core and the Excel adapter are the real ones; nothing else is reachable.
 */

jest.setTimeout(90_000);

let addin: ExcelAddinBrowser;
beforeAll(async () => {
  addin = await launchExcelAddin();
});
afterAll(async () => {
  await addin?.close();
});

/** The task pane as Office opens it; a script error fails the test at once. */
async function openTaskpane(): Promise<{ page: Page; requests: string[] }> {
  const { page, requests, errors } = await addin.open('taskpane.html');
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return { page, requests };
}

describe('the Excel task pane', () => {
  it('sets up the workbook and logs an activity: the Excel workbook gets exactly that row', async () => {
    const { page, requests } = await openTaskpane();

    // Not set up yet: only setup is possible. Setup adds kimeru's sheets through Excel.run.
    await page.getByTestId('tab-setup').click();
    await page.getByTestId('setup-run').click();
    await page.getByTestId('setup-output').locator('li').first().waitFor();
    expect(await page.getByTestId('setup-output').textContent()).toContain('得意先リスト');

    // Log a visit to 鈴木商事, with text a spreadsheet would take for a formula.
    await page.getByTestId('tab-log').click();
    await page.getByTestId('customer-search').pressSequentially('すずき');
    await page.getByTestId('customer-option').filter({ hasText: '(株)鈴木商事' }).first().waitFor();
    await page.getByTestId('customer-search').press('Enter');
    await page.getByTestId('customer-selected-name').filter({ hasText: '(株)鈴木商事' }).waitFor();
    await page.getByTestId('log-type').selectOption({ label: '訪問' });
    await page.getByTestId('log-purpose').fill('定例訪問');
    await page.getByTestId('log-content').fill('=在庫確認 +10%');
    await page.getByTestId('log-submit').click();
    await page.getByTestId('log-status').filter({ hasText: '2行目に記録しました' }).waitFor();

    const sheet = async (name: string): Promise<unknown[][]> =>
      page.evaluate((n) => (window as unknown as { __kimeruExcel: FakeExcel }).__kimeruExcel.values(n), name);
    const log = await sheet('行動 (kimeru)');
    expect(log).toHaveLength(2);
    expect(log[1]!.slice(1, 3)).toEqual(['C002', '(株)鈴木商事']);
    expect(log[1]).toContain('定例訪問');
    expect(log[1]).toContain('=在庫確認 +10%');
    expect(typeof log[1]![0]).toBe('number'); // a real date cell

    // The user's own sheets read exactly as before.
    const before = new FakeExcel(teamWorkbook());
    for (const name of ['メモ', '得意先リスト', '行動'])
      expect(await sheet(name)).toEqual(before.values(name));

    // The same page registered the custom functions (shared runtime), and nothing left localhost.
    const associated = await page.evaluate(
      () => (window as unknown as { __kimeruAssociated: string[] }).__kimeruAssociated,
    );
    expect(associated).toEqual(FUNCTIONS.map((f) => f.name));
    expect(requests.filter((u) => !u.startsWith(`${ORIGIN}/`) && u !== OFFICE_JS_URL)).toEqual([]);
    await page.close();
  });
});
