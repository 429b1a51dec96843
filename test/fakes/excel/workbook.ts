import type { CellValue } from '../../../shared/values/cell';
import { FakeOfficeError, FakeRequestContext } from './context';
import { columnName, FakeSheet, GENERAL, serialOf, type Scalar } from './sheet';

/**
 * An Excel workbook for tests: `run` behaves like `Excel.run` over it, and the counters and the
 * write log let a test assert how many round trips a command made and which cells it touched.
 * Dates given as Date objects are stored as serial numbers with a date format, as Excel does.
 */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, { sheet: string; address: string }>();
  readonly counts = { runs: 0, syncs: 0, suspendCalculation: 0 };
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
