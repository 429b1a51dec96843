import type { SetupChoice, SidebarState } from '../../shared/commands/api';
import type { TableAdoption } from '../../shared/commands/setup';
import { h, replaceChildren } from './dom';
import { busyButton, field } from './field';
import { tr, type UiKey } from './messages';
import type { App } from './store';
import { unreadBox } from './unread-box';

type TableRole = 'customers' | 'contacts' | 'activities';

const TABLES: { role: TableRole; label: UiKey; request: 'customerSheet' | 'contactsSheet' | 'logSheet' }[] = [
  { role: 'customers', label: 'ui.setup.table.customers', request: 'customerSheet' },
  { role: 'contacts', label: 'ui.setup.table.contacts', request: 'contactsSheet' },
  { role: 'activities', label: 'ui.setup.table.activities', request: 'logSheet' },
];

/**
 * セットアップ / Setup: shows which of the workbook's sheets kimeru reads as the customer list,
 * the contacts and the activity log, and which column as each field — found by their headers,
 * before anything is written — and lets the user pick another sheet or column, then sets up
 * (or re-runs setup) with that choice.
 */
export function setupTab(app: App): {
  el: HTMLElement;
  onState(state: SidebarState): void;
  onShow(): void;
} {
  const { lang } = app;
  /** What the user chose here; what they did not choose is left to setup's detection. */
  let choice: SetupChoice = {};
  let sheetNames: string[] = [];
  let previewing = 0;
  // Previewing reads every sheet: only while the tab is open, not each time the sidebar opens.
  let shown = false;
  /** Tables whose column list the user opened: it stays open as the preview is redrawn. */
  const open = new Set<TableRole>();

  const tables = h('div', { class: 'setup-tables', 'data-testid': 'setup-tables' });
  const run = busyButton(tr(lang, 'ui.setup.run'), tr(lang, 'ui.setup.running'), {
    class: 'primary',
    'data-testid': 'setup-run',
  });
  const output = h('ul', { class: 'setup-output', role: 'status', 'data-testid': 'setup-output' });
  const unread = unreadBox(lang);

  async function preview(): Promise<void> {
    const ticket = ++previewing;
    const r = await app.call(() => app.api.previewSetup(choice));
    // A newer choice was made while this one was computed: only the latest is shown.
    if (ticket !== previewing || !r.ok) return;
    replaceChildren(tables, ...TABLES.map((t) => tableView(t, r.value.tables[t.role])));
  }

  function choose(update: (c: SetupChoice) => SetupChoice): void {
    choice = update(choice);
    void preview();
  }

  function tableView(t: (typeof TABLES)[number], a: TableAdoption | undefined): HTMLElement {
    const sheet = h('select', { 'data-testid': `setup-sheet-${t.role}` });
    const candidates = new Set(a?.alternatives ?? []);
    replaceChildren(
      sheet,
      h('option', { value: '' }, tr(lang, 'ui.setup.auto')),
      ...sheetNames.map((name) =>
        h(
          'option',
          { value: name },
          candidates.has(name) ? tr(lang, 'ui.setup.candidate', { sheet: name }) : name,
        ),
      ),
    );
    sheet.value = choice[t.request] ?? (a && a.how !== 'created' ? a.sheet : '');
    sheet.addEventListener('change', () =>
      choose((c) => {
        const next: SetupChoice = { ...c, mappings: { ...c.mappings, [t.role]: {} } };
        if (sheet.value === '') delete next[t.request];
        else next[t.request] = sheet.value;
        return next;
      }),
    );
    const parts: HTMLElement[] = [field(tr(lang, 'ui.setup.sheet'), sheet, `sheet-${t.role}`).el];
    parts.push(h('p', { class: 'setup-summary', 'data-testid': `setup-summary-${t.role}` }, summary(a)));
    if (a && a.headerRow !== null && a.how !== 'created') {
      const columns = [...a.columns, ...a.missing.map((m) => ({ ...m, column: '', header: '' }))];
      const details = h(
        'details',
        { class: 'mapping', 'data-testid': `setup-columns-${t.role}`, open: open.has(t.role) },
        h('summary', {}, tr(lang, 'ui.setup.columns')),
        h('p', { class: 'field-hint' }, tr(lang, 'ui.setup.columnsHint')),
        ...columns.map((c) => columnField(t.role, c, a)),
      );
      details.addEventListener('toggle', () => {
        if (details.open) open.add(t.role);
        else open.delete(t.role);
      });
      parts.push(details);
      if (a.unused.length > 0)
        parts.push(
          h(
            'p',
            { class: 'field-hint', 'data-testid': `setup-unused-${t.role}` },
            tr(lang, t.role === 'customers' ? 'ui.setup.attributes' : 'ui.setup.unused', {
              list: a.unused.map((u) => `${u.column}「${u.header}」`).join(lang === 'ja' ? '、' : ', '),
            }),
          ),
        );
    }
    return h(
      'fieldset',
      { class: 'setup-table', 'data-testid': `setup-table-${t.role}` },
      h('legend', {}, tr(lang, t.label)),
      ...parts,
    );
  }

  function columnField(
    role: TableRole,
    c: { key: string; label: string; column: string; header: string },
    a: TableAdoption,
  ): HTMLElement {
    const select = h('select', { 'data-testid': `setup-col-${role}-${c.key}` });
    replaceChildren(
      select,
      h('option', { value: '' }, c.column === '' ? tr(lang, 'ui.setup.noColumn') : tr(lang, 'ui.setup.auto')),
      ...a.headers.map((x) => h('option', { value: x.header }, `${x.column}: ${x.header}`)),
    );
    select.value = choice.mappings?.[role]?.[c.key] ?? c.header;
    select.addEventListener('change', () =>
      choose((ch) => {
        const mine = { ...ch.mappings?.[role] };
        if (select.value === '') delete mine[c.key];
        else mine[c.key] = select.value;
        return { ...ch, mappings: { ...ch.mappings, [role]: mine } };
      }),
    );
    return field(c.label, select, `col-${role}-${c.key}`).el;
  }

  function summary(a: TableAdoption | undefined): string {
    if (!a) return '';
    if (a.problem !== undefined) return a.problem;
    if (a.how === 'created' || a.headerRow === null)
      return tr(lang, 'ui.setup.willCreate', { sheet: a.sheet });
    if (!a.dataRows) return tr(lang, 'ui.setup.headerOnly', { header: a.headerRow });
    const notData =
      a.notData.length > 0
        ? tr(lang, 'ui.setup.notData', { rows: a.notData.map((n) => n.row).join(', ') })
        : '';
    return (
      tr(lang, 'ui.setup.rows', {
        header: a.headerRow,
        first: a.dataRows.first,
        last: a.dataRows.last,
        count: a.rows,
      }) + notData
    );
  }

  async function doSetup(): Promise<void> {
    run.setBusy(true);
    replaceChildren(output);
    next.hidden = true;
    unread.show(null);
    const r = await app.call(
      () => app.api.setup(choice),
      () => void doSetup(),
    );
    run.setBusy(false);
    if (!r.ok) return;
    replaceChildren(output, ...r.value.text.map((line) => h('li', {}, line)));
    // Setup ends by saying what to do next, in order.
    replaceChildren(
      next,
      h('h3', {}, tr(lang, 'ui.setup.nextSteps')),
      h('ol', {}, ...r.value.nextSteps.map((step) => h('li', {}, step))),
    );
    next.hidden = false;
    unread.show(r.value.unread);
    await app.reload();
  }
  run.el.addEventListener('click', () => void doSetup());
  const next = h('div', { class: 'next-steps', 'data-testid': 'setup-next-steps' });
  next.hidden = true;

  const el = h(
    'section',
    { class: 'tab-setup' },
    h('p', {}, tr(lang, 'ui.setup.intro')),
    tables,
    h('div', { class: 'actions' }, run.el),
    output,
    next,
    unread.el,
  );

  return {
    el,
    onState(state) {
      sheetNames = state.sheetNames;
      // A chosen sheet that is gone is no longer a choice.
      for (const t of TABLES) {
        const chosen = choice[t.request];
        if (chosen !== undefined && !sheetNames.includes(chosen)) delete choice[t.request];
      }
      if (shown) void preview();
    },
    onShow() {
      shown = true;
      void preview();
    },
  };
}
