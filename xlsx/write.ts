import type { RawCellContent } from 'hyperformula';
import type { Lang } from '../shared/i18n';
import { a1 } from '../playground/src/cell-text';
import {
  fileNameExpression,
  type CellFormat,
  type DefinedName,
  type HyperFormulaWorkbook,
} from '../playground/src/hf-workbook';
import { fail } from './messages';
import type { Source } from './open';
import {
  CT_STYLES,
  CT_WORKBOOK,
  CT_WORKSHEET,
  isRelType,
  MAIN,
  NS_CONTENT_TYPES,
  NS_PACKAGE_RELS,
  readRels,
  relativePath,
  relsPathOf,
  textOf,
  TRANSITIONAL,
  utf8,
  zip,
  type Flavour,
  type Parts,
} from './package';
import {
  cellXml,
  LockedCell,
  patchWorksheet,
  worksheetXml,
  type CellBuilder,
  type CellState,
} from './sheet-xml';
import { minimalStyles, withDateStyles } from './styles';
import {
  attr,
  childOf,
  childPrefix,
  childrenOf,
  escapeXml,
  parseXml,
  prefixFor,
  type XmlElement,
} from './xml';

/**
 * Saving as .xlsx without re-serialising the user's parts: kimeru's sheets are added to the
 * original package as new worksheet parts, with the few insertions that need into workbook.xml,
 * its relationships, [Content_Types].xml and (for date cells) styles.xml. Every other part keeps
 * its bytes. A change to a sheet that came from the file (a row appended to the user's own log)
 * is written cell by cell into that sheet's XML, or refused with a message — never lost.
 */

/** The package as the saved file, ready to write to disk or download. */
export function saveXlsx(workbook: HyperFormulaWorkbook, source: Source, lang: Lang): Uint8Array {
  const fromFile = source.kind === 'xlsx' ? source.file : null;
  const parts: Parts = fromFile ? new Map(fromFile.parts) : newPackage();
  const workbookPart = fromFile?.workbookPart ?? 'xl/workbook.xml';
  const flavour: Flavour = fromFile?.flavour ?? TRANSITIONAL;
  const original = new Map((fromFile?.sheets ?? []).map((s) => [s.name, s]));

  // 1. What changed: new sheets whole, original sheets cell by cell.
  const added: { name: string; rows: (CellState | undefined)[][]; frozenRows: number }[] = [];
  const patched: { name: string; part: string; cells: Map<number, Map<number, CellState | null>> }[] = [];
  const formats = new Set<CellFormat>();
  for (const name of workbook.hf.getSheetNames()) {
    const src = original.get(name);
    if (!src) {
      const rows = sheetStates(workbook, name);
      for (const row of rows) for (const c of row) if (c?.format) formats.add(c.format);
      added.push({ name, rows, frozenRows: workbook.info(name).frozenRows ?? 0 });
      continue;
    }
    const baseline = source.kind === 'xlsx' ? (source.baseline.get(name) ?? []) : [];
    const cells = changedCells(workbook, name, baseline);
    if (cells.size === 0) continue;
    if (src.kind !== 'worksheet' || !src.part) fail(lang, 'xlsx.notWorksheet', { sheet: name });
    for (const row of cells.values()) for (const c of row.values()) if (c?.format) formats.add(c.format);
    patched.push({ name, part: src.part, cells });
  }
  const names = workbook.definedNames();
  let workbookXml = textOf(parts.get(workbookPart)!);
  const namesEdit = withNames(workbookXml, names);
  if (fromFile && added.length === 0 && patched.length === 0 && namesEdit === workbookXml) return zip(parts); // nothing to add: the same parts, byte for byte

  // 2. Styles: a date style appended to cellXfs only when a cell needs it.
  const relsPath = relsPathOf(workbookPart);
  let relsXml = parts.has(relsPath)
    ? textOf(parts.get(relsPath)!)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}"></Relationships>`;
  let typesXml = textOf(parts.get('[Content_Types].xml')!);
  const rels = readRels(relsXml, workbookPart);
  const newRel = relIds(rels.map((r) => r.id));
  let styleIndex = {};
  if (formats.size > 0) {
    let stylesPart = rels.find((r) => isRelType(r.type, 'styles') && !r.external)?.target;
    if (stylesPart && !parts.has(stylesPart)) stylesPart = undefined;
    if (!stylesPart) {
      // No styles part at all: a new one, under a name no part has.
      stylesPart = freePartName(parts, `${folderOf(workbookPart)}styles`);
      parts.set(stylesPart, utf8(minimalStyles(flavour.main)));
      relsXml = appendToRoot(
        relsXml,
        relationship(newRel(), flavour.relType('styles'), relativePath(workbookPart, stylesPart)),
      );
      typesXml = appendToRoot(typesXml, override(stylesPart, CT_STYLES));
    }
    const before = textOf(parts.get(stylesPart)!);
    const styles = withDateStyles(before, formats);
    if (styles.xml !== before) parts.set(stylesPart, utf8(styles.xml));
    styleIndex = styles.index;
  }

  // 3. Original sheets: cell-level patches (validated before anything is written).
  let dropCalcChain = false;
  for (const p of patched) {
    const builders = new Map<number, Map<number, CellBuilder>>();
    for (const [r, row] of p.cells) {
      const b = new Map<number, CellBuilder>();
      for (const [c, cell] of row)
        b.set(c, (keep, prefix) =>
          cell === null
            ? keep !== undefined
              ? `<${prefix}c r="${a1(r, c)}" s="${keep}"/>`
              : null
            : cellXml(a1(r, c), cell, styleIndex, keep, prefix),
        );
      builders.set(r, b);
    }
    try {
      const result = patchWorksheet(textOf(parts.get(p.part)!), builders);
      parts.set(p.part, utf8(result.xml));
      dropCalcChain ||= result.replacedFormula;
    } catch (e) {
      if (e instanceof LockedCell) fail(lang, 'xlsx.formulaCell', { sheet: p.name, cell: e.ref });
      throw e;
    }
  }

  // 4. New sheets: a part each, a <sheet> entry, a relationship and a content type.
  const workbookRoot = parseXml(workbookXml);
  const sheetsEl = childOf(workbookRoot, 'sheets', MAIN);
  if (added.length > 0 && !sheetsEl) throw new Error('sheets');
  let nextSheetId = 1;
  for (const s of sheetsEl ? childrenOf(sheetsEl, 'sheet', MAIN) : [])
    nextSheetId = Math.max(nextSheetId, Number(attr(s, 'sheetId') ?? 0) + 1);
  // The new <sheet> elements are children of <sheets>: its prefix names the main namespace there.
  // r:id needs the relationships namespace: a prefix already bound to it where <sheets> is, or
  // a declaration on the element itself (some writers declare it on a child, not on <workbook>).
  const prefix = sheetsEl ? childPrefix(sheetsEl) : '';
  const inScope = sheetsEl ? prefixFor(sheetsEl, flavour.rel) : undefined;
  const relAttr = (id: string) =>
    inScope !== undefined ? `${inScope}:id="${id}"` : `xmlns:r="${flavour.rel}" r:id="${id}"`;
  let sheetEntries = '';
  for (const s of added) {
    const part = freePartName(parts, `${folderOf(workbookPart)}worksheets/sheet`);
    parts.set(part, utf8(worksheetXml(s.rows, styleIndex, s.frozenRows, flavour.main)));
    const id = newRel();
    relsXml = appendToRoot(
      relsXml,
      relationship(id, flavour.relType('worksheet'), relativePath(workbookPart, part)),
    );
    typesXml = appendToRoot(typesXml, override(part, CT_WORKSHEET));
    sheetEntries += `<${prefix}sheet name="${escapeXml(s.name)}" sheetId="${nextSheetId++}" ${relAttr(id)}/>`;
  }
  if (sheetEntries && sheetsEl) workbookXml = appendTo(workbookXml, sheetsEl, sheetEntries);
  workbookXml = withNames(workbookXml, names);
  parts.set(workbookPart, utf8(workbookXml));

  // 5. calcChain.xml lists formula cells; once one became a value it must go (Excel rebuilds it).
  if (dropCalcChain) {
    const chain = readRels(relsXml, workbookPart).find((x) => isRelType(x.type, 'calcChain'));
    if (chain) {
      parts.delete(chain.target);
      relsXml = removeChildren(relsXml, NS_PACKAGE_RELS, 'Relationship', (el) =>
        isRelType(attr(el, 'Type') ?? '', 'calcChain'),
      );
      typesXml = removeChildren(
        typesXml,
        NS_CONTENT_TYPES,
        'Override',
        (el) => (attr(el, 'PartName') ?? '').replace(/^\//, '') === chain.target,
      );
    }
  }
  parts.set(relsPath, utf8(relsXml));
  parts.set('[Content_Types].xml', utf8(typesXml));
  return zip(parts);
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
function changedCells(
  workbook: HyperFormulaWorkbook,
  name: string,
  baseline: RawCellContent[][],
): Map<number, Map<number, CellState | null>> {
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

/** workbook.xml with kimeru's names added (or updated when a name of kimeru's moved). */
function withNames(workbookXml: string, names: readonly DefinedName[]): string {
  if (names.length === 0) return workbookXml;
  let xml = workbookXml;
  let toAdd = '';
  for (const n of names) {
    const text = fileNameExpression(n);
    const root = parseXml(xml);
    const block = childOf(root, 'definedNames', MAIN);
    const existing = (block ? childrenOf(block, 'definedName', MAIN) : []).find(
      (d) =>
        (attr(d, 'name') ?? '').toUpperCase() === n.name.toUpperCase() &&
        attr(d, 'localSheetId') === undefined,
    );
    if (existing) {
      if (existing.text.trim() === text) continue;
      if (existing.selfClosing) continue;
      xml = xml.slice(0, existing.innerStart) + escapeXml(text) + xml.slice(existing.innerEnd);
      continue;
    }
    toAdd += `<$PREFIX$definedName name="${escapeXml(n.name)}">${escapeXml(text)}</$PREFIX$definedName>`;
  }
  if (!toAdd) return xml;
  const root = parseXml(xml);
  const block = childOf(root, 'definedNames', MAIN);
  if (block) return appendTo(xml, block, toAdd.replace(/\$PREFIX\$/g, childPrefix(block)));
  // CT_Workbook order: definedNames comes after sheets, functionGroups and externalReferences.
  const after =
    childOf(root, 'externalReferences', MAIN) ??
    childOf(root, 'functionGroups', MAIN) ??
    childOf(root, 'sheets', MAIN);
  if (!after) throw new Error('sheets');
  const p = childPrefix(root);
  return `${xml.slice(0, after.end)}<${p}definedNames>${toAdd.replace(/\$PREFIX\$/g, p)}</${p}definedNames>${xml.slice(after.end)}`;
}

/** Inserts `text` as the last content of `el` (opening a self-closing element). */
function appendTo(xml: string, el: XmlElement, text: string): string {
  if (!el.selfClosing) return xml.slice(0, el.innerEnd) + text + xml.slice(el.innerEnd);
  const open = xml.slice(el.start, el.end).replace(/\s*\/>$/, '>');
  return `${xml.slice(0, el.start)}${open}${text}</${el.name}>${xml.slice(el.end)}`;
}

/** Inserts `text` as the last content of the part's root element. */
function appendToRoot(xml: string, text: string): string {
  return appendTo(xml, parseXml(xml), text);
}

/** The part without the root's children `local` (in `uri`) that pass `test`. */
function removeChildren(xml: string, uri: string, local: string, test: (el: XmlElement) => boolean): string {
  let out = xml;
  for (const el of childrenOf(parseXml(xml), local, [uri]).reverse())
    if (test(el)) out = out.slice(0, el.start) + out.slice(el.end);
  return out;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function override(part: string, type: string): string {
  return `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
}

/** A generator of relationship ids not used yet (rId7, rId8… after the highest). */
function relIds(existing: readonly string[]): () => string {
  const used = new Set(existing);
  let n = 0;
  for (const id of existing) n = Math.max(n, Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0));
  return () => {
    let id: string;
    do id = `rId${++n}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
}

/** stem1.xml, stem2.xml… the first no part has (case-insensitively: part names are). */
function freePartName(parts: Parts, stem: string): string {
  const taken = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`${stem}${i}.xml`.toLowerCase())) return `${stem}${i}.xml`;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** The package a CSV file or the sample is saved into: a workbook with no sheet yet. */
function newPackage(): Parts {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return new Map([
    [
      '[Content_Types].xml',
      utf8(
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          override('xl/workbook.xml', CT_WORKBOOK) +
          override('xl/styles.xml', CT_STYLES) +
          '</Types>',
      ),
    ],
    [
      '_rels/.rels',
      utf8(
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          relationship('rId1', TRANSITIONAL.relType('officeDocument'), 'xl/workbook.xml') +
          '</Relationships>',
      ),
    ],
    [
      'xl/workbook.xml',
      utf8(
        `${xml}<workbook xmlns="${TRANSITIONAL.main}" xmlns:r="${TRANSITIONAL.rel}">` +
          '<bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>',
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      utf8(
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          relationship('rId1', TRANSITIONAL.relType('styles'), 'styles.xml') +
          '</Relationships>',
      ),
    ],
    ['xl/styles.xml', utf8(minimalStyles(TRANSITIONAL.main))],
  ]);
}
