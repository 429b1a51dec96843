import * as z from 'zod/mini';
import { CONDITION_OPS, METRICS, PERSPECTIVES, type Definition } from './model';

/**
 * The shape and the cross-field rules of a Definition, for data that did not come through the
 * sheet reader (history snapshots, a definition handed over by the sidebar editor). zod/mini:
 * the same validation as zod, tree-shaken, so the add-in bundles stay small.
 */

const nonEmpty = () => z.string().check(z.minLength(1));

const conditionSchema = z.object({
  column: nonEmpty(),
  op: z.enum(CONDITION_OPS),
  value: z.union([z.string(), z.number(), z.null()]),
});

const rankingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rules'),
    rules: z.array(z.object({ rank: nonEmpty(), conditions: z.array(conditionSchema) })),
  }),
  z.object({
    kind: z.literal('abc'),
    column: nonEmpty(),
    cutoffs: z.record(z.string(), z.number().check(z.gt(0), z.lte(1))),
  }),
]);

const itemSchema = z.object({
  id: nonEmpty(),
  perspective: z.enum(PERSPECTIVES),
  name: nonEmpty(),
  standard: z.string(),
  metric: z.nullable(z.enum(METRICS)),
  target: z.string(),
  window: z.nullable(z.int().check(z.positive())),
  thresholds: z.record(z.string(), z.nullable(z.int().check(z.nonnegative()))),
  why: z.optional(z.string()),
  howTo: z.optional(z.string()),
});

/** The zod schema of a Definition, shape and cross-field rules (ranks, ids, cut-offs). */
export const definitionSchema = z
  .object({
    ranks: z.array(nonEmpty()).check(z.minLength(1)),
    ranking: rankingSchema,
    items: z.array(itemSchema),
    fiscalStartMonth: z.int().check(z.gte(1), z.lte(12)),
  })
  .check(
    z.superRefine((def, ctx) => {
      const ranks = new Set(def.ranks);
      if (ranks.size !== def.ranks.length)
        ctx.addIssue({ code: 'custom', path: ['ranks'], message: 'duplicate rank' });
      const ids = new Set<string>();
      def.items.forEach((item, i) => {
        if (ids.has(item.id))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate id ${item.id}` });
        ids.add(item.id);
        for (const rank of Object.keys(item.thresholds))
          if (!ranks.has(rank))
            ctx.addIssue({ code: 'custom', path: ['items', i, 'thresholds', rank], message: 'unknown rank' });
      });
      if (def.ranking.kind === 'rules') {
        def.ranking.rules.forEach((rule, i) => {
          if (!ranks.has(rule.rank))
            ctx.addIssue({ code: 'custom', path: ['ranking', 'rules', i, 'rank'], message: 'unknown rank' });
        });
      } else {
        let prev = 0;
        for (const rank of def.ranks) {
          const cut = def.ranking.cutoffs[rank];
          if (cut === undefined) {
            ctx.addIssue({ code: 'custom', path: ['ranking', 'cutoffs', rank], message: 'missing cut-off' });
          } else if (cut <= prev) {
            ctx.addIssue({
              code: 'custom',
              path: ['ranking', 'cutoffs', rank],
              message: 'cut-offs must increase',
            });
          } else prev = cut;
        }
        for (const rank of Object.keys(def.ranking.cutoffs))
          if (!ranks.has(rank))
            ctx.addIssue({ code: 'custom', path: ['ranking', 'cutoffs', rank], message: 'unknown rank' });
      }
    }),
  );

export type DefinitionCheck =
  { ok: true; definition: Definition } | { ok: false; path: string; detail: string };

/** Validates untrusted data as a Definition; on failure, the first problem's path and detail. */
export function checkDefinition(value: unknown): DefinitionCheck {
  const r = definitionSchema.safeParse(value);
  if (r.success) return { ok: true, definition: r.data };
  const first = r.error.issues[0];
  return {
    ok: false,
    path: first ? first.path.map(String).join('.') || '(root)' : '(root)',
    detail: first?.message ?? '',
  };
}
