import type { ReportResult } from '../shared/commands';
import type { WorkbookPort } from '../shared/port';
import type { CellValue } from '../shared/values/cell';
import { dayFromDate, dayToIso } from '../shared/values/days';

/**
 * `--json`: a command's result as a consultant's script reads it — the rows of the sheet it
 * wrote, keyed by that sheet's column names, the version that produced them, and the rows that
 * could not be read (the 読めなかった行 sheet's rows, keyed the same way). Read back from the
 * workbook the command wrote, so the JSON says exactly what the sheet says.
 */

export type JsonValue = string | number | boolean | null;
export type JsonRow = Record<string, JsonValue>;

export interface ReportJson {
  command: string;
  file: string;
  sheet: string;
  asOf: string | null;
  version: number | null;
  stamp: string | null;
  message: string;
  columns: string[];
  rows: JsonRow[] | JsonValue[][];
  unread: JsonRow[] | string[];
  /** review: the half-year reviewed and who has not read the version in force. */
  period?: { code: string; label: string };
  notRead?: { version: number; reps: string[] } | null;
}

/** The JSON of a report command: `table` false for a sheet that is not a table (the manual). */
export async function reportJson(
  workbook: WorkbookPort,
  command: string,
  file: string,
  result: ReportResult,
  table: boolean,
): Promise<ReportJson> {
  const names = [result.sheet, ...(result.unread.sheet !== null ? [result.unread.sheet] : [])];
  const grids = await workbook.readSheets(names);
  // Every output sheet starts with kimeru's note (what it is, when it was made), then its table.
  const body = (grids[result.sheet] ?? []).slice(1);
  const read = table ? keyed(body) : { columns: [], rows: plain(body) };
  const unread =
    result.unread.sheet !== null
      ? keyed((grids[result.unread.sheet] ?? []).slice(1)).rows
      : result.unread.lines;
  return {
    command,
    file,
    sheet: result.sheet,
    asOf: result.asOf ?? null,
    version: result.version ?? null,
    stamp: result.stamp ?? null,
    message: result.message,
    columns: read.columns,
    rows: read.rows,
    unread,
    ...('period' in result ? { period: (result as { period: ReportJson['period'] }).period } : {}),
    ...('notRead' in result ? { notRead: (result as { notRead: ReportJson['notRead'] }).notRead } : {}),
  };
}

/** A table's rows keyed by its header row; blank rows left out. */
function keyed(grid: readonly CellValue[][]): { columns: string[]; rows: JsonRow[] } {
  const start = grid.findIndex((r) => r.some((c) => !blank(c)));
  if (start < 0) return { columns: [], rows: [] };
  const columns = (grid[start] ?? []).map((c) => String(jsonValue(c) ?? ''));
  while (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  const rows: JsonRow[] = [];
  for (const r of grid.slice(start + 1)) {
    if (r.every(blank)) continue;
    const row: JsonRow = {};
    columns.forEach((name, i) => {
      if (name !== '') row[name] = jsonValue(r[i]);
    });
    rows.push(row);
  }
  return { columns, rows };
}

/** A sheet that is not a table, row by row without trailing blanks (the manual). */
function plain(grid: readonly CellValue[][]): JsonValue[][] {
  return grid.map((r) => {
    const cells = r.map(jsonValue);
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === ''))
      cells.pop();
    return cells;
  });
}

function blank(c: CellValue): boolean {
  return c === null || c === undefined || c === '';
}

/** Dates as ISO days (a sheet's dates are days), blanks as null. */
function jsonValue(c: CellValue): JsonValue {
  if (c === undefined || c === null || c === '') return null;
  if (c instanceof Date) return dayToIso(dayFromDate(c));
  return c;
}
