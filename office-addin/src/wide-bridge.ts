import type { KimeruApi } from '../../shared/commands/api';
import { toLang } from '../../shared/i18n/define';
import type { WideRequest } from '../../ui/src/wide-request';
import { missingSnapshotApi, SNAPSHOT_PREFIX, snapshotApi, type WideSnapshot } from './wide-snapshot';

/**
 * The bridge of wide.html, the Excel dialog page of the wide views. A dialog cannot call the
 * Excel JavaScript API, so the API answers from the snapshot the task pane stored under the id
 * in this page's URL (office-addin/src/wide-snapshot.ts). Closing sends the pane a message
 * (Office.context.ui.messageParent), on which the pane's dialog helper closes the dialog.
 */

export const wideFromSnapshot = true;

function snapshotId(): string {
  return new URLSearchParams(location.search).get('id') ?? '';
}

export async function createBridge(): Promise<KimeruApi> {
  await Office.onReady();
  const id = snapshotId();
  let text: string | null;
  try {
    text = id === '' ? null : localStorage.getItem(SNAPSHOT_PREFIX + id);
  } catch {
    text = null; // storage refused: nothing to show
  }
  if (text !== null) return snapshotApi(JSON.parse(text) as WideSnapshot);
  // No snapshot here (storage not shared with the pane, or already removed): every call says so.
  return missingSnapshotApi(toLang(Office.context.displayLanguage));
}

/** A wide view does not open another. */
export function openWide(_request: WideRequest): Promise<void> {
  return Promise.reject(new Error('already wide'));
}

/** Tells the pane to close this dialog (the helper's Dialog resolves and closes it). */
export function closeWide(): void {
  Office.context.ui.messageParent(JSON.stringify({ parse: false, value: 'close' }));
}
