import { findSettingsSheet } from '../shared/commands/workbook';
import { readSettings, type Role } from '../shared/commands/settings';
import type { Lang } from '../shared/i18n';
import { KimeruError } from '../shared/issues';
import {
  checkPlan,
  planAppend,
  type AppendRequest,
  type AppendResult,
  type SheetDrawing,
  type WorkbookPort,
  type WriteCell,
  type WriteOp,
} from '../shared/port';
import type { CellValue } from '../shared/values/cell';
import { dateFromDay, SERIAL_EPOCH_OFFSET } from '../shared/values/days';
import { guardText } from '../xlsx/cell-text';
import type { CellState } from '../xlsx/sheet-xml';
import type { StreamedBook } from '../xlsx/stream-book';
import type { DefinedName } from '../xlsx/workbook-model';
import type { CellPatch, PackageChanges } from '../xlsx/write';
import { say } from './messages';

/**
 * The command line's workbook port over a file, without a formula engine: the file's sheets are
 * read from the package only when a command asks for them (streamed, each once), and what the
 * command writes is kept as cells — kimeru's new sheets whole, and the few cells it changes in
 * sheets the file already has (its own sheets of an earlier run, rows added to a log). Saving
 * turns that into the package changes the .xlsx writer adds to the original parts.
 */

/** Roles whose sheets may be the user's own: kimeru only ever appends to them. */
const USER_ROLES: readonly Role[] = ['customers', 'contacts', 'activities'];

/** A sheet whose cells kimeru holds as written: one it created, or a CSV file's only sheet. */
interface HeldSheet extends SheetDrawing {
  rows: WriteCell[][];
  frozenRows: number;
  created: boolean;
}

export class FileWorkbook implements WorkbookPort {
  private readonly order: string[];
  private readonly held = new Map<string, HeldSheet>();
  /** Sheets of the file read so far, with kimeru's changes applied. */
  private readonly grids = new Map<string, CellValue[][]>();
  private readonly changes = new Map<string, CellPatch>();
  private readonly names = new Map<string, DefinedName>();

  constructor(
    private readonly book: StreamedBook | null,
    private readonly lang: Lang,
    /** The user's sheets of a file that is not a package (a CSV file, the sample company). */
    sheets: readonly { name: string; rows: WriteCell[][] }[] = [],
  ) {
    this.order = book ? book.sheets.map((s) => s.name) : [];
    for (const n of book?.names ?? []) if (this.order.includes(n.sheet)) this.names.set(n.name, n);
    for (const s of sheets) {
      this.order.push(s.name);
      this.held.set(s.name, { rows: s.rows, frozenRows: 0, created: false });
    }
  }

  async sheetNames(): Promise<string[]> {
    return [...this.order];
  }

  async readSheets(names: readonly string[]): Promise<Record<string, CellValue[][]>> {
    const out: Record<string, CellValue[][]> = {};
    for (const name of names) {
      if (!this.order.includes(name)) continue;
      out[name] = this.grid(name);
    }
    return out;
  }

  async write(plan: readonly WriteOp[]): Promise<void> {
    this.validate(plan);
    for (const op of plan) {
      switch (op.kind) {
        case 'addSheet':
          this.order.push(op.sheet);
          this.held.set(op.sheet, {
            rows: op.rows.map((r) => [...r]),
            frozenRows: op.frozenRows ?? 0,
            created: true,
            ...(op.hidden ? { hidden: true } : {}),
          });
          break;
        case 'addChart': {
          const held = this.held.get(op.sheet)!;
          held.charts = [...(held.charts ?? []), op.chart];
          break;
        }
        case 'trafficLight': {
          const { kind: _kind, sheet, ...light } = op;
          const held = this.held.get(sheet)!;
          held.lights = [...(held.lights ?? []), light];
          break;
        }
        case 'replaceSheet': {
          const held = this.held.get(op.sheet);
          if (held) {
            held.rows = op.rows.map((r) => [...r]);
            if (op.frozenRows !== undefined) held.frozenRows = op.frozenRows;
          } else {
            // A sheet of kimeru's from an earlier run: written anew whole, without reading what it held.
            this.held.set(op.sheet, {
              rows: op.rows.map((r) => [...r]),
              frozenRows: op.frozenRows ?? 0,
              created: false,
            });
            this.grids.delete(op.sheet);
            this.changes.delete(op.sheet);
          }
          break;
        }
        case 'setBlock':
          op.rows.forEach((row, i) =>
            row.forEach((cell, j) => this.setCell(op.sheet, op.row - 1 + i, op.column - 1 + j, cell)),
          );
          break;
        case 'defineName': {
          const { name, sheet, firstColumn, lastColumn, firstRow, lastRow, growColumn } = op;
          this.names.set(name, {
            name,
            sheet,
            firstColumn,
            lastColumn,
            firstRow,
            lastRow,
            ...(growColumn !== undefined ? { growColumn } : {}),
          });
          break;
        }
      }
    }
  }

  async append(req: AppendRequest): Promise<AppendResult> {
    if (!this.order.includes(req.sheet))
      throw new KimeruError({ key: 'port.noSheet', params: { sheet: req.sheet } });
    if (this.book?.sheets.find((s) => s.name === req.sheet)?.kind === 'chartsheet')
      throw new KimeruError({ key: 'port.noSheet', params: { sheet: req.sheet } });
    const values = this.grid(req.sheet);
    const column = req.keyColumn;
    const plan = planAppend(column === undefined ? [] : values.map((r) => r[column - 1]), req);
    const written: number[] = [];
    let next = values.length;
    for (const cells of plan.rows) {
      cells.forEach((cell, c) => this.setCell(req.sheet, next, c, cell));
      written.push(next + 1);
      next++;
    }
    // Names that grow with their table take in the rows written below it.
    for (const n of this.names.values())
      if (
        n.sheet === req.sheet &&
        n.growColumn !== undefined &&
        n.lastRow !== undefined &&
        written.length > 0
      )
        n.lastRow = Math.max(n.lastRow, written[written.length - 1]!);
    return { rows: written, duplicates: plan.duplicates };
  }

  /** Whether kimeru created this sheet in this run. */
  isCreated(sheet: string): boolean {
    return this.held.get(sheet)?.created ?? false;
  }

  /** What saving adds to the package. */
  changesToSave(): PackageChanges {
    const fromFile = new Set(this.book?.sheets.map((s) => s.name) ?? []);
    const whole = (name: string) => {
      const held = this.held.get(name)!;
      return {
        name,
        rows: held.rows.map((row) => row.map((c) => stateOf(c) ?? undefined)),
        frozenRows: held.frozenRows,
      };
    };
    return {
      rewritten: this.order.filter((name) => fromFile.has(name) && this.held.has(name)).map(whole),
      added: this.order
        .filter((name) => !fromFile.has(name))
        .map((name) => {
          const held = this.held.get(name)!;
          return {
            name,
            rows: held.rows.map((row) => row.map((c) => stateOf(c) ?? undefined)),
            frozenRows: held.frozenRows,
            ...(held.hidden ? { hidden: true } : {}),
            ...(held.charts ? { charts: held.charts } : {}),
            ...(held.lights ? { lights: held.lights } : {}),
          };
        }),
      patched: [...this.changes].map(([name, cells]) => ({ name, cells })),
      names: [...this.names.values()],
    };
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  private grid(name: string): CellValue[][] {
    const held = this.held.get(name);
    if (held) return valuesOf(held.rows);
    let grid = this.grids.get(name);
    if (!grid) this.grids.set(name, (grid = this.book?.values(name) ?? []));
    return grid;
  }

  private setCell(sheet: string, row: number, col: number, cell: WriteCell): void {
    const held = this.held.get(sheet);
    if (!held) return this.setFileCell(sheet, row, col, cell);
    while (held.rows.length <= row) held.rows.push([]);
    const r = held.rows[row]!;
    while (r.length < col) r.push(null);
    r[col] = cell;
  }

  /** A cell of a sheet from the file: kept for the patch, and in the grid later reads see. */
  private setFileCell(sheet: string, row: number, col: number, cell: WriteCell): void {
    let patch = this.changes.get(sheet);
    if (!patch) this.changes.set(sheet, (patch = new Map()));
    let cells = patch.get(row);
    if (!cells) patch.set(row, (cells = new Map()));
    cells.set(col, stateOf(cell));
    const grid = this.grid(sheet);
    const width = Math.max(grid[0]?.length ?? 0, col + 1);
    while (grid.length <= row) grid.push(Array.from({ length: width }, () => ''));
    if (width > (grid[0]?.length ?? 0)) for (const r of grid) while (r.length < width) r.push('');
    grid[row]![col] = valueOf(cell);
  }

  private validate(plan: readonly WriteOp[]): void {
    checkPlan(
      plan,
      (sheet) => this.order.includes(sheet),
      this.writableSheets(),
      (sheet) => {
        throw new Error(say(this.lang, 'cli.notOurs', { sheet }));
      },
    );
  }

  /** Sheets kimeru may rewrite: those it created, its settings sheet and the sheets of its own roles. */
  private writableSheets(): Set<string> {
    const out = new Set([...this.held].filter(([, h]) => h.created).map(([n]) => n));
    const settingsName = findSettingsSheet(this.order);
    if (settingsName !== null) {
      out.add(settingsName);
      const settings = readSettings(this.grid(settingsName));
      for (const [role, sheet] of Object.entries(settings.sheets))
        if (!USER_ROLES.includes(role as Role) && sheet) out.add(sheet);
    }
    for (const s of this.book?.sheets ?? []) if (s.kind === 'chartsheet') out.delete(s.name);
    return out;
  }
}

/** Cells as written, as the values a host reads back: dates as Dates, empty as ''. */
function valuesOf(rows: readonly (readonly WriteCell[])[]): CellValue[][] {
  let height = 0;
  let width = 0;
  rows.forEach((row, r) => {
    let w = row.length;
    while (w > 0 && valueOf(row[w - 1] ?? null) === '') w--;
    if (w > 0) {
      height = r + 1;
      width = Math.max(width, w);
    }
  });
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => valueOf(rows[r]?.[c] ?? null)),
  );
}

function valueOf(cell: WriteCell): CellValue {
  if (cell === null) return '';
  if (typeof cell !== 'object')
    return typeof cell === 'number' && !Number.isFinite(cell) ? String(cell) : cell;
  if (cell.kind === 'formula') return '';
  const d = dateFromDay(cell.day);
  if (cell.minutes !== undefined) d.setMinutes(cell.minutes);
  return d;
}

/** A written cell as the .xlsx writer takes it (text guarded in the content, as a spreadsheet keeps it). */
function stateOf(cell: WriteCell): CellState | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { content: guardText(cell), value: cell };
  if (typeof cell === 'number')
    return Number.isFinite(cell)
      ? { content: cell, value: cell }
      : { content: String(cell), value: String(cell) };
  if (typeof cell === 'boolean') return { content: cell, value: cell };
  if (cell.kind === 'formula') {
    const formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
    return { content: formula, value: null };
  }
  const serial = cell.day + SERIAL_EPOCH_OFFSET + (cell.minutes ?? 0) / 1440;
  return { content: serial, value: serial, format: cell.minutes !== undefined ? 'datetime' : 'date' };
}
