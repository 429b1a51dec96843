import type { DefinitionState } from '../../shared/commands/definition';
import {
  METRICS,
  PERSPECTIVES,
  type Definition,
  type Item,
  type MetricKind,
} from '../../shared/definition/model';
import { METRIC_LABELS, PERSPECTIVE_LABELS } from '../../shared/i18n/vocabulary';
import { debounce, h, replaceChildren, toggle } from './dom';
import { busyButton, field } from './field';
import { tr } from './messages';
import { parseCount, showCount } from './numbers';
import type { App } from './store';
import { recall, remember } from './storage';
import { versionsPanel } from './versions-panel';
import { ackBox } from './ack-box';

/** Metrics whose item names a subject (an activity type, customer columns). */
const NEEDS_TARGET: ReadonlySet<MetricKind> = new Set(['activity_count', 'attribute_filled']);
/** Metrics counted over a look-back window. */
const NEEDS_WINDOW: ReadonlySet<MetricKind> = new Set([
  'distinct_contacts',
  'activity_count',
  'recording_lag_days',
]);
const ID_PREFIX: Record<string, string> = { attributes: 'AT', relationships: 'RE', information: 'IN' };
const PREVIEW_DELAY_MS = 400;

/**
 * 定義 / Definition: edit the items under the three perspectives, see the 1-3-5-7 warnings and
 * the diff against the saved version while typing (the server computes both), and save a new
 * version with a note and an author. Nothing is written until "save".
 */
export function definitionTab(app: App): { el: HTMLElement; onShow(): void; onState(): void } {
  const { lang } = app;
  let loaded: DefinitionState | null = null;
  let draft: Definition | null = null;
  let loading = false;
  let previewSeq = 0;
  const invalid = new Set<string>();
  /** Items the user has opened (kept open when the list is redrawn). */
  const open = new Set<string>();

  const version = h('p', { class: 'version', 'data-testid': 'def-version' });
  const ranks = h('p', { class: 'muted' });
  const reload = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'def-reload' },
    tr(lang, 'ui.def.reload'),
  );
  const items = h('div', { class: 'items', 'data-testid': 'def-items' });
  const checking = h('span', { class: 'muted small', hidden: true }, tr(lang, 'ui.def.checking'));
  const lintList = h('ul', { class: 'lint', 'data-testid': 'def-lint' });
  // Apart from the 1-3-5-7 reminders: these say the definition will compute something else
  // than the manager meant (a column the customer table lacks, a rule that never matches…).
  const flagList = h('ul', { class: 'flags', 'data-testid': 'def-flags' });
  const diffList = h('ul', { class: 'diff', 'data-testid': 'def-diff' });
  // What saving would change today (ranks up/down per rep, gaps per item), shown before a save.
  const effectList = h('ul', { class: 'diff', 'data-testid': 'def-effect' });
  const note = h('input', {
    type: 'text',
    'data-testid': 'def-note',
    placeholder: tr(lang, 'ui.def.notePlaceholder'),
  });
  const author = h('input', { type: 'text', 'data-testid': 'def-author', value: recall('author') });
  const noteField = field(tr(lang, 'ui.def.note'), note, 'note');
  const authorField = field(tr(lang, 'ui.def.author'), author, 'author');
  const save = busyButton(tr(lang, 'ui.def.save'), tr(lang, 'ui.def.saving'), {
    class: 'primary',
    'data-testid': 'def-save',
  });
  const result = h('div', { class: 'status', role: 'status', 'data-testid': 'def-result' });
  const versions = versionsPanel(app);
  const ack = ackBox(app);

  const el = h(
    'section',
    { class: 'tab-definition' },
    h('div', { class: 'def-head' }, version, reload),
    ack.el,
    ranks,
    // Warnings and changes first: in a 300px sidebar they stay in view while items are edited.
    h('div', { class: 'panel flags-panel' }, h('h3', {}, tr(lang, 'ui.def.flags')), flagList),
    h('div', { class: 'panel' }, h('h3', {}, tr(lang, 'ui.def.lint'), ' ', checking), lintList),
    h('div', { class: 'panel' }, h('h3', {}, tr(lang, 'ui.def.diff')), diffList),
    h('div', { class: 'panel' }, h('h3', {}, tr(lang, 'ui.def.effect')), effectList),
    items,
    h(
      'div',
      { class: 'save' },
      noteField.el,
      authorField.el,
      h('div', { class: 'actions' }, save.el),
      result,
    ),
    versions.el,
  );

  // --- loading and rendering --------------------------------------------------------------
  async function load(): Promise<void> {
    if (loading) return;
    loading = true;
    replaceChildren(version, tr(lang, 'ui.loading'));
    const r = await app.call(
      () => app.api.getDefinition(),
      () => void load(),
    );
    loading = false;
    if (!r.ok) {
      replaceChildren(version, '');
      return;
    }
    loaded = r.value;
    draft = structuredCloneJson(r.value.definition);
    invalid.clear();
    render();
  }

  function render(): void {
    if (!loaded || !draft) return;
    replaceChildren(version, tr(lang, 'ui.def.version'), ': ', loaded.stamp);
    replaceChildren(ranks, tr(lang, 'ui.def.ranks', { ranks: draft.ranks.join(' / ') }));
    renderItems();
    renderLines(flagList, loaded.flags ?? [], tr(lang, 'ui.def.flagsNone'));
    renderLines(lintList, loaded.lint, tr(lang, 'ui.def.lintNone'));
    renderLines(diffList, loaded.diffFromSaved, tr(lang, 'ui.def.diffNone'));
    renderLines(effectList, [], tr(lang, 'ui.def.effectNone'));
    versions.render(loaded.history);
    ack.show(loaded.history[loaded.history.length - 1]?.version ?? null);
  }

  function renderLines(list: HTMLElement, lines: readonly string[], none: string): void {
    if (lines.length === 0) replaceChildren(list, h('li', { class: 'none' }, none));
    else replaceChildren(list, ...lines.map((line) => h('li', {}, line)));
  }

  function renderItems(): void {
    if (!draft) return;
    const def = draft;
    const groups = [...PERSPECTIVES] as string[];
    for (const item of def.items) if (!groups.includes(item.perspective)) groups.push(item.perspective);
    replaceChildren(
      items,
      ...groups.map((p) => {
        const label =
          p in PERSPECTIVE_LABELS ? PERSPECTIVE_LABELS[p as keyof typeof PERSPECTIVE_LABELS][lang] : p;
        const add = h(
          'button',
          { type: 'button', class: 'link add', 'data-testid': `def-add-${p}` },
          '+ ',
          tr(lang, 'ui.def.addItem'),
        );
        add.addEventListener('click', () => addItem(p));
        return h(
          'section',
          { class: 'perspective', 'data-testid': `perspective-${p}` },
          h('h3', {}, label),
          ...def.items.filter((i) => i.perspective === p).map((item) => itemCard(def, item)),
          add,
        );
      }),
    );
  }

  function itemCard(def: Definition, item: Item): HTMLElement {
    const name = h('input', { type: 'text', value: item.name, 'data-testid': 'def-name' });
    const standard = h('textarea', { rows: 2, 'data-testid': 'def-standard' });
    standard.value = item.standard;
    const why = h('input', { type: 'text', value: item.why ?? '', 'data-testid': 'def-why' });
    const howTo = h('input', { type: 'text', value: item.howTo ?? '', 'data-testid': 'def-howTo' });
    const metric = h(
      'select',
      { 'data-testid': 'def-metric' },
      h('option', { value: '' }, tr(lang, 'ui.def.metricNone')),
      ...METRICS.map((m) => h('option', { value: m }, METRIC_LABELS[m][lang])),
    );
    metric.value = item.metric ?? '';
    const target = h('input', { type: 'text', value: item.target, 'data-testid': 'def-target' });
    const targetHint = h('span', {});
    const windowBox = h('input', {
      type: 'text',
      inputmode: 'numeric',
      value: showCount(item.window),
      'data-testid': 'def-window',
    });
    const targetField = field(tr(lang, 'ui.def.target'), target, 'target', targetHint);
    const windowField = field(tr(lang, 'ui.def.window'), windowBox, 'window');
    const thresholdFields = def.ranks.map((rank) => {
      const box = h('input', {
        type: 'text',
        inputmode: 'numeric',
        class: 'threshold',
        value: showCount(item.thresholds[rank]),
        'data-testid': `def-threshold-${rank}`,
        'aria-label': `${tr(lang, 'ui.def.thresholds')} ${rank}`,
      });
      const f = field(rank, box, `threshold-${rank}`);
      box.addEventListener('input', () => {
        const n = parseCount(box.value);
        const key = `${item.id}:t:${rank}`;
        setValidity(key, f.setError, n !== undefined);
        if (n === undefined) return;
        item.thresholds[rank] = n;
        refreshSummary();
        changed();
      });
      return f;
    });
    const thresholds = h('div', { class: 'thresholds' }, ...thresholdFields.map((f) => f.el));
    const thresholdsBox = h(
      'div',
      { class: 'field' },
      h('span', { class: 'label' }, tr(lang, 'ui.def.thresholds')),
      thresholds,
    );
    const remove = h(
      'button',
      { type: 'button', class: 'link danger', 'data-testid': 'def-remove' },
      tr(lang, 'ui.def.removeItem'),
    );
    const summaryName = h('span', { class: 'item-name' });
    const summaryMeta = h('span', { class: 'item-meta' });
    const refreshSummary = (): void => {
      replaceChildren(summaryName, item.name.trim() === '' ? '—' : item.name);
      replaceChildren(summaryMeta, itemMeta(def, item));
    };
    refreshSummary();

    const showFor = (m: MetricKind | null): void => {
      toggle(targetField.el, 'hidden', m === null || !NEEDS_TARGET.has(m));
      toggle(windowField.el, 'hidden', m === null || !NEEDS_WINDOW.has(m));
      toggle(thresholdsBox, 'hidden', m === null);
      replaceChildren(
        targetHint,
        m === 'activity_count'
          ? tr(lang, 'ui.def.targetHintActivity')
          : m === 'attribute_filled'
            ? tr(lang, 'ui.def.targetHintAttributes')
            : '',
      );
    };
    showFor(item.metric);

    name.addEventListener('input', () => {
      item.name = name.value;
      refreshSummary();
      changed();
    });
    standard.addEventListener('input', () => {
      item.standard = standard.value;
      changed();
    });
    why.addEventListener('input', () => {
      item.why = why.value;
      changed();
    });
    howTo.addEventListener('input', () => {
      item.howTo = howTo.value;
      changed();
    });
    metric.addEventListener('change', () => {
      item.metric = metric.value === '' ? null : (metric.value as MetricKind);
      showFor(item.metric);
      refreshSummary();
      changed();
    });
    target.addEventListener('input', () => {
      item.target = target.value;
      changed();
    });
    windowBox.addEventListener('input', () => {
      const n = parseCount(windowBox.value);
      setValidity(`${item.id}:w`, windowField.setError, n !== undefined);
      if (n === undefined) return;
      item.window = n;
      changed();
    });
    remove.addEventListener('click', () => {
      if (!draft) return;
      draft.items = draft.items.filter((i) => i !== item);
      for (const key of [...invalid]) if (key.startsWith(`${item.id}:`)) invalid.delete(key);
      renderItems();
      changed();
    });

    // Collapsed to one line (name, metric, thresholds) until opened: seven items fit the pane.
    const card = h(
      'details',
      { class: 'item', 'data-testid': 'def-item', 'data-item-id': item.id, open: open.has(item.id) },
      h('summary', { 'data-testid': 'def-item-summary' }, summaryName, summaryMeta),
      h('div', { class: 'item-head' }, remove),
      field(tr(lang, 'ui.def.name'), name, 'name').el,
      field(tr(lang, 'ui.def.standard'), standard, 'standard').el,
      field(tr(lang, 'ui.def.why'), why, 'why').el,
      field(tr(lang, 'ui.def.howTo'), howTo, 'howTo').el,
      field(tr(lang, 'ui.def.metric'), metric, 'metric').el,
      targetField.el,
      windowField.el,
      thresholdsBox,
    );
    card.addEventListener('toggle', () => {
      if (card.open) open.add(item.id);
      else open.delete(item.id);
    });
    return card;
  }

  /** The collapsed item's second line: its metric and thresholds, or that people check it. */
  function itemMeta(def: Definition, item: Item): string {
    if (item.metric === null) return tr(lang, 'ui.def.metricNone');
    const limits = def.ranks
      .filter((r) => item.thresholds[r] !== null && item.thresholds[r] !== undefined)
      .map((r) => `${r} ${item.thresholds[r]}`);
    return [METRIC_LABELS[item.metric][lang], limits.join(' / ')].filter((x) => x !== '').join(' · ');
  }

  function setValidity(key: string, setError: (m: string) => void, ok: boolean): void {
    if (ok) invalid.delete(key);
    else invalid.add(key);
    setError(ok ? '' : tr(lang, 'ui.valid.number'));
  }

  function addItem(perspective: string): void {
    if (!draft) return;
    const prefix = ID_PREFIX[perspective] ?? 'X';
    const used = new Set(draft.items.map((i) => i.id));
    let n = 1;
    while (used.has(`${prefix}${n}`)) n++;
    const item: Item = {
      id: `${prefix}${n}`,
      perspective: perspective as Item['perspective'],
      name: tr(lang, 'ui.def.newItemName'),
      standard: '',
      metric: null,
      target: '',
      window: null,
      thresholds: {},
    };
    draft.items.push(item);
    open.add(item.id);
    renderItems();
    changed();
    const card = items.querySelector(`[data-item-id="${item.id}"] [data-testid="def-name"]`);
    if (card instanceof HTMLInputElement) {
      card.focus();
      card.select();
    }
  }

  // --- live preview -----------------------------------------------------------------------
  const preview = debounce(async () => {
    if (!draft || invalid.size > 0) return;
    const seq = ++previewSeq;
    toggle(checking, 'hidden', false);
    const r = await app.call(() => app.api.previewDefinition(draft!));
    if (seq !== previewSeq) return; // a newer edit's preview is on its way
    toggle(checking, 'hidden', true);
    if (!r.ok) return;
    renderLines(flagList, r.value.flags ?? [], tr(lang, 'ui.def.flagsNone'));
    renderLines(lintList, r.value.lint, tr(lang, 'ui.def.lintNone'));
    renderLines(diffList, r.value.diff, tr(lang, 'ui.def.diffNone'));
    renderLines(effectList, r.value.effect ?? [], tr(lang, 'ui.def.effectNone'));
  }, PREVIEW_DELAY_MS);

  function changed(): void {
    replaceChildren(result, '');
    preview();
  }

  // --- saving -----------------------------------------------------------------------------
  async function doSave(): Promise<void> {
    if (!loaded || !draft) return;
    noteField.setError(
      note.value.trim() === '' ? tr(lang, 'ui.valid.required', { label: tr(lang, 'ui.def.note') }) : '',
    );
    authorField.setError(
      author.value.trim() === '' ? tr(lang, 'ui.valid.required', { label: tr(lang, 'ui.def.author') }) : '',
    );
    if (invalid.size > 0) {
      replaceChildren(result, h('p', {}, tr(lang, 'ui.def.fixFirst')));
      return;
    }
    if (note.value.trim() === '') return note.focus();
    if (author.value.trim() === '') return author.focus();
    remember('author', author.value);
    save.setBusy(true);
    const req = {
      definition: draft,
      note: note.value.trim(),
      author: author.value.trim(),
      baseVersion: loaded.version,
      baseFingerprint: loaded.fingerprint,
    };
    const r = await app.call(
      () => app.api.saveDefinition(req),
      () => void doSave(),
    );
    save.setBusy(false);
    if (!r.ok) return;
    note.value = '';
    await load();
    replaceChildren(
      result,
      h('p', { class: 'strong' }, r.value.message),
      ...r.value.diff.map((d) => h('p', { class: 'small' }, d)),
    );
  }

  save.el.addEventListener('click', () => void doSave());
  reload.addEventListener('click', () => void load());
  author.addEventListener('change', () => remember('author', author.value));

  return {
    el,
    onShow() {
      if (!loaded) void load();
    },
    onState() {
      loaded = null; // the workbook may have changed (setup): fetch again on next show
    },
  };
}

/** A deep copy of plain JSON data (the definition is JSON by contract). */
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
