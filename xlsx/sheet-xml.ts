import type { RawCellContent } from 'hyperformula';
import { a1, columnLetters, parseA1 } from './cell-text';
import type { CellFormat } from './workbook-model';
import { MAIN, NS_MAIN } from './package';
import {
  attr,
  childOf,
  childPrefix,
  childrenOf,
  encodeXstring,
  escapeXml,
  parseXml,
  type XmlElement,
} from './xml';

/**
 * Worksheet XML: a whole part for a sheet kimeru adds, and cell-level patches to a sheet from the
 * user's file (everything in it but the patched cells stays as written).
 */

/** One cell as the workbook holds it: content (formula text, guarded text…) and computed value. */
export interface CellState {
  content: RawCellContent;
  value: unknown;
  format?: CellFormat;
  /** For an array formula's anchor: the range its result covers, e.g. "A6:E26". */
  arrayRef?: string;
}

/** Style indexes of the date styles in styles.xml. */
export type DateStyleIndex = Partial<Record<CellFormat, number>>;

/** `<c>` for one cell, or null for an empty cell with no style to keep. */
export function cellXml(
  ref: string,
  cell: CellState,
  styles: DateStyleIndex,
  keepStyle?: string,
  prefix = '',
): string | null {
  const style =
    cell.format !== undefined && styles[cell.format] !== undefined ? String(styles[cell.format]) : keepStyle;
  const s = style !== undefined ? ` s="${style}"` : '';
  const c = `${prefix}c`;
  const formula =
    typeof cell.content === 'string' && cell.content.startsWith('=') ? cell.content.slice(1) : null;
  const value = valueXml(cell.value, prefix);
  if (formula !== null) {
    const f = cell.arrayRef
      ? `<${prefix}f t="array" ref="${cell.arrayRef}">${escapeXml(formula)}</${prefix}f>`
      : `<${prefix}f>${escapeXml(formula)}</${prefix}f>`;
    const v = value ?? { t: ' t="str"', v: `<${prefix}v></${prefix}v>` };
    return `<${c} r="${ref}"${s}${v.t}>${f}${v.v}</${c}>`;
  }
  if (value === null) return style !== undefined ? `<${c} r="${ref}"${s}/>` : null;
  if (value.t === ' t="str"') {
    // Text is written inline, so the shared string table stays as the user's program wrote it.
    return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${encodeXstring(String(cell.value))}</${prefix}t></${prefix}is></${c}>`;
  }
  return `<${c} r="${ref}"${s}${value.t}>${value.v}</${c}>`;
}

/**
 * A formula engine's error value (HyperFormula's DetailedCellError: its text in \`value\`), told by
 * its shape so that this module never loads the engine (the command line runs without it).
 */
function isErrorValue(value: unknown): value is { value: string; type: unknown } {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const text = (value as { value?: unknown }).value;
  return typeof text === 'string' && text.startsWith('#');
}

/** An error type (HyperFormula's ErrorType names) as the cell text Excel shows. */
function errorText(type: string): string {
  const known: Record<string, string> = {
    DIV_BY_ZERO: '#DIV/0!',
    NA: '#N/A',
    NAME: '#NAME?',
    NUM: '#NUM!',
    REF: '#REF!',
    VALUE: '#VALUE!',
    SPILL: '#SPILL!',
  };
  return known[type] ?? `#${type}!`;
}

function valueXml(value: unknown, prefix: string): { t: string; v: string } | null {
  const v = (text: string) => `<${prefix}v>${text}</${prefix}v>`;
  if (value === null || value === undefined || value === '')
    return value === '' ? { t: ' t="str"', v: v('') } : null;
  if (isErrorValue(value)) return { t: ' t="e"', v: v(escapeXml(value.value)) };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { t: '', v: v(String(value)) } : { t: ' t="e"', v: v('#NUM!') };
  if (typeof value === 'boolean') return { t: ' t="b"', v: v(value ? '1' : '0') };
  if (typeof value === 'object' && value !== null && 'type' in value)
    return { t: ' t="e"', v: v(escapeXml(errorText(String((value as { type: unknown }).type)))) };
  return { t: ' t="str"', v: v(encodeXstring(String(value))) };
}

/** Display width of a value for column widths (East Asian characters count double). */
function widthOf(value: unknown): number {
  if (value === null || value === undefined) return 0;
  let w = 0;
  for (const ch of String(value)) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** A whole worksheet part for a sheet kimeru adds. */
export function worksheetXml(
  rows: readonly (readonly (CellState | undefined)[])[],
  styles: DateStyleIndex,
  frozenRows = 0,
  mainNamespace = NS_MAIN,
  /** A sheet kimeru adds with a dashboard: its conditional formatting and its drawing's relationship. */
  extra: { conditionalFormatting?: string; drawing?: { relId: string; relNamespace: string } } = {},
): string {
  const body: string[] = [];
  const widths: number[] = [];
  let maxCol = 0;
  let lastRow = 0;
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, col) => {
      if (!cell) return;
      const xml = cellXml(a1(r, col), cell, styles);
      if (xml === null) return;
      cells.push(xml);
      maxCol = Math.max(maxCol, col + 1);
      if (r < 500)
        widths[col] = Math.max(
          widths[col] ?? 0,
          Math.min(60, widthOf(cell.format ? '0000/00/00' : cell.value)),
        );
    });
    if (cells.length > 0) {
      body.push(`<row r="${r + 1}">${cells.join('')}</row>`);
      lastRow = r + 1;
    }
  });
  const dimension = lastRow > 0 ? `A1:${columnLetters(Math.max(0, maxCol - 1))}${lastRow}` : 'A1';
  const pane =
    frozenRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozenRows}" topLeftCell="A${frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = widths
    .map((w, i) =>
      w
        ? `<col min="${i + 1}" max="${i + 1}" width="${Math.max(8, Math.min(60, w + 2))}" customWidth="1"/>`
        : '',
    )
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${mainNamespace}">`,
    `<dimension ref="${dimension}"/>`,
    pane,
    '<sheetFormatPr defaultRowHeight="18"/>',
    cols ? `<cols>${cols}</cols>` : '',
    `<sheetData>${body.join('')}</sheetData>`,
    // CT_Worksheet order: conditionalFormatting before pageMargins, drawing after it.
    extra.conditionalFormatting ?? '',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    extra.drawing ? `<drawing xmlns:r="${extra.drawing.relNamespace}" r:id="${extra.drawing.relId}"/>` : '',
    '</worksheet>',
  ].join('');
}

/** A cell of an original sheet that cannot be rewritten without breaking the user's formulas. */
export class LockedCell extends Error {
  constructor(readonly ref: string) {
    super(ref);
  }
}

/** A patch: the new cell for (row, col) given the existing cell's style, or null to empty it. */
export type CellBuilder = (keepStyle: string | undefined, prefix: string) => string | null;

export interface PatchResult {
  xml: string;
  /** Whether a cell that held a formula was rewritten (calcChain.xml must then go). */
  replacedFormula: boolean;
}

/**
 * Rewrites the given cells of a worksheet part and nothing else: other rows and cells are copied
 * as written, new rows are inserted in order, the dimension grows to cover them. Throws
 * LockedCell for a cell in a shared-formula master or an array formula's range.
 */
export function patchWorksheet(
  xml: string,
  patches: ReadonlyMap<number, ReadonlyMap<number, CellBuilder>>,
): PatchResult {
  const root = parseXml(xml);
  const sheetData = childOf(root, 'sheetData', MAIN);
  if (!sheetData) throw new Error('sheetData');
  const prefix = childPrefix(sheetData);
  const text = (el: XmlElement) => xml.slice(el.start, el.end);
  const existing = childrenOf(sheetData, 'row', MAIN);
  const locked = lockedRanges(existing);
  let replacedFormula = false;

  const rowIndexOf: number[] = [];
  let rowIndex = -1;
  for (const row of existing) {
    rowIndex = attr(row, 'r') ? Number(attr(row, 'r')) - 1 : rowIndex + 1;
    rowIndexOf.push(rowIndex);
  }

  const patchedRow = (
    row: XmlElement | null,
    r: number,
    builders: ReadonlyMap<number, CellBuilder>,
  ): string => {
    const cells = row ? childrenOf(row, 'c', MAIN) : [];
    const out: { col: number; text: string }[] = [];
    let col = -1;
    const seen = new Set<number>();
    for (const c of cells) {
      const ref = attr(c, 'r');
      col = ref ? (parseA1(ref)?.col ?? col + 1) : col + 1;
      const build = builders.get(col);
      if (!build) {
        out.push({ col, text: text(c) });
        continue;
      }
      seen.add(col);
      const f = childOf(c, 'f', MAIN);
      const kind = f ? attr(f, 't') : undefined;
      if (f && ((kind === 'shared' && attr(f, 'ref') !== undefined) || kind === 'array'))
        throw new LockedCell(a1(r, col));
      if (isLocked(locked, r, col)) throw new LockedCell(a1(r, col));
      if (f) replacedFormula = true;
      const built = build(attr(c, 's'), prefix);
      if (built !== null) out.push({ col, text: built });
    }
    for (const [col, build] of builders) {
      if (seen.has(col)) continue;
      if (isLocked(locked, r, col)) throw new LockedCell(a1(r, col));
      const built = build(undefined, prefix);
      if (built !== null) out.push({ col, text: built });
    }
    out.sort((a, b) => a.col - b.col);
    let open: string;
    let close = `</${prefix}row>`;
    if (row) {
      open = xml.slice(row.start, row.innerStart);
      if (row.selfClosing) open = open.replace(/\s*\/>$/, '>');
      else close = xml.slice(row.innerEnd, row.end);
      if (out.length > 0)
        open = open.replace(
          /\sspans=("[^"]*"|'[^']*')/,
          ` spans="${out[0]!.col + 1}:${out[out.length - 1]!.col + 1}"`,
        );
    } else open = `<${prefix}row r="${r + 1}">`;
    if (!row && out.length === 0) return '';
    return `${open}${out.map((o) => o.text).join('')}${close}`;
  };

  // Walk the original rows in order, splicing patched rows and inserting new ones.
  const pending = [...patches.keys()].sort((a, b) => a - b);
  let p = 0;
  let inner = '';
  let cursor = sheetData.innerStart;
  existing.forEach((row, i) => {
    const r = rowIndexOf[i]!;
    let inserted = '';
    while (p < pending.length && pending[p]! < r) {
      inserted += patchedRow(null, pending[p]!, patches.get(pending[p]!)!);
      p++;
    }
    inner += xml.slice(cursor, row.start) + inserted;
    if (p < pending.length && pending[p] === r) {
      inner += patchedRow(row, r, patches.get(r)!);
      p++;
    } else inner += text(row);
    cursor = row.end;
  });
  let tail = '';
  while (p < pending.length) {
    tail += patchedRow(null, pending[p]!, patches.get(pending[p]!)!);
    p++;
  }
  let result: string;
  if (sheetData.selfClosing) {
    const open = text(sheetData).replace(/\s*\/>$/, '>');
    result = `${xml.slice(0, sheetData.start)}${open}${tail}</${sheetData.name}>${xml.slice(sheetData.end)}`;
  } else {
    inner += xml.slice(cursor, sheetData.innerEnd) + tail;
    result = xml.slice(0, sheetData.innerStart) + inner + xml.slice(sheetData.innerEnd);
  }
  // <dimension> comes before <sheetData> (CT_Worksheet's order), so its offsets still hold.
  const dim = childOf(root, 'dimension', MAIN);
  return {
    xml: dim && dim.end <= sheetData.start ? growDimension(result, dim, patches) : result,
    replacedFormula,
  };
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** The ranges of array formulas in a sheet's rows. */
function lockedRanges(rows: readonly XmlElement[]): Range[] {
  const out: Range[] = [];
  for (const row of rows)
    for (const c of childrenOf(row, 'c', MAIN)) {
      const f = childOf(c, 'f', MAIN);
      const ref = f ? attr(f, 'ref') : undefined;
      if (!f || attr(f, 't') !== 'array' || !ref) continue;
      const [a, b] = ref.split(':').map(parseA1);
      if (a) out.push({ r1: a.row, c1: a.col, r2: (b ?? a).row, c2: (b ?? a).col });
    }
  return out;
}

function isLocked(ranges: readonly Range[], r: number, c: number): boolean {
  return ranges.some((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2);
}

/** Widens <dimension ref> to cover the patched cells. */
function growDimension(
  xml: string,
  dim: XmlElement,
  patches: ReadonlyMap<number, ReadonlyMap<number, CellBuilder>>,
): string {
  const was = attr(dim, 'ref') ?? 'A1';
  const [a, b] = was.split(':').map(parseA1);
  if (!a) return xml;
  let r2 = (b ?? a).row;
  let c2 = (b ?? a).col;
  for (const [r, cols] of patches)
    for (const c of cols.keys()) {
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
  const ref = `${a1(a.row, a.col)}:${a1(r2, c2)}`;
  if (ref === was) return xml;
  const text = xml.slice(dim.start, dim.end).replace(/\sref=("[^"]*"|'[^']*')/, ` ref="${ref}"`);
  return xml.slice(0, dim.start) + text + xml.slice(dim.end);
}
