import { KimeruError } from '../../shared/issues';
import {
  excelNameFormula,
  ledgerRows,
  planAppend,
  TRAFFIC_COLOURS,
  trafficFormulas,
  type ChartSpec,
  type ReadOptions,
  type AppendRequest,
  type AppendResult,
  type WorkbookPort,
  type WriteCell,
  type WriteOp,
} from '../../shared/port';
import type { CellValue } from '../../shared/values/cell';
import { blockAddress, columnsAddress, MAX_COLUMNS, MAX_ROWS, topLeftOf } from './a1';
import { encodeBlock, isDateFormat, serialToDate, type EncodedBlock, type ExcelInput } from './cells';

/**
 * The workbook port over the Excel JavaScript API. Every method is one `Excel.run` with a fixed
 * number of `context.sync()` round trips whatever the row count:
 *   sheetNames 1 · readSheets 2 · write 2 · append 2 (3 when formulas run below the last value).
 * Loads are grouped and name only the properties used; writes assign whole 2D arrays.
 *
 * Excel on the web refuses a request or response over 5 MB. Writes are therefore cut into
 * row chunks of at most ~4 MB (one more sync per 4 MB, which only very large output sheets
 * reach), and a read that Excel refuses as too large is read again in row chunks.
 *
 * Logs are Excel tables (setup's `addSheet` with `table`): `append` adds its rows with one
 * `table.rows.add`, which Excel applies on its side at the table's end whatever other reps
 * added since our read, so concurrent appends do not aim at the same row. Excel has no
 * document lock like Apps Script's LockService, though: the key check (read) and the add
 * (write) are two round trips apart, so two submits of the same key at the same moment could
 * both land; a retried submit, which comes after the first one landed, is written once. A sheet
 * without a kimeru table (a user's adopted log) is written below its last row with content,
 * formulas showing "" included (see `lastWithContent`), so none of its cells is overwritten.
 */

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;
export type ExcelRun = <T>(batch: Batch<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Request bytes per sync before a write is split (Excel on the web allows 5 MB). */
  writeBudgetBytes?: number;
  /** Cells per sync when a read has to be split. */
  readChunkCells?: number;
}

const WRITE_BUDGET_BYTES = 4_000_000;
/** Tables kimeru made (setup names them KimeruActivities, KimeruContacts…): appends go through them. */
const KIMERU_TABLE = /^kimeru/i;
const TABLE_STYLE = 'TableStyleLight9';
const READ_CHUNK_CELLS = 100_000;
const MIN_READ_CHUNK_CELLS = 1_000;

export class ExcelWorkbook implements WorkbookPort {
  private readonly writeBudget: number;
  private readonly readChunk: number;

  /** `run` is `Excel.run` in the add-in; tests pass a fake's. */
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: ExcelWorkbookOptions = {},
  ) {
    this.writeBudget = options.writeBudgetBytes ?? WRITE_BUDGET_BYTES;
    this.readChunk = options.readChunkCells ?? READ_CHUNK_CELLS;
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      return sheets.items.map((ws) => ws.name);
    });
  }

  async readSheets(
    names: readonly string[],
    options: ReadOptions = {},
  ): Promise<Record<string, CellValue[][]>> {
    const wanted = [...new Set(names)];
    if (wanted.length === 0) return {};
    if (options.rows !== undefined) {
      const rows = options.rows;
      return this.run((context) => this.readTop(context, wanted, rows));
    }
    try {
      return await this.run((context) => this.readAll(context, wanted, false));
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      return this.run((context) => this.readAll(context, wanted, true));
    }
  }

  async write(plan: readonly WriteOp[]): Promise<void> {
    if (plan.length === 0) return;
    await this.run(async (context) => {
      const book = context.workbook;
      const sheets = book.worksheets.load('items/name');
      const names = book.names.load('items/name');
      const tables = plan.some((op) => op.kind === 'addSheet' && op.table !== undefined)
        ? book.tables.load('items/name')
        : null;
      await context.sync();
      const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
      checkPlan(plan, new Set(byName.keys()));
      const definedNames = new Set(names.items.map((n) => n.name.toLowerCase()));
      // Table names share one namespace with defined names, the ones this plan adds included.
      const takenNames = new Set([
        ...definedNames,
        ...(tables?.items.map((t) => t.name.toLowerCase()) ?? []),
        ...plan.flatMap((op) => (op.kind === 'defineName' ? [op.name.toLowerCase()] : [])),
      ]);
      const sheet = (name: string): Excel.Worksheet => byName.get(name.toLowerCase())!;
      const writer = new Writer(context, this.writeBudget);
      for (const op of plan) {
        switch (op.kind) {
          case 'addSheet': {
            const ws = book.worksheets.add(op.sheet);
            byName.set(op.sheet.toLowerCase(), ws);
            const block = encodeBlock(op.rows);
            await writer.block(ws, 1, 1, block);
            if (op.table !== undefined && block.rows > 0) {
              // Same batch: the table spans the header and the rows just written.
              const table = ws.tables.add(ws.getRange(blockAddress(1, 1, block.rows, block.columns)), true);
              table.name = freeTableName(op.table, takenNames);
              table.style = TABLE_STYLE;
            }
            if (op.frozenRows) ws.freezePanes.freezeRows(op.frozenRows);
            if (op.hidden) ws.visibility = 'Hidden';
            // op.protectRows is not applied: Excel has no warning-only protection, and sheet
            // protection would also stop reps typing in the rows below the header.
            break;
          }
          case 'replaceSheet': {
            const ws = sheet(op.sheet);
            ws.getRange().clear('Contents');
            await writer.block(ws, 1, 1, encodeBlock(op.rows, true));
            if (op.frozenRows) ws.freezePanes.freezeRows(op.frozenRows);
            break;
          }
          case 'setBlock':
            await writer.block(sheet(op.sheet), op.row, op.column, encodeBlock(op.rows));
            break;
          case 'addChart':
            addChart(sheet(op.sheet), op.chart);
            break;
          case 'trafficLight': {
            const range = sheet(op.sheet).getRange(
              blockAddress(op.firstRow, op.column, op.lastRow - op.firstRow + 1, 1),
            );
            const formulas = trafficFormulas(op);
            for (const colour of ['green', 'amber', 'red'] as const) {
              const cf = range.conditionalFormats.add('Custom');
              cf.custom.rule.formula = formulas[colour];
              cf.custom.format.fill.color = TRAFFIC_COLOURS[colour];
            }
            break;
          }
          case 'defineName': {
            // The table's rows only (a whole column reaches a custom function as 1,048,576 rows,
            // past Excel on the web's 5 MB argument limit); a growing name is a formula that
            // ends at the last row typed or appended below. Redefined in the same batch.
            const reference =
              op.growColumn === undefined
                ? sheet(op.sheet).getRange(
                    blockAddress(
                      op.firstRow,
                      op.firstColumn,
                      op.lastRow - op.firstRow + 1,
                      op.lastColumn - op.firstColumn + 1,
                    ),
                  )
                : excelNameFormula(op);
            if (definedNames.has(op.name.toLowerCase())) book.names.getItem(op.name).delete();
            book.names.add(op.name, reference);
            definedNames.add(op.name.toLowerCase());
            break;
          }
        }
      }
      await writer.flush();
    });
  }

  async append(req: AppendRequest): Promise<AppendResult> {
    if (req.rows.length === 0) return { rows: [], duplicates: 0 };
    let chunked = false;
    let insert = true;
    for (;;) {
      try {
        return await this.run((context) => this.appendIn(context, req, chunked, insert));
      } catch (e) {
        const code = (e as { code?: unknown } | null)?.code;
        if (code === 'AccessDenied')
          throw new KimeruError({ key: 'port.protected', params: { sheet: req.sheet } });
        // Refused before anything was written (the key column was too large to read at once).
        if (isPayloadLimit(e) && !chunked) chunked = true;
        // The insert was refused (a filter or a merged area reaches below the log): it is the
        // first change of its request, so nothing was written; write below the last row.
        else if (insert && (code === 'FilteredRangeConflict' || code === 'InvalidOperation')) insert = false;
        else throw e;
      }
    }
  }

  /** The top `rows` rows of each sheet (a log's header): two syncs whatever the sheet's length. */
  private async readTop(
    context: Excel.RequestContext,
    wanted: string[],
    rows: number,
  ): Promise<Record<string, CellValue[][]>> {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const used = sheets.items
      .filter((ws) => wanted.includes(ws.name))
      .map((ws) => ({
        name: ws.name,
        range: ws
          .getRange(blockAddress(1, 1, rows, MAX_COLUMNS))
          .getUsedRangeOrNullObject(true)
          .load(['values', 'numberFormat', 'address']),
      }));
    await context.sync();
    const out: Record<string, CellValue[][]> = {};
    for (const u of used)
      out[u.name] = u.range.isNullObject
        ? []
        : fromA1(u.range.address, withDates(u.range.values, u.range.numberFormat));
    return out;
  }

  private async readAll(
    context: Excel.RequestContext,
    wanted: string[],
    chunked: boolean,
  ): Promise<Record<string, CellValue[][]>> {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const present = sheets.items.filter((ws) => wanted.includes(ws.name));
    const used = present.map((ws) => ({
      ws,
      name: ws.name,
      range: ws
        .getUsedRangeOrNullObject(true)
        .load(chunked ? ['address', 'rowCount', 'columnCount'] : ['values', 'numberFormat', 'address']),
    }));
    await context.sync();
    const out: Record<string, CellValue[][]> = {};
    if (!chunked) {
      for (const u of used)
        out[u.name] = u.range.isNullObject
          ? []
          : fromA1(u.range.address, withDates(u.range.values, u.range.numberFormat));
      return out;
    }
    const pieces: Piece[] = [];
    const owners: string[] = [];
    for (const u of used) {
      if (u.range.isNullObject) {
        out[u.name] = [];
        continue;
      }
      const { row, column } = topLeftOf(u.range.address);
      pieces.push({ ws: u.ws, row, column, rows: u.range.rowCount, columns: u.range.columnCount });
      owners.push(u.name);
    }
    const grids = await loadPieces(context, pieces, this.readChunk, 'valuesAndFormats');
    grids.forEach(({ cells: values, formats }, i) => {
      const p = pieces[i]!;
      out[owners[i]!] = fromA1(blockAddress(p.row, p.column, p.rows, p.columns), withDates(values, formats));
    });
    return out;
  }

  private async appendIn(
    context: Excel.RequestContext,
    req: AppendRequest,
    chunked: boolean,
    insert: boolean,
  ): Promise<AppendResult> {
    const ws = context.workbook.worksheets.getItem(req.sheet);
    const used = ws.getUsedRangeOrNullObject(true).load(['address', 'rowCount']);
    // Also cells with any content or formatting: formulas showing "" may be missing from `used`.
    const full = ws.getUsedRangeOrNullObject(false).load(['address', 'rowCount']);
    const keyColumn = req.keyColumn;
    const keyRange =
      keyColumn !== undefined && !chunked
        ? ws.getRange(columnsAddress(keyColumn, keyColumn)).getUsedRangeOrNullObject(true).load('values')
        : null;
    const tables = ws.tables.load('items/name, items/columns/items/name');
    const ledgerName = keyColumn === undefined ? req.ledger?.sheet : undefined;
    const ledgerProbe =
      ledgerName !== undefined ? context.workbook.worksheets.getItemOrNullObject(ledgerName) : null;
    await context.sync();
    const table = tables.items.find((t) => KIMERU_TABLE.test(t.name)) ?? null;
    const last = bottomRow(used);
    const keys: unknown[] = [];
    if (keyColumn !== undefined) {
      const column: unknown[][] =
        keyRange !== null
          ? keyRange.isNullObject
            ? []
            : keyRange.values
          : last === 0
            ? []
            : ((
                await loadPieces(
                  context,
                  [{ ws, row: 1, column: keyColumn, rows: last, columns: 1 }],
                  this.readChunk,
                  'values',
                )
              )[0]?.cells ?? []);
      for (const r of column) keys.push(r[0]);
    }
    const ledger =
      ledgerName !== undefined && ledgerProbe !== null
        ? await this.openLedger(context, ledgerName, ledgerProbe.isNullObject)
        : null;
    if (ledger) for (const k of ledger.keys) keys.push(k);
    const { rows: fresh, duplicates, ledgerKeys } = planAppend(keys, req);
    if (fresh.length === 0) return { rows: [], duplicates };
    if (last + fresh.length > MAX_ROWS)
      throw new KimeruError({ key: 'port.noRoom', params: { sheet: req.sheet } });
    const block = encodeBlock(fresh);
    const width = table?.columns.items.length ?? 0;
    if (table && fitsWidth(block, width)) {
      const top = await this.addTableRows(context, table, block, width);
      const rows = fresh.map((_, i) => top + i);
      if (ledger) {
        insertBelow(ledger.ws, ledger.last, ledgerRows(req.sheet, ledgerKeys, rows));
        await context.sync();
      }
      return { rows, duplicates };
    }
    const below = await this.lastWithContent(context, ws, last, bottomRow(full), block.columns, chunked);
    if (below + fresh.length > MAX_ROWS)
      throw new KimeruError({ key: 'port.noRoom', params: { sheet: req.sheet } });
    // Excel has no lock: another rep's append may be aiming at the same rows. Inserting the rows
    // (shifting the cells of these columns down) in the same request as writing them means two
    // such appends each write into the row they inserted: both rows stay, neither overwrites.
    if (insert) ws.getRange(blockAddress(below + 1, 1, fresh.length, block.columns)).insert('Down');
    const writer = new Writer(context, this.writeBudget);
    await writer.block(ws, below + 1, 1, block);
    const rows = fresh.map((_, i) => below + 1 + i);
    if (ledger) insertBelow(ledger.ws, ledger.last, ledgerRows(req.sheet, ledgerKeys, rows));
    await writer.flush();
    return { rows, duplicates };
  }

  /**
   * kimeru's hidden key sheet for a log without a key column: made on first use (another rep's
   * append may make it at the same moment: then theirs is used), and its keys read.
   */
  private async openLedger(
    context: Excel.RequestContext,
    name: string,
    missing: boolean,
  ): Promise<{ ws: Excel.Worksheet; keys: unknown[]; last: number }> {
    if (missing) {
      const added = context.workbook.worksheets.add(name);
      added.visibility = 'Hidden';
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: unknown } | null)?.code !== 'ItemAlreadyExists') throw e;
      }
    }
    const ws = context.workbook.worksheets.getItem(name);
    const column = ws.getRange('A:A').getUsedRangeOrNullObject(true).load(['values', 'address']);
    await context.sync();
    if (column.isNullObject) return { ws, keys: [], last: 0 };
    const last = topLeftOf(column.address).row + column.values.length - 1;
    return { ws, keys: column.values.map((r) => r[0]), last };
  }

  /**
   * The row to write below on a sheet without a table. The values-only used range ends at `last`,
   * but it may leave out formulas showing "" (a team's 月 column, =IF(A5="","",MONTH(A5)), filled
   * down to row 1000), and writing a row there would clear them. When the full used range ends
   * further down, the written columns of the rows between are read as formulas (one more sync,
   * whatever the row count; in row chunks when Excel refused a large read) and the last row with
   * anything in them counts as used. That is also the guard against overwriting: the rows written
   * are then blank in those rows' loaded formulas, or outside the used range altogether.
   */
  private async lastWithContent(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    last: number,
    fullLast: number,
    columns: number,
    chunked: boolean,
  ): Promise<number> {
    if (fullLast <= last) return last;
    const between: Piece = { ws, row: last + 1, column: 1, rows: fullLast - last, columns };
    let formulas: unknown[][];
    if (chunked) {
      formulas = (await loadPieces(context, [between], this.readChunk, 'formulas'))[0]?.cells ?? [];
    } else {
      const range = ws.getRange(blockAddress(between.row, 1, between.rows, columns)).load('formulas');
      await context.sync();
      formulas = range.formulas;
    }
    for (let i = formulas.length - 1; i >= 0; i--) if (formulas[i]!.some(hasContent)) return last + 1 + i;
    return last;
  }

  /**
   * Adds the rows at the table's end with one `rows.add` (one per ~4 MB), sets the date formats
   * of the new cells in the same request, and returns the sheet row of the first new row.
   * rows.add inserts: cells below the table (not part of it) move down rather than being
   * overwritten.
   */
  private async addTableRows(
    context: Excel.RequestContext,
    table: Excel.Table,
    block: EncodedBlock,
    width: number,
  ): Promise<number> {
    const values = block.inputs.map((r) => fitRow<ExcelInput>(r, width, ''));
    const formats = block.formats?.map((r) => fitRow<string | null>(r, width, null)) ?? null;
    let first: Excel.Range | null = null;
    let start = 0;
    while (start < block.rows) {
      let end = start;
      let bytes = 0;
      while (end < block.rows && (end === start || bytes + block.rowBytes[end]! <= this.writeBudget)) {
        bytes += block.rowBytes[end]!;
        end++;
      }
      if (start > 0) await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      const row = table.rows.add(undefined, values.slice(start, end));
      if (formats)
        row.getRange().getResizedRange(end - start - 1, 0).numberFormat = formats.slice(start, end);
      first ??= row.getRange().load('address');
      start = end;
    }
    await context.sync();
    return topLeftOf(first!.address).row;
  }
}

/** Queues rows below row `last`, inserted (not written over) so concurrent appends both stay. */
function insertBelow(ws: Excel.Worksheet, last: number, rows: WriteCell[][]): void {
  if (rows.length === 0) return;
  const block = encodeBlock(rows);
  const range = ws.getRange(blockAddress(last + 1, 1, block.rows, block.columns));
  range.insert('Down');
  range.values = block.inputs;
}

/** The last row of a used range (0 when the sheet has none). */
function bottomRow(used: Excel.Range): number {
  return used.isNullObject ? 0 : topLeftOf(used.address).row + used.rowCount - 1;
}

/** A cell of a `formulas` read that holds something: a formula, or a value typed in. */
function hasContent(formula: unknown): boolean {
  return formula !== '' && formula !== null && formula !== undefined;
}

/** True when every non-blank cell of the block lies within the table's `width` columns. */
function fitsWidth(block: EncodedBlock, width: number): boolean {
  if (width < 1) return false;
  if (block.columns <= width) return true;
  return block.inputs.every((r) => r.every((v, j) => j < width || v === null || v === ''));
}

/** A row cut or padded to the table's width (rows.add takes one value per column, no null). */
function fitRow<T>(row: readonly (T | null)[], width: number, pad: T): T[] {
  const out = new Array<T>(width).fill(pad);
  for (let j = 0; j < width && j < row.length; j++) out[j] = row[j] ?? pad;
  return out;
}

/** The name asked for, or with a number when a table or a defined name already has it. */
function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Office.js chart types for the spec's. */
const CHART_TYPES: Record<ChartSpec['type'], 'BarClustered' | 'ColumnClustered' | 'Line' | 'Pie'> = {
  bar: 'BarClustered',
  column: 'ColumnClustered',
  line: 'Line',
  pie: 'Pie',
};

/**
 * A native chart: over the block from the category column to the last series when they sit side
 * by side (Excel names the series by the header row), else over the first series' column with
 * its categories set apart (ChartSeries.setXAxisValues, ExcelApi 1.7).
 */
function addChart(ws: Excel.Worksheet, chart: ChartSpec): void {
  const rows = chart.lastRow - chart.headerRow + 1;
  const column = (c: number, header: boolean) =>
    ws.getRange(blockAddress(header ? chart.headerRow : chart.headerRow + 1, c, header ? rows : rows - 1, 1));
  const together = chart.seriesColumns.every((c, i) => c === chart.categoryColumn + 1 + i);
  let added: Excel.Chart;
  if (together)
    added = ws.charts.add(
      CHART_TYPES[chart.type],
      ws.getRange(blockAddress(chart.headerRow, chart.categoryColumn, rows, chart.seriesColumns.length + 1)),
      'Columns',
    );
  else {
    const [first, ...others] = chart.seriesColumns;
    added = ws.charts.add(CHART_TYPES[chart.type], column(first!, true), 'Columns');
    added.series.getItemAt(0).setXAxisValues(column(chart.categoryColumn, false));
    for (const c of others) {
      const series = added.series.add();
      series.setValues(column(c, false));
      series.setXAxisValues(column(chart.categoryColumn, false));
    }
  }
  added.title.text = chart.title;
  added.setPosition(blockAddress(chart.anchor.row, chart.anchor.column, 1, 1));
  // Office.js sizes charts in points; the spec in pixels (96 per inch, 72 points).
  added.width = chart.anchor.width * 0.75;
  added.height = chart.anchor.height * 0.75;
}

/** Rejects a plan that would fail half-way, before anything is written. */
function checkPlan(plan: readonly WriteOp[], existing: ReadonlySet<string>): void {
  const sheets = new Set(existing);
  const adding = new Set<string>();
  for (const op of plan) {
    const key = op.sheet.toLowerCase();
    if ((op.kind === 'addChart' || op.kind === 'trafficLight') && !adding.has(key))
      // Charts and colours go only on a sheet this plan adds: never a user's, never twice.
      throw new KimeruError({ key: 'port.notOurs', params: { sheet: op.sheet } });
    if (op.kind === 'addSheet') adding.add(key);
    if (op.kind === 'addSheet') {
      if (sheets.has(key)) throw new KimeruError({ key: 'port.sheetExists', params: { sheet: op.sheet } });
      if (!validSheetName(op.sheet))
        throw new KimeruError({ key: 'port.badSheetName', params: { sheet: op.sheet } });
      if (op.table !== undefined && !validTableName(op.table))
        throw new KimeruError({ key: 'port.badTableName', params: { table: op.table } });
      sheets.add(key);
    } else if (!sheets.has(key)) throw new KimeruError({ key: 'port.noSheet', params: { sheet: op.sheet } });
    if (op.kind === 'setBlock') {
      let width = 0;
      for (const r of op.rows) width = Math.max(width, r.length);
      if (
        op.row < 1 ||
        op.column < 1 ||
        op.row + op.rows.length - 1 > MAX_ROWS ||
        op.column + width - 1 > MAX_COLUMNS
      )
        throw new KimeruError({
          key: 'port.blockTooBig',
          params: { row: op.row, column: op.column, sheet: op.sheet },
        });
    }
  }
}

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
function validSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

/** Excel's table-name rules: a letter or _ first, then letters, digits, _ or .; not a cell address. */
function validTableName(name: string): boolean {
  return (
    name.length <= 250 &&
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]$|^[Rr][0-9]*[Cc][0-9]*$/.test(name)
  );
}

/** A used range's values placed from A1: rows and columns before its top-left are blank. */
function fromA1(address: string, values: unknown[][]): CellValue[][] {
  const { row, column } = topLeftOf(address);
  const lead = column - 1;
  const width = lead + (values[0]?.length ?? 0);
  const out: CellValue[][] = [];
  for (let r = 1; r < row; r++) out.push(new Array<CellValue>(width).fill(''));
  for (const v of values)
    out.push(
      lead === 0 ? (v as CellValue[]) : [...new Array<CellValue>(lead).fill(''), ...(v as CellValue[])],
    );
  return out;
}

/**
 * Excel hands a date cell over as its serial number; the port hands dates over as Date objects
 * (local time, as Sheets does), so a number whose format shows a date becomes a Date.
 */
function withDates(values: unknown[][], formats: unknown[][]): unknown[][] {
  return values.map((row, r) => {
    const f = formats[r];
    if (!f) return row;
    let copy: unknown[] | null = null;
    row.forEach((v, c) => {
      if (typeof v === 'number' && isDateFormat(f[c])) (copy ??= [...row])[c] = serialToDate(v);
    });
    return copy ?? row;
  });
}

/** Queues whole-block writes, syncing whenever the next chunk would push a request past the budget. */
class Writer {
  private bytes = 0;
  private queued = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  async block(ws: Excel.Worksheet, row: number, column: number, block: EncodedBlock): Promise<void> {
    let start = 0;
    while (start < block.rows) {
      let end = start;
      let bytes = 0;
      while (end < block.rows && (end === start || bytes + block.rowBytes[end]! <= this.budget)) {
        bytes += block.rowBytes[end]!;
        end++;
      }
      if (this.queued && this.bytes + bytes > this.budget) await this.flush();
      this.queue(
        ws.getRange(blockAddress(row + start, column, end - start, block.columns)),
        block,
        start,
        end,
      );
      this.bytes += bytes;
      start = end;
    }
  }

  /** Sends what is queued (always one sync, so every method ends with its writes applied). */
  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
    this.queued = false;
  }

  private queue(range: Excel.Range, block: EncodedBlock, start: number, end: number): void {
    if (!this.queued) this.context.application.suspendApiCalculationUntilNextSync();
    this.queued = true;
    if (block.formats) range.numberFormat = block.formats.slice(start, end);
    const inputs = block.inputs.slice(start, end);
    if (block.hasFormula) range.formulas = inputs;
    else range.values = inputs;
  }
}

interface Piece {
  ws: Excel.Worksheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What `loadPieces` reads: values, values with number formats (to tell dates), or formulas. */
type PieceRead = 'values' | 'valuesAndFormats' | 'formulas';
/** One block read: its values or formulas, and its number formats when asked for. */
type PieceCells = { cells: unknown[][]; formats: unknown[][] };

/**
 * Loads the cells of several blocks in as few syncs as the budget allows, one result per block.
 * A sync Excel refuses as too large is retried with half the budget.
 */
async function loadPieces(
  context: Excel.RequestContext,
  pieces: Piece[],
  budget: number,
  read: PieceRead,
): Promise<PieceCells[]> {
  const withFormats = read === 'valuesAndFormats';
  const main = read === 'formulas' ? 'formulas' : 'values';
  const parts: { owner: number; part: Piece }[] = [];
  pieces.forEach((p, owner) => {
    const step = Math.max(1, Math.floor(budget / Math.max(1, p.columns)));
    for (let r = 0; r < p.rows; r += step)
      parts.push({ owner, part: { ...p, row: p.row + r, rows: Math.min(step, p.rows - r) } });
  });
  const got: PieceCells[] = parts.map(() => ({ cells: [], formats: [] }));
  let start = 0;
  while (start < parts.length) {
    let end = start;
    let cells = 0;
    while (end < parts.length) {
      const size = parts[end]!.part.rows * parts[end]!.part.columns;
      if (end > start && cells + size > budget) break;
      cells += size;
      end++;
    }
    const group = parts.slice(start, end);
    const ranges = group.map(({ part }) =>
      part.ws
        .getRange(blockAddress(part.row, part.column, part.rows, part.columns))
        .load(withFormats ? [main, 'numberFormat'] : [main]),
    );
    try {
      await context.sync();
      ranges.forEach(
        (r, k) => (got[start + k] = { cells: r[main], formats: withFormats ? r.numberFormat : [] }),
      );
    } catch (e) {
      if (!isPayloadLimit(e) || budget <= MIN_READ_CHUNK_CELLS) throw e;
      const smaller = await loadPieces(
        context,
        group.map((g) => g.part),
        Math.floor(budget / 2),
        read,
      );
      smaller.forEach((m, k) => (got[start + k] = m));
    }
    start = end;
  }
  const out: PieceCells[] = pieces.map(() => ({ cells: [], formats: [] }));
  parts.forEach(({ owner }, k) => {
    const into = out[owner]!;
    for (const row of got[k]!.cells) into.cells.push(row);
    for (const row of got[k]!.formats) into.formats.push(row);
  });
  return out;
}

/** Excel's refusal of a request or response over its payload limit (5 MB on the web). */
function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}
