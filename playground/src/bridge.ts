import type { KimeruApi } from '../../shared/commands/api';
import type { WideRequest } from '../../ui/src/wide-request';
import { API_METHODS, HOST_GLOBAL, type PlaygroundHost } from './host';

/**
 * The playground's bridge for the one task pane (ui/): the pane runs in a frame of the
 * playground page, whose HyperFormula workbook and KimeruApi it calls through the parent window.
 * Answers are copied as JSON, as google.script.run would, so the pane sees plain data only.
 */

const WAIT_MS = 15_000;

function hostOf(): PlaygroundHost | undefined {
  for (const w of [window.parent, window]) {
    try {
      const host = (w as unknown as Record<string, PlaygroundHost | undefined>)[HOST_GLOBAL];
      if (host) return host;
    } catch {
      // A parent from another origin: not the playground.
    }
  }
  return undefined;
}

/** Waits for the page to publish its host (the frame can load first). */
function waitForHost(): Promise<PlaygroundHost> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const host = hostOf();
      if (host) resolve(host);
      else if (Date.now() - started > WAIT_MS) reject(new Error('kimeru playground host not found'));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

/** The KimeruApi of the workbook the playground page shows. */
export async function createBridge(): Promise<KimeruApi> {
  const host = await waitForHost();
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of API_METHODS)
    api[method] = async (...args: unknown[]) =>
      JSON.parse(JSON.stringify(await host.call(method, args))) as unknown;
  return api as unknown as KimeruApi;
}

/** The wide page calls the playground's API as the pane does. */
export const wideFromSnapshot = false;

/** The page opens the view over itself (there is no host dialog in a plain browser). */
export async function openWide(request: WideRequest): Promise<void> {
  (await waitForHost()).openWide(JSON.parse(JSON.stringify(request)) as WideRequest);
}

/** Closes the overlay this page is in. */
export function closeWide(): void {
  hostOf()?.closeWide();
}
