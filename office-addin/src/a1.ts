import { columnIndex, columnLetter } from '../../shared/tables/columns';

/** A1 addresses for the Excel adapter: 1-based rows and columns in, Excel's notation out. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based column → letters (1 → A, 27 → AA), through the core's one implementation. */
const letters = (column: number): string => columnLetter(column - 1);

/** The block of `rows` × `columns` cells whose top-left cell is (row, column). */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${letters(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${letters(column + columns - 1)}${row + rows - 1}`;
}

/** Whole columns, e.g. A:M. */
export function columnsAddress(first: number, last: number): string {
  return `${letters(first)}:${letters(last)}`;
}

/**
 * The top-left cell of an address Excel returns ("Sheet1!C3:H10", "'行動 (kimeru)'!A1"):
 * a used range need not start at A1, and the port hands grids over from A1.
 */
export function topLeftOf(address: string): { row: number; column: number } {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(cells);
  if (!m) throw new Error(`Unexpected range address from Excel: ${address}`);
  return { row: Number(m[2]), column: columnIndex(m[1]!) + 1 };
}
