import type { SidebarState } from '../../shared/commands/api';
import type { ActivityInput } from '../../shared/engines/activity';
import { customerPicker } from './customer-picker';
import { focusNext } from './enter-moves';
import { h, isImeEnter, replaceChildren, toggle, uid } from './dom';
import { busyButton, field, type Field } from './field';
import { SubmitKeys } from './key';
import { tr } from './messages';
import type { App } from './store';
import { dateInput as makeDateInput, readTypedDate, showDate } from './dates';
import { recall, remember } from './storage';
import { clientDay, shiftIsoDate, validateLogForm, type FieldIssue } from './validate';

type Contact = SidebarState['contacts'][number];
type Customer = SidebarState['customers'][number];
type FormField = keyof ActivityInput;

const ROLE_ORDER: Record<Contact['role'], number> = { key: 0, charge: 1, influencer: 2, other: 3 };

/**
 * 記録 / Log: the activity form. One idempotency key per form fill, reused by every retry of
 * that same fill, so whatever happens between the click and the sheet, at most one row is
 * written; a changed fill is a new activity with a new key (see SubmitKeys).
 */
export function logTab(app: App): { el: HTMLElement; onState(state: SidebarState): void } {
  const { lang } = app;
  const keys = new SubmitKeys();
  let inFlight = false;
  let contactsByCustomer = new Map<string, Contact[]>();

  // --- controls -------------------------------------------------------------------------
  // "Today" comes from the host (the spreadsheet's time zone) when the state loads; a sidebar left
  // open past midnight moves it on by the days the browser's clock has moved since.
  let todayAtLoad = { iso: app.state.today, clientDay: clientDay() };
  function today(): string {
    return shiftIsoDate(todayAtLoad.iso, clientDay() - todayAtLoad.clientDay);
  }

  // Dates are text fields in the pane's language's format, reading what people type (dates.ts).
  const dateInput = (testId: string) => makeDateInput(lang, () => today(), testId);
  const picker = customerPicker(lang, (c) => onCustomer(c));
  const contactList = h('div', { class: 'contacts', 'data-testid': 'log-contacts' });
  const type = h('select', { 'data-testid': 'log-type' });
  const date = dateInput('log-date');
  const purpose = h('input', { type: 'text', 'data-testid': 'log-purpose', autocomplete: 'off' });
  const content = h('textarea', { rows: 4, 'data-testid': 'log-content' });
  const nextAction = h('input', { type: 'text', 'data-testid': 'log-nextAction', autocomplete: 'off' });
  const nextDue = dateInput('log-nextDue');
  const repListId = uid('reps');
  const repList = h('datalist', { id: repListId });
  const rep = h('input', { type: 'text', list: repListId, 'data-testid': 'log-rep', autocomplete: 'off' });

  const fields: Record<FormField, Field | undefined> = {
    customerId: field(tr(lang, 'ui.log.customer'), picker.el, 'customerId'),
    contactIds: field(tr(lang, 'ui.log.contacts'), contactList, 'contactIds'),
    type: field(tr(lang, 'ui.log.type'), type, 'type'),
    date: field(tr(lang, 'ui.log.date'), date, 'date'),
    purpose: field(tr(lang, 'ui.log.purpose'), purpose, 'purpose'),
    content: field(tr(lang, 'ui.log.content'), content, 'content'),
    nextAction: field(tr(lang, 'ui.log.nextAction'), nextAction, 'nextAction'),
    nextDue: field(tr(lang, 'ui.log.nextDue'), nextDue, 'nextDue'),
    rep: field(tr(lang, 'ui.log.rep'), rep, 'rep'),
    key: undefined,
  };
  // The search box itself carries the field's name and message, for screen readers.
  picker.input.setAttribute('aria-labelledby', picker.el.getAttribute('aria-labelledby') ?? '');
  picker.input.setAttribute('aria-describedby', picker.el.getAttribute('aria-describedby') ?? '');

  const submit = busyButton(tr(lang, 'ui.log.submit'), tr(lang, 'ui.log.submitting'), {
    class: 'primary',
    'data-testid': 'log-submit',
  });
  const status = h('div', { class: 'status', role: 'status', 'data-testid': 'log-status' });
  const warnings = h('details', { class: 'warnings', 'data-testid': 'state-warnings', hidden: true });

  const form = h(
    'form',
    { class: 'form', novalidate: true, 'data-testid': 'log-form' },
    fields.customerId!.el,
    fields.contactIds!.el,
    h('div', { class: 'row' }, fields.type!.el, fields.date!.el),
    fields.purpose!.el,
    fields.content!.el,
    fields.nextAction!.el,
    h('div', { class: 'row' }, fields.nextDue!.el, fields.rep!.el),
    repList,
    h('div', { class: 'actions' }, submit.el),
    status,
  );
  // The workbook's warnings (rows it could not read) above the form, one collapsed line: at the
  // pane's width a box under the form is never seen.
  const el = h('section', { class: 'tab-log' }, warnings, form);

  // --- behaviour ------------------------------------------------------------------------
  function onCustomer(c: Customer | null): void {
    renderContacts(c);
    if (c) {
      rep.value = recall('rep') || c.rep;
      rep.placeholder = c.rep; // blank means the customer's rep: the server fills it in
      fields.customerId!.setError('');
      const first = contactList.querySelector('input');
      (first instanceof HTMLInputElement ? first : type).focus();
    } else rep.placeholder = '';
  }

  function renderContacts(c: Customer | null): void {
    if (!c) {
      replaceChildren(contactList, h('p', { class: 'muted' }, tr(lang, 'ui.log.pickCustomerFirst')));
      return;
    }
    const people = contactsByCustomer.get(c.id) ?? [];
    if (people.length === 0) {
      replaceChildren(contactList, h('p', { class: 'muted' }, tr(lang, 'ui.log.noContacts')));
      return;
    }
    replaceChildren(
      contactList,
      ...people.map((p) =>
        h(
          'label',
          { class: p.role === 'key' ? 'contact key' : 'contact', 'data-testid': 'contact' },
          h('input', { type: 'checkbox', value: p.id, 'data-testid': 'contact-checkbox' }),
          h('span', { class: 'contact-name' }, p.name),
          p.title ? h('span', { class: 'contact-title' }, p.title) : null,
          p.role === 'key'
            ? h(
                'span',
                { class: 'badge badge-key', 'data-testid': 'keyperson-badge' },
                tr(lang, 'ui.log.keyPerson'),
              )
            : h('span', { class: 'badge' }, p.roleLabel),
        ),
      ),
    );
  }

  function readForm(): ActivityInput {
    const chosen = picker.selected();
    const contactIds = Array.from(contactList.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
      .filter((b) => b.checked)
      .map((b) => b.value);
    return {
      date: typedDate(date),
      customerId: chosen ? chosen.id : '',
      contactIds,
      type: type.value,
      purpose: purpose.value,
      content: content.value,
      nextAction: nextAction.value,
      nextDue: typedDate(nextDue),
      rep: rep.value,
      key: '',
    };
  }

  /** The ISO date typed in `input`; text that is no date is passed on as typed, for validation to name. */
  function typedDate(input: HTMLInputElement): string {
    return readTypedDate(input.value, lang, today()) ?? input.value;
  }

  function showIssues(issues: readonly { field: string; message: string }[]): string[] {
    const byField = new Map<string, string[]>();
    const unplaced: string[] = [];
    for (const issue of issues) {
      if (issue.field in fields && fields[issue.field as FormField]) {
        byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue.message]);
      } else unplaced.push(issue.message);
    }
    for (const [name, f] of Object.entries(fields)) f?.setError((byField.get(name) ?? []).join('\n'));
    const first = (Object.keys(fields) as FormField[]).find((f) => byField.has(f));
    if (first) focusField(first);
    return unplaced;
  }

  function focusField(name: FormField): void {
    const f = fields[name];
    if (!f) return;
    const target =
      name === 'customerId'
        ? picker.selected()
          ? null
          : picker.input
        : f.control.matches('input,select,textarea')
          ? f.control
          : f.control.querySelector('input');
    if (target instanceof HTMLElement) target.focus();
  }

  function setStatus(...lines: string[]): void {
    replaceChildren(status, ...lines.filter((l) => l !== '').map((l) => h('p', {}, l)));
  }

  function reset(): void {
    picker.clear();
    for (const c of [purpose, content, nextAction, nextDue]) c.value = '';
    date.value = showDate(today(), lang);
    type.selectedIndex = 0;
    rep.value = '';
    for (const f of Object.values(fields)) f?.setError('');
  }

  async function send(): Promise<void> {
    if (inFlight) return; // the button is disabled too; this covers Enter pressed twice
    const fill = readForm();
    const input = { ...fill, key: keys.keyFor(JSON.stringify(fill)) };
    const problems: FieldIssue[] = validateLogForm(input, today(), lang);
    if (problems.length > 0) {
      showIssues(problems);
      setStatus(tr(lang, 'ui.log.fixErrors'));
      return;
    }
    showIssues([]);
    setStatus('');
    inFlight = true;
    submit.setBusy(true);
    const result = await app.call(
      () => app.api.logActivity(input),
      () => void send(),
    );
    inFlight = false;
    submit.setBusy(false);
    // The alert says what happened; the form and its key stay for a retry of this same activity.
    if (!result.ok) return;
    const r = result.value;
    if (!r.ok) {
      const unplaced = showIssues(r.issues);
      setStatus(tr(lang, 'ui.log.fixErrors'), ...unplaced);
      return;
    }
    setStatus(
      r.message,
      r.keyPersonMet && !r.duplicate ? tr(lang, 'ui.log.keyPersonMet') : '',
      ...r.warnings,
    );
    keys.landed();
    reset();
    picker.input.focus();
  }

  submit.el.addEventListener('click', () => void send());
  form.addEventListener('submit', (event) => event.preventDefault());
  rep.addEventListener('change', () => remember('rep', rep.value));

  // Enter moves on to the next field and never submits (a half-filled form sent by a stray Enter
  // is worse than one more key); Ctrl/⌘+Enter submits from anywhere in the form, as does the button.
  // In the textarea Enter is a newline; while an IME composes, Enter is the IME's; the customer
  // search handles its own Enter (it picks).
  let composing = false;
  form.addEventListener('compositionstart', () => (composing = true));
  form.addEventListener('compositionend', () => (composing = false));
  form.addEventListener('focusout', () => (composing = false));
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    const target = event.target;
    if (isImeEnter(event, composing)) {
      if (target instanceof HTMLInputElement) event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void send();
      return;
    }
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    focusNext(form, target);
  });

  function onState(state: SidebarState): void {
    todayAtLoad = { iso: state.today, clientDay: clientDay() };
    contactsByCustomer = new Map();
    for (const c of state.contacts) {
      const list = contactsByCustomer.get(c.customerId) ?? [];
      list.push(c);
      contactsByCustomer.set(c.customerId, list);
    }
    for (const list of contactsByCustomer.values())
      list.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]); // stable: key persons first
    const current = type.value;
    replaceChildren(type, ...state.activityTypes.map((t) => h('option', { value: t.code }, t.label)));
    if (current) type.value = current;
    if (!date.value) date.value = showDate(today(), lang);
    replaceChildren(repList, ...state.reps.map((r) => h('option', { value: r })));
    picker.setCustomers(state.customers);
    renderContacts(picker.selected());
    replaceChildren(
      warnings,
      h('summary', {}, tr(lang, 'ui.warnings.summary', { count: state.warnings.length })),
      h('ul', {}, ...state.warnings.map((w) => h('li', {}, w))),
    );
    toggle(warnings, 'hidden', state.warnings.length === 0);
  }

  return { el, onState };
}
