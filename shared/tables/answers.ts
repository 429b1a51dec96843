import type { Issue } from '../issues';
import type { KnowsAnswer } from '../engines/review';
import { normalizeText, readBoolean, foldText } from '../values';
import type { CellValue } from '../values/cell';
import { columnLetter } from './columns';

/**
 * The reps' half-year answers: three columns 営業担当 | 項目 (id or name) | 知っている
 * (○/×, はい/いいえ, TRUE/FALSE…). Rows whose item is not in the definition (the header, notes,
 * blank rows) are skipped; an answer that cannot be read is an issue naming its cell.
 */
export function readKnowsAnswers(
  grid: readonly CellValue[][],
  items: readonly { id: string; name: string }[],
  where: { sheet?: string; argument?: string },
): { answers: KnowsAnswer[]; issues: Issue[] } {
  const itemId = new Map<string, string>();
  for (const i of items) {
    itemId.set(foldText(i.id), i.id);
    itemId.set(foldText(i.name), i.id);
  }
  const answers: KnowsAnswer[] = [];
  const issues: Issue[] = [];
  grid.forEach((cells, r) => {
    const rep = normalizeText(cells[0]);
    const item = itemId.get(foldText(cells[1]));
    if (rep === '' || item === undefined) return;
    const knows = readBoolean(cells[2]);
    if (knows.ok) answers.push({ rep, itemId: item, knows: knows.value });
    else
      issues.push({
        key: knows.key,
        params: knows.params,
        ...where,
        row: r + 1,
        column: columnLetter(2),
        header: normalizeText(grid[0]?.[2]),
      });
  });
  return { answers, issues };
}
