import {
  ledgerRows,
  planAppend,
  type AppendRequest,
  type AppendResult,
  type ChartSpec,
  type ReadOptions,
  type WorkbookPort,
  type WriteCell,
  type WriteOp,
} from '../../shared/port';
import { dateFromDay } from '../../shared/values';
import type { CellValue } from '../../shared/values';

/**
 * An in-memory workbook implementing the port, strict where the real hosts are and stricter
 * where kimeru promises more: it refuses any write into a sheet kimeru did not create (other
 * than appending below the last row), so a test passing against it proves no user cell changed.
 * Dates are stored as Date objects at local midnight, as Sheets' getValues returns them.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, CellValue[][]>();
  readonly created = new Set<string>();
  /** Names as setup defined them: the block (1-based, inclusive) and the column a growing one grows by. */
  readonly names = new Map<string, Omit<Extract<WriteOp, { kind: 'defineName' }>, 'kind' | 'name'>>();
  /** Charts and traffic lights as planned, per sheet; sheets added hidden. */
  readonly charts = new Map<string, ChartSpec[]>();
  readonly lights = new Map<string, Extract<WriteOp, { kind: 'trafficLight' }>[]>();
  readonly hidden = new Set<string>();
  readonly calls = { sheetNames: 0, readSheets: 0, write: 0, append: 0 };
  /** Set to make the next write or append fail, as a host can (quota, lost connection). */
  failNext: Error | null = null;
  /** Like failNext, for the next write only (appends go through): a host failing half-way. */
  failNextWrite: Error | null = null;

  constructor(initial: Record<string, CellValue[][]> = {}) {
    for (const [name, rows] of Object.entries(initial))
      this.sheets.set(
        name,
        rows.map((r) => [...r]),
      );
  }

  async sheetNames(): Promise<string[]> {
    this.calls.sheetNames++;
    return [...this.sheets.keys()];
  }

  async readSheets(
    names: readonly string[],
    options: ReadOptions = {},
  ): Promise<Record<string, CellValue[][]>> {
    this.calls.readSheets++;
    const out: Record<string, CellValue[][]> = {};
    for (const n of names) {
      const all = this.sheets.get(n);
      const rows = all && options.rows !== undefined ? all.slice(0, options.rows) : all;
      if (rows) out[n] = rectangular(rows).map((r) => r.map((c) => (c instanceof Date ? new Date(c) : c)));
    }
    return out;
  }

  async write(plan: readonly WriteOp[]): Promise<void> {
    this.calls.write++;
    this.throwIfFailing();
    const failWrite = this.failNextWrite;
    this.failNextWrite = null;
    if (failWrite) throw failWrite;
    // Validate the whole plan first: a refused plan changes nothing.
    const adding = new Set<string>();
    for (const op of plan) {
      if (op.kind === 'addSheet') {
        if (this.sheets.has(op.sheet) || adding.has(op.sheet)) throw new Error(`sheet exists: ${op.sheet}`);
        adding.add(op.sheet);
      } else if (op.kind === 'setBlock' || op.kind === 'replaceSheet') {
        if (!this.created.has(op.sheet) && !adding.has(op.sheet))
          throw new Error(`refusing to write into a sheet kimeru did not create: ${op.sheet}`);
      } else if (op.kind === 'addChart' || op.kind === 'trafficLight') {
        if (!adding.has(op.sheet))
          throw new Error(`refusing a chart or format outside a new sheet: ${op.sheet}`);
      } else if (!this.sheets.has(op.sheet) && !adding.has(op.sheet))
        throw new Error(`no sheet for name ${op.name}`);
    }
    for (const op of plan) {
      switch (op.kind) {
        case 'addSheet':
          this.sheets.set(
            op.sheet,
            op.rows.map((r) => r.map(toCell)),
          );
          this.created.add(op.sheet);
          if (op.hidden) this.hidden.add(op.sheet);
          break;
        case 'addChart':
          this.charts.set(op.sheet, [...(this.charts.get(op.sheet) ?? []), op.chart]);
          break;
        case 'trafficLight':
          this.lights.set(op.sheet, [...(this.lights.get(op.sheet) ?? []), op]);
          break;
        case 'replaceSheet':
          this.sheets.set(
            op.sheet,
            op.rows.map((r) => r.map(toCell)),
          );
          break;
        case 'setBlock': {
          const rows = this.sheets.get(op.sheet)!;
          op.rows.forEach((r, i) =>
            r.forEach((c, j) => {
              const row = (rows[op.row - 1 + i] ??= []);
              row[op.column - 1 + j] = toCell(c);
            }),
          );
          break;
        }
        case 'defineName': {
          const { kind: _kind, name, ...at } = op;
          this.names.set(name, at);
          break;
        }
      }
    }
  }

  async append(req: AppendRequest): Promise<AppendResult> {
    this.calls.append++;
    this.throwIfFailing();
    const rows = this.sheets.get(req.sheet);
    if (!rows) throw new Error(`no sheet ${req.sheet}`);
    let last = rows.length;
    while (last > 0 && (rows[last - 1] ?? []).every((c) => c === null || c === undefined || c === '')) last--;
    const ledgerName = req.keyColumn === undefined ? req.ledger?.sheet : undefined;
    const ledger = ledgerName !== undefined ? this.sheets.get(ledgerName) : undefined;
    const existing =
      req.keyColumn !== undefined ? rows.map((r) => r[req.keyColumn! - 1]) : (ledger ?? []).map((r) => r[0]);
    const { rows: fresh, duplicates, ledgerKeys } = planAppend(existing, req);
    const written: number[] = [];
    for (const r of fresh) {
      rows[last] = r.map(toCell);
      written.push(last + 1);
      last++;
    }
    if (ledgerName !== undefined && ledgerKeys.length > 0) {
      const target = ledger ?? [];
      if (!ledger) {
        this.sheets.set(ledgerName, target);
        this.created.add(ledgerName);
      }
      for (const r of ledgerRows(req.sheet, ledgerKeys, written)) target.push(r.map(toCell));
    }
    return { rows: written, duplicates };
  }

  /** A deep copy of a sheet's cells, for before/after comparisons. */
  snapshot(name: string): CellValue[][] {
    return (this.sheets.get(name) ?? []).map((r) => [...r]);
  }

  private throwIfFailing(): void {
    const e = this.failNext;
    this.failNext = null;
    if (e) throw e;
  }
}

function rectangular(sparse: CellValue[][]): CellValue[][] {
  // Array.from fills the holes a setBlock below the last row leaves.
  const rows = Array.from(sparse, (r) => r ?? []);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i]!)));
}

/** What a host stores for a written cell: strings stay text, dates become Date cells. */
function toCell(c: WriteCell): CellValue {
  if (c === null) return '';
  if (typeof c !== 'object') return c;
  if (c.kind === 'formula') return c.formula;
  const d = dateFromDay(c.day);
  if (c.minutes !== undefined) d.setMinutes(c.minutes);
  return d;
}
