import { FakeConditionalFormatRuleBuilder } from './charts';
import type { GasServices } from '../../../appsscript/src/gas';
import { CallLog } from './calls';
import { FakeLock, LockState } from './lock';
import { FakeSpreadsheet, type AuthMode, type FakeContext } from './spreadsheet';
import { formatDate, parseDate, processTimeZone } from './time';
import { fakeHtmlService, FakeUi } from './ui';

export { CallLog, READ_CALLS, WRITE_CALLS } from './calls';
export { FakeSpreadsheet, FakeSheet, FakeRange } from './spreadsheet';
export { processTimeZone } from './time';

/**
 * An in-memory SpreadsheetApp, HtmlService, LockService, Utilities and Session that behave
 * like Google's where kimeru depends on it:
 * - setValues throws, with Apps Script's message, when the array's rows or columns differ from
 *   the range, and writes nothing then; getRange outside the sheet's grid throws (new sheets
 *   are 1000×26; insertRowsAfter/insertColumnsAfter grow them);
 * - setValues parses strings as typed input: "'x" is stored as the text x, "=…" as a formula,
 *   and plain numbers, 1,200, 50%, TRUE/FALSE, 2026/11/29 (with a time), 2026-11-29,
 *   2026年11月29日, 11/29 and 9:30 are coerced (a subset of Sheets' rules); other text stays text;
 * - a formula is stored but never computed: getValues returns its cached value, '' unless a
 *   test seeded one, and getFormulas its text;
 * - dates are stored as wall-clock serials in the spreadsheet's time zone; getValues returns
 *   Date objects of the given realm (pass the vm context's Date), '' for blanks, and the
 *   rectangular data range from A1 (A1 alone, [['']], for an empty sheet);
 * - a sheet keeps every cell a write does not cover; clearContents empties it;
 * - the script's time zone (Session.getScriptTimeZone) is the Node process's zone;
 * - a lock has one holder: another Lock object's tryLock returns false and waitLock throws
 *   after its timeout (counted, not slept), as does any while `lock.busy` plays another execution;
 * - "+", "-" and "@" start a formula as "=" does (unless the text is a number), a cell takes at
 *   most 50,000 characters, a spreadsheet at most 10 million cells, a custom function 30 s
 *   (each service call spends `serviceCallMs` of it);
 * - <meta> tags written in an HTML file are dropped as served; addMetaTag adds the few allowed;
 * - setNamedRange refuses a name that exists (strict: adapters replace names via setRange);
 * - authMode 'NONE' makes SpreadsheetApp.getActiveSpreadsheet throw, as in an add-on's
 *   onOpen before the add-on is used in that file; 'CUSTOM_FUNCTION' makes every write throw
 *   and Session.getScriptTimeZone unavailable (Session is not documented for custom
 *   functions); Session.getActiveUser always throws (it needs the userinfo.email scope kimeru
 *   does not request);
 * - every call is counted by "Class.method" (`calls`); reads are getValues-like calls, writes
 *   setValues-like ones; menus, alerts, toasts and sidebars are recorded.
 */
export interface GasOptions {
  sheets?: Record<string, readonly (readonly unknown[])[]>;
  /** The spreadsheet's time zone (default Asia/Tokyo). */
  timeZone?: string;
  /** The spreadsheet's locale (default ja_JP). */
  locale?: string;
  /** Session.getActiveUserLocale (default 'ja'; '' plays an unknown language). */
  userLocale?: string;
  /** The folder createHtmlOutputFromFile reads NAME.html from. */
  htmlDir?: string;
  /** The Date constructor of the realm the script runs in (default Node's). */
  Date?: DateConstructor;
  /**
   * What one service call costs of a custom function's 30 s (default 100 ms, a round trip to
   * the spreadsheet): a custom function that calls a service per value runs out of time.
   */
  serviceCallMs?: number;
}

/** Apps Script stops a custom function after 30 seconds. */
export const CUSTOM_FUNCTION_LIMIT_MS = 30_000;

export type Gas = ReturnType<typeof createGas>;

export function createGas(options: GasOptions = {}) {
  const calls = new CallLog();
  const ctx: FakeContext = {
    calls,
    timeZone: options.timeZone ?? 'Asia/Tokyo',
    locale: options.locale ?? 'ja_JP',
    Date: options.Date ?? Date,
    authMode: 'FULL',
  };
  const book = new FakeSpreadsheet(ctx);
  ctx.gridCells = () => book.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  for (const [name, rows] of Object.entries(options.sheets ?? {})) book.seed(name, rows);
  const ui = new FakeUi(calls);
  const documentLock = new LockState();
  const scriptLock = new LockState();
  const session = { userLocale: options.userLocale ?? 'ja', htmlDir: options.htmlDir };

  const SpreadsheetApp = {
    getActiveSpreadsheet(): FakeSpreadsheet {
      calls.record('SpreadsheetApp.getActiveSpreadsheet');
      if (ctx.authMode === 'NONE')
        throw new Error('Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.');
      return book;
    },
    getActive(): FakeSpreadsheet {
      return SpreadsheetApp.getActiveSpreadsheet();
    },
    getUi(): FakeUi {
      calls.record('SpreadsheetApp.getUi');
      return ui;
    },
    flush(): void {
      calls.record('SpreadsheetApp.flush');
    },
    newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
      calls.record('SpreadsheetApp.newConditionalFormatRule');
      return new FakeConditionalFormatRuleBuilder(calls);
    },
  };
  const LockService = {
    getDocumentLock: () => {
      calls.record('LockService.getDocumentLock');
      return new FakeLock(calls, documentLock, 'Document');
    },
    getScriptLock: () => {
      calls.record('LockService.getScriptLock');
      return new FakeLock(calls, scriptLock, 'Script');
    },
  };
  const Utilities = {
    formatDate(date: Date, timeZone: string, format: string): string {
      calls.record('Utilities.formatDate');
      return formatDate(date, timeZone, format);
    },
    parseDate(text: string, timeZone: string, format: string): Date {
      calls.record('Utilities.parseDate');
      return new ctx.Date(parseDate(text, timeZone, format));
    },
  };
  const Session = {
    getActiveUserLocale(): string {
      calls.record('Session.getActiveUserLocale');
      return session.userLocale;
    },
    getScriptTimeZone(): string {
      calls.record('Session.getScriptTimeZone');
      // Session is not among the services documented for custom functions: play it unavailable.
      if (ctx.authMode === 'CUSTOM_FUNCTION')
        throw new Error('Exception: Session.getScriptTimeZone is not available in a custom function');
      return processTimeZone();
    },
    getActiveUser(): never {
      throw new Error('Session.getActiveUser needs the userinfo.email scope, which kimeru does not request');
    },
  };
  const HtmlService = fakeHtmlService(calls, () => session.htmlDir);

  /** The services as the adapter takes them when run in-process (not through Code.js). */
  const services: GasServices = {
    flush: () => SpreadsheetApp.flush(),
    documentLock: () => LockService.getDocumentLock(),
    scriptLock: () => LockService.getScriptLock(),
    formatDate: (d, tz, f) => Utilities.formatDate(d, tz, f),
    parseDate: (t, tz, f) => Utilities.parseDate(t, tz, f),
    scriptTimeZone: () => Session.getScriptTimeZone(),
    newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
  };

  return {
    /** The globals Apps Script gives a script, by name. */
    globals: { SpreadsheetApp, HtmlService, LockService, Utilities, Session },
    services,
    book,
    ui,
    calls,
    lock: documentLock,
    session,
    /** Plays the authorization mode of the current execution. */
    setAuthMode(mode: AuthMode) {
      ctx.authMode = mode;
      // Each custom function call is an execution of its own, with its own 30 s.
      calls.budget =
        mode === 'CUSTOM_FUNCTION'
          ? { limitMs: CUSTOM_FUNCTION_LIMIT_MS, msPerCall: options.serviceCallMs ?? 100, spentMs: 0 }
          : null;
    },
  };
}
