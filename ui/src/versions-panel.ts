import { formatDay } from '../../shared/values/days';
import type { Day } from '../../shared/model';
import { h, replaceChildren, toggle } from './dom';
import { tr } from './messages';
import type { App } from './store';
import { arrowRows } from './list-keys';
import { tw } from './wide-messages';

export interface HistoryEntry {
  version: number;
  date: Day;
  author: string;
  note: string;
}

/**
 * 版の履歴 / Version history: every saved version, newest first. Choosing one shows it as it was
 * saved (its items, standards and ranking, from the history sheet: never the sheet's unsaved
 * edits), and any two can be compared in the diff sentences the editor writes. Read only.
 */
export function versionsPanel(app: App): {
  el: HTMLElement;
  render(history: readonly HistoryEntry[]): void;
  /** Compares two versions (the wide view opens on the pane's choice). */
  compare(a: number, b: number): void;
} {
  const { lang } = app;
  const list = h('ul', { class: 'history', 'data-testid': 'def-history' });
  arrowRows(list, '[data-testid="def-history-entry"]', 'button');
  const from = h('select', { 'data-testid': 'def-compare-a', 'aria-label': tr(lang, 'ui.def.compareFrom') });
  const to = h('select', { 'data-testid': 'def-compare-b', 'aria-label': tr(lang, 'ui.def.compareTo') });
  const compare = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'def-compare' },
    tr(lang, 'ui.def.compare'),
  );
  // In the pane, the comparison can be opened wide (a dialog, or a frame over the page).
  const openWide = app.openWide;
  const wide = openWide
    ? h(
        'button',
        { type: 'button', class: 'link', 'data-testid': 'def-compare-wide' },
        tw(lang, 'ui.wide.open'),
      )
    : null;
  wide?.addEventListener('click', () =>
    openWide?.({ view: 'versions', from: Number(from.value), to: Number(to.value) }),
  );
  const compareRow = h('div', { class: 'compare' }, from, ' → ', to, ' ', compare, wide ? ' ' : null, wide);
  const view = h('div', { class: 'version-view', role: 'status', 'data-testid': 'def-version-view' });
  const el = h('div', { class: 'panel' }, h('h3', {}, tr(lang, 'ui.def.history')), list, compareRow, view);

  function options(select: HTMLSelectElement, history: readonly HistoryEntry[], chosen: number): void {
    replaceChildren(
      select,
      ...[...history]
        .reverse()
        .map((v) =>
          h(
            'option',
            { value: v.version, selected: v.version === chosen },
            tr(lang, 'ui.def.versionOption', { version: v.version }),
          ),
        ),
    );
    select.value = String(chosen);
  }

  function showLines(testid: string, lines: readonly string[]): void {
    replaceChildren(
      view,
      h('ul', { class: 'diff', 'data-testid': testid }, ...lines.map((l) => h('li', {}, l))),
    );
  }

  async function show(version: number): Promise<void> {
    replaceChildren(view, tr(lang, 'ui.loading'));
    const r = await app.call(() => app.api.showVersion(version));
    if (!r.ok) return void replaceChildren(view, '');
    showLines('def-version-lines', r.value.lines);
    // The manual of any version can be written again.
    const manual = h(
      'button',
      { type: 'button', class: 'secondary', 'data-testid': 'def-version-manual' },
      tr(lang, 'ui.def.writeManual', { version }),
    );
    const said = h('p', { class: 'small', 'data-testid': 'def-version-manual-result' });
    manual.addEventListener('click', () => {
      manual.disabled = true;
      void app
        .call(() => app.api.writeManual(version))
        .then((w) => {
          manual.disabled = false;
          replaceChildren(said, w.ok ? w.value.message : '');
        });
    });
    view.append(manual, said);
  }

  async function doCompare(): Promise<void> {
    const a = Number(from.value);
    const b = Number(to.value);
    if (!Number.isInteger(a) || !Number.isInteger(b)) return;
    replaceChildren(view, tr(lang, 'ui.loading'));
    const r = await app.call(() => app.api.compareVersions(a, b));
    if (!r.ok) return void replaceChildren(view, '');
    showLines('def-compare-lines', r.value.lines);
  }
  compare.addEventListener('click', () => void doCompare());

  return {
    el,
    compare(a, b) {
      from.value = String(a);
      to.value = String(b);
      void doCompare();
    },
    render(history) {
      replaceChildren(view, '');
      toggle(compareRow, 'hidden', history.length < 2);
      const latest = history[history.length - 1]?.version ?? 0;
      options(from, history, history[history.length - 2]?.version ?? latest);
      options(to, history, latest);
      replaceChildren(
        list,
        ...[...history].reverse().map((v) => {
          // The version's line is the button that shows it: the entry reads as before.
          const head = h(
            'button',
            { type: 'button', class: 'link history-head', 'data-testid': 'def-history-show' },
            tr(lang, 'ui.def.historyLine', {
              version: v.version,
              date: formatDay(v.date, lang),
              author: v.author,
            }),
          );
          head.addEventListener('click', () => void show(v.version));
          return h(
            'li',
            { 'data-testid': 'def-history-entry', 'data-version': v.version },
            head,
            h('span', { class: 'history-note' }, v.note),
          );
        }),
      );
    },
  };
}
