import type { ActionView, SidebarState } from '../../shared/commands';
import { ta } from './actions-messages';
import { tr } from './messages';
import { h, replaceChildren, toggle, uid } from './dom';
import { field } from './field';
import { recall, remember } from './storage';
import type { App } from './store';
import { unreadBox } from './unread-box';
import { arrowRows } from './list-keys';
import { dateInput, fieldDate, showDate } from './dates';
import { tw } from './wide-messages';

/**
 * やること / To do: the rep's next actions, most urgent first — overdue next actions, key persons
 * past the rank's limit, contact intervals running out within 14 days. The rep is the one chosen
 * in the Log tab (remembered in storage); blank shows everyone's customers. Read-only: the list
 * is fetched again each time the tab is shown, so an activity just logged is reflected.
 */
export function actionsTab(
  app: App,
  openPeople: (customerId: string) => void,
): {
  el: HTMLElement;
  onShow(): void;
  onState(state: SidebarState): void;
  /** Shows one rep's list as of a day (the wide view opens on what the pane showed). */
  showFor(repName: string, day: string): void;
} {
  const { lang } = app;
  const repListId = uid('reps');
  const repList = h('datalist', { id: repListId });
  const rep = h('input', {
    type: 'text',
    list: repListId,
    autocomplete: 'off',
    placeholder: ta(lang, 'ui.actions.everyone'),
    'data-testid': 'actions-rep',
  });
  const asOf = dateInput(lang, () => app.state.today, 'actions-asOf'); // typed as the language writes dates
  const message = h('p', { class: 'strong pre-line', role: 'status', 'data-testid': 'actions-message' });
  const list = h('ol', { class: 'action-list', 'data-testid': 'actions-list' });
  const unread = unreadBox(lang);
  arrowRows(list, '[data-testid="action"]', 'button');
  let loading = 0;

  const asOfField = field(ta(lang, 'ui.actions.asOf'), asOf, 'actions-asOf');
  const asOfIso = (): string => fieldDate(asOf, lang, app.state.today) ?? '';

  async function load(): Promise<void> {
    // A date that cannot be read is named under its field; no list is shown for a guess.
    const unreadable = fieldDate(asOf, lang, app.state.today) === null;
    asOfField.setError(unreadable ? tr(lang, 'ui.valid.date', { label: ta(lang, 'ui.actions.asOf') }) : '');
    if (unreadable) return;
    const ticket = ++loading;
    replaceChildren(message, ta(lang, 'ui.actions.loading'));
    const r = await app.call(
      () => app.api.getActions({ rep: rep.value.trim(), ...(asOfIso() ? { asOf: asOfIso() } : {}) }),
      () => void load(),
    );
    // A slower earlier request must not overwrite the answer to a later one.
    if (ticket !== loading) return;
    if (!r.ok) {
      replaceChildren(message, '');
      return;
    }
    replaceChildren(message, r.value.message);
    replaceChildren(list, ...r.value.rows.map(item));
    unread.show(r.value.unread);
  }

  function item(a: ActionView): HTMLElement {
    const overdue = a.daysOverdue === null || a.daysOverdue > 0;
    const key =
      a.keyPersons.length === 0
        ? ta(lang, 'ui.actions.noKeyPerson')
        : `${ta(lang, 'ui.actions.keyPersons', { names: a.keyPersons.join(lang === 'ja' ? '、' : ', ') })} · ${
            a.keyLastMet === ''
              ? ta(lang, 'ui.actions.keyNeverMet')
              : ta(lang, 'ui.actions.keyLastMet', { date: a.keyLastMet, by: a.keyMetBy || '-' })
          }`;
    const people = h(
      'button',
      { type: 'button', class: 'link', 'data-testid': 'action-people' },
      ta(lang, 'ui.actions.openPeople'),
    );
    people.addEventListener('click', () => openPeople(a.customerId));
    return h(
      'li',
      {
        class: `action ${overdue ? 'overdue' : 'upcoming'}`,
        'data-testid': 'action',
        'data-kind': a.kind,
        'data-customer': a.customerId,
      },
      h(
        'div',
        { class: 'action-head' },
        h('span', { class: `when ${overdue ? 'when-overdue' : ''}`, 'data-testid': 'action-when' }, a.when),
        h(
          'span',
          { class: 'muted small', 'data-testid': 'action-actBy' },
          a.actBy === '' ? ta(lang, 'ui.actions.noDate') : ta(lang, 'ui.actions.actBy', { date: a.actBy }),
        ),
      ),
      h(
        'div',
        { class: 'action-customer', 'data-testid': 'action-customer' },
        h('span', { class: 'chosen-name' }, a.customerName),
        h('span', { class: 'muted small' }, ` ${a.customerId} · ${a.rank}${a.rep ? ` · ${a.rep}` : ''}`),
      ),
      h('div', { class: 'action-what', 'data-testid': 'action-what' }, `${a.what}: ${a.detail}`),
      h('div', { class: 'muted small', 'data-testid': 'action-key' }, key),
      people,
    );
  }

  rep.addEventListener('change', () => {
    remember('rep', rep.value);
    void load();
  });
  asOf.addEventListener('change', () => void load());
  // Enter in a one-line field reloads the list rather than submitting anything.
  for (const input of [rep, asOf])
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      void load();
    });

  // In the pane, the same list can be opened wide (a dialog, or a frame over the page).
  const openWide = app.openWide;
  const wide = openWide
    ? h('button', { type: 'button', class: 'link', 'data-testid': 'actions-wide' }, tw(lang, 'ui.wide.open'))
    : null;
  wide?.addEventListener('click', () =>
    // The day as the core reads it (ISO): the pane also accepts 11/29, which only it knows.
    openWide?.({
      view: 'actions',
      rep: rep.value.trim(),
      asOf: fieldDate(asOf, lang, app.state.today) || asOf.value,
    }),
  );

  const el = h(
    'section',
    { class: 'tab-actions' },
    h('div', { class: 'row' }, field(ta(lang, 'ui.actions.rep'), rep, 'actions-rep').el, asOfField.el),
    wide,
    repList,
    message,
    unread.el, // above the list: at the pane's width the list runs far below the fold
    list,
  );
  toggle(unread.el, 'hidden', true);

  return {
    el,
    onShow() {
      // The rep may have been chosen in the Log tab since the list was last shown.
      const remembered = recall('rep');
      if (document.activeElement !== rep && remembered !== rep.value) rep.value = remembered;
      void load();
    },
    onState(state) {
      replaceChildren(repList, ...state.reps.map((r) => h('option', { value: r })));
      if (asOf.value === '') asOf.value = showDate(state.today, lang);
      if (rep.value === '') rep.value = recall('rep');
    },
    showFor(repName, day) {
      rep.value = repName;
      asOf.value = showDate(day, lang);
      void load();
    },
  };
}
