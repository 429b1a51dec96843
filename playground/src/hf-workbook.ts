import { KimeruError } from '../../shared/issues';
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import { findSettingsSheet } from '../../shared/commands/workbook';
import { readSettings, type Role } from '../../shared/commands/settings';
import type { Lang } from '../../shared/i18n';
import {
  ledgerRows,
  checkPlan,
  planAppend,
  type ReadOptions,
  type AppendRequest,
  type AppendResult,
  type WorkbookPort,
  type WriteCell,
  type WriteOp,
} from '../../shared/port';
import { SERIAL_EPOCH_OFFSET, dateFromDay } from '../../shared/values/days';
import type { CellValue } from '../../shared/values/cell';
import { guardText, quoteSheetRefs } from './cell-text';
import { nameExpression, type CellFormat, type DefinedName, type SheetInfo } from '../../xlsx/workbook-model';

export {
  fileNameExpression,
  nameExpression,
  type CellFormat,
  type DefinedName,
  type SheetInfo,
} from '../../xlsx/workbook-model';
import { registerKimeruFunctions } from './hf-functions';
import { fail } from './messages';

/**
 * The workbook port over a HyperFormula instance: the playground's and the command line's
 * "spreadsheet". Plain strings always stay text ("'" guard), dates become serial numbers with a
 * date format remembered beside them, and kimeru's formulas are real formulas that HyperFormula
 * recalculates. Every write plan runs as one HyperFormula batch.
 */

/** Roles whose sheets may be the user's own: kimeru only ever appends to them. */
const USER_ROLES: readonly Role[] = ['customers', 'contacts', 'activities'];

const key = (row: number, col: number): string => `${row}:${col}`;

/** A new HyperFormula engine with kimeru's functions, sized like Excel. */
export function createEngine(): HyperFormula {
  registerKimeruFunctions();
  return HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    maxRows: 1_048_576,
    maxColumns: 16_384,
    dateFormats: ['YYYY/MM/DD', 'YYYY-MM-DD'],
    timeFormats: ['hh:mm', 'hh:mm:ss'],
  });
}

/** A serial number (days since 1899-12-30, time as a fraction) for a date cell. */
export function serialOf(day: number, minutes?: number): number {
  return day + SERIAL_EPOCH_OFFSET + (minutes ?? 0) / 1440;
}

export class HyperFormulaWorkbook implements WorkbookPort {
  readonly hf: HyperFormula;
  readonly lang: Lang;
  /** Host calls, for tests that check batching (a constant number per command). */
  readonly calls = { sheetNames: 0, readSheets: 0, write: 0, append: 0, batches: 0 };
  private readonly created = new Set<string>();
  private readonly formats = new Map<string, Map<string, CellFormat>>();
  private readonly infos = new Map<string, SheetInfo>();
  private readonly names = new Map<string, DefinedName>();
  private readonly kimeruFormulas = new Map<string, Set<string>>();
  private readonly listeners = new Set<() => void>();

  constructor(options: { lang?: Lang; hf?: HyperFormula } = {}) {
    this.hf = options.hf ?? createEngine();
    this.lang = options.lang ?? 'ja';
  }

  // ── The port ────────────────────────────────────────────────────────────────────────────

  async sheetNames(): Promise<string[]> {
    this.calls.sheetNames++;
    return this.hf.getSheetNames();
  }

  async readSheets(
    names: readonly string[],
    options: ReadOptions = {},
  ): Promise<Record<string, CellValue[][]>> {
    this.calls.readSheets++;
    const out: Record<string, CellValue[][]> = {};
    for (const name of names) {
      const id = this.hf.getSheetId(name);
      if (id === undefined) continue;
      const all = this.usedValues(id);
      const values = options.rows === undefined ? all : all.slice(0, options.rows);
      // Date cells come back as Dates (local midnight plus the time), as Sheets returns them.
      for (const [k, format] of this.formats.get(name) ?? []) {
        const [r, c] = k.split(':').map(Number) as [number, number];
        const v = values[r]?.[c];
        if (typeof v === 'number') values[r]![c] = dateOfSerial(v, format);
      }
      out[name] = values;
    }
    return out;
  }

  async write(plan: readonly WriteOp[]): Promise<void> {
    this.calls.write++;
    this.validate(plan);
    this.batch(() => {
      for (const op of plan) this.apply(op);
    });
    for (const sheet of new Set(plan.map((op) => op.sheet))) this.growNames(sheet);
    this.refreshArrays();
    this.changed();
  }

  async append(req: AppendRequest): Promise<AppendResult> {
    this.calls.append++;
    const id = this.sheetId(req.sheet);
    if (this.infos.get(req.sheet)?.kind === 'chartsheet') fail(this.lang, 'hf.notOurs', { sheet: req.sheet });
    const values = this.usedValues(id);
    // JavaScript runs one call at a time: reading the keys and writing is already atomic.
    const column = req.keyColumn;
    const ledgerName = column === undefined ? req.ledger?.sheet : undefined;
    const ledgerId = ledgerName !== undefined ? this.hf.getSheetId(ledgerName) : undefined;
    const ledgerValues = ledgerId !== undefined ? this.usedValues(ledgerId) : [];
    const plan = planAppend(
      column === undefined ? ledgerValues.map((r) => r[0]) : values.map((r) => r[column - 1]),
      req,
    );
    const written: number[] = [];
    const rows: { at: number; cells: WriteCell[] }[] = [];
    let next = values.length;
    for (const cells of plan.rows) {
      // Never over a cell that holds something, whatever the read above concluded.
      while (!this.rowIsEmpty(id, next, Math.max(cells.length, values[0]?.length ?? 0))) next++;
      rows.push({ at: next, cells });
      written.push(next + 1);
      next++;
    }
    const duplicates = plan.duplicates;
    if (rows.length > 0) {
      this.batch(() => {
        for (const r of rows) this.writeCells(req.sheet, r.at, 0, [r.cells]);
        if (ledgerName !== undefined && plan.ledgerKeys.length > 0) {
          // kimeru's key sheet for a log without a key column; the team's cells stay as they were.
          if (ledgerId === undefined) {
            this.hf.addSheet(ledgerName);
            this.created.add(ledgerName);
            this.formats.set(ledgerName, new Map());
          }
          this.writeCells(
            ledgerName,
            ledgerValues.length,
            0,
            ledgerRows(req.sheet, plan.ledgerKeys, written),
          );
        }
      });
      this.growNames(req.sheet);
      this.refreshArrays();
      this.changed();
    }
    return { rows: written, duplicates };
  }

  // ── For the playground, the loaders and the .xlsx writer ───────────────────────────────

  /** Adds a sheet holding the user's own content (from a file or the sample); not kimeru's. */
  loadSheet(
    name: string,
    content: RawCellContent[][],
    formats: ReadonlyMap<string, CellFormat> = new Map(),
    info: SheetInfo = {},
  ): void {
    this.addLoadedSheet(name, formats, info);
    this.loadRows(name, 0, content);
  }

  /** An empty sheet for a file's content that {@link loadRows} then fills in blocks. */
  addLoadedSheet(
    name: string,
    formats: ReadonlyMap<string, CellFormat> = new Map(),
    info: SheetInfo = {},
  ): void {
    this.batch(() => {
      this.hf.addSheet(name);
    });
    this.formats.set(name, new Map(formats));
    this.infos.set(name, info);
  }

  /**
   * A block of a loaded sheet's rows from `start`: a big file opens block by block, so the page
   * can show progress and stay responsive in between. Each block is a batch: formulas over
   * the rows recalculate as they arrive, in short steps rather than one long one at the end.
   */
  loadRows(name: string, start: number, rows: readonly RawCellContent[][]): void {
    if (rows.length === 0) return;
    const id = this.sheetId(name);
    this.batch(() => {
      if (start === 0) this.hf.setSheetContent(id, rows as RawCellContent[][]);
      else this.hf.setCellContents({ sheet: id, row: start, col: 0 }, rows as RawCellContent[][]);
    });
    rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (typeof c === 'string' && /KIMERU\./i.test(c) && c.startsWith('='))
          this.trackFormula(name, start + r, col, true);
      }),
    );
  }

  /** Replaces cells of a loaded sheet while it is being opened (e.g. a formula by its cached value). */
  loadCells(sheet: string, cells: readonly { row: number; col: number; content: RawCellContent }[]): void {
    if (cells.length === 0) return;
    const id = this.sheetId(sheet);
    this.batch(() => {
      for (const c of cells) this.hf.setCellContents({ sheet: id, row: c.row, col: c.col }, [[c.content]]);
    });
    for (const c of cells) this.trackFormula(sheet, c.row, c.col, false);
  }

  /** Adds a workbook name as a file or the sample defines it. */
  loadName(n: DefinedName): void {
    this.defineName(n);
  }

  /**
   * A cell typed by the user in the formula bar, as a spreadsheet reads typing: "=…" is a
   * formula (Japanese sheet names accepted unquoted), "'…" text, numbers and dates are values.
   */
  setUserInput(sheet: string, row: number, col: number, text: string): void {
    let content: RawCellContent = text;
    if (text.startsWith('=')) content = quoteSheetRefs(text, this.hf.getSheetNames());
    else if (text === '') content = null;
    this.batch(() => {
      this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col }, [[content]]);
    });
    // A date typed as a date is a date cell (HyperFormula parses 2026/11/29 into a serial).
    const type = this.hf.getCellValueDetailedType({ sheet: this.sheetId(sheet), row, col });
    const typed: CellFormat | undefined =
      type === 'NUMBER_DATE' ? 'date' : type === 'NUMBER_DATETIME' ? 'datetime' : undefined;
    if (typed && !text.startsWith('=')) this.formatsOf(sheet).set(key(row, col), typed);
    else this.formatsOf(sheet).delete(key(row, col));
    this.trackFormula(
      sheet,
      row,
      col,
      typeof content === 'string' && /KIMERU\./i.test(content) && text.startsWith('='),
    );
    this.growNames(sheet);
    this.refreshArrays();
    this.changed();
  }

  /** Sets content kimeru decides (e.g. the playground's dashboard) in one batch, as a write would. */
  setCells(sheet: string, row: number, col: number, rows: readonly (readonly WriteCell[])[]): void {
    this.batch(() => this.writeCells(sheet, row, col, rows));
    this.growNames(sheet);
    this.refreshArrays();
    this.changed();
  }

  private writeCells(sheet: string, row: number, col: number, rows: readonly (readonly WriteCell[])[]): void {
    const formats = this.formatsOf(sheet);
    const content = rows.map((r, i) =>
      r.map((c, j) => {
        const f = formatOf(c);
        if (f) formats.set(key(row + i, col + j), f);
        else formats.delete(key(row + i, col + j));
        this.trackFormula(
          sheet,
          row + i,
          col + j,
          typeof c === 'object' && c !== null && c.kind === 'formula',
        );
        return this.toContent(c);
      }),
    );
    this.hf.setCellContents({ sheet: this.sheetId(sheet), row, col }, content);
  }

  /** How a cell's number is shown: remembered from a date write or a file's style, or HF's own. */
  formatAt(sheet: string, row: number, col: number): CellFormat | undefined {
    const f = this.formats.get(sheet)?.get(key(row, col));
    if (f) return f;
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) return undefined;
    const type = this.hf.getCellValueDetailedType({ sheet: id, row, col });
    if (type === 'NUMBER_DATE') return 'date';
    if (type === 'NUMBER_DATETIME') return 'datetime';
    return undefined;
  }

  /** Every remembered date format of a sheet, as "row:col" → format. */
  formatsIn(sheet: string): ReadonlyMap<string, CellFormat> {
    return this.formats.get(sheet) ?? new Map();
  }

  info(sheet: string): SheetInfo {
    return this.infos.get(sheet) ?? {};
  }

  /** The names kimeru defined or a file brought, by name. */
  definedNames(): DefinedName[] {
    return [...this.names.values()];
  }

  /** Whether kimeru created this sheet in this session. */
  isCreated(sheet: string): boolean {
    return this.created.has(sheet);
  }

  /** Calls `listener` after every change (the grid re-renders); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Cell contents as typed (formulas as text, guarded text with its "'"). The cells an array
   * formula's result fills are empty here: they hold no content of their own.
   */
  serialized(sheet: string): RawCellContent[][] {
    const id = this.sheetId(sheet);
    const content = this.hf.getSheetSerialized(id);
    this.hf.getSheetFormulas(id).forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === undefined || !this.hf.isCellPartOfArray({ sheet: id, row: r, col: c })) return;
        const spill = (row2: number, col2: number) =>
          this.hf.isCellPartOfArray({ sheet: id, row: row2, col: col2 }) &&
          !this.hf.doesCellHaveFormula({ sheet: id, row: row2, col: col2 });
        for (let i = r; i === r || spill(i, c); i++)
          for (let j = c; j === c || spill(i, j); j++)
            if (i !== r || j !== c) if (content[i]) content[i]![j] = null;
      }),
    );
    return content;
  }

  /** Computed values; errors as their DetailedCellError. */
  values(sheet: string): unknown[][] {
    return this.hf.getSheetValues(this.sheetId(sheet));
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  private validate(plan: readonly WriteOp[]): void {
    checkPlan(
      plan,
      (sheet) => this.hf.doesSheetExist(sheet),
      this.writableSheets(),
      (sheet) => fail(this.lang, 'hf.notOurs', { sheet }),
    );
  }

  /**
   * Sheets kimeru may rewrite: those it created, its settings sheet, and the sheets its settings
   * name for roles that are kimeru's own (definition, outputs…) — so a file set up earlier works.
   */
  private writableSheets(): Set<string> {
    const out = new Set(this.created);
    const names = this.hf.getSheetNames();
    const settingsName = findSettingsSheet(names);
    if (settingsName !== null) {
      out.add(settingsName);
      const grid = this.usedValues(this.hf.getSheetId(settingsName)!);
      const settings = readSettings(grid);
      for (const [role, sheet] of Object.entries(settings.sheets))
        if (!USER_ROLES.includes(role as Role) && sheet) out.add(sheet);
    }
    for (const [name, info] of this.infos) if (info.kind === 'chartsheet') out.delete(name);
    return out;
  }

  private apply(op: WriteOp): void {
    switch (op.kind) {
      case 'addSheet': {
        this.hf.addSheet(op.sheet);
        this.created.add(op.sheet);
        this.infos.set(op.sheet, { ...frozen(op), ...(op.hidden ? { hidden: true } : {}) });
        this.formats.set(op.sheet, new Map());
        this.writeCells(op.sheet, 0, 0, op.rows);
        return;
      }
      case 'addChart': {
        const info = this.info(op.sheet);
        this.infos.set(op.sheet, { ...info, charts: [...(info.charts ?? []), op.chart] });
        return;
      }
      case 'trafficLight': {
        const { kind: _kind, sheet, ...light } = op;
        const info = this.info(sheet);
        this.infos.set(sheet, { ...info, lights: [...(info.lights ?? []), light] });
        return;
      }
      case 'replaceSheet': {
        this.hf.clearSheet(this.sheetId(op.sheet));
        this.formats.set(op.sheet, new Map());
        this.kimeruFormulas.delete(op.sheet);
        this.infos.set(op.sheet, { ...this.info(op.sheet), ...frozen(op) });
        this.writeCells(op.sheet, 0, 0, op.rows);
        return;
      }
      case 'setBlock':
        this.writeCells(op.sheet, op.row - 1, op.column - 1, op.rows);
        return;
      case 'defineName':
        this.defineName(op);
        return;
    }
  }

  private defineName(n: DefinedName): void {
    const expression = `=${nameExpression(n)}`;
    if (this.hf.getNamedExpression(n.name) !== undefined) this.hf.changeNamedExpression(n.name, expression);
    else this.hf.addNamedExpression(n.name, expression);
    const { name, sheet, firstColumn, lastColumn, firstRow, lastRow, growColumn } = n;
    this.names.set(name, {
      name,
      sheet,
      firstColumn,
      lastColumn,
      ...(firstRow !== undefined ? { firstRow, lastRow: lastRow ?? firstRow } : {}),
      ...(growColumn !== undefined ? { growColumn } : {}),
    });
  }

  /**
   * Moves the growing names of a sheet down to the last row with a value in their grow column,
   * as Excel's name formula and Sheets' open-ended range do: rows logged or typed below a
   * table are in its name, so the dashboard formulas count them.
   */
  private growNames(sheet: string): void {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) return;
    const height = this.hf.getSheetDimensions(id).height;
    for (const n of this.names.values()) {
      if (n.sheet !== sheet || n.growColumn === undefined || n.lastRow === undefined) continue;
      let last = n.lastRow;
      for (let r = height; r > n.lastRow; r--)
        if (hasContent(this.hf.getCellValue({ sheet: id, row: r - 1, col: n.growColumn - 1 }))) {
          last = r;
          break;
        }
      if (last > n.lastRow) this.defineName({ ...n, lastRow: last });
    }
  }

  private toContent(c: WriteCell): RawCellContent {
    if (c === null) return null;
    if (typeof c === 'string') return c === '' ? null : guardText(c);
    if (typeof c === 'number') return Number.isFinite(c) ? c : String(c);
    if (typeof c === 'boolean') return c;
    if (c.kind === 'date') return serialOf(c.day, c.minutes);
    const formula = c.formula.startsWith('=') ? c.formula : `=${c.formula}`;
    return quoteSheetRefs(formula, this.hf.getSheetNames());
  }

  private formatsOf(sheet: string): Map<string, CellFormat> {
    let f = this.formats.get(sheet);
    if (!f) this.formats.set(sheet, (f = new Map()));
    return f;
  }

  private trackFormula(sheet: string, row: number, col: number, isKimeru: boolean): void {
    let set = this.kimeruFormulas.get(sheet);
    if (isKimeru) {
      if (!set) this.kimeruFormulas.set(sheet, (set = new Set()));
      set.add(key(row, col));
    } else set?.delete(key(row, col));
  }

  /**
   * Enters kimeru's formulas again so their results get room for the data as it is now:
   * HyperFormula sizes an array result when the formula is entered; kimeru's functions over
   * whole columns must grow with the data, so their formulas are entered again after a write.
   */
  refreshArrays(): void {
    const cells: { sheet: number; row: number; col: number; formula: string }[] = [];
    for (const [sheet, set] of this.kimeruFormulas) {
      const id = this.hf.getSheetId(sheet);
      if (id === undefined) continue;
      for (const k of set) {
        const [row, col] = k.split(':').map(Number) as [number, number];
        const formula = this.hf.getCellFormula({ sheet: id, row, col });
        if (formula !== undefined) cells.push({ sheet: id, row, col, formula });
      }
    }
    if (cells.length === 0) return;
    this.batch(() => {
      for (const c of cells)
        this.hf.setCellContents({ sheet: c.sheet, row: c.row, col: c.col }, [[c.formula]]);
    });
  }

  /** The port's view of a sheet: values from A1 to the last cell with content or a value. */
  private usedValues(id: number): CellValue[][] {
    return usedValues(this.hf.getSheetValues(id), this.hf.getSheetSerialized(id));
  }

  /** True when the 0-based `row` has neither content nor a value in its first `width` columns (at least). */
  private rowIsEmpty(id: number, row: number, width: number): boolean {
    for (let col = 0; col < Math.max(1, width); col++) {
      const at = { sheet: id, row, col };
      if (hasContent(this.hf.getCellSerialized(at)) || hasContent(this.hf.getCellValue(at))) return false;
    }
    return true;
  }

  private batch(run: () => void): void {
    this.calls.batches++;
    this.hf.batch(run);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new KimeruError({ key: 'port.noSheet', params: { sheet: name } });
    return id;
  }
}

function frozen(op: { frozenRows?: number; protectRows?: number }): SheetInfo {
  return {
    ...(op.frozenRows !== undefined ? { frozenRows: op.frozenRows } : {}),
    ...(op.protectRows !== undefined ? { protectRows: op.protectRows } : {}),
  };
}

function formatOf(c: WriteCell): CellFormat | undefined {
  if (typeof c !== 'object' || c === null || c.kind !== 'date') return undefined;
  return c.minutes !== undefined ? 'datetime' : 'date';
}

/** A serial number as the Date a host returns for a date cell: local midnight, plus the time. */
function dateOfSerial(serial: number, format: CellFormat): Date {
  const whole = Math.floor(serial);
  const d = dateFromDay(whole - SERIAL_EPOCH_OFFSET);
  if (format === 'datetime') d.setMinutes(Math.round((serial - whole) * 1440));
  return d;
}

/**
 * HyperFormula values as the port returns them: errors as their text, a rectangle from A1. Its
 * extent is decided by the cells' content as well as their values, as a spreadsheet's used
 * range is: a formula that shows "" (=IF(A3="","",MONTH(A3)) filled down a log) still uses its
 * row, so an append lands below it instead of over it.
 */
function usedValues(values: unknown[][], content: readonly (readonly unknown[])[]): CellValue[][] {
  const rows = values.map((r) =>
    r.map((v): CellValue => {
      if (v === null || v === undefined) return '';
      if (v instanceof DetailedCellError) return v.value;
      return v as CellValue;
    }),
  );
  let height = 0;
  let width = 0;
  const extend = (r: number, row: readonly unknown[], used: (v: unknown) => boolean) => {
    let w = row.length;
    while (w > 0 && !used(row[w - 1])) w--;
    if (w === 0) return;
    if (r + 1 > height) height = r + 1;
    if (w > width) width = w;
  };
  rows.forEach((row, r) => extend(r, row, (v) => v !== ''));
  content.forEach((row, r) => extend(r, row, hasContent));
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, i): CellValue => rows[r]?.[i] ?? ''),
  );
}

/** Whether serialized cell content holds anything (a formula, text, a number…). */
function hasContent(c: unknown): boolean {
  return c !== null && c !== undefined && c !== '';
}
