import { createApi, type Clock, type KimeruApi } from '../../shared/commands';
import { dayFromDate } from '../../shared/values';
import { ExcelWorkbook } from './port';

/**
 * The task pane's bridge (the UI imports it as 'kimeru-bridge'): in Excel the UI, the commands
 * and the workbook adapter all run in the task pane's page, so the API is called directly —
 * no server round trip as in Sheets.
 */

/** Today and the time of day on the user's computer, which is what Excel's own dates use. */
export const localClock: Clock = {
  now() {
    const d = new Date();
    return { day: dayFromDate(d), minutes: d.getHours() * 60 + d.getMinutes() };
  },
};

/** Waits for Office.js, then builds the API over the open workbook in the user's display language. */
export async function createBridge(): Promise<KimeruApi> {
  await Office.onReady();
  return createApi(new ExcelWorkbook(), localClock, Office.context.displayLanguage);
}
