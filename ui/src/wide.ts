import { closeWide } from 'kimeru-bridge';
import type { KimeruApi, SidebarState } from '../../shared/commands/api';
import { h, replaceChildren } from './dom';
import { createApp } from './store';
import { actionsTab } from './tab-actions';
import { peopleTab } from './tab-people';
import { versionsPanel } from './versions-panel';
import { tw } from './wide-messages';
import { parseWideRequest, WIDE_PARAM, wideTitleKey, type WideRequest } from './wide-request';

/**
 * A wide view: one of the pane's views (the same components, at full width) alone on a page —
 * the Sheets modal dialog, the Excel dialog window, the playground's frame over the page. The
 * host says which view through the root element's `data-wide` (Sheets writes it into the page)
 * or the page URL's `?wide=` (Excel, playground), as JSON.
 */

/** The wide view this page was opened for, or null for the ordinary pane. */
export function requestedWide(root: HTMLElement): WideRequest | null {
  return (
    parseWideRequest(root.getAttribute('data-wide')) ??
    parseWideRequest(new URLSearchParams(location.search).get(WIDE_PARAM))
  );
}

/** Shows `request`'s view over the API, with a title and a close button. */
export function mountWide(
  host: HTMLElement,
  api: KimeruApi,
  initial: SidebarState,
  request: WideRequest,
  note?: string,
): void {
  const { app, alert } = createApp(api, initial);
  const lang = app.lang;
  const people = peopleTab(app);
  people.onState(initial);
  const panels: Record<WideRequest['view'], HTMLElement> = {
    people: people.el,
    actions: h('div'),
    versions: h('div'),
  };
  const title = h('h2', { class: 'wide-title', 'data-testid': 'wide-title' });
  const show = (view: WideRequest['view']): void => {
    replaceChildren(title, tw(lang, wideTitleKey(view)));
    for (const [v, el] of Object.entries(panels)) el.hidden = v !== view;
  };
  if (request.view === 'actions') {
    const actions = actionsTab(app, (customerId) => {
      show('people');
      people.open(customerId);
    });
    actions.onState(initial);
    panels.actions = actions.el;
    actions.showFor(request.rep, request.asOf);
  } else if (request.view === 'versions') {
    const versions = versionsPanel(app);
    panels.versions = versions.el;
    const { from, to } = request;
    void app
      .call(() => api.getDefinition())
      .then((r) => {
        if (!r.ok) return;
        versions.render(r.value.history);
        versions.compare(from, to);
      });
  } else people.open(request.customerId);

  const close = h(
    'button',
    { type: 'button', class: 'secondary', 'data-testid': 'wide-close' },
    tw(lang, 'ui.wide.close'),
  );
  close.addEventListener('click', () => closeWide());
  // Escape closes, as a dialog's keyboard users expect (a frame keeps its key events to itself).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing) closeWide();
  });
  replaceChildren(
    host,
    h('header', { class: 'top wide-top' }, title, close),
    note ? h('p', { class: 'muted small', 'data-testid': 'wide-note' }, note) : null,
    alert.el,
    h(
      'main',
      { class: 'panels wide', 'data-testid': `wide-${request.view}` },
      panels.actions,
      panels.people,
      panels.versions,
    ),
  );
  host.classList.add('wide-page');
  show(request.view);
}
