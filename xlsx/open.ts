import { DetailedCellError, type RawCellContent } from 'hyperformula';
import type { Lang } from '../shared/i18n';
import { HyperFormulaWorkbook } from '../playground/src/hf-workbook';
import { fail } from './messages';
import { readCsv } from './csv';
import { isCompoundFile, isZip } from './sniff';
import { readXlsx, type XlsxFile } from './read';

/**
 * Opening a user's file into the HyperFormula workbook, remembering where it came from: saving
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

/** Opens an .xlsx (or .xlsm) or .csv file; anything else fails with a message naming it. */
export function openWorkbookFile(bytes: Uint8Array, fileName: string, lang: Lang): OpenedWorkbook {
  const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') {
    const sheet = readCsv(bytes, fileName, lang);
    const workbook = new HyperFormulaWorkbook({ lang });
    workbook.loadSheet(sheet.name, sheet.content);
    return { workbook, source: { kind: 'csv', fileName } };
  }
  if (ext !== 'xlsx' && ext !== 'xlsm' && !isZip(bytes) && !isCompoundFile(bytes))
    fail(lang, 'xlsx.unsupported', { file: fileName });
  const file = readXlsx(bytes, fileName, lang);
  const workbook = new HyperFormulaWorkbook({ lang });
  for (const s of file.loaded) workbook.loadSheet(s.name, s.content, s.formats, s.info);
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
