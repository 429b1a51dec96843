import { createApi, type Clock, type KimeruApi } from '../../shared/commands';
import { dayFromDate } from '../../shared/values';
import type { WideRequest } from '../../ui/src/wide-request';
import { openDialog, widePageUrl } from './dialog-opener';
import { ExcelWorkbook } from './port';
import { SNAPSHOT_PREFIX, takeSnapshot } from './wide-snapshot';

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

let api: KimeruApi | null = null;

/** Waits for Office.js, then builds the API over the open workbook in the user's display language. */
export async function createBridge(): Promise<KimeruApi> {
  await Office.onReady();
  api = createApi(new ExcelWorkbook(), localClock, Office.context.displayLanguage);
  return api;
}

/** The pane reads the workbook itself. */
export const wideFromSnapshot = false;

/**
 * A wide view in a dialog window: the pane reads what it shows (a dialog cannot read the
 * workbook), stores it for the dialog page under a fresh id, and opens wide.html with the
 * office-js-helpers Dialog (loaded on first use). The snapshot is removed when the dialog closes.
 */
export async function openWide(request: WideRequest): Promise<void> {
  if (!api) throw new Error('the task pane is not ready');
  const snapshot = await takeSnapshot(api, request);
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  localStorage.setItem(SNAPSHOT_PREFIX + id, JSON.stringify(snapshot));
  try {
    await openDialog(widePageUrl(request, id));
  } finally {
    localStorage.removeItem(SNAPSHOT_PREFIX + id);
  }
}

/** The pane is not a dialog. */
export function closeWide(): void {}
