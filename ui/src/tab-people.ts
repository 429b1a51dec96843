import type { PersonView, SidebarState } from '../../shared/commands';
import { ta } from './actions-messages';
import { customerPicker } from './customer-picker';
import { h, replaceChildren, uid } from './dom';
import { field } from './field';
import type { App } from './store';
import { unreadBox } from './unread-box';
import { tw } from './wide-messages';

/**
 * キーマン / People: the relationship view of one customer — key persons beside the persons in
 * charge, each with when and by whom they were last met and how often in the last six months;
 * the people nobody has met are marked (the column's cautionary case: a key person nobody meets
 * while the person in charge is seen every month).
 */
export function peopleTab(app: App): {
  el: HTMLElement;
  onState(state: SidebarState): void;
  open(customerId: string): void;
} {
  const { lang } = app;
  const summary = h(
    'p',
    { class: 'strong', tabindex: -1, 'data-testid': 'people-summary' },
    ta(lang, 'ui.people.pick'),
  );
  // The two lists hold no controls: each is one stop in the Tab order, named by its heading, so
  // keyboard users reach it (and can scroll it) and screen readers announce what it is.
  const keyHead = h('h3', { id: uid('h') }, ta(lang, 'ui.people.keyPersons'));
  const otherHead = h('h3', { id: uid('h') }, ta(lang, 'ui.people.others'));
  const keyList = h('ul', {
    class: 'people',
    tabindex: 0,
    'aria-labelledby': keyHead.id,
    'data-testid': 'people-key',
  });
  const otherList = h('ul', {
    class: 'people',
    tabindex: 0,
    'aria-labelledby': otherHead.id,
    'data-testid': 'people-others',
  });
  const keyBox = h('section', { class: 'people-box', hidden: true }, keyHead, keyList);
  const otherBox = h('section', { class: 'people-box', hidden: true }, otherHead, otherList);
  const unread = unreadBox(lang);
  const picker = customerPicker(lang, (c) => {
    if (c) void load(c.id);
  });
  // The Log tab has a picker too: this one's parts get test ids of their own.
  for (const part of picker.el.querySelectorAll('[data-testid^="customer-"]'))
    part.setAttribute('data-testid', `people-${part.getAttribute('data-testid') ?? ''}`);
  let loading = 0;
  /** The customer on screen, which "Open wide" opens. */
  let shown = '';
  const openWide = app.openWide;
  const wide = openWide
    ? h(
        'button',
        { type: 'button', class: 'link', disabled: true, 'data-testid': 'people-wide' },
        tw(lang, 'ui.wide.open'),
      )
    : null;
  wide?.addEventListener('click', () => {
    if (shown !== '') openWide?.({ view: 'people', customerId: shown });
  });

  function person(p: PersonView): HTMLElement {
    return h(
      'li',
      { class: `person ${p.neverMet ? 'never-met' : ''}`, 'data-testid': 'person' },
      h('span', { class: 'contact-name' }, p.name),
      p.title ? h('span', { class: 'contact-title' }, p.title) : null,
      p.role !== 'key' && p.role !== 'charge' ? h('span', { class: 'badge' }, p.roleLabel) : null,
      h(
        'div',
        { class: 'small', 'data-testid': 'person-met' },
        p.neverMet
          ? h(
              'span',
              { class: 'badge badge-never', 'data-testid': 'never-met' },
              ta(lang, 'ui.people.neverMet'),
            )
          : ta(lang, 'ui.people.lastMet', { date: p.lastMet, days: p.daysSince ?? 0, by: p.metBy || '-' }),
        p.neverMet ? null : ` · ${ta(lang, 'ui.people.meetings', { count: p.meetings })}`,
      ),
    );
  }

  async function load(customerId: string, focus = false): Promise<void> {
    const ticket = ++loading;
    const r = await app.call(
      () => app.api.getCoverage({ customerId }),
      () => void load(customerId),
    );
    if (ticket !== loading || !r.ok) return;
    const v = r.value;
    replaceChildren(
      summary,
      ta(lang, 'ui.people.summary', {
        customer: `${v.customerName} (${v.customerId})`,
        rep: v.rep || '-',
        asOf: v.asOf,
      }),
    );
    replaceChildren(
      keyList,
      ...(v.noKeyPerson
        ? [
            h(
              'li',
              { class: 'person never-met', 'data-testid': 'no-key-person' },
              ta(lang, 'ui.people.noKeyPerson'),
            ),
          ]
        : v.keyPersons.map(person)),
    );
    replaceChildren(
      otherList,
      ...(v.others.length === 0
        ? [h('li', { class: 'muted' }, ta(lang, 'ui.people.noOthers'))]
        : v.others.map(person)),
    );
    keyBox.hidden = false;
    otherBox.hidden = false;
    shown = v.customerId;
    if (wide) wide.disabled = false;
    unread.show(v.unread);
    // Opened from an action: keyboard and screen-reader users land on what was opened.
    if (focus) summary.focus();
  }

  const el = h(
    'section',
    { class: 'tab-people' },
    field(ta(lang, 'ui.people.customer'), picker.el, 'people-customer').el,
    summary,
    unread.el, // next to the answer, not below two lists of people
    wide,
    h('div', { class: 'people-columns' }, keyBox, otherBox),
  );

  return {
    el,
    onState(state) {
      picker.setCustomers(state.customers);
    },
    open(customerId) {
      picker.clear();
      void load(customerId, true);
    },
  };
}
