import type { CellValue } from '../../../shared/values/cell';
import { FakeOfficeError, FakeRequestContext } from './context';
import {
  columnName,
  FakeSheet,
  formatBox,
  GENERAL,
  MAX_ROWS,
  parseInput,
  serialOf,
  type Box,
  type Scalar,
  type TableState,
} from './sheet';

/**
 * An Excel workbook for tests: `run` behaves like `Excel.run` over it, and the counters and the
 * write log let a test assert how many round trips a command made and which cells it touched.
 * Dates given as Date objects are stored as serial numbers with a date format, as Excel does.
 */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { sheet: string; address: string; formula?: string }>();
  /** Tables in the order they were added; names are unique workbook-wide, with defined names too. */
  readonly tables: TableState[] = [];
  /** rangeReads: loads of cell contents (values, formulas or number formats) of a range. */
  readonly counts = { runs: 0, syncs: 0, suspendCalculation: 0, rangeReads: 0 };
  /** Every write applied, in order: which sheet and what (values A1:C3, clear(…), …). */
  readonly log: { sheet: string; address: string }[] = [];
  /** Excel on the web refuses requests and responses over 5 MB. */
  payloadLimitBytes = 5 * 1024 * 1024;

  constructor(initial: Record<string, CellValue[][]> = {}) {
    for (const [name, rows] of Object.entries(initial)) {
      const sheet = this.addSheet(name);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === '') return;
          if (v instanceof Date)
            sheet.setCell(r, c, {
              value: serialOf(v.getFullYear(), v.getMonth() + 1, v.getDate()),
              format: 'yyyy/m/d',
            });
          else sheet.setCell(r, c, { value: v, format: GENERAL });
        }),
      );
    }
  }

  /** `Excel.run`: one request context per batch; queued writes must have been synced by the end. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    this.counts.runs++;
    const context = new FakeRequestContext(this);
    try {
      const result = await batch(context);
      if (context.pendingWrites > 0)
        throw new FakeOfficeError('GeneralException', 'The batch ended with queued commands never synced.');
      return result;
    } finally {
      context.closed = true;
    }
  };

  /** Sheet names are case-insensitive in Excel. */
  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** @internal used by worksheets.add */
  addSheet(name: string): FakeSheet {
    if (this.sheet(name))
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new FakeOfficeError('InvalidArgument', `Invalid sheet name: ${name}`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A table by name, matched case-insensitively as Excel does. */
  table(name: string): TableState | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  /** Where a table is and how it looks, as a test asserts it: "行動!A1:M3". */
  tableInfo(name: string): { sheet: string; address: string; style: string } | undefined {
    const t = this.table(name);
    return t && { sheet: t.sheet.name, address: formatBox(t.box), style: t.style };
  }

  /**
   * @internal used by tables.add. A table needs a data row: over a header alone it takes the
   * blank row below. Header cells become unique text, as Excel makes them (blank → Column1,
   * a repeated header gets a number), which is a change to those cells and is logged as one.
   */
  addTable(sheet: FakeSheet, range: Box, hasHeaders: boolean): TableState {
    if (!hasHeaders)
      throw new FakeOfficeError(
        'InvalidArgument',
        'The fake only models tables whose first row is the header.',
      );
    const box = { ...range, rows: Math.max(2, range.rows) };
    if (box.top + box.rows > MAX_ROWS)
      throw new FakeOfficeError('InvalidArgument', 'The table does not fit.');
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.box, box)))
      throw new FakeOfficeError('InvalidArgument', 'A table cannot overlap another table.');
    const seen = new Set<string>();
    for (let c = box.left; c < box.left + box.columns; c++) {
      const cell = sheet.cell(box.top, c);
      const text = cell?.value === undefined || cell.value === '' ? '' : String(cell.value);
      let header = text === '' ? `Column${c - box.left + 1}` : text;
      for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${text}${n}`;
      seen.add(header.toLowerCase());
      if (header !== cell?.value || cell.formula !== undefined) {
        sheet.setCell(box.top, c, { value: header, format: cell?.format ?? GENERAL });
        this.log.push({ sheet: sheet.name, address: `header ${columnName(c)}${box.top + 1}` });
      }
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`) || this.name(`Table${n}`)) n++;
    const table: TableState = { name: `Table${n}`, sheet, box, style: 'TableStyleMedium2' };
    this.tables.push(table);
    this.log.push({ sheet: sheet.name, address: `tables.add ${table.name} ${formatBox(box)}` });
    return table;
  }

  /** @internal Excel's table-name rules, and one namespace with defined names. */
  renameTable(table: TableState, name: string): void {
    const valid =
      name.length <= 255 &&
      /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
      !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
      !/^[RrCc]$|^[Rr][0-9]*[Cc][0-9]*$/.test(name);
    if (!valid) throw new FakeOfficeError('InvalidArgument', `Invalid table name: ${name}`);
    const other = this.table(name);
    if ((other && other !== table) || this.name(name) !== undefined)
      throw new FakeOfficeError('InvalidArgument', `The name ${name} is already taken.`);
    table.name = name;
  }

  /**
   * @internal used by table.rows.add: inserts rows into the table at `index` (its end when null
   * or -1), moving the cells below the table's columns down; every row must have as many values
   * as the table has columns. A table whose only data row is blank takes the first new row into
   * it. New cells get the General format (the adapter sets date formats itself). Returns the
   * 0-based sheet row of the first new row.
   */
  addTableRows(table: TableState, index: number | null | undefined, values: Scalar[][] | undefined): number {
    const { sheet, box } = table;
    const rows = values ?? [new Array<Scalar>(box.columns).fill('')];
    if (
      !Array.isArray(rows) ||
      rows.length === 0 ||
      rows.some((r) => !Array.isArray(r) || r.length !== box.columns)
    )
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the table (${box.columns} columns).`,
      );
    sheet.guardEdit(box, 'table.rows.add');
    const body = box.rows - 1;
    const at = index === null || index === undefined || index === -1 ? body : index;
    if (!Number.isInteger(at) || at < 0 || at > body)
      throw new FakeOfficeError('InvalidArgument', `The row index ${index} is outside the table.`);
    const blankBody =
      body === 1 && sheet.values({ ...box, top: box.top + 1, rows: 1 })[0]!.every((v) => v === '');
    const start = blankBody ? box.top + 1 : box.top + 1 + at;
    const inserted = blankBody ? rows.length - 1 : rows.length;
    if (inserted > 0) {
      const from = blankBody ? box.top + 2 : start;
      const used = sheet.usedBox(false);
      if (used && used.top + used.rows + inserted > MAX_ROWS)
        throw new FakeOfficeError('InvalidOperation', 'There is no room to insert rows in the sheet.');
      const moved: TableState[] = [];
      for (const other of this.tables) {
        if (other === table || other.sheet !== sheet) continue;
        const sideBySide =
          other.box.left + other.box.columns <= box.left || other.box.left >= box.left + box.columns;
        if (sideBySide || other.box.top + other.box.rows <= from) continue;
        const within =
          other.box.left >= box.left && other.box.left + other.box.columns <= box.left + box.columns;
        if (!within || other.box.top < from)
          throw new FakeOfficeError(
            'InvalidOperation',
            'This operation would move cells in a table on the worksheet.',
          );
        moved.push(other);
      }
      sheet.shiftDown(from, box.left, box.columns, inserted);
      for (const other of moved) other.box = { ...other.box, top: other.box.top + inserted };
      table.box = { ...box, rows: box.rows + inserted };
    }
    rows.forEach((row, i) =>
      row.forEach((input, j) => sheet.setCell(start + i, box.left + j, parseInput(input, undefined))),
    );
    const added: Box = { top: start, left: box.left, rows: rows.length, columns: box.columns };
    this.log.push({ sheet: sheet.name, address: `rows.add ${table.name} ${formatBox(added)}` });
    return start;
  }

  /** The stored key of a workbook name, matched case-insensitively. */
  name(name: string): string | undefined {
    const key = name.toLowerCase();
    return [...this.names.keys()].find((n) => n.toLowerCase() === key);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A sheet's values from A1 to the last used cell ('' for empty cells), as a user sees them. */
  values(name: string): Scalar[][] {
    return this.grid(name, (s, box) => s.values(box));
  }

  formulas(name: string): Scalar[][] {
    return this.grid(name, (s, box) => s.formulas(box));
  }

  formats(name: string): string[][] {
    return this.grid(name, (s, box) => s.formats(box));
  }

  /** Cells written as text with a leading apostrophe, as "A2" addresses. */
  quotePrefixed(name: string): string[] {
    const sheet = this.mustSheet(name);
    const out: string[] = [];
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.quotePrefix) out.push(`${columnName(c)}${r + 1}`);
      }),
    );
    return out;
  }

  private grid<T>(
    name: string,
    read: (s: FakeSheet, box: { top: 0; left: 0; rows: number; columns: number }) => T[][],
  ): T[][] {
    const sheet = this.mustSheet(name);
    const used = sheet.usedBox(false);
    if (!used) return [];
    return read(sheet, { top: 0, left: 0, rows: used.top + used.rows, columns: used.left + used.columns });
  }

  private mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}
