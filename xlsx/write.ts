import type { Lang } from '../shared/i18n';
import type { ChartSpec, SheetDrawing } from '../shared/port';
import { a1 } from './cell-text';
import { zipParts } from './lazy-zip';
import { fail } from './messages';
import type { SourceSheet } from './read';
import { fileNameExpression, type CellFormat, type DefinedName } from './workbook-model';
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
  type Flavour,
  type PartStore,
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
import { minimalStyles, withDateStyles, withDxfs } from './styles';
import { chartXml, conditionalFormattingXml, CT_CHART, CT_DRAWING, drawingXml, trafficDxfs } from './charts';
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

/** A sheet kimeru adds: its cells from A1 (undefined = empty) and its frozen header rows. */
export interface AddedSheet extends SheetDrawing {
  name: string;
  rows: (CellState | undefined)[][];
  frozenRows: number;
}

/** Cells of a sheet from the file to write (null = emptied), by 0-based row and column. */
export type CellPatch = Map<number, Map<number, CellState | null>>;

/** What a save adds to the package: new sheets, cell changes to original sheets, kimeru's names. */
export interface PackageChanges {
  added: AddedSheet[];
  patched: { name: string; cells: CellPatch }[];
  /**
   * Sheets of the file that are kimeru's own output of an earlier run, written anew whole in
   * their same part (the command line regenerates them without reading what they held).
   */
  rewritten?: AddedSheet[];
  names: DefinedName[];
}

/** The package a workbook was opened from: its parts (kept as they are) and what they hold. */
export interface PackageSource {
  parts: PartStore;
  workbookPart: string;
  flavour: Flavour;
  sheets: readonly SourceSheet[];
}

/** The package as the saved file: `fromFile` with `changes` added, or a new package (CSV, sample). */
export function writePackage(
  fromFile: PackageSource | null,
  changes: PackageChanges,
  lang: Lang,
): Uint8Array {
  const parts = new EditedParts(fromFile ? fromFile.parts : newPackage());
  const workbookPart = fromFile?.workbookPart ?? 'xl/workbook.xml';
  const flavour: Flavour = fromFile?.flavour ?? TRANSITIONAL;
  const original = new Map((fromFile?.sheets ?? []).map((s) => [s.name, s]));
  const { added, names } = changes;
  const formats = new Set<CellFormat>();
  for (const s of added) for (const row of s.rows) for (const c of row) if (c?.format) formats.add(c.format);
  const patched: { name: string; part: string; cells: CellPatch }[] = [];
  for (const p of changes.patched) {
    if (p.cells.size === 0) continue;
    const src = original.get(p.name);
    if (!src || src.kind !== 'worksheet' || !src.part) fail(lang, 'xlsx.notWorksheet', { sheet: p.name });
    for (const row of p.cells.values()) for (const c of row.values()) if (c?.format) formats.add(c.format);
    patched.push({ name: p.name, part: src.part, cells: p.cells });
  }
  const rewritten: (AddedSheet & { part: string })[] = [];
  for (const r of changes.rewritten ?? []) {
    const src = original.get(r.name);
    if (!src || src.kind !== 'worksheet' || !src.part) fail(lang, 'xlsx.notWorksheet', { sheet: r.name });
    for (const row of r.rows) for (const c of row) if (c?.format) formats.add(c.format);
    rewritten.push({ ...r, part: src.part });
  }
  let workbookXml = textOf(parts.get(workbookPart)!);
  const namesEdit = withNames(workbookXml, names);
  if (
    fromFile &&
    added.length === 0 &&
    patched.length === 0 &&
    rewritten.length === 0 &&
    namesEdit === workbookXml
  )
    return parts.zip(); // nothing to add: the same parts, byte for byte

  // 2. Styles: a date style appended to cellXfs only when a cell needs it.
  const relsPath = relsPathOf(workbookPart);
  let relsXml = parts.has(relsPath)
    ? textOf(parts.get(relsPath)!)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}"></Relationships>`;
  let typesXml = textOf(parts.get('[Content_Types].xml')!);
  const rels = readRels(relsXml, workbookPart);
  const newRel = relIds(rels.map((r) => r.id));
  let styleIndex = {};
  const lit = added.some((s) => (s.lights?.length ?? 0) > 0);
  let dxf: Record<keyof ReturnType<typeof trafficDxfs>, number> | null = null;
  if (formats.size > 0 || lit) {
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
    let xml = styles.xml;
    if (lit) {
      const wanted = trafficDxfs();
      const withFills = withDxfs(xml, [wanted.green, wanted.amber, wanted.red]);
      xml = withFills.xml;
      const [green, amber, red] = withFills.index as [number, number, number];
      dxf = { green, amber, red };
    }
    if (xml !== before) parts.set(stylesPart, utf8(xml));
    styleIndex = styles.index;
  }

  // 3. Original sheets: cell-level patches (validated before anything is written).
  // A rewritten sheet that held formulas (calcChain.xml lists them by sheet id) drops the chain.
  let dropCalcChain = rewritten.length > 0 && chainNames(parts, relsXml, workbookPart, rewritten, original);
  for (const r of rewritten)
    parts.set(r.part, utf8(worksheetXml(r.rows, styleIndex, r.frozenRows, flavour.main)));
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
    parts.set(part, utf8('')); // reserves the name while the drawing's parts are named
    const drawing = (s.charts?.length ?? 0) > 0 ? addDrawing(parts, part, s, flavour) : null;
    if (drawing) typesXml = appendToRoot(typesXml, drawing.types);
    const conditionalFormatting =
      dxf && s.lights && s.lights.length > 0 ? conditionalFormattingXml(s.lights, dxf) : undefined;
    parts.set(
      part,
      utf8(
        worksheetXml(s.rows, styleIndex, s.frozenRows, flavour.main, {
          ...(conditionalFormatting ? { conditionalFormatting } : {}),
          ...(drawing ? { drawing: { relId: drawing.relId, relNamespace: flavour.rel } } : {}),
        }),
      ),
    );
    const id = newRel();
    relsXml = appendToRoot(
      relsXml,
      relationship(id, flavour.relType('worksheet'), relativePath(workbookPart, part)),
    );
    typesXml = appendToRoot(typesXml, override(part, CT_WORKSHEET));
    const state = s.hidden ? ' state="hidden"' : '';
    sheetEntries += `<${prefix}sheet name="${escapeXml(s.name)}" sheetId="${nextSheetId++}"${state} ${relAttr(id)}/>`;
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
  return parts.zip();
}

/**
 * A new sheet's charts as new parts: one chart part each, a drawing part anchoring them, and the
 * relationships sheet → drawing → charts. Returns the sheet's relationship id for <drawing> and
 * the content-type overrides to add.
 */
function addDrawing(
  parts: EditedParts,
  sheetPart: string,
  sheet: AddedSheet,
  flavour: Flavour,
): { relId: string; types: string } {
  const folder = folderOf(folderOf(sheetPart).replace(/\/$/, ''));
  const drawingPart = freePartName(parts, `${folder}drawings/drawing`);
  parts.set(drawingPart, utf8(''));
  let types = override(drawingPart, CT_DRAWING);
  let drawingRels = '';
  const anchored: { spec: ChartSpec; relId: string }[] = [];
  (sheet.charts ?? []).forEach((spec, i) => {
    const chartPart = freePartName(parts, `${folder}charts/chart`);
    parts.set(chartPart, utf8(chartXml(spec, sheet.name, flavour)));
    types += override(chartPart, CT_CHART);
    const relId = `rId${i + 1}`;
    drawingRels += relationship(relId, flavour.relType('chart'), relativePath(drawingPart, chartPart));
    anchored.push({ spec, relId });
  });
  parts.set(drawingPart, utf8(drawingXml(anchored, flavour)));
  parts.set(relsPathOf(drawingPart), utf8(relsPart(drawingRels)));
  parts.set(
    relsPathOf(sheetPart),
    utf8(relsPart(relationship('rId1', flavour.relType('drawing'), relativePath(sheetPart, drawingPart)))),
  );
  return { relId: 'rId1', types };
}

function relsPart(relationships: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELS}">${relationships}</Relationships>`;
}

/** Whether calcChain.xml lists a cell of one of the rewritten sheets (its `i` is the sheet id). */
function chainNames(
  parts: EditedParts,
  relsXml: string,
  workbookPart: string,
  rewritten: readonly { name: string }[],
  original: ReadonlyMap<string, SourceSheet>,
): boolean {
  const chain = readRels(relsXml, workbookPart).find((x) => isRelType(x.type, 'calcChain'));
  const bytes = chain ? parts.get(chain.target) : undefined;
  if (!bytes) return false;
  const ids = new Set<string>();
  for (const m of textOf(bytes).matchAll(/\si="(\d+)"/g)) ids.add(m[1]!);
  return rewritten.some((r) => ids.has(String(original.get(r.name)?.sheetId)));
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

/** The original parts with a save's edits over them; zipped keeping untouched parts' bytes. */
class EditedParts {
  private readonly changed = new Map<string, Uint8Array>();
  private readonly deleted = new Set<string>();
  constructor(private readonly base: PartStore) {}
  get(path: string): Uint8Array | undefined {
    if (this.deleted.has(path)) return undefined;
    return this.changed.get(path) ?? this.base.get(path);
  }
  has(path: string): boolean {
    return !this.deleted.has(path) && (this.changed.has(path) || this.base.has(path));
  }
  set(path: string, bytes: Uint8Array): void {
    this.deleted.delete(path);
    this.changed.set(path, bytes);
  }
  delete(path: string): void {
    this.changed.delete(path);
    this.deleted.add(path);
  }
  keys(): string[] {
    return [...new Set([...this.base.keys(), ...this.changed.keys()])].filter((k) => !this.deleted.has(k));
  }
  zip(): Uint8Array {
    return zipParts(this.base, this.changed, this.deleted);
  }
}

/** stem1.xml, stem2.xml… the first no part has (case-insensitively: part names are). */
function freePartName(parts: EditedParts, stem: string): string {
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
