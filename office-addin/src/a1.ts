/** A1 addresses for the Excel adapter: 1-based rows and columns in, Excel's notation out. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The block of `rows` × `columns` cells whose top-left cell is (row, column). */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetters(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

/** Whole columns, e.g. A:M. */
export function columnsAddress(first: number, last: number): string {
  return `${columnLetters(first)}:${columnLetters(last)}`;
}

/**
 * The top-left cell of an address Excel returns ("Sheet1!C3:H10", "'行動 (kimeru)'!A1"):
 * a used range need not start at A1, and the port hands grids over from A1.
 */
export function topLeftOf(address: string): { row: number; column: number } {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?([A-Z]+)\$?(\d+)/i.exec(cells);
  if (!m) throw new Error(`Unexpected range address from Excel: ${address}`);
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
