import type { AttrValue } from '../model';
import { t } from '../i18n';
import { KimeruError, type Issue } from '../issues';
import {
  errorValueOf,
  isDateValue,
  withCellObjects,
  type CellObjectReader,
  type CellValue,
  type Read,
  type RowReader,
} from '../values/cell';
import { readAttribute } from '../values/attributes';
import { readBoolean } from '../values/booleans';
import { readDate } from '../values/dates';
import { DateDays, SERIAL_EPOCH_OFFSET } from '../values/days';
import { readNumber, readNumberCell } from '../values/numbers';
import { isBlank, normalizeNote, normalizeText, plainNote } from '../values/text';
import { columnLetter } from './columns';
import { normalizeHeader } from './headers';
import type { CellRead, ColumnSpec, TableLayout, TableOptions, TableRead, TableRow, TableSpec } from './spec';
import { columnLabel } from './labels';
import { keepShapes } from '../keep-shapes';

// Read once, not per cell: in a vm realm (the benchmark runs the built bundles in one) every
// lookup of a global such as Number costs about 0.1 µs.
const isFiniteNumber = Number.isFinite;

/** How many rows from the top are searched for the header (title rows, notes, blank rows). */
export const HEADER_SEARCH_ROWS = 20;

interface HeaderMatch {
  /** key → grid column, best alias wins, then leftmost. */
  columns: Map<string, { index: number; rank: number }>;
  duplicates: { index: number; other: number }[];
}

/**
 * Reads a table by its headers: finds the header row (the row within the first 20 with the most
 * alias matches that has every required column), then reads each non-blank row below it, every
 * cell as its column's kind. Unreadable cells become issues naming sheet, row and column; the
 * row is still returned with that cell null and its key in `invalid`. Throws KimeruError
 * ('tables.missingColumn' / 'tables.noHeader') when the table cannot be found.
 */
export function readTable(grid: CellValue[][], spec: TableSpec, opts: TableOptions): TableRead {
  const rows: TableRow[] = [];
  const layout = scanTable(grid, spec, opts, (row) => rows.push(row));
  return { ...layout, rows };
}

/**
 * readTable without keeping the rows: each row is handed to `onRow` as it is read. The readers
 * turn rows into customers and activities at once, so 300,000 intermediate rows never pile up
 * (keeping them costs more in garbage collection than reading them).
 */
export function scanTable(
  grid: CellValue[][],
  spec: TableSpec,
  opts: TableOptions,
  onRow: (row: TableRow, layout: TableLayout) => void,
  /** The caller keeps nothing of a row after onRow returns: one row object is reused throughout. */
  transient = false,
  /** Optional columns the caller will not look at: found (so they are not attributes), never read. */
  unread?: ReadonlySet<string>,
): TableLayout {
  const shared = { cells: {} as Record<string, CellRead> };
  let keys: { key: string; slot: number }[] | null = null;
  return scanSlots(
    grid,
    spec,
    opts,
    (row, values, extra, invalid, layout) => {
      keys ??= spec.columns
        .map((c, slot) => ({ key: c.key, slot }))
        .filter((k) => k.key in layout.columns && !skipsColumn(spec.columns[k.slot]!, unread));
      const cells: Record<string, CellRead> = transient ? shared.cells : {};
      for (const k of keys) cells[k.key] = values[k.slot] as CellRead;
      // A kept row owns its attributes (a customer's), never the shared empty record.
      const own = transient || extra !== NO_EXTRA ? extra : {};
      onRow({ row, cells, extra: own, invalid: transient ? (invalid as string[]) : invalid.slice() }, layout);
    },
    unread,
  );
}

/**
 * Receives one data row of scanSlots. `values` holds each read column's value at its position in
 * spec.columns (absent or unread columns: undefined); `values` and `invalid` are reused for the
 * next row, so nothing of them may be kept.
 */
export type SlotSink = (
  row: number,
  values: readonly (CellRead | undefined)[],
  extra: Record<string, AttrValue>,
  invalid: readonly string[],
  layout: TableLayout,
) => void;

/** A reader specialised for one table, which skips the per-column dispatch of the generic loop. */
export interface FastRows {
  /**
   * Takes one data row whole, straight from the grid, when every cell it needs is a plain one:
   * true when it did (then neither the column loop nor onRow sees the row), false to leave the
   * row to them. It must raise no issue and give what onRow would have made of the row.
   */
  fast(line: readonly CellValue[], row: number, layout: TableLayout): boolean;
  /**
   * Offered, before the first row, the host's days of the Dates in rows it has not moved
   * (RowReader.dayOf): true when `fast` will read the grid's own rows with them, so that only a
   * row it leaves goes through the host's row reader. Called with null once the table is read.
   */
  hostDays?(dayOf: ((time: number, column: number) => number) | null): boolean;
}

/**
 * Whether a column the caller will not look at can be left unread: any column except a required
 * one whose blank cell leaves the row out (its cells decide which rows count).
 */
function skipsColumn(c: ColumnSpec, unread: ReadonlySet<string> | undefined): boolean {
  return unread !== undefined && unread.has(c.key) && !(c.required && !c.allowBlank);
}

/** How a mapped column's cells are read; the common cells take a fast path in the row loop. */
const KIND_TEXT = 0;
const KIND_DATE = 1;
const KIND_OTHER = 2;
const KIND_NOTE = 3;

interface Mapped {
  spec: ColumnSpec;
  slot: number;
  index: number;
  letter: string;
  header: string;
  kind: number;
  /** A blank cell is an issue and the row is invalid (required and not allowBlank). */
  blankStops: boolean;
  memo: Memo<Read<CellRead>>;
  /** The last plain text read in this column (a string that took the fast path) and its value. */
  lastRaw: unknown;
  lastText: string;
  /** Note texts read so far (people met, next actions repeat); null once they prove unique. */
  notes: Map<string, string> | null;
  noteHits: number;
}

/** A note cell read in full (normalizeNote), remembered while the column's notes repeat. */
function noteOf(m: Mapped, raw: string): string {
  const text = normalizeNote(raw);
  const notes = m.notes;
  if (notes === null) return text;
  if (notes.size < MEMO_LIMIT) notes.set(raw, text);
  // Free text unique per row (内容) is not worth a memo: drop it after a trial.
  if (notes.size === MEMO_TRIAL && m.noteHits < MEMO_TRIAL) m.notes = null;
  return text;
}

/**
 * The row loop behind scanTable, without a record per row: one pass per table, each read cell
 * written to its column's slot of one reused array. Plain texts and dates (serial numbers, Date
 * objects) are read in place; everything else, and every cell that raises an issue, goes through
 * the same readers as before, so values and issues are unchanged.
 */
export function scanSlots(
  grid: CellValue[][],
  spec: TableSpec,
  opts: TableOptions,
  onRow: SlotSink,
  /** Optional columns the caller will not look at: found (so they are not attributes), never read. */
  unread?: ReadonlySet<string>,
  /** Tried on each data row before the column loop. */
  fastRows?: FastRows,
): TableLayout {
  const firstRow = opts.firstRow ?? 1;
  const firstColumn = (opts.firstColumn ?? 1) - 1; // 0-based offset from the 1-based option
  const aliasIndex = buildAliasIndex(spec, opts.mapping);
  const required = spec.columns.filter((c) => c.required);

  let best: { r: number; match: HeaderMatch } | null = null;
  let bestPartial: { r: number; match: HeaderMatch } | null = null;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  const objects = opts.cellObjects;
  const headerRows = opts.hostRows?.() ?? null;
  // The rows searched for the header, read as the host's rows read (the host's row reader, then
  // its cell objects: a header typed over a data type).
  const top = (r: number): CellValue[] => {
    let line = grid[r] ?? [];
    if (headerRows !== null) line = headerRows(line);
    return objects === undefined ? line : withCellObjects(line, objects);
  };
  for (let r = 0; r < limit; r++) {
    const match = matchHeader(top(r), aliasIndex);
    const size = match.columns.size;
    if (size === 0) continue;
    if (!bestPartial || size > bestPartial.match.columns.size) bestPartial = { r, match };
    if (required.every((c) => match.columns.has(c.key)) && (!best || size > best.match.columns.size))
      best = { r, match };
  }
  if (!best) throw new KimeruError(headerIssues(spec, opts.sheet, bestPartial, firstRow));

  const headerCells = top(best.r);
  const headers = headerCells.map((h) => headerText(h));
  const headerRow = firstRow + best.r;
  const issues: Issue[] = best.match.duplicates.map((d) => ({
    key: 'tables.duplicateColumn',
    params: { header: headers[d.index] ?? '', other: columnLetter(firstColumn + d.index) },
    sheet: opts.sheet,
    row: headerRow,
    column: columnLetter(firstColumn + d.other),
    header: headers[d.other] ?? '',
    severity: 'warning',
  }));

  const columns: Record<string, number> = {};
  const mapped: Mapped[] = [];
  const used = new Set<number>();
  spec.columns.forEach((c, slot) => {
    const m = best.match.columns.get(c.key);
    if (!m) return;
    columns[c.key] = m.index;
    used.add(m.index);
    if (skipsColumn(c, unread)) return;
    mapped.push({
      spec: c,
      slot,
      index: m.index,
      letter: columnLetter(firstColumn + m.index),
      header: headers[m.index] ?? '',
      kind:
        c.kind === 'text'
          ? KIND_TEXT
          : c.kind === 'date'
            ? KIND_DATE
            : c.kind === 'note'
              ? KIND_NOTE
              : KIND_OTHER,
      blankStops: c.required && !c.allowBlank,
      memo: new Memo(cellReader(c.kind)),
      lastRaw: NaN, // equal to no cell
      lastText: '',
      notes: new Map<string, string>(),
      noteHits: 0,
    });
  });
  const extra: { index: number; header: string }[] = [];
  const extraNames = new Set<string>();
  headers.forEach((header, index) => {
    if (used.has(index) || header === '') return;
    // Two unmapped columns with the same header: the later one is told apart by its letter.
    const name = extraNames.has(header) ? `${header} (${columnLetter(firstColumn + index)})` : header;
    extraNames.add(name);
    if (opts.attributes === undefined || opts.attributes(name)) extra.push({ index, header: name });
  });

  const layout: TableLayout = { headerRow, columns, headers, extra, issues, dataRows: null, notData: [] };
  const rows = new SlotRows(
    grid,
    opts,
    firstRow,
    firstColumn,
    best.r + 1,
    mapped,
    extra,
    extra.map(() => new Memo(readAttribute)),
    // Worked out on the column's first Date: most attribute columns hold none, and are not scanned.
    extra.map(() => undefined),
    mapped.filter((m) => m.spec.required).map((m) => m.index),
    layout,
    new Array<CellRead | undefined>(spec.columns.length),
    onRow,
    objects,
    opts.hostRows?.() ?? null,
  );
  if (fastRows === undefined) scanAll(rows);
  else if (rows.hostDaysFor(fastRows)) scanFastUnmoved(rows, fastRows);
  else scanFast(rows, fastRows);
  fastRows?.hostDays?.(null);
  // A few small objects of this call kept past it (an attribute record, the column map, the
  // options): their hidden classes, made per table, then outlive a garbage collection between
  // recalculations, and so does the code compiled for them. Without them every call after a
  // collection ran deoptimised, and this function takes long to optimise again. The host's range
  // is let go first: kept, it held a call's whole input (54 MB at 10,000 customers) until the next.
  rows.release();
  keepShapes(`table:${spec.sheetKey}`, rows, rows.shape, columns, opts, mapped, layout, extra, best);
  return layout;
}

const NO_GRID: CellValue[][] = [];

/**
 * The data rows of one table as scanSlots reads them: which grid rows are data, and the column
 * loop that reads one. A class, so that the loops over rows (scanAll, scanFast) stay small: V8
 * compiles a long-running loop on the fly, and a small one quickly.
 */
class SlotRows {
  shape: Record<string, AttrValue> = NO_EXTRA;
  readonly invalid: string[] = [];
  /** Dates of the host's realm, by time: a log repeats the same few hundred days. */
  readonly dateDays = new DateDays();
  private blankAfterData = false;

  constructor(
    public grid: CellValue[][],
    readonly opts: TableOptions,
    readonly firstRow: number,
    readonly firstColumn: number,
    /** The grid row after the header. */
    readonly from: number,
    readonly mapped: Mapped[],
    readonly extra: { index: number; header: string }[],
    readonly readExtra: Memo<AttrValue>[],
    readonly numericWithDates: (boolean | undefined)[],
    readonly requiredIndexes: number[],
    readonly layout: TableLayout,
    /** Each read column's value of the current row at its place in spec.columns (reused). */
    readonly values: (CellRead | undefined)[],
    readonly onRow: SlotSink,
    /** The host's cell objects, read in a row that goes through the column loop (see read). */
    readonly objects: CellObjectReader | undefined,
    /** The host's reader of the data rows (TableOptions.hostRows), given each row in order. */
    private hostRows: RowReader | null,
  ) {}

  /** Lets go of the host's range and row reader once the table is read (see keepShapes above). */
  release(): void {
    this.grid = NO_GRID;
    this.hostRows = null;
  }

  /** Grid row r as the core reads it (through the host's row reader, if any). */
  line(r: number): CellValue[] | undefined {
    const line = this.grid[r];
    return this.hostRows === null || line === undefined ? line : this.hostRows(line);
  }

  /** Whether `fast` reads the grid's own rows with the host's days (see FastRows.hostDays). */
  hostDaysFor(fast: FastRows): boolean {
    const host = this.hostRows;
    if (host === null || host.dayOf === undefined || host.pass === undefined) return false;
    return fast.hostDays?.(host.dayOf) === true;
  }

  /** A grid row through the host's row reader (the column loop's view of it). */
  moved(line: CellValue[]): CellValue[] {
    return this.hostRows === null ? line : this.hostRows(line);
  }

  /** A grid row read as it is: the host's row reader still learns from it (RowReader.pass). */
  passed(line: CellValue[]): void {
    this.hostRows?.pass?.(line);
  }

  /** Whether a blank row has ended the data (then a row may be a note: see notDataReason). */
  get afterBlank(): boolean {
    return this.blankAfterData;
  }

  /**
   * The sheet row of `line` (grid row r) when it is data, counted in the layout's data rows; -1
   * when it is blank, a total or a note (listed). One pass over the row tells which.
   */
  dataRow(line: CellValue[] | undefined, r: number): number {
    const layout = this.layout;
    const skip = line
      ? notDataReason(line, this.blankAfterData, this.requiredIndexes, this.objects)
      : 'blank';
    if (skip === 'blank') {
      if (layout.dataRows !== null) this.blankAfterData = true;
      return -1;
    }
    const row = this.firstRow + r;
    if (skip !== null) {
      layout.notData.push({ row, reason: skip });
      return -1;
    }
    if (layout.dataRows === null) layout.dataRows = { first: row, last: row };
    else layout.dataRows.last = row;
    return row;
  }

  /**
   * Reads one data row through the column loop and hands it to onRow. A host's cell objects are
   * read here, row by row, rather than in a pass over the whole range first: a log row that
   * FastRows takes has none (it declines any object), and its unread columns are never looked at.
   */
  read(cells: CellValue[], row: number): void {
    const { mapped, values, invalid, dateDays, extra } = this;
    const line = this.objects === undefined ? cells : withCellObjects(cells, this.objects);
    const issues = this.layout.issues;
    if (invalid.length !== 0) invalid.length = 0;
    for (let k = 0; k < mapped.length; k++) {
      const m = mapped[k] as Mapped;
      const raw = line[m.index];
      // Fast paths: the cells of a clean sheet. Each gives exactly what readCell gives and
      // raises no issue; anything else falls through to the full read below.
      if (m.kind === KIND_TEXT) {
        if (raw === m.lastRaw) {
          // Down a log the same text repeats row after row (a rep, a type): read it once.
          values[m.slot] = m.lastText;
          continue;
        }
        if (typeof raw === 'string' && raw.charCodeAt(0) !== 35) {
          const text = normalizeText(raw);
          if (text !== '' || !m.blankStops) {
            m.lastRaw = raw;
            m.lastText = text;
            values[m.slot] = text;
            continue;
          }
        }
      } else if (m.kind === KIND_NOTE) {
        if (raw === m.lastRaw) {
          values[m.slot] = m.lastText;
          continue;
        }
        if (typeof raw === 'string' && raw.charCodeAt(0) !== 35) {
          let text = plainNote(raw) ? raw : m.notes === null ? undefined : m.notes.get(raw);
          if (text === undefined) text = noteOf(m, raw);
          else if (text !== raw) m.noteHits++;
          if (text !== '' || !m.blankStops) {
            m.lastRaw = raw;
            m.lastText = text;
            values[m.slot] = text;
            continue;
          }
        }
      } else if (m.kind === KIND_DATE) {
        if (typeof raw === 'number' || raw instanceof Date) {
          const day = plainDay(raw, dateDays);
          if (day === day) {
            values[m.slot] = day;
            continue;
          }
        } else if ((raw === '' || raw === null || raw === undefined) && !m.blankStops) {
          values[m.slot] = null;
          continue;
        }
      }
      values[m.slot] = readMapped(m, raw, row, this.opts.sheet, issues, invalid);
    }
    let extraCells: Record<string, AttrValue> = NO_EXTRA;
    if (extra.length > 0) {
      extraCells = {};
      for (let i = 0; i < extra.length; i++) {
        const x = extra[i] as { index: number; header: string };
        const v = line[x.index];
        if (typeof v === 'number') {
          // readAttribute's answer, without a memo of numbers that are mostly unique (取引額).
          extraCells[x.header] = isFiniteNumber(v) ? v : null;
          continue;
        }
        const error = errorValueOf(v);
        if (error !== null) {
          extraCells[x.header] = null;
          issues.push({
            key: 'values.errorCellBlank',
            params: { value: error },
            sheet: this.opts.sheet,
            row,
            column: columnLetter(this.firstColumn + x.index),
            header: x.header,
            severity: 'warning',
            value: error,
          });
          continue;
        }
        if (
          isDateValue(v) &&
          (this.numericWithDates[i] ??= isNumericWithDates(this.grid, this.from, x.index))
        ) {
          const n = readNumberCell(v);
          extraCells[x.header] = n.ok ? n.value : null;
          if (n.ok && n.warning)
            issues.push({
              key: n.warning.key,
              params: n.warning.params,
              sheet: this.opts.sheet,
              row,
              column: columnLetter(this.firstColumn + x.index),
              header: x.header,
              value: normalizeText(v),
              severity: 'warning',
            });
          continue;
        }
        extraCells[x.header] = this.readExtra[i]?.read(v) ?? null;
      }
    }
    this.onRow(row, values, extraCells, invalid, this.layout);
    this.shape = extraCells;
  }
}

/**
 * A date cell's day when it is a plain one — a serial number in the years a log holds (10000 is
 * 1927, 100000 is 2173) or a valid Date; NaN for any other cell (the full reader reads it).
 */
export function plainDay(raw: unknown, dateDays: DateDays): number {
  if (typeof raw === 'number')
    return raw >= 10000 && raw < 100000 ? Math.floor(raw) - SERIAL_EPOCH_OFFSET : NaN;
  return raw instanceof Date ? dateDays.dayOf(raw) : NaN;
}

/** Every data row through the column loop. */
function scanAll(rows: SlotRows): void {
  const grid = rows.grid;
  for (let r = rows.from; r < grid.length; r++) {
    const line = rows.line(r);
    const row = rows.dataRow(line, r);
    if (row >= 0) rows.read(line as CellValue[], row);
  }
}

/** Every data row to the specialised reader first; the column loop reads those it leaves. */
function scanFast(rows: SlotRows, fast: FastRows): void {
  const grid = rows.grid;
  const layout = rows.layout;
  for (let r = rows.from; r < grid.length; r++) {
    const line = rows.line(r);
    const row = rows.dataRow(line, r);
    if (row >= 0 && !fast.fast(line as CellValue[], row, layout)) rows.read(line as CellValue[], row);
  }
}

/**
 * scanFast where the host moves its rows' Dates (a Google sheet in another zone than the script)
 * and the fast reader reads them as they are with the host's days: a row is copied and moved
 * only when the column loop reads it. Every row still goes through the host's reader in order —
 * moved, or passed when the fast reader took it — so that it learns from each what it did before.
 * After a blank row the test for a note compares cells as text (a Date as its day), so there
 * each row is moved first, as in scanFast.
 */
function scanFastUnmoved(rows: SlotRows, fast: FastRows): void {
  const grid = rows.grid;
  const layout = rows.layout;
  for (let r = rows.from; r < grid.length; r++) {
    const raw = grid[r];
    if (raw === undefined || rows.afterBlank) {
      const line = rows.line(r);
      const row = rows.dataRow(line, r);
      if (row >= 0 && !fast.fast(raw as CellValue[], row, layout)) rows.read(line as CellValue[], row);
      continue;
    }
    const row = rows.dataRow(raw, r);
    if (row >= 0 && fast.fast(raw, row, layout)) rows.passed(raw);
    else {
      const line = rows.moved(raw);
      if (row >= 0) rows.read(line, row);
    }
  }
}

/** One mapped cell read in full: error values, required blanks, warnings and failures as issues. */
function readMapped(
  m: Mapped,
  raw: CellValue,
  row: number,
  sheet: string,
  issues: Issue[],
  invalid: string[],
): CellRead {
  const error = errorValueOf(raw);
  if (error !== null) {
    // A formula's error (#N/A…): in a required column the row cannot be read; elsewhere the
    // cell counts as blank. Either way the row is listed, never the whole result stopped.
    // A column that may be blank (顧客ID beside 顧客名, often a VLOOKUP gone #N/A) reads on.
    const stops = m.blankStops;
    if (stops) invalid.push(m.spec.key);
    issues.push({
      key: stops ? 'values.errorCell' : 'values.errorCellBlank',
      params: { value: error },
      sheet,
      row,
      column: m.letter,
      header: m.header,
      severity: stops ? 'error' : 'warning',
      value: error,
    });
    return m.spec.kind === 'text' || m.spec.kind === 'note' ? '' : null;
  }
  if (m.blankStops && isBlank(raw)) {
    invalid.push(m.spec.key);
    issues.push({
      key: 'tables.requiredValue',
      sheet,
      row,
      column: m.letter,
      header: m.header,
      severity: 'error',
    });
    return m.spec.kind === 'text' || m.spec.kind === 'note' ? '' : null;
  }
  const read = m.memo.read(raw);
  if (read.ok) {
    if (read.warning)
      issues.push({
        key: read.warning.key,
        params: read.warning.params,
        sheet,
        row,
        column: m.letter,
        header: m.header,
        value: normalizeText(raw),
        severity: 'warning',
      });
    return read.value;
  }
  invalid.push(m.spec.key);
  issues.push({
    key: read.key,
    params: read.params,
    sheet,
    row,
    column: m.letter,
    header: m.header,
    severity: 'error',
    value: cellText(raw),
  });
  return null;
}

// Words a total row starts with, compared with the whole cell (spaces and decorations removed), so
// a customer named 計測技研株式会社 or 合計商事 is never taken for one.
const TOTAL_WORDS = new Set(
  ['合計', '小計', '総計', '総合計', '計', '累計', 'total', 'subtotal', 'grandtotal', 'sum', 'totals'].map(
    (w) => normalizeHeader(w),
  ),
);
// How a note under a table starts: ※, 注, *, "Note".
const NOTE_START = /^(?:※|\*|注[:：)）]?|注意|備考[:：]|notes?\b)/i;
/** A note is one cell of prose: at least this long when it has no note mark. */
const NOTE_MIN_LENGTH = 20;

/**
 * Why a non-blank row under the header is not data, or null when it is (or may be) data. Kept
 * narrow: a real customer row must never be dropped. A total row: one of its first two non-blank
 * cells is exactly 合計 / 小計 / Total…. A note: after a blank row, a row starting with ※ / 注 /
 * * / Note, or a single long text in its first cell while the required columns are blank.
 */
function notDataReason(
  line: CellValue[],
  afterBlank: boolean,
  requiredIndexes: number[],
  objects: CellObjectReader | undefined,
): 'blank' | 'total' | 'note' | null {
  let seen = 0;
  let firstText: string | null = null;
  let nonBlank = 0;
  for (let i = 0; i < line.length; i++) {
    const raw = line[i];
    const v =
      objects !== undefined && typeof raw === 'object' && raw !== null && !isDateValue(raw)
        ? objects(raw)
        : raw;
    if (blankCell(v)) continue;
    nonBlank++;
    if (seen < 2) {
      seen++;
      if (typeof v === 'string') {
        if (isTotalWord(v)) return 'total';
        if (firstText === null && seen === 1 && afterBlank) firstText = normalizeText(v);
      }
      // Neither of the first two cells is a total word: a row under data is data (the usual row
      // needs no look at the rest of its cells).
      if (seen === 2 && !afterBlank) return null;
    }
  }
  if (nonBlank === 0) return 'blank';
  if (!afterBlank || firstText === null) return null;
  const cells = objects === undefined ? line : withCellObjects(line, objects);
  const requiredBlank = requiredIndexes.every(
    (i) => isBlank(cells[i]) || normalizeText(cells[i]) === firstText,
  );
  if (!requiredBlank && !NOTE_START.test(firstText)) return null;
  if (NOTE_START.test(firstText) && (nonBlank === 1 || requiredBlank)) return 'note';
  return nonBlank === 1 && firstText.length >= NOTE_MIN_LENGTH && requiredIndexes.length > 1 ? 'note' : null;
}

// Whether a cell is a total word, per distinct text: ids and names repeat down a log.
const TOTAL_TEXTS = new Map<string, boolean>();
function isTotalWord(v: string): boolean {
  // No total word has a digit, and normalising keeps digits: ids and dated notes stop here. Nor
  // is a text of kana and kanji alone one (NFKC leaves those as they are) unless it has 計: the
  // English words need Latin letters. Names stop here without a look-up.
  let kanaKanji = true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    if (
      kanaKanji &&
      !(c >= 0x4e00
        ? c <= 0x9fff && c !== 0x8a08
        : (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x20)
    )
      kanaKanji = false;
  }
  if (kanaKanji) return false;
  let hit = TOTAL_TEXTS.get(v);
  if (hit === undefined) {
    hit = TOTAL_WORDS.has(normalizeHeader(v));
    if (TOTAL_TEXTS.size >= MEMO_LIMIT) TOTAL_TEXTS.clear();
    TOTAL_TEXTS.set(v, hit);
  }
  return hit;
}

/** isBlank without trimming the usual cell: one that starts with a visible character. */
function blankCell(v: CellValue): boolean {
  if (typeof v === 'string') {
    if (v.length === 0) return true;
    const c = v.charCodeAt(0);
    // Printable ASCII, or above U+3000 (the ideographic space) and not U+FEFF: never whitespace.
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff)) return false;
    return v.trim() === '';
  }
  return v === null || v === undefined;
}

const NO_EXTRA: Record<string, AttrValue> = Object.freeze({}) as Record<string, AttrValue>;

/** Reads one cell as `kind`; text kinds never fail. */
export function readCell(kind: ColumnSpec['kind'], v: CellValue): Read<CellRead> {
  switch (kind) {
    case 'text':
      return { ok: true, value: normalizeText(v) };
    case 'note':
      return { ok: true, value: normalizeNote(v) };
    case 'number':
      return readNumberCell(v);
    case 'date':
      return readDate(v);
    case 'boolean':
      return readBoolean(v);
    case 'attribute':
      return { ok: true, value: readAttribute(v) };
  }
}

/**
 * readCell of one kind, as a closure made out here: one made inside scanSlots would hold on to its
 * scope (the host's range among it), and a column's memo is kept past the call (keepShapes).
 */
function cellReader(kind: ColumnSpec['kind']): (v: CellValue) => Read<CellRead> {
  return (v) => readCell(kind, v);
}

/** Logs repeat the same texts (customers, reps, types) thousands of times: read each once. */
const MEMO_LIMIT = 20000;
/** Distinct values seen before a column whose values hardly repeat stops being memoised. */
const MEMO_TRIAL = 2048;
// Text and numbers repeat down a column (dates as serials or Dates, types, reps): each distinct
// value is read once, which also spares allocating a result per cell. A Date is memoised by its
// time. A column whose values are unique per row (free text) is read directly: a memo there
// would only cost hashing and memory. A class, not a closure per column: its method lives as long
// as the module, so the code compiled for it survives a garbage collection between calls.
class Memo<T> {
  private texts: Map<string, T> | null = new Map<string, T>();
  private readonly numbers = new Map<number, T>();
  private readonly dates = new Map<number, T>();
  private hits = 0;

  constructor(private readonly reader: (v: CellValue) => T) {}

  read(v: CellValue): T {
    let memo: Map<never, T> | null;
    let key: unknown = v;
    if (typeof v === 'string') memo = this.texts as Map<never, T> | null;
    else if (typeof v === 'number') memo = this.numbers as Map<never, T>;
    else if (v !== null && typeof v === 'object' && isDateValue(v)) {
      memo = this.dates as Map<never, T>;
      key = v.getTime();
    } else memo = null;
    if (memo === null) return this.reader(v);
    const hit = memo.get(key as never);
    if (hit !== undefined) {
      if (memo === this.texts) this.hits++;
      return hit;
    }
    const value = this.reader(v);
    if (memo.size < MEMO_LIMIT) memo.set(key as never, value);
    if (memo === this.texts && this.texts.size === MEMO_TRIAL && this.hits < MEMO_TRIAL) this.texts = null;
    return value;
  }
}
// Kept for the life of the module: a Memo's hidden classes then outlive a collection, and so
// does the code compiled for them (it is thrown away with the last object of those classes).
// Used once, as a column is (a hit counted): its hidden class is the one the columns' memos end in.
const keptMemo = new Memo(readAttribute);
keptMemo.read('');
keptMemo.read('');
keepShapes('memo', keptMemo);

/**
 * True for a free column that holds numbers and a few Dates: Sheets and Excel hand a number cell
 * formatted as a date over as a date (0 → 1899-12-30), so there a Date is read back as its number.
 * A column mostly of dates stays a date column.
 */
function isNumericWithDates(grid: CellValue[][], from: number, index: number): boolean {
  let dates = 0;
  for (let r = from; r < grid.length; r++) if (isDateValue(grid[r]?.[index])) dates++;
  if (dates === 0) return false; // the usual case: one cheap pass
  let numbers = 0;
  for (let r = from; r < grid.length; r++) {
    const v = grid[r]?.[index];
    if (typeof v === 'number' || (typeof v === 'string' && !isBlank(v) && readNumber(v).ok)) numbers++;
  }
  return numbers > dates;
}

/** A cell as the user wrote it, for the list of unread rows. */
function cellText(v: CellValue): string {
  return typeof v === 'string' ? v : normalizeText(v);
}

function headerText(v: CellValue): string {
  return v instanceof Date ? normalizeText(v) : String(v ?? '').trim();
}

// Alias indexes of the standard tables, built once: a custom function reads its tables on every
// recalculation, and normalising a few hundred aliases each time is most of a small call's cost.
const aliasIndexes = new WeakMap<TableSpec, Map<string, { key: string; rank: number }>>();

function buildAliasIndex(
  spec: TableSpec,
  mapping: Readonly<Record<string, string>> = {},
): Map<string, { key: string; rank: number }> {
  const hasMapping = Object.keys(mapping).length > 0;
  const cached = hasMapping ? undefined : aliasIndexes.get(spec);
  if (cached) return cached;
  const index = new Map<string, { key: string; rank: number }>();
  // The user's own mapping comes first: it names the header they chose for a column.
  for (const [key, header] of Object.entries(mapping)) {
    const norm = normalizeHeader(header);
    if (norm !== '' && spec.columns.some((c) => c.key === key)) index.set(norm, { key, rank: -1 });
  }
  for (const c of spec.columns) {
    const names = c.labels ? [...c.aliases, c.labels.ja, c.labels.en] : c.aliases;
    names.forEach((alias, rank) => {
      const norm = normalizeHeader(alias);
      if (norm !== '' && !index.has(norm)) index.set(norm, { key: c.key, rank });
    });
  }
  if (!hasMapping) aliasIndexes.set(spec, index);
  return index;
}

function matchHeader(line: CellValue[], aliasIndex: Map<string, { key: string; rank: number }>): HeaderMatch {
  const columns = new Map<string, { index: number; rank: number }>();
  const duplicates: { index: number; other: number }[] = [];
  line.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const hit = aliasIndex.get(normalizeHeader(cell));
    if (!hit) return;
    const prev = columns.get(hit.key);
    if (!prev || hit.rank < prev.rank) columns.set(hit.key, { index, rank: hit.rank });
    // Same header twice (e.g. two 顧客名 columns): the leftmost is used, and we say so. A second,
    // less specific alias (顧客名 beside 顧客ID) is normal and simply becomes an attribute.
    else if (hit.rank === prev.rank) duplicates.push({ index: prev.index, other: index });
  });
  return { columns, duplicates };
}

function headerIssues(
  spec: TableSpec,
  sheet: string,
  partial: { r: number; match: HeaderMatch } | null,
  firstRow: number,
): Issue[] {
  const table = { tableJa: t('ja', spec.sheetKey), tableEn: t('en', spec.sheetKey) };
  const required = spec.columns.filter((c) => c.required);
  if (!partial) {
    return [
      {
        key: 'tables.noHeader',
        params: {
          ...table,
          rows: HEADER_SEARCH_ROWS,
          expectedJa: required.map((c) => columnLabel(c, 'ja')).join('」「'),
          expectedEn: required.map((c) => columnLabel(c, 'en')).join('", "'),
        },
        sheet,
        severity: 'error',
      },
    ];
  }
  return required
    .filter((c) => !partial.match.columns.has(c.key))
    .map((c) => ({
      key: 'tables.missingColumn',
      params: {
        ...table,
        columnJa: columnLabel(c, 'ja'),
        columnEn: columnLabel(c, 'en'),
        aliases: c.aliases.join(', '),
      },
      sheet,
      row: firstRow + partial.r,
      severity: 'error',
    }));
}
