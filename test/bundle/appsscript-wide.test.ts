import { rm } from 'node:fs/promises';
import { teamWorkbook } from '../unit/commands/workbook-fixture';
import { buildProject, loadScript, type Built } from './appsscript-harness';

/*
 * "大きく表示" in Google Sheets: the sidebar calls the top-level kimeruOpenWide through
 * google.script.run, and the built Code.js opens the same page as a modal dialog
 * (Ui.showModalDialog: within the script.container.ui scope) on the requested view. The page in
 * the dialog calls the server itself, so the request is all it carries.
 */

jest.setTimeout(60_000);

let built: Built;
beforeAll(async () => {
  built = await buildProject();
});
afterAll(async () => {
  if (built) await rm(built.dir, { recursive: true, force: true });
});

/** The root element's data-wide attribute, unescaped as the browser would read it. */
function wideAttribute(content: string): unknown {
  const raw = /<div id="kimeru" data-tab="\w+" data-wide="([^"]*)"/.exec(content)?.[1];
  if (raw === undefined) return undefined;
  const text = raw
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return text === '' ? '' : (JSON.parse(text) as unknown);
}

describe('kimeruOpenWide (Code.js)', () => {
  it('opens the page as a modal dialog on the requested view, sized wide', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    const request = { view: 'actions', rep: '佐藤', asOf: '2026-11-29' };
    expect(s.call('kimeruOpenWide', request)).toEqual({ ok: true, value: null });
    expect(s.gas.ui.sidebars).toEqual([]);
    expect(s.gas.ui.dialogs).toHaveLength(1);
    const dialog = s.gas.ui.dialogs[0]!;
    expect(dialog.dialogTitle).toBe('次にやること');
    expect([dialog.width, dialog.height]).toEqual([1100, 720]);
    expect(/<div id="kimeru" data-tab="(\w+)"/.exec(dialog.content)?.[1]).toBe('actions');
    expect(wideAttribute(dialog.content)).toEqual(request);
    expect(dialog.content).not.toMatch(/__KIMERU_(INITIAL_TAB|WIDE)__/);
    expect(dialog.metaTags).toEqual([{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]);
  });

  it('carries a customer id with quotes and markup as text, not as HTML', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    const request = { view: 'people', customerId: 'C"><script>alert(1)</script>' };
    expect(s.call('kimeruOpenWide', request)).toEqual({ ok: true, value: null });
    const dialog = s.gas.ui.dialogs[0]!;
    expect(dialog.dialogTitle).toBe('キーマンと担当者');
    expect(wideAttribute(dialog.content)).toEqual(request);
    expect(dialog.content).not.toContain('<script>alert(1)');
  });

  it('refuses what is not a wide view, in the user’s words, and opens nothing', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    for (const bad of [null, 'actions', { view: 'setup' }, { view: 'people', customerId: '' }]) {
      const answer = s.call('kimeruOpenWide', bad) as { ok: boolean; message?: string };
      expect(answer.ok).toBe(false);
      expect(answer.message).toContain('作業ウィンドウ');
    }
    expect(s.gas.ui.dialogs).toEqual([]);
  });

  it('the sidebar itself carries no wide request', () => {
    const s = loadScript(built, { sheets: teamWorkbook() });
    s.call('menuActions');
    expect(wideAttribute(s.gas.ui.sidebars[0]!.content)).toBe('');
  });
});
