import type { Envelope, KimeruApi, SidebarState } from '../../shared/commands/api';
import type { Lang } from '../../shared/i18n/define';
import { h, replaceChildren, toggle } from './dom';
import { tr } from './messages';
import type { WideRequest } from './wide-request';

/**
 * What every tab shares: the API, the language, the latest sidebar state and the alert region.
 * Calls go through `call`, which turns both kinds of failure into a message the user can act on:
 * an envelope with ok:false (the server's own words) and a rejected promise (network, crash).
 */

export type CallResult<T> = { ok: true; value: T } | { ok: false; network: boolean; message: string };

export interface App {
  api: KimeruApi;
  lang: Lang;
  state: SidebarState;
  /** Runs an API call; on failure shows the alert (with a retry button for network errors). */
  call<T>(run: () => Promise<Envelope<T>>, retry?: () => void): Promise<CallResult<T>>;
  /** Shows a message in the alert region; '' hides it. */
  showAlert(message: string, retry?: () => void): void;
  /** Fetches the state again (after setup) and redraws. */
  reload(): Promise<void>;
  /** Opens a view wide (the pane has it; a wide view itself does not). */
  openWide?(request: WideRequest): void;
}

/**
 * The context the pane's tabs and a wide view share: the API, the language, the state and the
 * one alert region every call reports into. `reload` fetches the state again (the pane redraws;
 * a wide view has nothing to redraw).
 */
export function createApp(
  api: KimeruApi,
  initial: SidebarState,
  reload: (app: App) => Promise<void> = async () => undefined,
): { app: App; alert: ReturnType<typeof alertRegion> } {
  const lang = initial.lang;
  document.documentElement.lang = lang;
  const alert = alertRegion(lang);
  const app: App = {
    api,
    lang,
    state: initial,
    call: (run, retry) => callApi(lang, alert.show, run, retry),
    showAlert: alert.show,
    reload: () => reload(app),
  };
  return { app, alert };
}

/** The alert region: role="alert" so screen readers announce failures as they happen. */
export function alertRegion(lang: Lang): {
  el: HTMLElement;
  show(message: string, retry?: () => void): void;
} {
  const text = h('p', { class: 'alert-text', 'data-testid': 'alert-text' });
  const retryButton = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'alert-retry' },
    tr(lang, 'ui.error.retry'),
  );
  const dismiss = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'alert-dismiss' },
    tr(lang, 'ui.error.dismiss'),
  );
  const el = h(
    'div',
    { class: 'alert', role: 'alert', 'data-testid': 'alert', hidden: true },
    text,
    h('div', { class: 'alert-actions' }, retryButton, dismiss),
  );
  let onRetry: (() => void) | undefined;
  retryButton.addEventListener('click', () => {
    const run = onRetry;
    show('');
    run?.();
  });
  dismiss.addEventListener('click', () => show(''));
  function show(message: string, retry?: () => void): void {
    onRetry = retry;
    replaceChildren(text, message);
    toggle(retryButton, 'hidden', retry === undefined);
    toggle(el, 'hidden', message === '');
  }
  return { el, show };
}

/** Wraps an API call: envelope errors and rejections become alerts, never thrown. */
export async function callApi<T>(
  lang: Lang,
  show: (message: string, retry?: () => void) => void,
  run: () => Promise<Envelope<T>>,
  retry?: () => void,
): Promise<CallResult<T>> {
  let envelope: Envelope<T>;
  try {
    envelope = await run();
  } catch {
    const message = tr(lang, 'ui.error.network');
    show(message, retry);
    return { ok: false, network: true, message };
  }
  if (envelope && envelope.ok === true) {
    show('');
    return { ok: true, value: envelope.value };
  }
  const message =
    envelope && typeof envelope.message === 'string' ? envelope.message : tr(lang, 'ui.error.network');
  show(message);
  return { ok: false, network: false, message };
}
