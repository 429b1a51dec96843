/**
 * The host bridge. `kimeru-bridge` is an esbuild alias: each host's build points it at its own
 * module (ui/bridges/sheets.ts for Google Sheets, the Office and playground bridges for theirs),
 * which must export exactly this. The UI never talks to a host any other way.
 */
declare module 'kimeru-bridge' {
  /** Resolves with the API once the host is ready (e.g. after Office.onReady). */
  export function createBridge(): Promise<import('../../shared/commands/api').KimeruApi>;
  /**
   * Opens one view wide, as the host can: a modal dialog (Sheets), a dialog window fed a
   * snapshot (Excel), a frame over the page (playground). Resolves once it is open (or closed).
   */
  export function openWide(request: import('./wide-request').WideRequest): Promise<void>;
  /** True when the API answers from a snapshot taken by the pane (Excel's dialog page). */
  export const wideFromSnapshot: boolean;
  /** Closes the wide view this page is showing. */
  export function closeWide(): void;
}
