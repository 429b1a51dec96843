import { t, type Lang, type MessageKey, type Params } from '../i18n';
import { METRIC_LABELS, PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import { formatConditions } from './conditions';
import { formatThreshold } from './format';
import type { Definition, Item, RankMethod } from './model';
import { formatShare, formatTarget } from './sheet';

/** One difference between two definitions, with a sentence for people. */
export interface DiffLine {
  kind: 'added' | 'removed' | 'changed';
  /** The item concerned, when the line is about an item. */
  itemId?: string;
  /** What changed, as a code: 'ranks', 'ranking', 'cutoff:A', 'rule:A', 'item', 'name', 'threshold:A'… */
  field: string;
  before: string;
  after: string;
  /** e.g. 「キーマンとの接触」のしきい値 A: 60日 → 45日 */
  text: string;
}

const ITEM_FIELDS = [
  'perspective',
  'name',
  'standard',
  'metric',
  'target',
  'window',
  'why',
  'howTo',
] as const;
type ItemFieldName = (typeof ITEM_FIELDS)[number];
const FIELD_LABEL: Record<ItemFieldName, MessageKey> = {
  perspective: 'definition.field.perspective',
  name: 'definition.field.name',
  standard: 'definition.field.standard',
  metric: 'definition.field.metric',
  target: 'definition.field.target',
  window: 'definition.field.window',
  why: 'definition.field.why',
  howTo: 'definition.field.howTo',
};

function kindOf(before: string, after: string): DiffLine['kind'] {
  return before === '' ? 'added' : after === '' ? 'removed' : 'changed';
}

/** What changed from `a` (older) to `b` (newer): settings, ranking, then items matched by id. */
export function diffDefinitions(a: Definition, b: Definition, lang: Lang): DiffLine[] {
  const lines: DiffLine[] = [];
  const none = t(lang, 'definition.value.none');
  const sep = t(lang, 'definition.label.listSeparator');
  const push = (line: Omit<DiffLine, 'text'>, key: MessageKey, params: Params): void => {
    lines.push({
      ...line,
      text: t(lang, key, { before: line.before || none, after: line.after || none, ...params }),
    });
  };
  const setting = (field: string, label: MessageKey, before: string, after: string): void => {
    if (before !== after)
      push({ kind: 'changed', field, before, after }, 'definition.diff.setting', { field: t(lang, label) });
  };

  setting('ranks', 'definition.field.ranks', a.ranks.join(sep), b.ranks.join(sep));
  const month = (n: number): string => t(lang, 'definition.value.month', { n });
  setting(
    'fiscalStartMonth',
    'definition.field.fiscalStartMonth',
    month(a.fiscalStartMonth),
    month(b.fiscalStartMonth),
  );
  diffRanking(a, b, lang, push, setting);

  const aById = new Map(a.items.map((i) => [i.id, i] as const));
  const bById = new Map(b.items.map((i) => [i.id, i] as const));
  for (const item of a.items)
    if (!bById.has(item.id))
      push(
        { kind: 'removed', itemId: item.id, field: 'item', before: item.name, after: '' },
        'definition.diff.itemRemoved',
        { item: item.name },
      );
  for (const item of b.items) {
    const old = aById.get(item.id);
    if (!old) {
      push(
        { kind: 'added', itemId: item.id, field: 'item', before: '', after: item.name },
        'definition.diff.itemAdded',
        {
          item: item.name,
          perspectiveJa: PERSPECTIVE_LABELS[item.perspective].ja,
          perspectiveEn: PERSPECTIVE_LABELS[item.perspective].en,
        },
      );
      continue;
    }
    for (const field of ITEM_FIELDS) {
      const before = itemField(old, field, lang);
      const after = itemField(item, field, lang);
      if (before !== after)
        push(
          { kind: kindOf(before, after), itemId: item.id, field, before, after },
          'definition.diff.itemField',
          {
            item: item.name,
            field: t(lang, FIELD_LABEL[field]),
          },
        );
    }
    const ranks = unique([
      ...b.ranks,
      ...a.ranks,
      ...Object.keys(old.thresholds),
      ...Object.keys(item.thresholds),
    ]);
    for (const rank of ranks) {
      const bv = item.thresholds[rank];
      const av = old.thresholds[rank];
      const checkedBefore = av !== null && av !== undefined;
      const checkedAfter = bv !== null && bv !== undefined;
      if (!checkedBefore && !checkedAfter) continue;
      const before = formatThreshold(old.metric, av, lang);
      const after = formatThreshold(item.metric, bv, lang);
      if (before === after) continue;
      push(
        {
          kind: !checkedBefore ? 'added' : !checkedAfter ? 'removed' : 'changed',
          itemId: item.id,
          field: `threshold:${rank}`,
          before,
          after,
        },
        'definition.diff.threshold',
        { item: item.name, rank },
      );
    }
  }
  const commonA = a.items.filter((i) => bById.has(i.id)).map((i) => i.id);
  const commonB = b.items.filter((i) => aById.has(i.id)).map((i) => i.id);
  if (commonA.join('\u0000') !== commonB.join('\u0000'))
    push(
      { kind: 'changed', field: 'itemOrder', before: commonA.join(sep), after: commonB.join(sep) },
      'definition.diff.itemOrder',
      {},
    );
  return lines;
}

type Push = (line: Omit<DiffLine, 'text'>, key: MessageKey, params: Params) => void;
type Setting = (field: string, label: MessageKey, before: string, after: string) => void;

function diffRanking(a: Definition, b: Definition, lang: Lang, push: Push, setting: Setting): void {
  const ma = a.ranking;
  const mb = b.ranking;
  if (ma.kind !== mb.kind) {
    setting(
      'ranking',
      'definition.field.ranking',
      describeRanking(ma, a.ranks, lang),
      describeRanking(mb, b.ranks, lang),
    );
    return;
  }
  if (ma.kind === 'abc' && mb.kind === 'abc') {
    setting('ranking.column', 'definition.field.abcColumn', ma.column, mb.column);
    for (const rank of unique([
      ...b.ranks,
      ...a.ranks,
      ...Object.keys(ma.cutoffs),
      ...Object.keys(mb.cutoffs),
    ])) {
      const before = ma.cutoffs[rank] === undefined ? '' : formatShare(ma.cutoffs[rank]);
      const after = mb.cutoffs[rank] === undefined ? '' : formatShare(mb.cutoffs[rank]);
      if (before !== after)
        push(
          { kind: kindOf(before, after), field: `cutoff:${rank}`, before, after },
          'definition.diff.cutoff',
          { rank },
        );
    }
    return;
  }
  if (ma.kind === 'rules' && mb.kind === 'rules') {
    const ra = rulesByRank(ma.rules, lang);
    const rb = rulesByRank(mb.rules, lang);
    let changed = false;
    for (const rank of unique([...b.ranks, ...a.ranks, ...ra.keys(), ...rb.keys()])) {
      const before = ra.get(rank) ?? '';
      const after = rb.get(rank) ?? '';
      if (before === after) continue;
      changed = true;
      push({ kind: kindOf(before, after), field: `rule:${rank}`, before, after }, 'definition.diff.rule', {
        rank,
      });
    }
    const order = (rules: typeof ma.rules): string =>
      rules.map((r) => `${r.rank}:${formatConditions(r.conditions, lang)}`).join('\n');
    if (!changed && order(ma.rules) !== order(mb.rules)) {
      const seq = (rules: typeof ma.rules): string =>
        rules.map((r) => r.rank).join(t(lang, 'definition.label.listSeparator'));
      push(
        { kind: 'changed', field: 'ruleOrder', before: seq(ma.rules), after: seq(mb.rules) },
        'definition.diff.ruleOrder',
        {},
      );
    }
  }
}

// Several rules for one rank are alternatives: shown as "…; …".
function rulesByRank(
  rules: Extract<RankMethod, { kind: 'rules' }>['rules'],
  lang: Lang,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) {
    const text = formatConditions(r.conditions, lang);
    out.set(r.rank, out.has(r.rank) ? `${out.get(r.rank)}; ${text}` : text);
  }
  return out;
}

function describeRanking(m: RankMethod, ranks: string[], lang: Lang): string {
  const sep = t(lang, 'definition.label.listSeparator');
  if (m.kind === 'abc') {
    const cuts = ranks
      .filter((r) => m.cutoffs[r] !== undefined)
      .map((r) => `${r} ${formatShare(m.cutoffs[r] as number)}`);
    return `${t(lang, 'definition.label.methodAbc')} (${m.column}: ${cuts.join(sep)})`;
  }
  const rules = m.rules.map((r) => `${r.rank}: ${formatConditions(r.conditions, lang)}`);
  return `${t(lang, 'definition.label.methodRules')} (${rules.join('; ')})`;
}

function itemField(item: Item, field: ItemFieldName, lang: Lang): string {
  switch (field) {
    case 'perspective':
      return PERSPECTIVE_LABELS[item.perspective]?.[lang] ?? item.perspective;
    case 'metric':
      return item.metric ? METRIC_LABELS[item.metric][lang] : '';
    case 'target':
      return formatTarget(item, lang);
    case 'window':
      return item.window === null ? '' : t(lang, 'definition.unit.days', { n: item.window });
    default:
      return item[field] ?? '';
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
