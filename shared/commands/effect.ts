import { t, type Lang } from '../i18n';
import type { Definition } from '../definition/model';
import { checkGaps, indexDataset, rankCustomers } from '../engines';
import { headerKey } from '../engines/columns';
import type { Dataset, Day } from '../model';
import { formatDay } from '../values';

/**
 * What saving an edit would change, as of a day, before it is saved: how many customers move up
 * or down a rank (per rep), and how many gaps appear or disappear per item. Sentences for the
 * definition pane, in the user's language; empty when nothing would change.
 */
export function definitionEffect(
  saved: Definition,
  edited: Definition,
  dataset: Dataset,
  asOf: Day,
  lang: Lang,
): string[] {
  const before = new Map(rankCustomers(saved, dataset.customers, lang).map((r) => [r.customerId, r.rank]));
  const after = new Map(rankCustomers(edited, dataset.customers, lang).map((r) => [r.customerId, r.rank]));
  const order = new Map(edited.ranks.map((r, i) => [headerKey(r), i]));
  const repOf = new Map(dataset.customers.map((c) => [c.id, c.rep || t(lang, 'commands.effect.noRep')]));
  let up = 0;
  let down = 0;
  const perRep = new Map<string, { up: number; down: number }>();
  for (const [id, now] of after) {
    const was = before.get(id);
    if (was === undefined || headerKey(was) === headerKey(now)) continue;
    // A rank the edited definition no longer has counts as below every rank it has.
    const moved =
      (order.get(headerKey(now)) ?? Infinity) < (order.get(headerKey(was)) ?? Infinity) ? 'up' : 'down';
    if (moved === 'up') up++;
    else down++;
    const rep = repOf.get(id) ?? '';
    const tally = perRep.get(rep) ?? { up: 0, down: 0 };
    tally[moved]++;
    perRep.set(rep, tally);
  }

  const index = indexDataset(dataset);
  const gapsBy = (def: Definition, ranks: Map<string, string>) => {
    const out = new Map<string, { name: string; gaps: number }>();
    for (const item of def.items) if (item.metric !== null) out.set(item.id, { name: item.name, gaps: 0 });
    for (const row of checkGaps(def, index, asOf, ranks, lang, { only: 'gap', texts: false }))
      if (row.status === 'gap') (out.get(row.itemId) as { gaps: number }).gaps++;
    return out;
  };
  const gapsBefore = gapsBy(saved, before);
  const gapsAfter = gapsBy(edited, after);

  const lines: string[] = [];
  const day = formatDay(asOf, lang);
  if (up + down > 0) {
    const reps = [...perRep]
      .sort(([a], [b]) => a.localeCompare(b, 'ja'))
      .map(([rep, n]) => t(lang, 'commands.effect.rep', { rep, up: n.up, down: n.down }));
    lines.push(
      t(lang, 'commands.effect.ranks', { day, up, down, reps: reps.join(t(lang, 'commands.effect.sep')) }),
    );
  }
  for (const id of new Set([...gapsBefore.keys(), ...gapsAfter.keys()])) {
    const b = gapsBefore.get(id)?.gaps ?? 0;
    const a = gapsAfter.get(id)?.gaps ?? 0;
    if (a === b) continue;
    const name = gapsAfter.get(id)?.name ?? gapsBefore.get(id)?.name ?? id;
    const change = a > b ? `+${a - b}` : `${a - b}`;
    lines.push(t(lang, 'commands.effect.gaps', { day, id, name, before: b, after: a, change }));
  }
  if (lines.length === 0) lines.push(t(lang, 'commands.effect.none', { day }));
  return lines;
}
