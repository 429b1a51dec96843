import { KimeruError } from './issues';
import type { Day } from './model';
import type { CellValue } from './values/cell';

/**
 * The workbook port: the little each host (Google Sheets, Excel, the playground) implements so
 * that every command runs the same core. Reads and writes are batched by design: a command reads
 * the sheets it needs in one call and hands over one write plan, whatever the row count.
 */

/** A date (and optionally a time of day) to be stored as a real date cell in the host. */
export interface DateCell {
  kind: 'date';
  day: Day;
  /** Minutes after midnight, for timestamps such as 記録日時. */
  minutes?: number;
}

/** A formula kimeru writes on purpose (never user text). */
export interface FormulaCell {
  kind: 'formula';
  formula: string;
}

/**
 * What a command writes into one cell. A plain string is ALWAYS text: the adapter stores
 * "=SUM(A1)" or "+81 3…" typed by a user as text, never as a formula or a number.
 */
export type WriteCell = string | number | boolean | null | DateCell | FormulaCell;

export const dateCell = (day: Day, minutes?: number): DateCell =>
  minutes === undefined ? { kind: 'date', day } : { kind: 'date', day, minutes };
export const formulaCell = (formula: string): FormulaCell => ({ kind: 'formula', formula });

/** Text that a spreadsheet would read as a formula (or a signed number) if written as is. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@＝＋－＠]/.test(text);
}

/**
 * True when a spreadsheet would not store `text` as that same text if it were typed in: the one
 * rule every host adapter guards text by (each applies the guard its own way, e.g. a leading
 * apostrophe). Guarding text that would have stayed text costs nothing — the guard is not part
 * of the value — so the rule errs on the side of guarding: a formula start (= + - @, also
 * full-width), a leading apostrophe (it would be eaten), a leading "#" (#N/A, #REF! become
 * errors; also full-width), TRUE/FALSE in any case, and any ASCII or full-width digit (numbers, dates, times,
 * percentages, amounts and phone numbers all have one, and how they parse depends on the locale).
 */
export function needsTextGuard(text: string): boolean {
  if (text === '') return false;
  // Hosts trim what they parse, so " =1" or " #N/A" count as their trimmed selves.
  const t = text.trim();
  if (looksLikeFormula(t) || t.startsWith("'")) return true;
  if (t.startsWith('#') || t.startsWith('＃')) return true;
  if (/^(?:true|false)$/i.test(t)) return true;
  return /[0-9０-９]/.test(text);
}

export type WriteOp =
  /**
   * Adds a new sheet (the adapter refuses if the name exists) with these rows from A1. `table`
   * names a table over row 1 (the header) and the rows below, for hosts that have tables (Excel
   * appends to it); other hosts may ignore it.
   */
  | {
      kind: 'addSheet';
      sheet: string;
      rows: WriteCell[][];
      frozenRows?: number;
      protectRows?: number;
      table?: string;
      /** kimeru's working sheet (settings, history): hidden where the host can hide a sheet. */
      hidden?: boolean;
    }
  /** Writes a block into a sheet kimeru created: rows and columns are 1-based. */
  | { kind: 'setBlock'; sheet: string; row: number; column: number; rows: WriteCell[][] }
  /** Clears a sheet kimeru created and writes these rows from A1 (ranking, gaps, review, manual). */
  | { kind: 'replaceSheet'; sheet: string; rows: WriteCell[][]; frozenRows?: number }
  /**
   * A workbook-level name over a block of a sheet (1-based, inclusive), e.g. KIMERU_ACTIVITIES →
   * 行動!A1:M120: a table's header row to its last data row, never whole columns (Excel hands a
   * custom function a whole column as 1,048,576 rows). With `growColumn`, nothing lies below the
   * block and the name grows as rows are added under it — a row counts once it has a value in
   * that column — each host its own way: Excel by a formula ending at the last such row, Sheets
   * by an open-ended range, the playground by moving the name as rows are written.
   */
  | {
      kind: 'defineName';
      name: string;
      sheet: string;
      firstColumn: number;
      lastColumn: number;
      firstRow: number;
      lastRow: number;
      growColumn?: number;
    }
  /** A native chart over a block of a sheet kimeru adds in the same plan (see ChartSpec). */
  | { kind: 'addChart'; sheet: string; chart: ChartSpec }
  /**
   * Traffic-light colours on a column of a sheet kimeru adds, for a number with a standard to
   * meet (higher is better): green from `green` up, amber from `amber` up, red below; blank
   * cells stay uncoloured. Each host uses its own conditional formatting, so it stays live.
   */
  | {
      kind: 'trafficLight';
      sheet: string;
      column: number;
      firstRow: number;
      lastRow: number;
      green: number;
      amber: number;
    };

/**
 * A chart described once, host-independently; each adapter draws it with the host's own charts
 * (Sheets' EmbeddedChartBuilder, Office.js worksheet.charts, chart parts in an .xlsx, SVG in
 * the playground). The data is a fixed block the formulas above it spill into, so the chart
 * follows them as the log grows: the header row names the series, the rows below are points.
 */
export interface ChartSpec {
  type: 'bar' | 'column' | 'line' | 'pie';
  title: string;
  /** 1-based row of the header (series names); data rows follow it down to `lastRow`. */
  headerRow: number;
  lastRow: number;
  /** 1-based column of the category labels. */
  categoryColumn: number;
  /** 1-based columns of the series, each named by its header cell. */
  seriesColumns: number[];
  /** The chart's top-left cell (1-based) and its size in pixels. */
  anchor: { row: number; column: number; width: number; height: number };
}

/** A traffic light as a sheet keeps it (its op without kind and sheet). */
export type TrafficLight = Omit<Extract<WriteOp, { kind: 'trafficLight' }>, 'kind' | 'sheet'>;

/** The drawing a sheet kimeru added carries: its charts and traffic lights, and whether it is hidden. */
export interface SheetDrawing {
  hidden?: boolean;
  charts?: ChartSpec[];
  lights?: TrafficLight[];
}

/** Traffic-light colours every host uses (green, amber, red backgrounds). */
export const TRAFFIC_COLOURS = { green: '#C6EFCE', amber: '#FFEB9C', red: '#FFC7CE' } as const;

/**
 * The traffic light's three rules as formulas relative to the column's first cell, the same on
 * every host (a custom-formula rule each): only numbers are coloured, so the blank rows under a
 * spilled table stay white, and the rules never overlap, so no host's rule order matters.
 */
export function trafficFormulas(light: TrafficLight): Record<keyof typeof TRAFFIC_COLOURS, string> {
  let n = light.column;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  const cell = `${letters}${light.firstRow}`;
  return {
    green: `=AND(ISNUMBER(${cell}),${cell}>=${light.green})`,
    amber: `=AND(ISNUMBER(${cell}),${cell}>=${light.amber},${cell}<${light.green})`,
    red: `=AND(ISNUMBER(${cell}),${cell}<${light.amber})`,
  };
}

/**
 * The Excel formula a defineName stands for (Excel itself, and .xlsx files the playground saves):
 * a block ('顧客'!$A$3:$H$52) or, for a name that grows, the block from its first row down to the
 * last row with a value in the grow column, never above `lastRow`:
 *   ='行動'!$A$1:INDEX('行動'!$M:$M,MAX(120,IFERROR(LOOKUP(2,1/('行動'!$C:$C<>""),ROW('行動'!$C:$C)),0)))
 * INDEX is not volatile (OFFSET would recalculate on every edit), and the range a custom
 * function receives is only the table's rows.
 */
export function excelNameFormula(op: Extract<WriteOp, { kind: 'defineName' }>): string {
  const sheet = `'${op.sheet.replace(/'/g, "''")}'`;
  const letter = (column: number): string => {
    let n = column;
    let out = '';
    while (n > 0) {
      out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
      n = Math.floor((n - 1) / 26);
    }
    return out;
  };
  const first = `${sheet}!$${letter(op.firstColumn)}$${op.firstRow}`;
  if (op.growColumn === undefined) {
    const single = op.firstRow === op.lastRow && op.firstColumn === op.lastColumn;
    return single ? `=${first}` : `=${first}:$${letter(op.lastColumn)}$${op.lastRow}`;
  }
  const grow = `${sheet}!$${letter(op.growColumn)}:$${letter(op.growColumn)}`;
  const lastColumn = `${sheet}!$${letter(op.lastColumn)}:$${letter(op.lastColumn)}`;
  return `=${first}:INDEX(${lastColumn},MAX(${op.lastRow},IFERROR(LOOKUP(2,1/(${grow}<>""),ROW(${grow})),0)))`;
}

export interface AppendRequest {
  sheet: string;
  rows: WriteCell[][];
  /** 1-based column holding each row's idempotency key: a row whose key is already there is skipped. */
  keyColumn?: number;
  /**
   * For a log without a key column (a team's own log, adopted as it is): each row's key, in
   * order, kept in column A of `sheet`, a hidden sheet kimeru owns (created on first use, one row
   * per written row: key, log sheet, row), so the user's cells never hold them. Checked and
   * written under the same lock as the rows.
   */
  ledger?: { sheet: string; keys: string[] };
}

/** The hidden sheet where kimeru keeps the keys of rows appended to a log without a key column. */
/**
 * Checks a write plan before anything is written, for ports over a whole workbook in memory (the
 * CLI's file, the playground): a sheet to add must not exist, every other op needs its sheet,
 * cells are written only into sheets kimeru owns (`writable`) or adds in this plan, and charts
 * and traffic lights only onto a sheet this plan adds.
 * `notOurs` throws the port's own message for the last case.
 */
export function checkPlan(
  plan: readonly WriteOp[],
  exists: (sheet: string) => boolean,
  writable: ReadonlySet<string>,
  notOurs: (sheet: string) => never,
): void {
  const adding = new Set<string>();
  for (const op of plan) {
    const present = exists(op.sheet) || adding.has(op.sheet);
    if (op.kind === 'addSheet') {
      if (present) throw new KimeruError({ key: 'port.sheetExists', params: { sheet: op.sheet } });
      adding.add(op.sheet);
    } else if (!present) throw new KimeruError({ key: 'port.noSheet', params: { sheet: op.sheet } });
    else if ((op.kind === 'addChart' || op.kind === 'trafficLight') && !adding.has(op.sheet))
      // Charts and formats go only on a sheet the same plan adds: never on a user's sheet, never twice.
      notOurs(op.sheet);
    else if (
      (op.kind === 'setBlock' || op.kind === 'replaceSheet') &&
      !adding.has(op.sheet) &&
      !writable.has(op.sheet)
    )
      notOurs(op.sheet);
  }
}

export const KEY_LEDGER_SHEET = '_kimeru_keys';

export interface AppendResult {
  /** 1-based sheet rows the new rows landed on (empty when every row was a duplicate). */
  rows: number[];
  /** Rows skipped because their key was already in the sheet (a double click, a retry). */
  duplicates: number;
}

/** What an append writes once the idempotency keys are checked: the new rows, in order. */
export interface AppendPlan {
  rows: WriteCell[][];
  /** Rows skipped because their key was already in the sheet or earlier in the request. */
  duplicates: number;
  /** The keys of the written rows, in order, for the ledger (empty without one). */
  ledgerKeys: string[];
}

/** The ledger's rows for keys written at `rows` of `sheet`: key, log sheet, row. */
export function ledgerRows(sheet: string, keys: readonly string[], rows: readonly number[]): WriteCell[][] {
  return keys.map((k, i) => [k, sheet, rows[i] ?? null]);
}

/**
 * An idempotency key as compared: what the cell shows, trimmed, whatever type the host made of
 * it (a key written as text can read back as a number); '' when the cell holds no key.
 */
export function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'kind' in value) return '';
  return String(value).trim();
}

/**
 * The rows an append writes: those whose key is neither among `existingKeys` (the key column as
 * the host read it, inside its lock) nor repeated earlier in the request. Rows without a key,
 * or a request without a key column, are always written. The host's reading and writing stay
 * in the adapter; this is the part every host shares.
 */
export function planAppend(
  existingKeys: Iterable<unknown>,
  request: Pick<AppendRequest, 'rows' | 'keyColumn' | 'ledger'>,
): AppendPlan {
  const column = request.keyColumn;
  const ledger = request.ledger;
  if (column === undefined && ledger === undefined)
    return { rows: [...request.rows], duplicates: 0, ledgerKeys: [] };
  const keys = new Set<string>();
  for (const k of existingKeys) {
    const text = keyText(k);
    if (text !== '') keys.add(text);
  }
  const rows: WriteCell[][] = [];
  const ledgerKeys: string[] = [];
  let duplicates = 0;
  request.rows.forEach((row, i) => {
    const key = keyText(column !== undefined ? row[column - 1] : ledger!.keys[i]);
    if (key !== '' && keys.has(key)) {
      duplicates++;
      return;
    }
    if (key !== '') keys.add(key);
    rows.push(row);
    if (ledger !== undefined && column === undefined && key !== '') ledgerKeys.push(key);
  });
  return { rows, duplicates, ledgerKeys };
}

export interface ReadOptions {
  /** Read at most this many rows from the top of each sheet. */
  rows?: number;
}

export interface WorkbookPort {
  /** Sheet names in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * Values of each sheet's used range from A1, in one batch; a sheet that doesn't exist is left
   * out. With `rows`, at most that many rows from the top (a log's header, not its 10,000 rows).
   */
  readSheets(names: readonly string[], options?: ReadOptions): Promise<Record<string, CellValue[][]>>;
  /** Applies a plan of writes. Commands validate before planning, so a plan is all-or-nothing in intent. */
  write(plan: readonly WriteOp[]): Promise<void>;
  /**
   * Appends rows after the last used row, under the host's lock so concurrent reps lose no row;
   * the key check happens inside the lock, so a retried submit writes once.
   */
  append(request: AppendRequest): Promise<AppendResult>;
}
