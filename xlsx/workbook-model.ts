import { excelNameFormula, type SheetDrawing } from '../shared/port';
import { columnLetters, sheetRef } from './cell-text';

/**
 * What a workbook file holds beyond its cells, as kimeru reads and writes it: which cells are
 * dates, a sheet's frozen rows, and kimeru's workbook names. Shared by every workbook kimeru
 * keeps in memory (the playground's formula engine, the command line's package reader).
 */

/** How a number cell is shown (HyperFormula keeps no number formats). */
export type CellFormat = 'date' | 'datetime';

export interface SheetInfo extends SheetDrawing {
  frozenRows?: number;
  protectRows?: number;
  /** A chart sheet or other non-worksheet from a file: shown as a tab, never written. */
  kind?: 'worksheet' | 'chartsheet';
}

/**
 * A workbook-level name kimeru defined (KIMERU_CUSTOMERS → 顧客!A3:H52). Without rows it spans
 * whole columns (as a file set up by an older kimeru brings it); with `growColumn` it moves down
 * as rows with a value in that column are written below it.
 */
export interface DefinedName {
  name: string;
  sheet: string;
  firstColumn: number;
  lastColumn: number;
  firstRow?: number;
  lastRow?: number;
  growColumn?: number;
}

/** The workbook-name expression for a defined name, e.g. ='顧客'!$A$3:$H$52 or ='kimeru設定'!$B$3. */
export function nameExpression(n: Omit<DefinedName, 'name'>): string {
  const first = columnLetters(n.firstColumn - 1);
  const last = columnLetters(n.lastColumn - 1);
  if (n.firstRow === undefined) return `${sheetRef(n.sheet)}!$${first}:$${last}`;
  const lastRow = n.lastRow ?? n.firstRow;
  const single = first === last && n.firstRow === lastRow;
  return `${sheetRef(n.sheet)}!$${first}$${n.firstRow}${single ? '' : `:$${last}$${lastRow}`}`;
}

/** What a saved .xlsx holds for the name: a growing one as the formula Excel keeps growing. */
export function fileNameExpression(n: DefinedName): string {
  if (n.growColumn === undefined || n.firstRow === undefined) return nameExpression(n);
  return excelNameFormula({
    kind: 'defineName',
    name: n.name,
    sheet: n.sheet,
    firstColumn: n.firstColumn,
    lastColumn: n.lastColumn,
    firstRow: n.firstRow,
    lastRow: n.lastRow ?? n.firstRow,
    growColumn: n.growColumn,
  }).slice(1);
}
