import type { WideRequest } from '../../ui/src/wide-request';
import { WIDE_PARAM } from '../../ui/src/wide-request';

/**
 * Opens wide.html in an Office dialog window through @microsoft/office-js-helpers' Dialog.
 * The helper is a legacy package (its bundle carries core-js 2 and rxjs 5 pieces; its typings
 * reference @types/office-js 0.0.51), so it is not bundled: the build copies its dist file to
 * dialog-opener.js, which this loads with a <script> the first time a wide view opens. Nothing
 * of it is in taskpane.html or functions.js, which the shared runtime loads for the custom
 * functions. Its typings are not referenced either: the little used here is declared below.
 */

/** The part of the helper's global `OfficeHelpers` kimeru uses. */
interface OfficeHelpersGlobal {
  Dialog: new (
    url: string,
    width?: number,
    height?: number,
  ) => {
    /** Opens the dialog; resolves with the first message the dialog sends (then closes it). */
    readonly result: Promise<unknown>;
  };
}

/** The file the build writes beside taskpane.html. */
export const DIALOG_OPENER_FILE = 'dialog-opener.js';
/** The dialog page, beside taskpane.html. */
export const WIDE_PAGE_FILE = 'wide.html';
/** The dialog's size in pixels (the helper converts to a share of the screen, capped by it). */
const SIZE = { width: 1100, height: 760 };

let loading: Promise<OfficeHelpersGlobal> | null = null;

function helpers(): OfficeHelpersGlobal | undefined {
  return (window as unknown as { OfficeHelpers?: OfficeHelpersGlobal }).OfficeHelpers;
}

/** Loads dialog-opener.js once; a failed load may be retried. */
export function loadDialogOpener(): Promise<OfficeHelpersGlobal> {
  const ready = helpers();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<OfficeHelpersGlobal>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(DIALOG_OPENER_FILE, location.href).href;
    script.onload = () => {
      const loaded = helpers();
      if (loaded) resolve(loaded);
      else reject(new Error(`${DIALOG_OPENER_FILE} did not define OfficeHelpers`));
    };
    script.onerror = () => reject(new Error(`${DIALOG_OPENER_FILE} could not be loaded`));
    document.head.appendChild(script);
  }).catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** The dialog page's address: same origin and folder as the task pane (Office requires the add-in's domain). */
export function widePageUrl(request: WideRequest, id: string): string {
  const url = new URL(WIDE_PAGE_FILE, location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set(WIDE_PARAM, JSON.stringify(request));
  url.searchParams.set('id', id);
  return url.href;
}

/**
 * Opens the dialog and resolves once it is closed, by its close button (a message) or by the
 * user's ✕ (the helper rejects with Office's "dialog closed" event: not a failure here).
 */
export async function openDialog(url: string): Promise<void> {
  const { Dialog } = await loadDialogOpener();
  await new Dialog(url, SIZE.width, SIZE.height).result.catch((e: unknown) => {
    // 12006: the user closed the dialog (the helper passes Office's event `error` number on as
    // innerError). Anything else is a failure to open it.
    if ((e as { innerError?: unknown } | null)?.innerError !== 12006) throw e;
  });
}
