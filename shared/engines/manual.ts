import type { Day } from '../model';
import { PERSPECTIVES, type Definition } from '../definition/model';
import { t, type Lang } from '../i18n';
import { PERSPECTIVE_LABELS } from '../i18n/vocabulary';
import type { CellValue } from '../values/cell';
import { formatDay } from '../values/days';
import { describeConditions } from './ranking';
import { perRankText, subjectText } from './metric-text';
import { formatPercent } from './format';

const WIDTH = 3;

/** What changed with this version: the version before it (null for the first), its note, the diff. */
export interface ManualChanges {
  previous: number | null;
  note: string;
  diff: readonly string[];
}

/**
 * The sales manual (営業マニュアル) as a printable grid, WIDTH columns wide: title with version
 * and date; what changed since the previous version (its note and the diff), when known; per
 * perspective a heading and its items (name, standard in words, the measurable form per rank),
 * each with why it exists and how to practise it when the definition says; then how customers
 * are ranked, in words.
 */
export function manualRows(
  def: Definition,
  meta: { version: number; date: Day },
  lang: Lang,
  changes?: ManualChanges,
): CellValue[][] {
  const rows: CellValue[][] = [];
  const add = (...cells: string[]) =>
    rows.push([...cells, ...new Array<string>(WIDTH - cells.length).fill('')]);

  add(t(lang, 'engines.manual.title', { version: meta.version, date: formatDay(meta.date, lang) }));
  add();
  if (changes) {
    add(
      changes.previous === null
        ? t(lang, 'engines.manual.firstVersion')
        : t(lang, 'engines.manual.changesHeading', { previous: changes.previous }),
    );
    if (changes.note !== '') add(t(lang, 'engines.manual.note'), changes.note);
    for (const line of changes.diff) add('', line);
    if (changes.previous !== null && changes.diff.length === 0) add('', t(lang, 'engines.manual.noChanges'));
    add();
  }
  add(t(lang, 'engines.col.item'), t(lang, 'engines.col.standard'), t(lang, 'engines.manual.measure'));
  for (const perspective of PERSPECTIVES) {
    const items = def.items.filter((item) => item.perspective === perspective);
    if (items.length === 0) continue;
    add(t(lang, 'engines.manual.perspective', { name: PERSPECTIVE_LABELS[perspective][lang] }));
    for (const item of items) {
      const measure = item.metric
        ? t(lang, 'engines.manual.measureLine', {
            subject: subjectText(item, lang),
            ranks: perRankText(item, def.ranks, lang),
          })
        : t(lang, 'engines.manual.peopleCheck');
      add(item.name, item.standard, measure);
      if ((item.why ?? '') !== '') add('', t(lang, 'engines.manual.why', { text: item.why ?? '' }));
      if ((item.howTo ?? '') !== '') add('', t(lang, 'engines.manual.howTo', { text: item.howTo ?? '' }));
    }
  }

  add();
  add(t(lang, 'engines.manual.rankingHeading', { ranks: def.ranks.join(' / ') }));
  const last = def.ranks[def.ranks.length - 1] ?? '';
  if (def.ranking.kind === 'rules') {
    add(t(lang, 'engines.manual.rulesIntro', { last }));
    for (const rule of def.ranking.rules) {
      const words =
        rule.conditions.length === 0
          ? t(lang, 'engines.manual.always')
          : describeConditions(rule.conditions, lang);
      add(rule.rank, words);
    }
    // A final rule without conditions already says "everyone else".
    if (!def.ranking.rules.some((rule) => rule.conditions.length === 0))
      add(last, t(lang, 'engines.manual.otherwise'));
  } else {
    const { column, cutoffs } = def.ranking;
    add(t(lang, 'engines.manual.abcIntro', { column }));
    let from = 0;
    for (const rank of def.ranks) {
      const cutoff = cutoffs[rank];
      if (rank === last || typeof cutoff !== 'number') continue;
      add(rank, t(lang, 'engines.manual.abcBand', { from: formatPercent(from), to: formatPercent(cutoff) }));
      from = cutoff;
    }
    add(last, t(lang, 'engines.manual.abcRest'));
  }
  return rows;
}
