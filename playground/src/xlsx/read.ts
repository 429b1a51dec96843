import type { RawCellContent } from 'hyperformula';
import type { Lang } from '../../../shared/i18n';
import { guardText, parseA1, quoteSheetRefs } from '../cell-text';
import type { CellFormat, DefinedName, SheetInfo } from '../hf-workbook';
import { fail } from '../messages';
import {
  isCompoundFile,
  isZip,
  readRels,
  relId,
  relsPathOf,
  textOf,
  unzip,
  workbookPath,
  type Parts,
} from './package';
import { dateStyles } from './styles';
import { findAll, findFirst, stringItemText, textContent, unescapeXml } from './xml';
import { columnIndex } from '../cell-text';

/**
 * Reading an .xlsx package into sheet contents for the HyperFormula workbook. The package's
 * bytes are kept as they are: saving writes kimeru's parts into this same package.
 */

export interface SourceSheet {
  name: string;
  kind: 'worksheet' | 'chartsheet';
  /** The sheet's part (xl/worksheets/sheet1.xml); null when its relationship is broken. */
  part: string | null;
  sheetId: number;
}

/** A cell whose formula HyperFormula may not compute as the file's program did. */
export interface FileFormula {
  row: number;
  col: number;
  /** What the file holds as the last computed value, used when HyperFormula cannot compute it. */
  cached: RawCellContent;
  /** For an array formula: the other cells of its range with their cached values. */
  spill?: { row: number; col: number; cached: RawCellContent }[];
}

export interface LoadedSheet {
  name: string;
  content: RawCellContent[][];
  formats: Map<string, CellFormat>;
  info: SheetInfo;
  formulas: FileFormula[];
}

export interface XlsxFile {
  fileName: string;
  /** The original parts, never changed. */
  parts: Parts;
  workbookPart: string;
  sheets: SourceSheet[];
  loaded: LoadedSheet[];
  names: DefinedName[];
}

/** Reads an .xlsx file; a damaged or foreign file fails with a message naming it. */
export function readXlsx(bytes: Uint8Array, fileName: string, lang: Lang): XlsxFile {
  if (isCompoundFile(bytes)) fail(lang, 'xlsx.encrypted', { file: fileName });
  if (!isZip(bytes)) fail(lang, 'xlsx.notZip', { file: fileName });
  let parts: Parts;
  try {
    parts = unzip(bytes);
  } catch {
    fail(lang, 'xlsx.notZip', { file: fileName });
  }
  const workbookPart = workbookPath(parts);
  if (!workbookPart) fail(lang, 'xlsx.noWorkbook', { file: fileName });
  const part = (path: string): string | null => {
    const b = parts.get(path);
    return b ? textOf(b) : null;
  };
  const workbookXml = part(workbookPart)!;
  const rels = readRels(part(relsPathOf(workbookPart)) ?? '', workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sharedStringsPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const shared = sharedStringsPart ? readSharedStrings(part(sharedStringsPart) ?? '') : [];
  const stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.target;
  const dates = dateStyles(stylesPart ? part(stylesPart) : null);

  const sheets: SourceSheet[] = findAll(workbookXml, 'sheet').map((s) => {
    const rel = byId.get(relId(s.attrs) ?? '');
    const kind = rel && rel.type.endsWith('/worksheet') ? 'worksheet' : 'chartsheet';
    return {
      name: s.attrs['name'] ?? '',
      kind,
      part: rel && !rel.external && parts.has(rel.target) ? rel.target : null,
      sheetId: Number(s.attrs['sheetId'] ?? 0),
    };
  });
  const names = sheets.map((s) => s.name);
  const loaded: LoadedSheet[] = sheets.map((s) => {
    const xml = s.kind === 'worksheet' && s.part ? part(s.part) : null;
    if (xml === null)
      return { name: s.name, content: [], formats: new Map(), info: { kind: 'chartsheet' }, formulas: [] };
    try {
      return { name: s.name, ...readWorksheet(xml, shared, dates, names) };
    } catch {
      fail(lang, 'xlsx.badXml', { file: fileName, part: s.part ?? s.name });
    }
  });
  return { fileName, parts, workbookPart, sheets, loaded, names: readNames(workbookXml) };
}

/** The shared string table: each item's text (rich-text runs joined, furigana left out). */
export function readSharedStrings(xml: string): string[] {
  return findAll(xml, 'si').map((si) => stringItemText(si.inner));
}

/**
 * kimeru's workbook names (KIMERU_*): whole columns (older files), a block of a sheet, or a
 * growing block as kimeru writes it for Excel ('S'!$A$1:INDEX('S'!$M:$M,MAX(n,…'S'!$C:$C…))).
 */
function readNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const n of findAll(workbookXml, 'definedName')) {
    const name = n.attrs['name'] ?? '';
    if (!/^KIMERU_/i.test(name) || n.attrs['localSheetId'] !== undefined) continue;
    const text = unescapeXml(n.inner).trim().replace(/^=/, '');
    const found = readGrowingName(text) ?? readBlockName(text);
    if (found) out.push({ name, ...found });
  }
  return out;
}

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^'!]+))`;
const unquote = (quoted: string | undefined, bare: string | undefined): string =>
  quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;

function readBlockName(text: string): Omit<DefinedName, 'name'> | null {
  const m = new RegExp(String.raw`^${SHEET}!\$?([A-Z]{1,3})\$?(\d+)?(?::\$?([A-Z]{1,3})\$?(\d+)?)?$`).exec(
    text,
  );
  if (!m) return null;
  const sheet = unquote(m[1], m[2]);
  const firstColumn = columnIndex(m[3]!) + 1;
  const lastColumn = m[5] ? columnIndex(m[5]) + 1 : firstColumn;
  if (!m[4]) return { sheet, firstColumn, lastColumn };
  const firstRow = Number(m[4]);
  return { sheet, firstColumn, lastColumn, firstRow, lastRow: m[6] ? Number(m[6]) : firstRow };
}

function readGrowingName(text: string): Omit<DefinedName, 'name'> | null {
  const m = new RegExp(
    String.raw`^${SHEET}!\$([A-Z]{1,3})\$(\d+):INDEX\(${SHEET}!\$([A-Z]{1,3}):\$[A-Z]{1,3},MAX\((\d+),IFERROR\(LOOKUP\(2,1/\(${SHEET}!\$([A-Z]{1,3}):\$[A-Z]{1,3}<>""\),ROW\(.*\)\),0\)\)\)$`,
  ).exec(text);
  if (!m) return null;
  return {
    sheet: unquote(m[1], m[2]),
    firstColumn: columnIndex(m[3]!) + 1,
    firstRow: Number(m[4]),
    lastColumn: columnIndex(m[7]!) + 1,
    lastRow: Number(m[8]),
    growColumn: columnIndex(m[11]!) + 1,
  };
}

interface Cell {
  row: number;
  col: number;
  content: RawCellContent;
  format?: CellFormat;
}

/** One worksheet's cells as HyperFormula content, its date formats and its frozen rows. */
export function readWorksheet(
  xml: string,
  shared: readonly string[],
  dates: ReadonlyMap<number, CellFormat>,
  sheetNames: readonly string[],
): Omit<LoadedSheet, 'name'> {
  const cells: Cell[] = [];
  const formulas: FileFormula[] = [];
  const sheetData = findFirst(xml, 'sheetData');
  const arrays: { row: number; col: number; rows: number; cols: number; formula: FileFormula }[] = [];
  if (sheetData && !sheetData.selfClosing) {
    let rowIndex = -1;
    for (const row of findAll(xml, 'row', sheetData.innerStart, sheetData.end)) {
      rowIndex = row.attrs['r'] ? Number(row.attrs['r']) - 1 : rowIndex + 1;
      if (row.selfClosing) continue;
      let colIndex = -1;
      for (const c of findAll(xml, 'c', row.innerStart, row.end)) {
        const at = c.attrs['r'] ? parseA1(c.attrs['r']) : null;
        colIndex = at ? at.col : colIndex + 1;
        const r = at ? at.row : rowIndex;
        const cell = readCell(c.attrs, c.inner, shared, dates);
        const f = findFirst(c.inner, 'f');
        let content = cell.value;
        if (f) {
          const kind = f.attrs['t'] ?? 'normal';
          const text = textContent(f.inner).trim();
          if ((kind === 'normal' || kind === 'array') && text !== '' && !text.includes('[')) {
            const formula: FileFormula = { row: r, col: colIndex, cached: cell.value };
            content = quoteSheetRefs(`=${text}`, sheetNames);
            formulas.push(formula);
            const ref = f.attrs['ref'];
            if (kind === 'array' && ref && ref.includes(':')) {
              const [a, b] = ref.split(':').map(parseA1);
              if (a && b)
                arrays.push({
                  row: a.row,
                  col: a.col,
                  rows: b.row - a.row + 1,
                  cols: b.col - a.col + 1,
                  formula,
                });
            }
          }
          // Shared formulas (and formulas over other files) keep their cached values.
        }
        if (content !== null)
          cells.push({ row: r, col: colIndex, content, ...(cell.format ? { format: cell.format } : {}) });
      }
    }
  }
  // The other cells of an array formula's range are its spill: HyperFormula fills them itself.
  const spill = new Set<string>();
  for (const a of arrays) {
    a.formula.spill = [];
    for (let r = a.row; r < a.row + a.rows; r++)
      for (let c = a.col; c < a.col + a.cols; c++) if (r !== a.row || c !== a.col) spill.add(`${r}:${c}`);
  }
  const content: RawCellContent[][] = [];
  const formats = new Map<string, CellFormat>();
  for (const c of cells) {
    const k = `${c.row}:${c.col}`;
    if (spill.has(k)) {
      const owner = arrays.find(
        (a) => c.row >= a.row && c.row < a.row + a.rows && c.col >= a.col && c.col < a.col + a.cols,
      );
      owner?.formula.spill?.push({ row: c.row, col: c.col, cached: c.content });
      continue;
    }
    (content[c.row] ??= [])[c.col] = c.content;
    if (c.format) formats.set(k, c.format);
  }
  for (let r = 0; r < content.length; r++) content[r] ??= [];
  return { content, formats, info: { kind: 'worksheet', ...frozenRows(xml) }, formulas };
}

/** A cell's value as HyperFormula content (text guarded) and its date format. */
function readCell(
  attrs: Record<string, string>,
  inner: string,
  shared: readonly string[],
  dates: ReadonlyMap<number, CellFormat>,
): { value: RawCellContent; format?: CellFormat } {
  const type = attrs['t'] ?? 'n';
  const v = findFirst(inner, 'v');
  const raw = v ? textContent(v.inner) : null;
  switch (type) {
    case 's': {
      const text = raw === null ? null : shared[Number(raw)];
      return { value: text === undefined || text === null || text === '' ? null : guardText(text) };
    }
    case 'inlineStr': {
      const is = findFirst(inner, 'is');
      const text = is ? stringItemText(is.inner) : (raw ?? '');
      return { value: text === '' ? null : guardText(text) };
    }
    case 'str':
      return { value: raw === null || raw === '' ? null : guardText(raw) };
    case 'b':
      return { value: raw === null ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true' };
    case 'e':
      // An error cell stays an error (#N/A as typed content is HyperFormula's error literal).
      return { value: raw === null ? null : raw };
    case 'd': {
      const serial = raw === null ? NaN : isoToSerial(raw);
      return Number.isFinite(serial)
        ? { value: serial, format: serial % 1 === 0 ? 'date' : 'datetime' }
        : { value: raw };
    }
    default: {
      if (raw === null || raw.trim() === '') return { value: null };
      const n = Number(raw);
      if (!Number.isFinite(n)) return { value: guardText(raw) };
      const format = dates.get(Number(attrs['s'] ?? 0));
      return format
        ? { value: n, format: format === 'date' && n % 1 !== 0 ? 'datetime' : format }
        : { value: n };
    }
  }
}

function isoToSerial(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim());
  if (!m) return NaN;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  const time = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) + Number(m[6] ?? 0) / 60) / 1440;
  return day + 25569 + time;
}

function frozenRows(xml: string): { frozenRows?: number } {
  const pane = findFirst(xml, 'pane');
  if (!pane || pane.attrs['state'] !== 'frozen') return {};
  const y = Number(pane.attrs['ySplit'] ?? 0);
  return y > 0 ? { frozenRows: y } : {};
}
