import type { WorkbookPort } from '../port';
import type { CellValue } from '../values/cell';

/**
 * Excel has no lock: two saves from the same version can both pass the key check and both append
 * the same version number to the history. So after appending, the history is read again. When
 * another row holds the same version, the topmost keeps it, and a save whose row is below blanks
 * that row (kimeru's own, written a moment ago; blank rows are skipped) and is refused. Rows are
 * told apart by their text (author, note, definition). A save that reads before its rival's row
 * lands sees no rival; when the rival's row then lands above it (both inserted at the same place),
 * both saves stand — the one case left, stated in the README. On a host with a lock (Sheets) the
 * re-read finds one row and changes nothing.
 */
export async function keptAfterRace(
  port: WorkbookPort,
  sheet: string,
  written: readonly CellValue[],
): Promise<boolean> {
  const grid = (await port.readSheets([sheet]))[sheet] ?? [];
  const version = Number(written[0]);
  const rivals = grid
    .map((row, index) => ({ index, text: textOf(row) }))
    .filter(({ index }) => Number(grid[index]?.[0]) === version && !isNaN(version));
  if (rivals.length < 2) return true;
  const ours = textOf(written);
  const mine = rivals.find((r) => r.text === ours);
  const kept = rivals[0]!;
  if (!mine || kept.text === ours) return true;
  await port.write([
    { kind: 'setBlock', sheet, row: mine.index + 1, column: 1, rows: [written.map(() => '')] },
  ]);
  return false;
}

/** A history row's identity: its text cells after the version and the date, as read back. */
function textOf(row: readonly CellValue[]): string {
  const cells = row.slice(2).map((v) => (v === null || v === undefined ? '' : String(v)));
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\u0001');
}
