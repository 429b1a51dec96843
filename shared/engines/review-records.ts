import { t, type Lang } from '../i18n';
import type { Issue } from '../issues';
import { readBoolean, readNumber, foldText, normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import { headerKey } from './columns';
import type { Confirmation } from './review';

/*
 * What people record for the half-year review, kept per period and never rewritten:
 * - the reps' answers (振り返り回答) carry a 期間 column: "2026H1";
 * - a manager's confirmations of items the data cannot measure (確認記録), one row each, appended;
 * - the reps' acknowledgements of a version (既読), one row each, appended.
 * The latest row wins where one rep confirms or acknowledges twice.
 */

const columnIs = (cell: CellValue, key: Parameters<typeof t>[1]): boolean =>
  (['ja', 'en'] as const).some((l) => headerKey(t(l, key)) === headerKey(normalizeText(cell)));

/** The answers header's period column (0-based), or -1 when the sheet has none (answers of before). */
export function periodColumn(grid: readonly CellValue[][]): number {
  return (grid[0] ?? []).findIndex((c) => columnIs(c, 'engines.col.period'));
}

/**
 * The answers sheet as the review of period `code` reads it: rows of other periods are blanked
 * (their row numbers kept, so a problem still names its row). A row without a period — answers
 * written before answers had periods — stands for any period whose own row is not answered yet.
 */
export function answersOfPeriod(grid: readonly CellValue[][], code: string): CellValue[][] {
  const col = periodColumn(grid);
  if (col < 0) return grid.map((r) => [...r]);
  return grid.map((r, i) => {
    if (i === 0) return [...r];
    const period = normalizeText(r[col]).toUpperCase();
    if (period === '') return [...r];
    // A period's row not answered yet leaves the earlier answer (if any) in force.
    if (period !== code || normalizeText(r[2]) === '') return [];
    return [...r];
  });
}

/** The confirmations sheet (確認記録): 期間 | 営業担当 | 項目ID | 項目 | 出来ている | メモ | 確認者. */
export function confirmationHeader(lang: Lang): string[] {
  return [
    t(lang, 'engines.col.period'),
    t(lang, 'engines.col.rep'),
    t(lang, 'engines.col.itemId'),
    t(lang, 'engines.col.item'),
    t(lang, 'engines.col.does'),
    t(lang, 'engines.col.note'),
    t(lang, 'engines.col.confirmedBy'),
  ];
}

/** One confirmation's row, "はい"/"いいえ" in the sheet's language as people read it. */
export function confirmationRow(
  c: Confirmation & { period: string; itemName: string; by: string },
  lang: Lang,
): string[] {
  return [
    c.period,
    c.rep,
    c.itemId,
    c.itemName,
    t(lang, c.done ? 'engines.review.yes' : 'engines.review.no'),
    c.note,
    c.by,
  ];
}

/** The confirmations for period `code`, oldest first; an unreadable 出来ている cell is an issue. */
export function readConfirmations(
  grid: readonly CellValue[][],
  code: string,
  sheet: string,
): { confirmations: Confirmation[]; issues: Issue[] } {
  const confirmations: Confirmation[] = [];
  const issues: Issue[] = [];
  grid.forEach((r, i) => {
    if (i === 0 || normalizeText(r[0]).toUpperCase() !== code) return;
    const rep = normalizeText(r[1]);
    const itemId = normalizeText(r[2]);
    if (rep === '' || itemId === '') return;
    const done = readBoolean(r[4]);
    if (!done.ok || done.value === null) {
      issues.push({
        key: done.ok ? 'engines.review.confirmationBlank' : done.key,
        ...(done.ok ? {} : { params: done.params }),
        sheet,
        row: i + 1,
        column: 'E',
        header: normalizeText(grid[0]?.[4]),
        severity: 'error',
      });
      return;
    }
    confirmations.push({ rep, itemId, done: done.value, note: normalizeText(r[5]) });
  });
  return { confirmations, issues };
}

/** The acknowledgements sheet (既読): 版 | 営業担当. */
export function acknowledgementHeader(lang: Lang): string[] {
  return [t(lang, 'engines.col.version'), t(lang, 'engines.col.rep')];
}

/** The reps (as keys) who marked `version` as read. */
export function readAcknowledgements(grid: readonly CellValue[][], version: number): Set<string> {
  const reps = new Set<string>();
  grid.forEach((r, i) => {
    if (i === 0) return;
    const raw = r[0];
    const n = readNumber(typeof raw === 'string' ? raw.replace(/^\s*(第|v)\s*|版\s*$/gi, '') : raw);
    if (n.ok && n.value === version && normalizeText(r[1]) !== '') reps.add(headerKey(normalizeText(r[1])));
  });
  return reps;
}

/** Reps compare as people write them ("山田 太郎" = "山田太郎"). */
export function repMatches(a: string, b: string): boolean {
  return headerKey(a) === headerKey(b) || foldText(a) === foldText(b);
}
