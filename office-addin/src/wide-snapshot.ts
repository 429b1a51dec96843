import type { Envelope, KimeruApi, SidebarState } from '../../shared/commands/api';
import type { Lang } from '../../shared/i18n/define';
import { tw } from '../../ui/src/wide-messages';
import type { WideRequest } from '../../ui/src/wide-request';

/**
 * An Excel dialog page cannot call the Excel JavaScript API, so the task pane reads what a wide
 * view shows through its API and hands it over as a snapshot: the answers of getState and of
 * the view's calls, as plain JSON. It travels through the add-in origin's localStorage under an
 * id the dialog URL carries (the Office docs' way to pass data to a dialog when the dialog
 * object is not in hand: office-js-helpers' Dialog does not expose it for messageChild).
 */

/** The read-only calls a wide view makes. */
type ReadCall = 'getActions' | 'getCoverage' | 'getDefinition' | 'compareVersions';

export interface WideSnapshot {
  request: WideRequest;
  state: SidebarState;
  /** The answers by call, keyed by `callKey`. */
  answers: Record<string, Envelope<unknown>>;
}

export const SNAPSHOT_PREFIX = 'kimeru.wide.';

/** The key of one call's answer: the method and its arguments as JSON (object keys sorted). */
export function callKey(method: ReadCall, args: readonly unknown[]): string {
  const canonical = args.map((a) =>
    typeof a === 'object' && a !== null
      ? Object.fromEntries(Object.entries(a).sort(([x], [y]) => x.localeCompare(y)))
      : a,
  );
  return `${method} ${JSON.stringify(canonical)}`;
}

/** The calls a view makes when it opens, with their arguments (as its component makes them). */
function callsOf(request: WideRequest): [ReadCall, unknown[]][] {
  switch (request.view) {
    case 'actions':
      return [['getActions', [{ rep: request.rep, ...(request.asOf ? { asOf: request.asOf } : {}) }]]];
    case 'people':
      return [['getCoverage', [{ customerId: request.customerId }]]];
    case 'versions':
      return [
        ['getDefinition', []],
        ['compareVersions', [request.from, request.to]],
      ];
  }
}

/** Reads what the wide view shows, through the pane's API (which reads the workbook). */
export async function takeSnapshot(api: KimeruApi, request: WideRequest): Promise<WideSnapshot> {
  const state = await api.getState();
  if (!state.ok) throw new Error(state.message);
  const answers: Record<string, Envelope<unknown>> = {};
  for (const [method, args] of callsOf(request)) {
    const call = api[method] as (...a: unknown[]) => Promise<Envelope<unknown>>;
    answers[callKey(method, args)] = await call(...args);
  }
  return JSON.parse(JSON.stringify({ request, state: state.value, answers })) as WideSnapshot;
}

/**
 * A KimeruApi answering from a snapshot: getState and the calls taken; anything else says in the
 * user's language that the dialog shows what was read when it opened.
 */
export function snapshotApi(snapshot: WideSnapshot): KimeruApi {
  const lang: Lang = snapshot.state.lang;
  const refuse = (): Promise<Envelope<never>> =>
    Promise.resolve({ ok: false, message: tw(lang, 'ui.wide.notInSnapshot') });
  const answer =
    (method: ReadCall) =>
    (...args: unknown[]): Promise<Envelope<never>> => {
      // google.script.run-like: trailing undefined optional arguments are not part of the call.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      const found = snapshot.answers[callKey(method, args)];
      return found ? Promise.resolve(found as Envelope<never>) : refuse();
    };
  return {
    getState: () => Promise.resolve({ ok: true, value: snapshot.state }),
    getActions: answer('getActions'),
    getCoverage: answer('getCoverage'),
    getDefinition: answer('getDefinition'),
    compareVersions: answer('compareVersions'),
    setup: refuse,
    previewSetup: refuse,
    logActivity: refuse,
    previewDefinition: refuse,
    saveDefinition: refuse,
    runRanking: refuse,
    runGapCheck: refuse,
    runReview: refuse,
    confirmItem: refuse,
    acknowledgeVersion: refuse,
    writeManual: refuse,
    listVersions: refuse,
    showVersion: refuse,
  };
}

/** The API of a dialog page without its snapshot: every call says there is nothing to show. */
export function missingSnapshotApi(lang: Lang): KimeruApi {
  const missing = (): Promise<Envelope<never>> =>
    Promise.resolve({ ok: false, message: tw(lang, 'ui.wide.missing') });
  return {
    getState: missing,
    getActions: missing,
    getCoverage: missing,
    getDefinition: missing,
    compareVersions: missing,
    setup: missing,
    previewSetup: missing,
    logActivity: missing,
    previewDefinition: missing,
    saveDefinition: missing,
    runRanking: missing,
    runGapCheck: missing,
    runReview: missing,
    confirmItem: missing,
    acknowledgeVersion: missing,
    writeManual: missing,
    listVersions: missing,
    showVersion: missing,
  };
}
