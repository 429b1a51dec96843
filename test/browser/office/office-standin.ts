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
Object.assign(window, {
  __kimeruExcel: excel,
  __kimeruAssociated: associated,
  Office: {
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 10),
      );
    },
    context: { displayLanguage: 'ja-JP' },
  },
  Excel: { run: excel.run },
  CustomFunctions: {
    associate: (id: string) => void associated.push(id),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  },
});
