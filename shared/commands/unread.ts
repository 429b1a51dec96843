import { t, type Lang } from '../i18n';
import { countIssues, formatIssue, issueSummary, issueTable, type Issue } from '../issues';
import type { Day } from '../model';
import type { WriteCell, WriteOp } from '../port';
import { formatDay, normalizeText } from '../values';
import type { CellValue } from '../values/cell';
import { isOurOutput } from './settings';

/** What the pane shows of the rows a command could not read, and where the whole list is. */
export interface UnreadRows {
  /** "読めなかった行 13件・注意 2件"; '' when every row was read. */
  summary: string;
  skipped: number;
  warnings: number;
  /** The first rows of the list, one sentence each (sheet, row, column, why, what to do). */
  lines: string[];
  /** The sheet holding the whole list, when it was written. */
  sheet: string | null;
}

const UNREAD_LINES = 50;

/** The pane's warning box for these issues; `sheet` holds the whole list, when one was written. */
export function unreadOf(lang: Lang, issues: readonly Issue[], sheet: string | null): UnreadRows {
  return {
    summary: issueSummary(lang, issues),
    ...countIssues(issues),
    lines: issues.slice(0, UNREAD_LINES).map((i) => formatIssue(lang, i)),
    sheet,
  };
}

/** An output sheet's rows: the note saying kimeru rebuilds it (when, as of), then the table. */
export function outputRows(lang: Lang, stamp: string, asOf: Day, table: CellValue[][]): WriteCell[][] {
  const note: WriteCell[] = [t(lang, 'commands.output.note', { stamp, asOf: formatDay(asOf, lang) })];
  return [note, ...(table as WriteCell[][])];
}

/**
 * The write that makes the 読めなかった行 sheet list these issues, or null when there is nothing
 * to do: nothing to list and no list yet, a list already saying exactly this, or a sheet of the
 * user's that bears the name (never touched).
 */
export function unreadSheetOp(
  sheet: string,
  grid: readonly CellValue[][] | undefined,
  issues: readonly Issue[],
  lang: Lang,
  stamp: string,
  asOf: Day,
): WriteOp | null {
  if (grid !== undefined && !isOurOutput(grid)) return null;
  if (issues.length === 0 && grid === undefined) return null;
  const table: CellValue[][] = issues.length > 0 ? issueTable(lang, issues) : [[t(lang, 'commands.issues.none')]];
  const rows = outputRows(lang, stamp, asOf, table);
  if (grid === undefined) return { kind: 'addSheet', sheet, rows, frozenRows: 2 };
  if (sameCells(grid, rows)) return null;
  return { kind: 'replaceSheet', sheet, rows, frozenRows: 2 };
}

// Compared as the cells read back (numbers may come back as numbers or text), blank rows and
// trailing blank cells ignored.
function sameCells(grid: readonly CellValue[][], rows: readonly WriteCell[][]): boolean {
  const text = (g: readonly (readonly unknown[])[]): string[] =>
    g
      .map((r) => {
        const cells = r.map((c) => normalizeText(c as CellValue));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return JSON.stringify(cells);
      })
      .filter((line) => line !== '[]');
  const a = text(grid);
  const b = text(rows);
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
