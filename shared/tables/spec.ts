import type { AttrValue, Day } from '../model';
import type { Lang, MessageKey } from '../i18n';
import type { Issue } from '../issues';
import type { CellObjectReader, RowReader } from '../values/cell';

/**
 * How to read one cell: text (one line, normalised), note (multi-line text kept as written),
 * number, date (→ Day), boolean, attribute (loose: number, boolean or text).
 */
export type ColumnKind = 'text' | 'note' | 'number' | 'date' | 'boolean' | 'attribute';

/** One column a table reader knows, found by any of its header aliases (ja and en). */
export interface ColumnSpec {
  key: string;
  /** Header texts that mean this column, most specific first: when several columns match the
   *  same key, the one matching the earlier alias wins. Compared with normalizeHeader. */
  aliases: string[];
  kind: ColumnKind;
  /** The column must exist; a blank cell in it is an issue and the key goes to `invalid`. */
  required: boolean;
  /** With `required`: the column must exist but blank cells are left to the caller (who has a
   *  better message, e.g. the activity type). */
  allowBlank?: boolean;
  /** The header kimeru writes for this column; default: the first alias / first ASCII alias. */
  labels?: Record<Lang, string>;
}

export interface TableSpec {
  /** The table's name in messages ('tables.customers' …). */
  sheetKey: MessageKey;
  columns: ColumnSpec[];
}

/** Where a grid sits in its sheet, so issues can name the cell the user sees. */
export interface TableOptions {
  /** The sheet's name, shown in issues. */
  sheet: string;
  /** 1-based sheet row of grid[0]; default 1. */
  firstRow?: number;
  /** 1-based sheet column of grid[r][0]; default 1 (column A), as for rows. */
  firstColumn?: number;
  /** Headers the user mapped by hand (column key → their header text), tried before the aliases. */
  mapping?: Readonly<Record<string, string>>;
  /** Reads the host's cell objects (Excel's errors and data types) where a cell is read. */
  cellObjects?: CellObjectReader;
  /**
   * Each call a new reader of the host's rows (see RowReader): one reads the rows searched for
   * the header, another the data rows, each in order. Absent: the rows read as they are.
   */
  hostRows?: () => RowReader | null;
  /**
   * Which columns no spec column claims are read as attributes, by header (default: all). The
   * others are found — the headers still list them — but never read: no value, no issue.
   */
  attributes?: (header: string) => boolean;
}

/** A cell after reading it as its column's kind. */
export type CellRead = string | number | boolean | Day | AttrValue | null;

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  /** Mapped columns by key, typed per kind: text/note → string ('' when blank), number →
   *  number | null, date → Day | null, boolean → boolean | null, attribute → AttrValue. A key
   *  whose column is absent from the sheet is absent here. */
  cells: Record<string, CellRead>;
  /** Unmapped columns by header text as written. */
  extra: Record<string, AttrValue>;
  /** Keys of cells that could not be read (each has an Issue) or are required and blank. */
  invalid: string[];
}

/** A table's shape as found: where the header is and which column holds what. */
export interface TableLayout {
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Column key → 0-based column index in the grid. */
  columns: Record<string, number>;
  /** Header text as written, per grid column ('' where the header cell is blank). */
  headers: string[];
  /** Columns with a header that no spec column claimed (they become attributes). */
  extra: { index: number; header: string }[];
  issues: Issue[];
  /** 1-based sheet rows the data occupies (below the header; a total row and the notes under the
   *  table are not data); null when the table has no data row. */
  dataRows: { first: number; last: number } | null;
  /** Rows below the header that are not data and were not read, and why. */
  notData: { row: number; reason: 'total' | 'note' }[];
}

export interface TableRead extends TableLayout {
  /** Non-blank rows below the header, in sheet order. */
  rows: TableRow[];
}
