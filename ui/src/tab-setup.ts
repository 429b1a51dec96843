import type { SidebarState } from '../../shared/commands/api';
import { h, replaceChildren } from './dom';
import { busyButton, field } from './field';
import { tr, type UiKey } from './messages';
import type { App } from './store';

const COLUMNS: { key: 'id' | 'name' | 'kana' | 'rep'; label: UiKey }[] = [
  { key: 'id', label: 'ui.setup.col.id' },
  { key: 'name', label: 'ui.setup.col.name' },
  { key: 'kana', label: 'ui.setup.col.kana' },
  { key: 'rep', label: 'ui.setup.col.rep' },
];

/**
 * セットアップ / Setup: adds kimeru's sheets to the open workbook, adopting the customer list
 * (chosen here or detected), with an optional column mapping for headers it cannot recognise.
 */
export function setupTab(app: App): { el: HTMLElement; onState(state: SidebarState): void } {
  const { lang } = app;
  const sheet = h('select', { 'data-testid': 'setup-sheet' });
  const mapInputs = COLUMNS.map((c) => ({
    key: c.key,
    input: h('input', { type: 'text', 'data-testid': `setup-map-${c.key}`, autocomplete: 'off' }),
    label: tr(lang, c.label),
  }));
  const mapping = h(
    'details',
    { class: 'mapping', 'data-testid': 'setup-mapping' },
    h('summary', {}, tr(lang, 'ui.setup.mapping')),
    h('p', { class: 'field-hint' }, tr(lang, 'ui.setup.mappingHint')),
    ...mapInputs.map((m) => field(m.label, m.input, `map-${m.key}`).el),
  );
  const run = busyButton(tr(lang, 'ui.setup.run'), tr(lang, 'ui.setup.running'), {
    class: 'primary',
    'data-testid': 'setup-run',
  });
  const output = h('ul', { class: 'setup-output', role: 'status', 'data-testid': 'setup-output' });

  async function doSetup(): Promise<void> {
    const req: { customerSheet?: string; mapping?: Record<string, string> } = {};
    if (sheet.value !== '') req.customerSheet = sheet.value;
    const map: Record<string, string> = {};
    for (const m of mapInputs) if (m.input.value.trim() !== '') map[m.key] = m.input.value.trim();
    if (Object.keys(map).length > 0) req.mapping = map;
    run.setBusy(true);
    replaceChildren(output);
    const r = await app.call(
      () => app.api.setup(req),
      () => void doSetup(),
    );
    run.setBusy(false);
    if (!r.ok) return;
    replaceChildren(output, ...r.value.text.map((line) => h('li', {}, line)));
    await app.reload();
  }
  run.el.addEventListener('click', () => void doSetup());

  const el = h(
    'section',
    { class: 'tab-setup' },
    h('p', {}, tr(lang, 'ui.setup.intro')),
    field(tr(lang, 'ui.setup.customerSheet'), sheet, 'sheet').el,
    mapping,
    h('div', { class: 'actions' }, run.el),
    output,
  );

  return {
    el,
    onState(state) {
      const current = sheet.value;
      replaceChildren(
        sheet,
        h('option', { value: '' }, tr(lang, 'ui.setup.auto')),
        ...state.sheetNames.map((name) => h('option', { value: name }, name)),
      );
      if (state.sheetNames.includes(current)) sheet.value = current;
    },
  };
}
