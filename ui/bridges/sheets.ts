import type { KimeruApi } from '../../shared/commands/api';
import type { WideRequest } from '../src/wide-request';

/**
 * The Google Sheets bridge: every API method is one `google.script.run` call of the server's
 * `kimeruCall(method, args)`, which runs the same method of the core's API and returns its
 * envelope. google.script.run carries only plain JSON-like values, which is all the API uses.
 */

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  kimeruCall(method: string, args: unknown[]): void;
  kimeruOpenWide(request: WideRequest): void;
}

interface ScriptHost {
  close(): void;
}

function script(): { run?: ScriptRunner; host?: ScriptHost } | undefined {
  return (window as unknown as { google?: { script?: { run?: ScriptRunner; host?: ScriptHost } } }).google
    ?.script;
}

function runner(): ScriptRunner | undefined {
  return script()?.run;
}

/** One server round trip; rejects on a failure handler call (network, server exception). */
function call(method: keyof KimeruApi, args: unknown[]): Promise<unknown> {
  // google.script.run turns undefined into null: drop trailing undefined optional arguments.
  const sent = [...args];
  while (sent.length > 0 && sent[sent.length - 1] === undefined) sent.pop();
  return new Promise((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new Error('google.script.run is not available'));
      return;
    }
    run
      .withSuccessHandler((value) => {
        // A server may hand the envelope over as JSON text; accept both forms.
        if (typeof value !== 'string') return resolve(value);
        try {
          resolve(JSON.parse(value));
        } catch (e) {
          reject(e);
        }
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))))
      .kimeruCall(method, sent);
  });
}

function method<M extends keyof KimeruApi>(name: M): KimeruApi[M] {
  return ((...args: unknown[]) => call(name, args)) as KimeruApi[M];
}

/** The KimeruApi over google.script.run (see ui/src/kimeru-bridge.d.ts). */
export function createBridge(): Promise<KimeruApi> {
  const api: KimeruApi = {
    getState: method('getState'),
    setup: method('setup'),
    previewSetup: method('previewSetup'),
    logActivity: method('logActivity'),
    getDefinition: method('getDefinition'),
    previewDefinition: method('previewDefinition'),
    saveDefinition: method('saveDefinition'),
    runRanking: method('runRanking'),
    runGapCheck: method('runGapCheck'),
    runReview: method('runReview'),
    writeManual: method('writeManual'),
    getActions: method('getActions'),
    getCoverage: method('getCoverage'),
    listVersions: method('listVersions'),
    showVersion: method('showVersion'),
    compareVersions: method('compareVersions'),
    confirmItem: method('confirmItem'),
    acknowledgeVersion: method('acknowledgeVersion'),
  };
  return Promise.resolve(api);
}

/** The dialog page calls the server itself: no snapshot. */
export const wideFromSnapshot = false;

/**
 * The server opens the same page as a modal dialog (Ui.showModalDialog, within the
 * script.container.ui scope the sidebar already needs); the dialog reads the sheet through
 * google.script.run as the sidebar does.
 */
export function openWide(request: WideRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = runner();
    if (!run) return reject(new Error('google.script.run is not available'));
    run
      .withSuccessHandler((answer) => {
        const envelope = answer as { ok?: boolean; message?: string } | null;
        if (envelope && envelope.ok === false) reject(new Error(String(envelope.message)));
        else resolve();
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))))
      .kimeruOpenWide(request);
  });
}

/** Closes the modal dialog this page is in. */
export function closeWide(): void {
  script()?.host?.close();
}
