import {
  historyHeader,
  historyRow,
  nextVersion,
  starterDefinition,
  writeDefinition,
  type Definition,
  type DefinitionVersion,
} from '../definition';
import type { CellValue } from '../values/cell';
import { dayFromParts } from '../values/days';
import { MANAGER, REPS } from './company';

/**
 * The definition as みらい精機 decided it: the starter (after the column) as version 2. Version 1,
 * written at the start of the fiscal year, asked to meet an A customer's key person every 90
 * days; at the half-year the manager tightened that to 60 days for A only.
 */

/** The note of version 2, as the manager wrote it. */
export const VERSION_2_NOTE = 'キーマン接触の間隔をAランクのみ短縮';

/** The id of the item version 2 changed (キーマンとの接触). */
export const KEY_CONTACT_ITEM = 'RE2';

/** Version 1: the starter with 90 days for A on the key-person contact item. */
function version1Definition(): Definition {
  const def = starterDefinition('ja');
  return {
    ...def,
    items: def.items.map((item) =>
      item.id === KEY_CONTACT_ITEM ? { ...item, thresholds: { ...item.thresholds, A: 90 } } : item,
    ),
  };
}

/** Versions 1 and 2, made with the definition module's バージョンアップ. */
export function sampleVersions(): DefinitionVersion[] {
  const v1 = nextVersion([], version1Definition(), {
    date: dayFromParts(2026, 4, 1),
    author: MANAGER,
    note: '初版。コラムの3つの切り口で顧客管理の定義を作成',
  });
  const v2 = nextVersion([v1], starterDefinition('ja'), {
    date: dayFromParts(2026, 10, 1),
    author: MANAGER,
    note: VERSION_2_NOTE,
  });
  return [v1, v2];
}

/** The definition sheet (version 2). */
export function definitionGrid(): CellValue[][] {
  return writeDefinition(starterDefinition('ja'), { lang: 'ja', version: 2 });
}

/** The history sheet (版の履歴): header, then versions 1 and 2. */
export function historyGrid(versions: readonly DefinitionVersion[] = sampleVersions()): CellValue[][] {
  return [historyHeader('ja'), ...versions.map((v) => historyRow(v, 'ja'))];
}

/**
 * Who marked which version as read (既読): everyone read version 1; of version 2, only 佐藤 and
 * 高橋 so far, so the review names 田村 and 中島.
 */
export function acknowledgementGrid(): CellValue[][] {
  return [
    ['版', '営業担当'],
    ...Object.values(REPS).map((rep) => [1, rep]),
    [2, REPS.sato],
    [2, REPS.takahashi],
  ];
}

/**
 * The reps' own answers for the half-year reviews (知っている?), one set per period (期間): the
 * first half-year (2026H1), then the second (2026H2, the one of the as-of date). In the second
 * everyone says they know the key-person items, as people do; only 佐藤 and 高橋 claim to know the
 * customers' challenges. Half a year earlier, 田村 and 中島 knew less: so the review shows what
 * got better.
 */
export function reviewAnswerGrid(): CellValue[][] {
  const items = starterDefinition('ja').items;
  const periods: { code: string; doesNotKnow: Record<string, readonly string[]> }[] = [
    {
      code: '2026H1',
      doesNotKnow: {
        [REPS.tamura]: ['AT2', 'RE2'],
        [REPS.nakajima]: ['AT2', 'AT1', 'IN1'],
        [REPS.takahashi]: ['RE3'],
      },
    },
    { code: '2026H2', doesNotKnow: { [REPS.tamura]: ['AT2'], [REPS.nakajima]: ['AT2', 'AT1'] } },
  ];
  const rows: CellValue[][] = [['営業担当', '項目', '知っている', '期間']];
  for (const { code, doesNotKnow } of periods)
    for (const rep of Object.values(REPS))
      for (const item of items)
        rows.push([rep, item.name, (doesNotKnow[rep] ?? []).includes(item.id) ? '×' : '○', code]);
  return rows;
}
