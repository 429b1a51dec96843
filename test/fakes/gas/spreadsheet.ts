import type {
  GasNamedRange,
  GasProtection,
  GasRange,
  GasSheet,
  GasSpreadsheet,
} from '../../../appsscript/src/gas';
import type { CallLog } from './calls';
import { FakeChart, FakeChartBuilder, FakeConditionalFormatRule } from './charts';
import {
  BLANK,
  columnLetters,
  describe,
  isBlank,
  MAX_CELL_CHARS,
  output,
  parseA1,
  storeInput,
  storeSeed,
  type Stored,
} from './cells';

/** What every fake object shares: the call log, the zone, the realm's Date, the auth mode. */
export interface FakeContext {
  calls: CallLog;
  timeZone: string;
  locale: string;
  Date: DateConstructor;
  /**
   * 'NONE' refuses spreadsheet access, as for an add-on's onOpen before it is used in a file;
   * 'CUSTOM_FUNCTION' allows reads only, as for a formula's call.
   */
  authMode: AuthMode;
  /** Cells in every sheet's grid (rows × columns), for the 10-million-cell limit. */
  gridCells?: () => number;
}

export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'FULL';

/** Custom functions may read a spreadsheet but not change it. */
/** A spreadsheet holds at most 10 million cells, counting every sheet's whole grid. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

function checkCellLimit(ctx: FakeContext, adding: number): void {
  if ((ctx.gridCells?.() ?? 0) + adding > MAX_SPREADSHEET_CELLS)
    throw new Error(
      `Exception: This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`,
    );
}

function writable(ctx: FakeContext, method: string): void {
  if (ctx.authMode !== 'FULL') throw new Error(`Exception: You do not have permission to call ${method}`);
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

export class FakeProtection implements GasProtection {
  description = '';
  warningOnly = false;
  constructor(
    private readonly ctx: FakeContext,
    readonly range: FakeRange,
  ) {}
  setDescription(description: string): FakeProtection {
    this.ctx.calls.record('Protection.setDescription');
    writable(this.ctx, 'setDescription');
    this.description = description;
    return this;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.ctx.calls.record('Protection.setWarningOnly');
    writable(this.ctx, 'setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }
}

export class FakeRange implements GasRange {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    private readonly numRows: number | 'all',
    readonly numColumns: number,
  ) {}

  /** 'all': from `row` to the sheet's last row, as the sheet grows (an open-ended range). */
  get rows(): number {
    return this.numRows === 'all' ? this.sheet.maxRows - this.row + 1 : this.numRows;
  }

  getValues(): unknown[][] {
    this.ctx.calls.record('Range.getValues');
    return this.read((s) => output(s, this.ctx.timeZone, this.ctx.Date));
  }

  getFormulas(): string[][] {
    this.ctx.calls.record('Range.getFormulas');
    return this.read((s) => (typeof s === 'object' && 'formula' in s ? s.formula : '')) as string[][];
  }

  setValues(values: unknown[][]): FakeRange {
    this.ctx.calls.record('Range.setValues');
    writable(this.ctx, 'setValues');
    // Apps Script checks the shape before writing anything.
    if (!Array.isArray(values) || values.length !== this.rows)
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.rows}.`,
      );
    for (const r of values)
      if (!Array.isArray(r) || r.length !== this.numColumns)
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(r) ? r.length : 0} but the range has ${this.numColumns}.`,
        );
    for (const r of values)
      for (const v of r)
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS)
          throw new Error(
            `Exception: Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
    const stored = values.map((r) => r.map((v) => storeInput(v, this.ctx.timeZone)));
    stored.forEach((r, i) => r.forEach((s, j) => this.sheet.put(this.row + i, this.column + j, s)));
    return this;
  }

  clearContent(): FakeRange {
    this.ctx.calls.record('Range.clearContent');
    writable(this.ctx, 'clearContent');
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.numColumns; j++) this.sheet.put(this.row + i, this.column + j, BLANK);
    return this;
  }

  protect(): FakeProtection {
    this.ctx.calls.record('Range.protect');
    writable(this.ctx, 'protect');
    const p = new FakeProtection(this.ctx, this);
    this.sheet.protections.push(p);
    return p;
  }

  getA1Notation(): string {
    const first = columnLetters(this.column);
    const last = columnLetters(this.column + this.numColumns - 1);
    if (this.numRows === 'all') return this.row === 1 ? `${first}:${last}` : `${first}${this.row}:${last}`;
    const start = `${first}${this.row}`;
    return this.rows === 1 && this.numColumns === 1 ? start : `${start}:${last}${this.row + this.rows - 1}`;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  private read(cell: (s: Stored | undefined) => unknown): unknown[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from({ length: this.numColumns }, (_, j) => cell(this.sheet.get(this.row + i, this.column + j))),
    );
  }
}

export class FakeSheet implements GasSheet {
  /** Rows of cells; a missing row or cell is blank. */
  readonly cells: (Stored | undefined)[][] = [];
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;

  constructor(
    private readonly ctx: FakeContext,
    private name: string,
  ) {}

  get(row: number, column: number): Stored | undefined {
    return this.cells[row - 1]?.[column - 1];
  }

  put(row: number, column: number, s: Stored): void {
    const r = (this.cells[row - 1] ??= []);
    r[column - 1] = s;
  }

  /** Fills cells from A1 as the user left them (no parsing), growing the grid as needed. */
  seed(rows: readonly (readonly unknown[])[]): void {
    rows.forEach((r, i) => r.forEach((v, j) => this.put(i + 1, j + 1, storeSeed(v))));
    this.maxRows = Math.max(this.maxRows, rows.length);
    for (const r of rows) this.maxColumns = Math.max(this.maxColumns, r.length);
  }

  /** Rows typed by a user below the last row: parsed as typed input, no call counted. */
  typeRows(rows: readonly (readonly unknown[])[]): void {
    const start = this.lastRow();
    rows.forEach((r, i) =>
      r.forEach((v, j) => this.put(start + i + 1, j + 1, storeInput(v, this.ctx.timeZone))),
    );
    this.maxRows = Math.max(this.maxRows, start + rows.length);
  }

  getName(): string {
    this.ctx.calls.record('Sheet.getName');
    return this.name;
  }

  /** The name without counting a call (for the fake's own bookkeeping). */
  get sheetName(): string {
    return this.name;
  }

  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getRange(a: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.ctx.calls.record('Sheet.getRange');
    if (typeof a === 'string') {
      const r = parseA1(a);
      if (!('row' in r)) {
        const from = r.from ?? 1;
        this.checkBounds(from, r.column, 1, r.columns);
        return new FakeRange(this.ctx, this, from, r.column, 'all', r.columns);
      }
      return this.range(r.row, r.column, r.rows, r.columns);
    }
    return this.range(a, column ?? 1, numRows, numColumns);
  }

  private range(row: number, column: number, rows: number, columns: number): FakeRange {
    if (!Number.isInteger(rows) || rows < 1)
      throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (!Number.isInteger(columns) || columns < 1)
      throw new Error('Exception: The number of columns in the range must be at least 1.');
    this.checkBounds(row, column, rows, columns);
    return new FakeRange(this.ctx, this, row, column, rows, columns);
  }

  private checkBounds(row: number, column: number, rows: number, columns: number): void {
    if (row < 1 || column < 1 || row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
  }

  getDataRange(): FakeRange {
    this.ctx.calls.record('Sheet.getDataRange');
    return new FakeRange(this.ctx, this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  getLastRow(): number {
    this.ctx.calls.record('Sheet.getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.ctx.calls.record('Sheet.getLastColumn');
    return this.lastColumn();
  }

  /** True once hideSheet ran (the sheet stays, its tab is not shown). */
  hidden = false;
  /** Charts inserted with insertChart, in order. */
  readonly charts: FakeChart[] = [];
  conditionalFormatRules: FakeConditionalFormatRule[] = [];

  newChart(): FakeChartBuilder {
    this.ctx.calls.record('Sheet.newChart');
    return new FakeChartBuilder(this.ctx.calls, this);
  }

  insertChart(chart: FakeChart): void {
    this.ctx.calls.record('Sheet.insertChart');
    writable(this.ctx, 'insertChart');
    if (!(chart instanceof FakeChart)) throw new Error('Exception: Invalid argument: chart');
    if (chart.sheet !== this) throw new Error('the fake inserts a chart only on the sheet that built it');
    this.charts.push(chart);
  }

  getCharts(): FakeChart[] {
    this.ctx.calls.record('Sheet.getCharts');
    return [...this.charts];
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.ctx.calls.record('Sheet.getConditionalFormatRules');
    return [...this.conditionalFormatRules];
  }

  /** Replaces every rule of the sheet, as Apps Script does. */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.ctx.calls.record('Sheet.setConditionalFormatRules');
    writable(this.ctx, 'setConditionalFormatRules');
    for (const r of rules)
      if (r.ranges.some((x) => x.sheet !== this))
        throw new Error('Exception: The conditional format rule cannot reference a different sheet.');
    this.conditionalFormatRules = [...rules];
  }

  hideSheet(): this {
    this.ctx.calls.record('Sheet.hideSheet');
    writable(this.ctx, 'hideSheet');
    this.hidden = true;
    return this;
  }

  getMaxRows(): number {
    this.ctx.calls.record('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.ctx.calls.record('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ctx.calls.record('Sheet.insertRowsAfter');
    writable(this.ctx, 'insertRowsAfter');
    if (afterPosition !== this.maxRows) throw new Error('the fake only inserts rows at the end');
    checkCellLimit(this.ctx, howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ctx.calls.record('Sheet.insertColumnsAfter');
    writable(this.ctx, 'insertColumnsAfter');
    if (afterPosition !== this.maxColumns) throw new Error('the fake only inserts columns at the end');
    checkCellLimit(this.ctx, howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }

  setFrozenRows(rows: number): void {
    this.ctx.calls.record('Sheet.setFrozenRows');
    writable(this.ctx, 'setFrozenRows');
    this.frozenRows = rows;
  }

  clearContents(): FakeSheet {
    this.ctx.calls.record('Sheet.clearContents');
    writable(this.ctx, 'clearContents');
    this.cells.length = 0;
    return this;
  }

  lastRow(): number {
    for (let r = this.cells.length; r > 0; r--)
      if ((this.cells[r - 1] ?? []).some((c) => !isBlank(c))) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.cells) if (r) for (let c = r.length; c > last; c--) if (!isBlank(r[c - 1])) last = c;
    return last;
  }

  /** Every cell up to the last used row and column, dates and formulas described (no call counted). */
  snapshot(): unknown[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => describe(this.get(i + 1, j + 1))),
    );
  }

  /** What getValues of the data range returns, with Node's Date (no call counted). */
  values(): unknown[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: columns }, (_, j) => output(this.get(i + 1, j + 1), this.ctx.timeZone, Date)),
    );
  }
}

export class FakeNamedRange implements GasNamedRange {
  constructor(
    private readonly ctx: FakeContext,
    private readonly name: string,
    public range: FakeRange,
  ) {}
  getName(): string {
    this.ctx.calls.record('NamedRange.getName');
    return this.name;
  }
  getRange(): FakeRange {
    this.ctx.calls.record('NamedRange.getRange');
    return this.range;
  }
  setRange(range: FakeRange): FakeNamedRange {
    this.ctx.calls.record('NamedRange.setRange');
    writable(this.ctx, 'setRange');
    this.range = range;
    return this;
  }
  /** "Sheet!A:M" (no call counted). */
  get reference(): string {
    return `${this.range.sheet.sheetName}!${this.range.getA1Notation()}`;
  }
}

export class FakeSpreadsheet implements GasSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, FakeNamedRange>();
  readonly toasts: { message: string; title: string }[] = [];

  constructor(private readonly ctx: FakeContext) {}

  /** A sheet as the user left it. */
  seed(name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
    const sheet = new FakeSheet(this.ctx, name);
    sheet.seed(rows);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.sheetName === name);
    if (!s) throw new Error(`the fake has no sheet "${name}"`);
    return s;
  }

  getSheets(): FakeSheet[] {
    this.ctx.calls.record('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.ctx.calls.record('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.sheetName === name) ?? null;
  }

  getNumSheets(): number {
    this.ctx.calls.record('Spreadsheet.getNumSheets');
    return this.sheets.length;
  }

  insertSheet(sheetName: string, sheetIndex?: number): FakeSheet {
    this.ctx.calls.record('Spreadsheet.insertSheet');
    writable(this.ctx, 'insertSheet');
    checkCellLimit(this.ctx, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    if (this.sheets.some((s) => s.sheetName === sheetName))
      throw new Error(
        `Exception: A sheet with the name "${sheetName}" already exists. Please enter another name.`,
      );
    const sheet = new FakeSheet(this.ctx, sheetName);
    this.sheets.splice(sheetIndex ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  getNamedRanges(): FakeNamedRange[] {
    this.ctx.calls.record('Spreadsheet.getNamedRanges');
    return [...this.namedRanges.values()];
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.ctx.calls.record('Spreadsheet.setNamedRange');
    writable(this.ctx, 'setNamedRange');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Exception: Invalid named range name "${name}".`);
    // Strict on purpose: an adapter must replace an existing name itself (NamedRange.setRange).
    if (this.namedRanges.has(name)) throw new Error(`Exception: The named range "${name}" already exists.`);
    this.namedRanges.set(name, new FakeNamedRange(this.ctx, name, range));
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.calls.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.ctx.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.ctx.calls.record('Spreadsheet.getSpreadsheetLocale');
    return this.ctx.locale;
  }

  toast(message: string, title = '', _timeoutSeconds?: number): void {
    this.ctx.calls.record('Spreadsheet.toast');
    this.toasts.push({ message, title });
  }
}
