import { DetailedCellError, type RawCellContent } from 'hyperformula';
import type { Lang } from '../../shared/i18n';
import { HyperFormulaWorkbook } from './hf-workbook';
import { fail } from '../../xlsx/messages';
import { readCsv } from '../../xlsx/csv';
import { isCompoundFile, isZip } from '../../xlsx/sniff';
import { readXlsx, type XlsxFile } from '../../xlsx/read';
import { STRICT, TRANSITIONAL } from '../../xlsx/package';
import type { CellState } from '../../xlsx/sheet-xml';
import { writePackage, type CellPatch, type PackageChanges } from '../../xlsx/write';
import { a1 } from './cell-text';

/**
 * The playground's files: opening a user's file into the HyperFormula workbook, remembering where it came from: saving
 * writes kimeru's sheets into the original package and compares every original sheet with what
 * it held when opened, so any change to it is written at the cell level or refused.
 */

export type Source =
  | {
      kind: 'xlsx';
      file: XlsxFile;
      /** Each original sheet's contents right after opening, to find what changed since. */
      baseline: Map<string, RawCellContent[][]>;
    }
  /** A CSV file or the sample: saving makes a new package. */
  | { kind: 'csv' | 'new'; fileName: string };

export interface OpenedWorkbook {
  workbook: HyperFormulaWorkbook;
  source: Source;
}

/** A file as read from its bytes, before it is loaded into the formula engine. */
export type ReadFile =
  | { kind: 'csv'; fileName: string; sheet: { name: string; content: RawCellContent[][] } }
  | { kind: 'xlsx'; file: XlsxFile };

/** Where opening a file is: reading its sheets (`read`) or loading their rows (`load`). */
export interface OpenProgress {
  phase: 'read' | 'load';
  sheet: string;
  /** Sheets read, or rows of this sheet loaded. */
  done: number;
  total: number;
}

/**
 * A read file as a worker posts it: structured clone keeps maps and bytes but not functions,
 * so the package's flavour travels as its name and is looked up again on arrival.
 */
export type PostedFile =
  Extract<ReadFile, { kind: 'csv' }> | { kind: 'xlsx'; file: Omit<XlsxFile, 'flavour'>; strict: boolean };

export function postable(read: ReadFile): PostedFile {
  if (read.kind === 'csv') return read;
  const { flavour, ...file } = read.file;
  return { kind: 'xlsx', file, strict: flavour.strict };
}

export function fromPosted(posted: PostedFile): ReadFile {
  if (posted.kind === 'csv') return posted;
  return { kind: 'xlsx', file: { ...posted.file, flavour: posted.strict ? STRICT : TRANSITIONAL } };
}

/** Rows loaded between two progress reports: small enough that the page keeps answering. */
const ROWS_PER_BLOCK = 2000;

/** Opens an .xlsx (or .xlsm) or .csv file; anything else fails with a message naming it. */
export function openWorkbookFile(bytes: Uint8Array, fileName: string, lang: Lang): OpenedWorkbook {
  const steps = loadWorkbookFile(readWorkbookFile(bytes, fileName, lang), lang);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads a file's sheets from its bytes (no formula engine: the page runs this in a worker).
 * Throws a message naming the file when it cannot be read.
 */
export function readWorkbookFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang,
  onProgress?: (p: OpenProgress) => void,
): ReadFile {
  const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt')
    return { kind: 'csv', fileName, sheet: readCsv(bytes, fileName, lang) };
  if (ext !== 'xlsx' && ext !== 'xlsm' && !isZip(bytes) && !isCompoundFile(bytes))
    fail(lang, 'xlsx.unsupported', { file: fileName });
  const file = readXlsx(bytes, fileName, lang, (sheet, done, total) =>
    onProgress?.({ phase: 'read', sheet, done, total }),
  );
  return { kind: 'xlsx', file };
}

/**
 * Loads a read file into a new HyperFormula workbook block by block, yielding after each block
 * so a page can show progress and handle input in between.
 */
export function* loadWorkbookFile(read: ReadFile, lang: Lang): Generator<OpenProgress, OpenedWorkbook> {
  const workbook = new HyperFormulaWorkbook({ lang });
  if (read.kind === 'csv') {
    workbook.loadSheet(read.sheet.name, read.sheet.content);
    return { workbook, source: { kind: 'csv', fileName: read.fileName } };
  }
  const file = read.file;
  for (const s of file.loaded) {
    workbook.addLoadedSheet(s.name, s.formats, s.info);
    for (let start = 0; start < s.content.length; start += ROWS_PER_BLOCK) {
      workbook.loadRows(s.name, start, s.content.slice(start, start + ROWS_PER_BLOCK));
      const done = Math.min(start + ROWS_PER_BLOCK, s.content.length);
      yield { phase: 'load', sheet: s.name, done, total: s.content.length };
    }
  }
  for (const n of file.names) if (workbook.hf.doesSheetExist(n.sheet)) workbook.loadName(n);
  // Formulas entered before the names existed reserved too little room for their results.
  if (file.names.length > 0) workbook.refreshArrays();
  // Formulas HyperFormula cannot compute (functions it lacks, other files) keep the file's values.
  for (const s of file.loaded) {
    const id = workbook.hf.getSheetId(s.name)!;
    const fallback: { row: number; col: number; content: RawCellContent }[] = [];
    for (const f of s.formulas) {
      const value = workbook.hf.getCellValue({ sheet: id, row: f.row, col: f.col });
      const cachedError = typeof f.cached === 'string' && f.cached.startsWith("'#");
      if (value instanceof DetailedCellError && f.cached !== null && !cachedError) {
        fallback.push({ row: f.row, col: f.col, content: f.cached });
        for (const c of f.spill ?? []) fallback.push({ row: c.row, col: c.col, content: c.cached });
      }
    }
    workbook.loadCells(s.name, fallback);
  }
  const baseline = new Map(file.loaded.map((s) => [s.name, workbook.serialized(s.name)]));
  return { workbook, source: { kind: 'xlsx', file, baseline } };
}

/** The HyperFormula workbook saved as .xlsx: kimeru's sheets and changes added to the original package. */
export function saveXlsx(workbook: HyperFormulaWorkbook, source: Source, lang: Lang): Uint8Array {
  const fromFile = source.kind === 'xlsx' ? source.file : null;
  const original = new Set((fromFile?.sheets ?? []).map((s) => s.name));
  const changes: PackageChanges = { added: [], patched: [], names: workbook.definedNames() };
  for (const name of workbook.hf.getSheetNames()) {
    if (!original.has(name)) {
      const { hidden, charts, lights } = workbook.info(name);
      changes.added.push({
        name,
        rows: sheetStates(workbook, name),
        frozenRows: workbook.info(name).frozenRows ?? 0,
        ...(hidden ? { hidden } : {}),
        ...(charts ? { charts } : {}),
        ...(lights ? { lights } : {}),
      });
      continue;
    }
    const baseline = source.kind === 'xlsx' ? (source.baseline.get(name) ?? []) : [];
    changes.patched.push({ name, cells: changedCells(workbook, name, baseline) });
  }
  return writePackage(fromFile, changes, lang);
}

/** Every non-empty cell of a sheet with its content, value, date format and array range. */
function sheetStates(workbook: HyperFormulaWorkbook, name: string): (CellState | undefined)[][] {
  const content = workbook.serialized(name);
  const values = workbook.values(name);
  const height = Math.max(content.length, values.length);
  const rows: (CellState | undefined)[][] = [];
  for (let r = 0; r < height; r++) {
    const row: (CellState | undefined)[] = [];
    const width = Math.max(content[r]?.length ?? 0, values[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const state = cellState(workbook, name, r, c, content, values);
      if (state) row[c] = state;
    }
    rows.push(row);
  }
  return rows;
}

function cellState(
  workbook: HyperFormulaWorkbook,
  name: string,
  r: number,
  c: number,
  content: RawCellContent[][],
  values: unknown[][],
): CellState | undefined {
  const cont = content[r]?.[c] ?? null;
  const value = values[r]?.[c] ?? null;
  if ((cont === null || cont === '') && (value === null || value === undefined)) return undefined;
  const state: CellState = { content: cont, value };
  if (typeof value === 'number') {
    const f = workbook.formatAt(name, r, c);
    if (f) state.format = f;
  }
  if (typeof cont === 'string' && cont.startsWith('=')) {
    const ref = arrayRef(workbook, name, r, c, values);
    if (ref) state.arrayRef = ref;
  }
  return state;
}

/** The range an array formula's result fills, trimmed to where it has values. */
function arrayRef(
  workbook: HyperFormulaWorkbook,
  name: string,
  r: number,
  c: number,
  values: unknown[][],
): string | undefined {
  const sheet = workbook.hf.getSheetId(name)!;
  if (!workbook.hf.isCellPartOfArray({ sheet, row: r, col: c })) return undefined;
  const inArray = (row: number, col: number) =>
    workbook.hf.isCellPartOfArray({ sheet, row, col }) &&
    !workbook.hf.doesCellHaveFormula({ sheet, row, col });
  let width = 1;
  while (inArray(r, c + width)) width++;
  let height = 1;
  while (inArray(r + height, c)) height++;
  let lastRow = 0;
  let lastCol = 0;
  for (let i = 0; i < height; i++)
    for (let j = 0; j < width; j++) {
      const v = values[r + i]?.[c + j];
      if (v !== null && v !== undefined) {
        lastRow = Math.max(lastRow, i);
        lastCol = Math.max(lastCol, j);
      }
    }
  if (lastRow === 0 && lastCol === 0) return undefined;
  return `${a1(r, c)}:${a1(r + lastRow, c + lastCol)}`;
}

const same = (a: RawCellContent | undefined, b: RawCellContent | undefined): boolean =>
  (a ?? null) === (b ?? null) || ((a ?? '') === '' && (b ?? '') === '');

/** The cells of an original sheet whose content differs from when it was opened (null = emptied). */
function changedCells(workbook: HyperFormulaWorkbook, name: string, baseline: RawCellContent[][]): CellPatch {
  const now = workbook.serialized(name);
  const out = new Map<number, Map<number, CellState | null>>();
  let values: unknown[][] | null = null;
  const height = Math.max(now.length, baseline.length);
  for (let r = 0; r < height; r++) {
    const a = baseline[r] ?? [];
    const b = now[r] ?? [];
    const width = Math.max(a.length, b.length);
    for (let c = 0; c < width; c++) {
      if (same(a[c], b[c])) continue;
      values ??= workbook.values(name);
      const state = cellState(workbook, name, r, c, now, values) ?? null;
      let row = out.get(r);
      if (!row) out.set(r, (row = new Map()));
      row.set(c, state);
      // A new array formula brings the cells its result fills.
      if (state?.arrayRef) {
        const [, end] = state.arrayRef.split(':');
        const m = /([A-Z]+)(\d+)/.exec(end ?? '');
        if (m) {
          const endRow = Number(m[2]) - 1;
          const endCol = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          for (let i = r; i <= endRow; i++)
            for (let j = c; j <= endCol; j++) {
              if (i === r && j === c) continue;
              let spillRow = out.get(i);
              if (!spillRow) out.set(i, (spillRow = new Map()));
              spillRow.set(j, cellState(workbook, name, i, j, now, values) ?? null);
            }
        }
      }
    }
  }
  return out;
}
