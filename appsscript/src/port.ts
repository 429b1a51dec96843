import { KimeruError } from '../../shared/issues';
import {
  ledgerRows,
  planAppend,
  type ReadOptions,
  type AppendRequest,
  type AppendResult,
  type ChartSpec,
  TRAFFIC_COLOURS,
  trafficFormulas,
  type WorkbookPort,
  type WriteCell,
  type WriteOp,
} from '../../shared/port';
import { columnLetter } from '../../shared/tables/columns';
import type { CellValue } from '../../shared/values/cell';
import { isDate, SheetDates } from './dates';
import type { GasRange, GasServices, GasSheet, GasSpreadsheet } from './gas';
import { sheetText } from './text-guard';
import { widthOf } from './width';

/** How long an append waits for another rep's append to finish. */
export const LOCK_WAIT_MS = 10_000;

/**
 * The workbook port over SpreadsheetApp. Every read is one getValues per sheet and every block
 * one setValues of a rectangular 2D array, so a command makes the same number of calls for 10
 * customers as for 10,000 (resizing a sheet that is too small adds at most two calls per block).
 */
export class SheetsWorkbook implements WorkbookPort {
  private readonly dates: SheetDates;

  constructor(
    private readonly book: GasSpreadsheet,
    private readonly services: GasServices,
  ) {
    this.dates = new SheetDates(services, book.getSpreadsheetTimeZone(), services.scriptTimeZone());
  }

  async sheetNames(): Promise<string[]> {
    return this.book.getSheets().map((s) => s.getName());
  }

  async readSheets(
    names: readonly string[],
    options: ReadOptions = {},
  ): Promise<Record<string, CellValue[][]>> {
    const out: Record<string, CellValue[][]> = {};
    for (const name of names) {
      const sheet = this.book.getSheetByName(name);
      if (!sheet) continue;
      if (options.rows === undefined) {
        out[name] = this.fromSheet(sheet.getDataRange().getValues());
        continue;
      }
      // The top rows only (a log's header): the same calls for 10 rows as for 10,000.
      const rows = Math.min(options.rows, sheet.getLastRow());
      const columns = sheet.getLastColumn();
      out[name] =
        rows < 1 || columns < 1 ? [] : this.fromSheet(sheet.getRange(1, 1, rows, columns).getValues());
    }
    return out;
  }

  async write(plan: readonly WriteOp[]): Promise<void> {
    // Check the whole plan before the first write: a refused plan changes nothing.
    const sheets = new Map<string, GasSheet | null>();
    const exists = (name: string): boolean => {
      if (!sheets.has(name)) sheets.set(name, this.book.getSheetByName(name));
      return sheets.get(name) !== null;
    };
    const adding = new Set<string>();
    for (const op of plan) {
      if (op.kind === 'addSheet') {
        if (exists(op.sheet) || adding.has(op.sheet))
          throw new KimeruError({ key: 'port.sheetExists', params: { sheet: op.sheet } });
        adding.add(op.sheet);
      } else if ((op.kind === 'addChart' || op.kind === 'trafficLight') && !adding.has(op.sheet))
        // Charts and colours go only on a sheet this plan adds: never a user's, never twice.
        throw new KimeruError({ key: 'port.notOurs', params: { sheet: op.sheet } });
      else if (!exists(op.sheet) && !adding.has(op.sheet))
        throw new KimeruError({ key: 'port.noSheet', params: { sheet: op.sheet } });
    }
    for (const op of plan) {
      switch (op.kind) {
        case 'addSheet': {
          const sheet = this.book.insertSheet(op.sheet, this.book.getNumSheets());
          sheets.set(op.sheet, sheet);
          this.setBlock(sheet, 1, 1, op.rows);
          if (op.frozenRows) sheet.setFrozenRows(op.frozenRows);
          if (op.protectRows) {
            const width = widthOf(op.rows.slice(0, op.protectRows));
            sheet
              .getRange(1, 1, op.protectRows, width)
              .protect()
              .setDescription('kimeru')
              .setWarningOnly(true);
          }
          if (op.hidden) sheet.hideSheet();
          break;
        }
        case 'addChart':
          this.addChart(sheets.get(op.sheet)!, op.chart);
          break;
        case 'trafficLight':
          this.trafficLight(sheets.get(op.sheet)!, op);
          break;
        case 'replaceSheet': {
          const sheet = sheets.get(op.sheet)!;
          sheet.clearContents();
          this.setBlock(sheet, 1, 1, op.rows);
          if (op.frozenRows) sheet.setFrozenRows(op.frozenRows);
          break;
        }
        case 'setBlock':
          this.setBlock(sheets.get(op.sheet)!, op.row, op.column, op.rows);
          break;
        case 'defineName':
          this.defineName(sheets.get(op.sheet)!, op);
          break;
      }
    }
  }

  async append(req: AppendRequest): Promise<AppendResult> {
    const sheet = this.book.getSheetByName(req.sheet);
    if (!sheet) throw new KimeruError({ key: 'port.noSheet', params: { sheet: req.sheet } });
    const lock = this.services.documentLock() ?? this.services.scriptLock();
    if (!lock.tryLock(LOCK_WAIT_MS)) throw new KimeruError({ key: 'error.busy' });
    try {
      // Read the keys inside the lock: a retry that raced another submit still writes once.
      const last = sheet.getLastRow();
      const keys =
        req.keyColumn !== undefined && last > 0
          ? sheet
              .getRange(1, req.keyColumn, last, 1)
              .getValues()
              .map((r) => r[0])
          : [];
      const ledger = req.ledger !== undefined ? this.book.getSheetByName(req.ledger.sheet) : null;
      const ledgerLast = ledger ? ledger.getLastRow() : 0;
      if (ledger && ledgerLast > 0)
        for (const r of ledger.getRange(1, 1, ledgerLast, 1).getValues()) keys.push(r[0]);
      const { rows: fresh, duplicates, ledgerKeys } = planAppend(keys, req);
      this.setBlock(sheet, last + 1, 1, fresh);
      const rows = fresh.map((_, i) => last + 1 + i);
      if (req.ledger !== undefined && ledgerKeys.length > 0) {
        // kimeru's own sheet, hidden: the team's log keeps exactly the cells they wrote.
        const target =
          ledger ?? this.book.insertSheet(req.ledger.sheet, this.book.getNumSheets()).hideSheet();
        this.setBlock(target, ledgerLast + 1, 1, ledgerRows(req.sheet, ledgerKeys, rows));
      }
      return { rows, duplicates };
    } finally {
      try {
        this.services.flush();
      } finally {
        lock.releaseLock();
      }
    }
  }

  /** One setValues for the whole block, padded to a rectangle, growing the sheet if needed. */
  private setBlock(sheet: GasSheet, row: number, column: number, rows: readonly WriteCell[][]): void {
    if (rows.length === 0) return;
    const width = widthOf(rows);
    ensureSize(sheet, row + rows.length - 1, column + width - 1);
    const values = rows.map((r) => Array.from({ length: width }, (_, i) => this.toSheet(r[i] ?? null)));
    sheet.getRange(row, column, rows.length, width).setValues(values);
  }

  /**
   * A named range over the table's rows. One that grows is open-ended ("A3:M"): Sheets keeps it
   * reaching the sheet's last row, so rows typed or appended below are in it, and a custom
   * function gets the sheet's rows, not a million.
   */
  private defineName(sheet: GasSheet, op: Extract<WriteOp, { kind: 'defineName' }>): void {
    const width = op.lastColumn - op.firstColumn + 1;
    const range: GasRange =
      op.growColumn !== undefined
        ? sheet.getRange(
            `${columnLetter(op.firstColumn - 1)}${op.firstRow}:${columnLetter(op.lastColumn - 1)}`,
          )
        : sheet.getRange(op.firstRow, op.firstColumn, op.lastRow - op.firstRow + 1, width);
    const existing = this.book.getNamedRanges().find((n) => n.getName() === op.name);
    if (existing) existing.setRange(range);
    else this.book.setNamedRange(op.name, range);
  }

  /** One embedded chart: the category column and each series column, their header naming them. */
  private addChart(sheet: GasSheet, chart: ChartSpec): void {
    const rows = chart.lastRow - chart.headerRow + 1;
    ensureSize(sheet, chart.lastRow, Math.max(chart.anchor.column, ...chart.seriesColumns));
    const base = sheet.newChart();
    const typed =
      chart.type === 'bar'
        ? base.asBarChart()
        : chart.type === 'column'
          ? base.asColumnChart()
          : chart.type === 'line'
            ? base.asLineChart()
            : base.asPieChart();
    let builder = typed.addRange(sheet.getRange(chart.headerRow, chart.categoryColumn, rows, 1));
    for (const c of chart.seriesColumns)
      builder = builder.addRange(sheet.getRange(chart.headerRow, c, rows, 1));
    sheet.insertChart(
      builder
        .setNumHeaders(1)
        .setOption('title', chart.title)
        .setOption('width', chart.anchor.width)
        .setOption('height', chart.anchor.height)
        .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
        .build(),
    );
  }

  /**
   * Green, amber, red backgrounds by custom-formula rules. setConditionalFormatRules replaces
   * the sheet's rules: the ones already there are kept.
   */
  private trafficLight(sheet: GasSheet, op: Extract<WriteOp, { kind: 'trafficLight' }>): void {
    const range = sheet.getRange(op.firstRow, op.column, op.lastRow - op.firstRow + 1, 1);
    const formulas = trafficFormulas(op);
    const rules = (['green', 'amber', 'red'] as const).map((c) =>
      this.services
        .newConditionalFormatRule()
        .whenFormulaSatisfied(formulas[c])
        .setBackground(TRAFFIC_COLOURS[c])
        .setRanges([range])
        .build(),
    );
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...rules]);
  }

  private toSheet(cell: WriteCell): unknown {
    if (cell === null) return '';
    if (typeof cell === 'string') return sheetText(cell);
    if (typeof cell !== 'object') return cell;
    if (cell.kind === 'date') return this.dates.toSheet(cell);
    // setValues turns a string starting with "=" into a formula: kimeru's own formulas only.
    // Sheets names kimeru's functions KIMERU_RANK (a dot is not allowed there).
    const formula = cell.formula.replace(/\bKIMERU\.([A-Z]+)\(/g, 'KIMERU_$1(');
    return formula.startsWith('=') ? formula : `=${formula}`;
  }

  private fromSheet(values: unknown[][]): CellValue[][] {
    // getDataRange of an empty sheet is A1 alone: report no rows, as the port promises.
    if (values.length === 1 && values[0]!.length === 1 && values[0]![0] === '') return [];
    if (this.dates.same) return values as CellValue[][];
    return values.map((r) => r.map((v) => (isDate(v) ? this.dates.fromSheet(v) : (v as CellValue))));
  }
}

/** Sheets refuses ranges outside the grid: add rows/columns first (new sheets have 1000×26). */
function ensureSize(sheet: GasSheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
