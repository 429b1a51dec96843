import { createBridge, openWide, wideFromSnapshot } from 'kimeru-bridge';
import type { KimeruApi, SidebarState } from '../../shared/commands/api';
import { toLang, type Lang } from '../../shared/i18n/define';
import { h, replaceChildren, toggle } from './dom';
import { tr, type UiKey } from './messages';
import { alertRegion, callApi, createApp } from './store';
import { definitionTab } from './tab-definition';
import { actionsTab } from './tab-actions';
import { logTab } from './tab-log';
import { peopleTab } from './tab-people';
import { runTab } from './tab-run';
import { setupTab } from './tab-setup';
import { enterMovesOn } from './enter-moves';
import { mountWide, requestedWide } from './wide';
import { tw } from './wide-messages';

/**
 * Boots the sidebar / task pane: gets the API from the host's bridge, reads the sidebar state,
 * and shows the tabs. Hosts choose the first tab through the root element's `data-tab` (Apps
 * Script drops `<meta>` tags written in the HTML, so not through one).
 */

const TABS = ['actions', 'log', 'people', 'definition', 'run', 'setup'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, UiKey> = {
  actions: 'ui.tab.actions',
  log: 'ui.tab.log',
  people: 'ui.tab.people',
  definition: 'ui.tab.definition',
  run: 'ui.tab.run',
  setup: 'ui.tab.setup',
};

function requestedTab(): Tab | null {
  const value = document.getElementById('kimeru')?.getAttribute('data-tab') ?? null;
  // An unreplaced placeholder (or anything unknown) is simply not one of the tabs.
  return (TABS as readonly string[]).includes(value ?? '') ? (value as Tab) : null;
}

function root(): HTMLElement {
  const existing = document.getElementById('kimeru');
  if (existing) return existing;
  const el = h('div', { id: 'kimeru' });
  document.body.appendChild(el);
  return el;
}

async function boot(): Promise<void> {
  const host = root();
  const guess: Lang = toLang(document.documentElement.lang || navigator.language);
  const bootAlert = alertRegion(guess);
  replaceChildren(
    host,
    h('p', { class: 'loading', 'data-testid': 'loading' }, tr(guess, 'ui.loading')),
    bootAlert.el,
  );
  let api: KimeruApi;
  try {
    api = await createBridge();
  } catch {
    bootAlert.show(tr(guess, 'ui.error.network'), () => void boot());
    return;
  }
  const first = await callApi(
    guess,
    bootAlert.show,
    () => api.getState(),
    () => void boot(),
  );
  if (!first.ok) return;
  const wide = requestedWide(host);
  // A bridge answering from a snapshot says so (Excel's dialog cannot read the workbook).
  const note = wideFromSnapshot ? tw(first.value.lang, 'ui.wide.snapshot') : undefined;
  if (wide) mountWide(host, api, first.value, wide, note);
  else mount(host, api, first.value);
}

function mount(host: HTMLElement, api: KimeruApi, initial: SidebarState): void {
  const { app, alert } = createApp(api, initial, async (self) => {
    const r = await self.call(() => api.getState());
    if (r.ok) applyState(r.value);
  });
  const lang = app.lang;
  app.openWide = (request) => {
    openWide(request).catch(() => alert.show(tw(lang, 'ui.wide.failed')));
  };

  const log = logTab(app);
  const people = peopleTab(app);
  const actions = actionsTab(app, (customerId) => {
    select('people');
    people.open(customerId);
  });
  const definition = definitionTab(app);
  const run = runTab(app);
  const setup = setupTab(app);
  const panels: Record<Tab, HTMLElement> = {
    actions: actions.el,
    log: log.el,
    people: people.el,
    definition: definition.el,
    run: run.el,
    setup: setup.el,
  };
  const buttons = {} as Record<Tab, HTMLButtonElement>;
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'kimeru' });
  for (const tab of TABS) {
    const id = `tab-${tab}`;
    const button = h(
      'button',
      { type: 'button', role: 'tab', id, 'aria-controls': `panel-${tab}`, 'data-testid': `tab-${tab}` },
      tr(lang, TAB_LABEL[tab]),
    );
    button.addEventListener('click', () => select(tab));
    buttons[tab] = button;
    tablist.appendChild(button);
    const panel = panels[tab];
    panel.id = `panel-${tab}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', id);
    panel.setAttribute('data-testid', `panel-${tab}`);
  }
  // Arrow keys move between tabs (the ARIA tabs pattern); only the selected tab is in the Tab order.
  tablist.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const enabled = TABS.filter((t) => !buttons[t].disabled);
    const now = enabled.findIndex((t) => buttons[t] === document.activeElement);
    if (now < 0) return;
    const next = enabled[(now + (event.key === 'ArrowRight' ? 1 : enabled.length - 1)) % enabled.length]!;
    select(next);
    buttons[next].focus();
  });

  let current: Tab = 'actions';
  function select(tab: Tab): void {
    current = tab;
    for (const t of TABS) {
      const on = t === tab;
      buttons[t].setAttribute('aria-selected', on ? 'true' : 'false');
      buttons[t].tabIndex = on ? 0 : -1;
      toggle(panels[t], 'hidden', !on);
    }
    if (tab === 'actions') actions.onShow();
    if (tab === 'definition') definition.onShow();
    if (tab === 'setup') setup.onShow();
  }

  function applyState(state: SidebarState): void {
    app.state = state;
    log.onState(state);
    actions.onState(state);
    people.onState(state);
    definition.onState();
    run.onState(state);
    setup.onState(state);
    for (const t of TABS) buttons[t].disabled = t !== 'setup' && !state.setUp;
    if (!state.setUp && current !== 'setup') select('setup');
  }

  const main = h('main', { class: 'panels' }, ...TABS.map((t) => panels[t]));
  enterMovesOn(main);
  replaceChildren(host, h('header', { class: 'top' }, tablist), alert.el, main);
  applyState(initial);
  const wanted = requestedTab();
  // A rep opening the pane sees first what to act on; a host may ask for another tab.
  select(!initial.setUp ? 'setup' : (wanted ?? 'actions'));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();
