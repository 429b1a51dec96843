import type { RawCellContent } from 'hyperformula';
import type { Lang } from '../shared/i18n';
import { columnIndex, guardText, parseA1, quoteSheetRefs } from './cell-text';
import type { CellFormat, DefinedName, SheetInfo } from './workbook-model';
import { fail } from './messages';
import {
  flavourOf,
  isRelType,
  MAIN,
  MAX_UNZIPPED_BYTES,
  readRels,
  REL,
  relsPathOf,
  textOf,
  TooLarge,
  unzip,
  workbookPath,
  type Flavour,
  type Parts,
} from './package';
import { isOpenDocument, sniff, type FileKind } from './sniff';
import { dateStyles } from './styles';
import {
  attr,
  childOf,
  childrenOf,
  decodeXstring,
  is,
  parseXml,
  scanXml,
  XmlSyntaxError,
  type XmlElement,
} from './xml';

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
  /** Transitional or Strict: what kimeru's new parts and relationships are written in. */
  flavour: Flavour;
  sheets: SourceSheet[];
  loaded: LoadedSheet[];
  names: DefinedName[];
}

/** Which sheet of how many is being read, for a page that shows progress while a big file opens. */
export type ReadProgress = (sheet: string, index: number, count: number) => void;

/** Reads an .xlsx file; a damaged or foreign file fails with a message naming it. */
export function readXlsx(bytes: Uint8Array, fileName: string, lang: Lang, onSheet?: ReadProgress): XlsxFile {
  const kind = sniff(bytes);
  if (kind !== 'zip') failFile(lang, kind, fileName);
  let parts: Parts;
  try {
    parts = unzip(bytes);
  } catch (e) {
    if (e instanceof TooLarge)
      fail(lang, 'xlsx.tooLarge', { file: fileName, limit: Math.round(MAX_UNZIPPED_BYTES / 1024 ** 2) });
    fail(lang, 'xlsx.notZip', { file: fileName });
  }
  if (isOpenDocument(parts)) fail(lang, 'xlsx.ods', { file: fileName });
  const workbookPart = workbookPath(parts);
  if (!workbookPart) fail(lang, 'xlsx.noWorkbook', { file: fileName });
  // Saving adds entries to it: without it the package cannot take kimeru's sheets.
  if (!parts.has('[Content_Types].xml'))
    fail(lang, 'xlsx.missingPart', { file: fileName, part: '[Content_Types].xml' });
  const part = (path: string): string | null => {
    const b = parts.get(path);
    return b ? textOf(b) : null;
  };
  const parse = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (e) {
      if (e instanceof XmlSyntaxError) fail(lang, 'xlsx.badXml', { file: fileName, part: path });
      throw e;
    }
  };
  const workbook = parse(workbookPart, () => parseXml(part(workbookPart)!));
  if (!is(workbook, 'workbook', MAIN)) fail(lang, 'xlsx.noWorkbook', { file: fileName });
  const relsPath = relsPathOf(workbookPart);
  const rels = parse(relsPath, () => readRels(part(relsPath) ?? '', workbookPart));
  const byId = new Map(rels.map((r) => [r.id, r]));

  const sharedStringsPart = rels.find((r) => isRelType(r.type, 'sharedStrings'))?.target;
  const shared = sharedStringsPart
    ? parse(sharedStringsPart, () => readSharedStrings(part(sharedStringsPart) ?? ''))
    : [];
  const stylesPart = rels.find((r) => isRelType(r.type, 'styles'))?.target;
  const dates = stylesPart ? parse(stylesPart, () => dateStyles(part(stylesPart))) : new Map();

  const sheetsEl = childOf(workbook, 'sheets', MAIN);
  const sheets: SourceSheet[] = (sheetsEl ? childrenOf(sheetsEl, 'sheet', MAIN) : []).map((s) => {
    const rel = byId.get(attr(s, 'id', REL) ?? '');
    const kind = rel && isRelType(rel.type, 'worksheet') ? 'worksheet' : 'chartsheet';
    return {
      name: attr(s, 'name') ?? '',
      kind,
      part: rel && !rel.external && parts.has(rel.target) ? rel.target : null,
      sheetId: Number(attr(s, 'sheetId') ?? 0),
    };
  });
  const names = sheets.map((s) => s.name);
  const loaded: LoadedSheet[] = sheets.map((s, i) => {
    onSheet?.(s.name, i, sheets.length);
    const xml = s.kind === 'worksheet' && s.part ? part(s.part) : null;
    if (xml === null)
      return { name: s.name, content: [], formats: new Map(), info: { kind: 'chartsheet' }, formulas: [] };
    return { name: s.name, ...parse(s.part!, () => readWorksheet(xml, shared, dates, names)) };
  });
  return {
    fileName,
    parts,
    workbookPart,
    flavour: flavourOf(workbook.uri),
    sheets,
    loaded,
    names: readNames(workbook),
  };
}

/** Throws the message for a file that is not an .xlsx package. */
export function failFile(lang: Lang, kind: Exclude<FileKind, 'zip'>, file: string): never {
  const key = (
    { encrypted: 'xlsx.encrypted', xls: 'xlsx.xls', compound: 'xlsx.notZip', other: 'xlsx.notZip' } as const
  )[kind];
  fail(lang, key, { file });
}

/** The shared string table: each item's text (rich-text runs joined, furigana left out). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  if (xml.trim() === '') return out;
  let current: string | null = null;
  let inT = 0;
  let inPhonetic = 0;
  scanXml(xml, {
    open(el) {
      if (!isMain(el)) return;
      if (el.local === 'si') current = '';
      else if (el.local === 'rPh') inPhonetic++;
      else if (el.local === 't') inT++;
    },
    text(text) {
      if (current !== null && inT > 0 && inPhonetic === 0) current += text;
    },
    close(el) {
      if (!isMain(el)) return;
      if (el.local === 'si') {
        out.push(decodeXstring(current ?? ''));
        current = null;
      } else if (el.local === 'rPh') inPhonetic--;
      else if (el.local === 't') inT--;
    },
  });
  return out;
}

export const isMain = (el: XmlElement) => (MAIN as readonly string[]).includes(el.uri);

/**
 * kimeru's workbook names (KIMERU_*): whole columns (older files), a block of a sheet, or a
 * growing block as kimeru writes it for Excel ('S'!$A$1:INDEX('S'!$M:$M,MAX(n,…'S'!$C:$C…))).
 */
export function readNames(workbook: XmlElement): DefinedName[] {
  const out: DefinedName[] = [];
  const block = childOf(workbook, 'definedNames', MAIN);
  for (const n of block ? childrenOf(block, 'definedName', MAIN) : []) {
    const name = attr(n, 'name') ?? '';
    if (!/^KIMERU_/i.test(name) || attr(n, 'localSheetId') !== undefined) continue;
    const text = n.text.trim().replace(/^=/, '');
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

/** What a <c> element holds, gathered while it is read. */
interface RawCell {
  ref: string | undefined;
  type: string;
  style: number;
  v: string | null;
  inline: string | null;
  f: { kind: string; ref: string | undefined; text: string } | null;
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
  const arrays: { row: number; col: number; rows: number; cols: number; formula: FileFormula }[] = [];
  let frozen: { frozenRows?: number } = {};
  let inSheetData = false;
  let rowIndex = -1;
  let colIndex = -1;
  let cell: RawCell | null = null;
  // Which text-holding element of the cell is open: v, f, or t of an inline string (not in rPh).
  let into: 'v' | 'f' | 't' | null = null;
  let inPhonetic = 0;

  const endCell = (c: RawCell) => {
    const at = c.ref ? parseA1(c.ref) : null;
    colIndex = at ? at.col : colIndex + 1;
    const r = at ? at.row : rowIndex;
    const value = readCell(c, shared, dates);
    let content = value.value;
    if (c.f) {
      const text = decodeXstring(c.f.text).trim();
      if ((c.f.kind === 'normal' || c.f.kind === 'array') && text !== '' && !text.includes('[')) {
        const formula: FileFormula = { row: r, col: colIndex, cached: value.value };
        content = quoteSheetRefs(`=${text}`, sheetNames);
        formulas.push(formula);
        const ref = c.f.ref;
        if (c.f.kind === 'array' && ref && ref.includes(':')) {
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
      cells.push({ row: r, col: colIndex, content, ...(value.format ? { format: value.format } : {}) });
  };

  scanXml(xml, {
    open(el) {
      if (!isMain(el)) return;
      switch (el.local) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row':
          if (!inSheetData) break;
          rowIndex = attr(el, 'r') ? Number(attr(el, 'r')) - 1 : rowIndex + 1;
          colIndex = -1;
          break;
        case 'c':
          if (!inSheetData) break;
          cell = {
            ref: attr(el, 'r'),
            type: attr(el, 't') ?? 'n',
            style: Number(attr(el, 's') ?? 0),
            v: null,
            inline: null,
            f: null,
          };
          break;
        case 'v':
          if (cell) {
            cell.v = '';
            into = 'v';
          }
          break;
        case 'f':
          if (cell) {
            cell.f = { kind: attr(el, 't') ?? 'normal', ref: attr(el, 'ref'), text: '' };
            into = 'f';
          }
          break;
        case 'is':
          if (cell) cell.inline = '';
          break;
        case 'rPh':
          inPhonetic++;
          break;
        case 't':
          if (cell && cell.inline !== null && inPhonetic === 0) into = 't';
          break;
        case 'pane':
          if (attr(el, 'state') === 'frozen') {
            const y = Number(attr(el, 'ySplit') ?? 0);
            if (y > 0) frozen = { frozenRows: y };
          }
          break;
      }
    },
    text(text) {
      if (!cell || into === null) return;
      if (into === 'v') cell.v += text;
      else if (into === 'f') cell.f!.text += text;
      else cell.inline += text;
    },
    close(el) {
      if (!isMain(el)) return;
      switch (el.local) {
        case 'sheetData':
          inSheetData = false;
          break;
        case 'c':
          if (cell) endCell(cell);
          cell = null;
          into = null;
          break;
        case 'v':
        case 'f':
        case 't':
          into = null;
          break;
        case 'rPh':
          inPhonetic--;
          break;
      }
    },
  });
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
  return { content, formats, info: { kind: 'worksheet', ...frozen }, formulas };
}

/** A cell's value as HyperFormula content (text guarded) and its date format. */
function readCell(
  c: RawCell,
  shared: readonly string[],
  dates: ReadonlyMap<number, CellFormat>,
): { value: RawCellContent; format?: CellFormat } {
  const raw = c.v === null ? null : decodeXstring(c.v);
  switch (c.type) {
    case 's': {
      const text = raw === null ? null : shared[Number(raw)];
      return { value: text === undefined || text === null || text === '' ? null : guardText(text) };
    }
    case 'inlineStr': {
      const text = c.inline !== null ? decodeXstring(c.inline) : (raw ?? '');
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
      const format = dates.get(c.style);
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
