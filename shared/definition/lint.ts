import { PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import type { Issue } from '../issues';
import type { Params } from '../i18n';
import { PERSPECTIVES, type Definition, type Item, type Perspective } from './model';

/*
 * The 1-3-5-7 rule (1・3・5・7の法則): the more complex a definition, the less it is practised.
 * We read the numbers as follows (all are warnings: the team decides, the editor only reminds):
 * - 1: one definition, on one sheet (enforced by the layout, nothing to check here);
 * - 3: three perspectives, the column's own (an item outside them is flagged); also at most 3
 *   conditions in one ranking rule, so a rank can be explained in one breath;
 * - 5: at most 5 items under one perspective, and at most 5 ranks — more than a person keeps in
 *   mind while planning a week of visits;
 * - 7: at most 7 measurable items in all — each one becomes a column of gaps for every customer,
 *   and a rep cannot act on more than about seven checks at a time.
 * A standard is one sentence: about 80 characters fits one line of the printed sales manual.
 */
export const LINT_LIMITS = {
  perspectives: 3,
  itemsPerPerspective: 5,
  measurableItems: 7,
  ranks: 5,
  standardChars: 80,
  conditionsPerRule: 3,
} as const;

function perspectiveParams(p: Perspective): Params {
  return { perspectiveJa: PERSPECTIVE_LABELS[p].ja, perspectiveEn: PERSPECTIVE_LABELS[p].en };
}

function itemParams(item: Item): Params {
  return { item: item.name, itemId: item.id };
}

/** Warnings where the definition outgrows the 1-3-5-7 rule, each naming the item concerned. */
export function lintDefinition(def: Definition): Issue[] {
  const issues: Issue[] = [];
  const warn = (key: Issue['key'], params: Params): void => {
    issues.push({ key, params, severity: 'warning' });
  };
  const known = new Set<string>(PERSPECTIVES);
  const perPerspective = new Map<string, Item[]>();
  for (const item of def.items) {
    if (!known.has(item.perspective))
      warn('definition.lint.customPerspective', {
        ...itemParams(item),
        perspective: String(item.perspective),
      });
    const list = perPerspective.get(item.perspective) ?? [];
    list.push(item);
    perPerspective.set(item.perspective, list);
  }
  for (const p of PERSPECTIVES) {
    const count = perPerspective.get(p)?.length ?? 0;
    if (count === 0) warn('definition.lint.emptyPerspective', perspectiveParams(p));
    if (count > LINT_LIMITS.itemsPerPerspective)
      warn('definition.lint.tooManyItemsInPerspective', {
        ...perspectiveParams(p),
        count,
        max: LINT_LIMITS.itemsPerPerspective,
      });
  }
  const measurable = def.items.filter((i) => i.metric !== null);
  if (measurable.length > LINT_LIMITS.measurableItems)
    warn('definition.lint.tooManyMeasurable', { count: measurable.length, max: LINT_LIMITS.measurableItems });
  if (def.ranks.length > LINT_LIMITS.ranks)
    warn('definition.lint.tooManyRanks', { count: def.ranks.length, max: LINT_LIMITS.ranks });

  for (const item of def.items) {
    // Characters as people count them (code points), not UTF-16 units.
    const length = [...item.standard.trim()].length;
    if (length > LINT_LIMITS.standardChars)
      warn('definition.lint.standardTooLong', {
        ...itemParams(item),
        count: length,
        max: LINT_LIMITS.standardChars,
      });
    if (
      item.metric !== null &&
      !def.ranks.some((r) => item.thresholds[r] !== null && item.thresholds[r] !== undefined)
    )
      warn('definition.lint.noThreshold', itemParams(item));
  }
  if (def.ranking.kind === 'rules') {
    for (const rule of def.ranking.rules)
      if (rule.conditions.length > LINT_LIMITS.conditionsPerRule)
        warn('definition.lint.tooManyConditions', {
          rank: rule.rank,
          count: rule.conditions.length,
          max: LINT_LIMITS.conditionsPerRule,
        });
  }
  return issues;
}
