import type { Lang } from '../../../shared/i18n';
import { tw } from '../../../ui/src/wide-messages';
import { WIDE_PARAM, type WideRequest } from '../../../ui/src/wide-request';

/**
 * The playground's wide view: there is no host dialog, so the same pane page opens over the
 * whole page in a frame (modal: the page behind is inert until it closes), on the requested
 * view, calling the page's API as the pane does. Escape or the view's close button closes it.
 */
export function wideOverlay(lang: Lang): { open(request: WideRequest): void; close(): void } {
  let overlay: HTMLElement | null = null;
  let returnFocus: Element | null = null;
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') close();
  };

  function close(): void {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.querySelector('body > header')?.removeAttribute('inert');
    document.querySelector('body > main')?.removeAttribute('inert');
    document.removeEventListener('keydown', onKey);
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  }

  function open(request: WideRequest): void {
    close();
    returnFocus = document.activeElement;
    const frame = document.createElement('iframe');
    frame.src = `pane.html?${WIDE_PARAM}=${encodeURIComponent(JSON.stringify(request))}`;
    frame.title = tw(lang, 'ui.wide.frameTitle');
    frame.setAttribute('data-testid', 'wide-frame');
    overlay = document.createElement('div');
    overlay.className = 'wide-overlay';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', frame.title);
    overlay.setAttribute('data-testid', 'wide-overlay');
    overlay.appendChild(frame);
    document.querySelector('body > header')?.setAttribute('inert', '');
    document.querySelector('body > main')?.setAttribute('inert', '');
    document.body.appendChild(overlay);
    document.addEventListener('keydown', onKey);
    frame.focus();
  }

  return { open, close };
}
