import { createApi, type Envelope, type KimeruApi } from '../../shared/commands';
import { t, type Lang } from '../../shared/i18n';
import { sheetsClock } from './clock';
import { customFunctions } from './custom-functions';
import type { GasServices } from './gas';
import { userLang } from './lang';
import { MENU, type MenuCommand, type SidebarTab } from './menu';
import { msg, type AppsscriptKey } from './messages';
import { SheetsWorkbook } from './port';
import { settle } from './settle';
import { tw } from '../../ui/src/wide-messages';
import { readWideRequest, wideTitleKey } from '../../ui/src/wide-request';

/**
 * The Apps Script entry: what the generated top-level functions of Code.js call. Nothing here
 * touches a Google service while the bundle loads — custom functions and onOpen in
 * AuthMode.NONE load it too — only inside the functions below.
 */

/** The HTML placeholder the sidebar reads its first tab from. */
export const TAB_PLACEHOLDER = '__KIMERU_INITIAL_TAB__';
/** The HTML placeholder a wide view reads its request from (ui/src/wide.ts). */
export const WIDE_PLACEHOLDER = '__KIMERU_WIDE__';
/** The wide views' dialog size in pixels (Sheets fits it to the window when that is smaller). */
const WIDE_SIZE = { width: 1100, height: 720 };

/** The only names google.script.run may call through kimeruCall. */
const API_METHODS = [
  'getState',
  'setup',
  'previewSetup',
  'logActivity',
  'getDefinition',
  'previewDefinition',
  'saveDefinition',
  'runRanking',
  'runGapCheck',
  'runReview',
  'writeManual',
  'getActions',
  'getCoverage',
  'listVersions',
  'showVersion',
  'compareVersions',
  'confirmItem',
  'acknowledgeVersion',
] as const satisfies readonly (keyof KimeruApi)[];
type Unlisted = Exclude<keyof KimeruApi, (typeof API_METHODS)[number]>;
/** Fails to compile when KimeruApi gains a method that is not listed above. */
export const EVERY_API_METHOD_LISTED: [Unlisted] extends [never] ? true : never = true;

function services(): GasServices {
  return {
    flush: () => SpreadsheetApp.flush(),
    documentLock: () => LockService.getDocumentLock(),
    scriptLock: () => LockService.getScriptLock(),
    formatDate: (date, timeZone, format) => Utilities.formatDate(date, timeZone, format),
    parseDate: (text, timeZone, format) => Utilities.parseDate(text, timeZone, format),
    scriptTimeZone: () => Session.getScriptTimeZone(),
    newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
  };
}

/** The language without reading the spreadsheet (allowed in every authorization mode). */
function sessionLang(): Lang {
  return userLang(() => Session.getActiveUserLocale());
}

function host(): { api: KimeruApi; lang: Lang } {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang(
    () => Session.getActiveUserLocale(),
    () => book.getSpreadsheetLocale(),
  );
  const gas = services();
  const port = new SheetsWorkbook(book, gas);
  return { api: createApi(port, sheetsClock(book.getSpreadsheetTimeZone(), gas.formatDate), lang), lang };
}

/** Adds the kimeru menu. Runs in AuthMode.NONE too, so it reads nothing from the sheet. */
function onOpen(_e?: unknown): void {
  const lang = sessionLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item.separator) menu.addSeparator();
    menu.addItem(msg(lang, item.label), item.handler);
  }
  menu.addToUi();
}

function onInstall(e?: unknown): void {
  onOpen(e);
}

/**
 * The google.script.run dispatcher: `kimeruCall('logActivity', [input])`. Only KimeruApi
 * methods are callable; the answer is always a plain JSON envelope, never a thrown error.
 */
function kimeruCall(method: unknown, args?: unknown): Envelope<unknown> {
  if (typeof method !== 'string' || !(API_METHODS as readonly string[]).includes(method))
    return {
      ok: false,
      message: msg(sessionLang(), 'appsscript.call.unknownMethod', { method: String(method) }),
    };
  if (args !== undefined && args !== null && !Array.isArray(args))
    return { ok: false, message: msg(sessionLang(), 'appsscript.call.badArguments', { method }) };
  try {
    const { api } = host();
    const call = api[method as keyof KimeruApi] as (...a: unknown[]) => Promise<Envelope<unknown>>;
    return plain(settle(call(...((args as unknown[] | null | undefined) ?? []))));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: t(sessionLang(), 'error.internal', { detail }) };
  }
}

/** What google.script.run can carry: JSON data only (a Date would fail the whole call). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function openSidebar(tab: SidebarTab): void {
  const output = HtmlService.createHtmlOutputFromFile('Sidebar');
  // The tab goes into the root element's data-tab: a <meta> in the file would be dropped.
  output.setContent(output.getContent().split(TAB_PLACEHOLDER).join(tab).split(WIDE_PLACEHOLDER).join(''));
  // Likewise the viewport: Apps Script ignores the file's own <meta> and takes it only here.
  output.addMetaTag('viewport', 'width=device-width, initial-scale=1');
  output.setTitle(msg(sessionLang(), 'appsscript.sidebar.title'));
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Text for a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * google.script.run from the sidebar's "大きく表示": the same page as a modal dialog, opened on
 * the requested view, which calls the server itself (google.script.run works in dialogs).
 */
function kimeruOpenWide(request: unknown): Envelope<null> {
  const lang = sessionLang();
  const wide = readWideRequest(request);
  if (!wide) return { ok: false, message: tw(lang, 'ui.wide.missing') };
  try {
    const output = HtmlService.createHtmlOutputFromFile('Sidebar');
    output.setContent(
      output
        .getContent()
        .split(TAB_PLACEHOLDER)
        .join(wide.view)
        .split(WIDE_PLACEHOLDER)
        .join(attribute(JSON.stringify(wide))),
    );
    output.addMetaTag('viewport', 'width=device-width, initial-scale=1');
    output.setWidth(WIDE_SIZE.width).setHeight(WIDE_SIZE.height);
    SpreadsheetApp.getUi().showModalDialog(output, tw(lang, wideTitleKey(wide.view)));
    return { ok: true, value: null };
  } catch (e) {
    return {
      ok: false,
      message: t(lang, 'error.internal', { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
}

/** Runs a report command as of today and shows its summary in a dialog. */
function runFromMenu(command: MenuCommand, label: AppsscriptKey): void {
  const ui = SpreadsheetApp.getUi();
  let lang = sessionLang();
  let result: Envelope<{
    message: string;
    headline: string[];
    noData?: string[];
    unread?: { summary: string; lines: string[]; sheet: string | null };
  }>;
  try {
    const h = host();
    lang = h.lang;
    result = settle(h.api[command]());
  } catch (e) {
    result = {
      ok: false,
      message: t(lang, 'error.internal', { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
  const name = msg(lang, label);
  if (result.ok) {
    const { message, headline, noData = [], unread } = result.value;
    const extra = headline.filter((line) => !message.includes(line));
    // The menu has no pane: rows left out are said in the alert, with the sheet holding the list.
    const warning =
      unread && unread.summary !== ''
        ? ['', `⚠ ${unread.summary}`, ...unread.lines.slice(0, 5), unread.sheet ? `→ ${unread.sheet}` : '']
        : [];
    ui.alert(
      msg(lang, 'appsscript.result.title', { command: name }),
      [message, ...extra, ...noData, ...warning]
        .filter((l, i, all) => l !== '' || i < all.length - 1)
        .join('\n'),
      ui.ButtonSet.OK,
    );
  } else ui.alert(msg(lang, 'appsscript.result.failed', { command: name }), result.message, ui.ButtonSet.OK);
}

const menuHandlers: Record<string, () => void> = {};
for (const item of MENU) {
  const action = item.action;
  menuHandlers[item.handler] =
    'sidebar' in action ? () => openSidebar(action.sidebar) : () => runFromMenu(action.run, item.label);
}

/**
 * Every function Code.js exposes at top level, by name: the build generates one stub per entry
 * (and checks that the two lists agree).
 */
export const entryPoints: Record<string, (...args: never[]) => unknown> = {
  onOpen,
  onInstall,
  kimeruCall,
  kimeruOpenWide,
  ...menuHandlers,
  ...customFunctions(),
};
