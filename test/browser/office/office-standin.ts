import { FakeExcel } from '../../fakes/excel';
import { teamWorkbook } from '../../unit/commands/workbook-fixture';

/**
 * Office.js as the task pane sees it inside Excel, for Chromium tests: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js. `Excel.run` runs over the Excel
 * fake (strict about loads, sizes and syncs) holding the team's workbook; `CustomFunctions`
 * records what functions.js associates. The test reads both through window.__kimeru*.
 */

const excel = new FakeExcel(teamWorkbook());
const associated: string[] = [];

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const info = { host: 'Excel', platform: 'OfficeOnline' };

/**
 * Office dialogs as the pane sees them: displayDialogAsync takes only an https URL on the
 * add-in's own origin (Office refuses others: 12004) and one dialog at a time (12007); the test
 * plays Office's part by calling the recorded handlers (a message from the dialog page, or the
 * user's ✕, event 12006).
 */
interface StandInDialog {
  url: string;
  options: { width?: number; height?: number };
  handlers: Record<string, (args: unknown) => void>;
  closed: boolean;
}
const dialogs: StandInDialog[] = [];
const failed = (code: number, message: string) => ({ status: 'failed', error: { code, message } });
function displayDialogAsync(
  url: string,
  options: StandInDialog['options'],
  callback: (result: unknown) => void,
): void {
  setTimeout(() => {
    let parsed: URL | null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.protocol !== 'https:' || parsed.origin !== location.origin)
      return callback(failed(12004, 'The domain of the URL is not included in the AppDomains element.'));
    if (dialogs.some((d) => !d.closed))
      return callback(failed(12007, 'A dialog box is already opened from this host window.'));
    const dialog: StandInDialog = { url, options, handlers: {}, closed: false };
    dialogs.push(dialog);
    callback({
      status: 'succeeded',
      value: {
        addEventHandler: (type: string, handler: (args: unknown) => void) => {
          dialog.handlers[type] = handler;
        },
        close: () => {
          dialog.closed = true;
        },
      },
    });
  }, 5);
}
Object.assign(window, {
  __kimeruExcel: excel,
  __kimeruAssociated: associated,
  __kimeruDialogs: dialogs,
  Office: {
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 10),
      );
    },
    context: { displayLanguage: 'ja-JP', ...info, ui: { displayDialogAsync } },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  },
  Excel: { run: excel.run },
  CustomFunctions: {
    associate: (id: string) => void associated.push(id),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  },
});
