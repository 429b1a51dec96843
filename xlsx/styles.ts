import type { CellFormat } from './workbook-model';
import { MAIN } from './package';
import { attr, childOf, childPrefix, childrenOf, parseXml } from './xml';

/**
 * Which cell styles of a workbook show numbers as dates, and the one edit kimeru makes to
 * styles.xml: appending a date style (numFmtId 14) and a date-time style (22) to cellXfs when
 * its cells need them — reusing them when a previous save already added them.
 */

// Built-in number formats that show a date (14–17, 22, 27–36 and 50–58 are the East Asian ones).
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_DATETIME = new Set([22]);

/** Whether a custom number format shows a date, a date and time, or neither. */
export function formatCodeKind(code: string): CellFormat | undefined {
  if (/^\s*(general|@)\s*$/i.test(code)) return undefined;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .split(';')[0]!;
  if (!/[ydeg]/i.test(bare)) return undefined;
  return /[hs]/i.test(bare) ? 'datetime' : 'date';
}

/** cellXfs index → date kind, for the cells of a workbook whose style shows a date. */
export function dateStyles(stylesXml: string | null): Map<number, CellFormat> {
  const out = new Map<number, CellFormat>();
  if (!stylesXml) return out;
  const root = parseXml(stylesXml);
  const custom = new Map<number, CellFormat>();
  const numFmts = childOf(root, 'numFmts', MAIN);
  for (const f of numFmts ? childrenOf(numFmts, 'numFmt', MAIN) : []) {
    const kind = formatCodeKind(attr(f, 'formatCode') ?? '');
    if (kind) custom.set(Number(attr(f, 'numFmtId')), kind);
  }
  const xfs = childOf(root, 'cellXfs', MAIN);
  if (!xfs) return out;
  childrenOf(xfs, 'xf', MAIN).forEach((xf, i) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const kind =
      custom.get(id) ?? (BUILTIN_DATE.has(id) ? 'date' : BUILTIN_DATETIME.has(id) ? 'datetime' : undefined);
    if (kind) out.set(i, kind);
  });
  return out;
}

const XF: Record<CellFormat, string> = {
  date: '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
  datetime: '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
};

/** A styles part for a new package (in its main namespace): the defaults every spreadsheet program expects. */
export const minimalStyles = (mainNamespace: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<styleSheet xmlns="${mainNamespace}">`,
    '<fonts count="1"><font><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font></fonts>',
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '</styleSheet>',
  ].join('');

/**
 * The styles part with the date styles `needed` present in cellXfs, and their indexes. When
 * nothing is added the text is returned unchanged (same string), so the part stays as it was.
 * The part keeps its flavour (Transitional or Strict) and its prefixes: the new <xf> elements
 * take the prefix of the <cellXfs> they go into.
 */
export function withDateStyles(
  stylesXml: string,
  needed: ReadonlySet<CellFormat>,
): { xml: string; index: Partial<Record<CellFormat, number>> } {
  const index: Partial<Record<CellFormat, number>> = {};
  if (needed.size === 0) return { xml: stylesXml, index };
  const cellXfs = childOf(parseXml(stylesXml), 'cellXfs', MAIN);
  if (!cellXfs) return { xml: stylesXml, index };
  const prefix = childPrefix(cellXfs);
  const xfs = childrenOf(cellXfs, 'xf', MAIN).map((x) => stylesXml.slice(x.start, x.end));
  const toAdd: string[] = [];
  for (const kind of ['date', 'datetime'] as const) {
    if (!needed.has(kind)) continue;
    const xf = prefix ? XF[kind].replace('<xf', `<${prefix}xf`) : XF[kind];
    const existing = xfs.indexOf(xf);
    if (existing >= 0) index[kind] = existing;
    else {
      index[kind] = xfs.length + toAdd.length;
      toAdd.push(xf);
    }
  }
  if (toAdd.length === 0) return { xml: stylesXml, index };
  let open = stylesXml.slice(cellXfs.start, cellXfs.innerStart);
  open = open.replace(/(\scount\s*=\s*)(["'])(\d+)\2/, (_, pre: string, q: string, n: string) => {
    return `${pre}${q}${Number(n) + toAdd.length}${q}`;
  });
  const before = stylesXml.slice(0, cellXfs.start);
  const after = stylesXml.slice(cellXfs.end);
  const xml = cellXfs.selfClosing
    ? `${before}${open.replace(/\s*\/>$/, '>')}${toAdd.join('')}</${cellXfs.name}>${after}`
    : before +
      open +
      stylesXml.slice(cellXfs.innerStart, cellXfs.innerEnd) +
      toAdd.join('') +
      stylesXml.slice(cellXfs.innerEnd, cellXfs.end) +
      after;
  return { xml, index };
}

/**
 * The styles part with these differential formats (<dxf>, for conditional formatting) present in
 * <dxfs>, and their indexes: ones a previous save added are reused, new ones are appended (the
 * list is made after <cellStyles> when the part has none). Unchanged text when nothing is added.
 */
export function withDxfs(stylesXml: string, dxfs: readonly string[]): { xml: string; index: number[] } {
  const root = parseXml(stylesXml);
  const prefix = childPrefix(root);
  const wanted = dxfs.map((d) => (prefix ? d.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : d));
  const list = childOf(root, 'dxfs', MAIN);
  const existing = list ? childrenOf(list, 'dxf', MAIN).map((x) => stylesXml.slice(x.start, x.end)) : [];
  const index: number[] = [];
  const toAdd: string[] = [];
  for (const d of wanted) {
    const at = existing.indexOf(d);
    if (at >= 0) index.push(at);
    else {
      const pending = toAdd.indexOf(d);
      index.push(existing.length + (pending >= 0 ? pending : toAdd.push(d) - 1));
    }
  }
  if (toAdd.length === 0) return { xml: stylesXml, index };
  const count = existing.length + toAdd.length;
  if (list) {
    const open = stylesXml
      .slice(list.start, list.selfClosing ? list.end : list.innerStart)
      .replace(/\s*\/>$/, '>')
      .replace(/(\scount\s*=\s*)(["'])(\d+)\2/, (_, pre: string, q: string) => `${pre}${q}${count}${q}`);
    const inner = list.selfClosing ? '' : stylesXml.slice(list.innerStart, list.innerEnd);
    return {
      xml: `${stylesXml.slice(0, list.start)}${open}${inner}${toAdd.join('')}</${list.name}>${stylesXml.slice(list.end)}`,
      index,
    };
  }
  // CT_Stylesheet order: … cellXfs, cellStyles, dxfs, tableStyles …
  const after = childOf(root, 'cellStyles', MAIN) ?? childOf(root, 'cellXfs', MAIN);
  const block = `<${prefix}dxfs count="${count}">${toAdd.join('')}</${prefix}dxfs>`;
  if (!after)
    return { xml: stylesXml.slice(0, root.innerEnd) + block + stylesXml.slice(root.innerEnd), index };
  return { xml: stylesXml.slice(0, after.end) + block + stylesXml.slice(after.end), index };
}
