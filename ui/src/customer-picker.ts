import type { SidebarState } from '../../shared/commands/api';
import type { Lang } from '../../shared/i18n/define';
import { h, isImeEnter, replaceChildren, toggle, trackComposition, uid } from './dom';
import { tr } from './messages';
import { indexCustomers, searchCustomers, type CustomerIndex } from './search';

type Customer = SidebarState['customers'][number];

/**
 * The customer field of the log form: a combobox (type to search, ↑/↓ to move, Enter to pick,
 * Esc to close) that turns into the chosen customer's name with a "change" button.
 */
export interface CustomerPicker {
  el: HTMLElement;
  input: HTMLInputElement;
  selected(): Customer | null;
  clear(): void;
  setCustomers(customers: readonly Customer[]): void;
}

export function customerPicker(lang: Lang, onPick: (c: Customer | null) => void): CustomerPicker {
  let index: CustomerIndex<Customer> = indexCustomers([]);
  let matches: Customer[] = [];
  let active = -1;
  let chosen: Customer | null = null;

  const listId = uid('customers');
  const input = h('input', {
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: tr(lang, 'ui.log.customerPlaceholder'),
    'data-testid': 'customer-search',
  });
  const composing = trackComposition(input);
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'listbox',
    'data-testid': 'customer-results',
    hidden: true,
  });
  const more = h('p', { class: 'field-hint', 'data-testid': 'customer-more', hidden: true });
  const chosenName = h('span', { class: 'chosen-name', 'data-testid': 'customer-selected-name' });
  const chosenId = h('span', { class: 'chosen-id' });
  const change = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'customer-change' },
    tr(lang, 'ui.log.change'),
  );
  const chosenBox = h(
    'div',
    { class: 'chosen', 'data-testid': 'customer-selected', hidden: true },
    chosenName,
    chosenId,
    change,
  );
  const el = h('div', { class: 'picker' }, input, list, more, chosenBox);

  function optionId(i: number): string {
    return `${listId}-${i}`;
  }

  function render(): void {
    const items = matches.map((c, i) =>
      h(
        'li',
        {
          id: optionId(i),
          role: 'option',
          class: i === active ? 'option active' : 'option',
          'aria-selected': i === active ? 'true' : 'false',
          'data-testid': 'customer-option',
          'data-customer-id': c.id,
        },
        h('span', { class: 'option-name' }, c.name),
        h('span', { class: 'option-meta' }, [c.id, c.kana, c.rep].filter((s) => s !== '').join(' · ')),
      ),
    );
    const query = input.value.trim();
    if (query !== '' && matches.length === 0)
      items.push(h('li', { class: 'option empty', 'aria-disabled': 'true' }, tr(lang, 'ui.log.noMatch')));
    replaceChildren(list, ...items);
    const open = items.length > 0;
    toggle(list, 'hidden', !open);
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (active >= 0) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
    const li = active >= 0 ? list.children[active] : undefined;
    if (li instanceof HTMLElement && typeof li.scrollIntoView === 'function')
      li.scrollIntoView({ block: 'nearest' });
  }

  function search(): void {
    const found = searchCustomers(index, input.value);
    matches = found.matches;
    active = matches.length > 0 ? 0 : -1;
    const rest = found.total - matches.length;
    replaceChildren(more, rest > 0 ? tr(lang, 'ui.log.moreMatches', { count: rest }) : '');
    toggle(more, 'hidden', rest <= 0);
    render();
  }

  function close(): void {
    matches = [];
    active = -1;
    toggle(more, 'hidden', true);
    render();
    toggle(list, 'hidden', true);
    input.setAttribute('aria-expanded', 'false');
  }

  function pick(c: Customer | null): void {
    chosen = c;
    close();
    toggle(input, 'hidden', c !== null);
    toggle(chosenBox, 'hidden', c === null);
    replaceChildren(chosenName, c ? c.name : '');
    replaceChildren(chosenId, c ? c.id : '');
    onPick(c);
  }

  input.addEventListener('input', search);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') search();
  });
  input.addEventListener('blur', () => {
    // Clicking an option fires mousedown first (handled below), so closing here is safe.
    close();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (matches.length === 0) search();
      if (matches.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + matches.length) % matches.length;
      render();
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    } else if (event.key === 'Enter') {
      // Enter here picks a customer, never submits; while an IME composes, it is the IME's.
      event.preventDefault();
      event.stopPropagation();
      if (isImeEnter(event, composing())) return;
      const c = active >= 0 ? matches[active] : undefined;
      if (c) pick(c);
    }
  });
  list.addEventListener('mousedown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-customer-id]') : null;
    if (!target) return;
    event.preventDefault(); // keep focus in the input until we move it ourselves
    const i = Array.prototype.indexOf.call(list.children, target) as number;
    const c = matches[i];
    if (c) pick(c);
  });
  change.addEventListener('click', () => {
    pick(null);
    input.focus();
    input.select();
  });

  return {
    el,
    input,
    selected: () => chosen,
    clear() {
      input.value = '';
      pick(null);
    },
    setCustomers(customers) {
      index = indexCustomers(customers);
      if (chosen) {
        const id = chosen.id;
        const again = customers.find((c) => c.id === id) ?? null;
        if (again !== chosen) pick(again);
      }
    },
  };
}
