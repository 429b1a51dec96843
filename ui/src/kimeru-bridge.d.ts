/**
 * The host bridge. `kimeru-bridge` is an esbuild alias: each host's build points it at its own
 * module (ui/bridges/sheets.ts for Google Sheets, the Office and playground bridges for theirs),
 * which must export exactly this. The UI never talks to a host any other way.
 */
declare module 'kimeru-bridge' {
  /** Resolves with the API once the host is ready (e.g. after Office.onReady). */
  export function createBridge(): Promise<import('../../shared/commands/api').KimeruApi>;
}
