import type { Envelope, KimeruApi, SidebarState } from '../../shared/commands/api';
import type { Lang } from '../../shared/i18n/define';
import { tw } from '../../ui/src/wide-messages';
import type { WideRequest } from '../../ui/src/wide-request';

/**
 * An Excel dialog page cannot call the Excel JavaScript API, so the task pane reads what a wide
 * view shows through its API and hands it over as a snapshot: the answers of getState and of
 * the view's one call, as plain JSON. It travels through the add-in origin's localStorage under
 * an id the dialog URL carries (the Office docs' way to pass data to a dialog when the dialog
 * object is not in hand; office-js-helpers' Dialog does not expose it for messageChild).
 */

export interface WideSnapshot {
  request: WideRequest;
  state: SidebarState;
  /** The answers by call, keyed by `callKey`. */
  answers: Record<string, Envelope<unknown>>;
}

export const SNAPSHOT_PREFIX = 'kimeru.wide.';

/** The key of one call's answer: the method and its argument, as JSON. */
export function callKey(method: 'getActions' | 'getCoverage', arg: object): string {
  const sorted = Object.fromEntries(Object.entries(arg).sort(([a], [b]) => a.localeCompare(b)));
  return `${method} ${JSON.stringify(sorted)}`;
}

/** The call a view makes first, with its argument (what the view's component asks for). */
function firstCall(request: WideRequest): { method: 'getActions' | 'getCoverage'; arg: object } {
  return request.view === 'actions'
    ? {
        method: 'getActions',
        arg: { rep: request.rep, ...(request.asOf ? { asOf: request.asOf } : {}) },
      }
    : { method: 'getCoverage', arg: { customerId: request.customerId } };
}

/** Reads what the wide view shows, through the pane's API (which reads the workbook). */
export async function takeSnapshot(api: KimeruApi, request: WideRequest): Promise<WideSnapshot> {
  const state = await api.getState();
  if (!state.ok) throw new Error(state.message);
  const { method, arg } = firstCall(request);
  const answer =
    method === 'getActions'
      ? await api.getActions(arg as { rep: string; asOf?: string })
      : await api.getCoverage(arg as { customerId: string });
  return JSON.parse(
    JSON.stringify({ request, state: state.value, answers: { [callKey(method, arg)]: answer } }),
  ) as WideSnapshot;
}

/**
 * A KimeruApi answering from a snapshot: getState and the calls taken; anything else says in the
 * user's language that the dialog shows what was read when it opened.
 */
export function snapshotApi(snapshot: WideSnapshot): KimeruApi {
  const lang: Lang = snapshot.state.lang;
  const refuse = (): Promise<Envelope<never>> =>
    Promise.resolve({ ok: false, message: tw(lang, 'ui.wide.notInSnapshot') });
  const answer = (method: 'getActions' | 'getCoverage', arg: object): Promise<Envelope<never>> => {
    const found = snapshot.answers[callKey(method, arg)];
    return found ? Promise.resolve(found as Envelope<never>) : refuse();
  };
  return {
    getState: () => Promise.resolve({ ok: true, value: snapshot.state }),
    getActions: (req) => answer('getActions', req),
    getCoverage: (req) => answer('getCoverage', req),
    setup: refuse,
    previewSetup: refuse,
    logActivity: refuse,
    getDefinition: refuse,
    previewDefinition: refuse,
    saveDefinition: refuse,
    runRanking: refuse,
    runGapCheck: refuse,
    runReview: refuse,
    writeManual: refuse,
  };
}
