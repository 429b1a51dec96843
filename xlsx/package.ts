import { unzipSync, zipSync, type Zippable } from 'fflate';
import { attr, childrenOf, parseXml } from './xml';

/**
 * The .xlsx package as a zip of named parts (Open Packaging Conventions): reading parts,
 * resolving relationships, and zipping it back with the untouched parts' bytes as they were.
 * Both flavours of SpreadsheetML are understood: Transitional (schemas.openxmlformats.org) and
 * Strict (purl.oclc.org), which name the same things in different namespaces.
 */

export type Parts = Map<string, Uint8Array>;

/** Where a package's original parts come from: all in memory (Parts), or read lazily from the zip. */
export interface PartStore {
  has(path: string): boolean;
  get(path: string): Uint8Array | undefined;
  keys(): Iterable<string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** A part's text (UTF-8; a BOM is dropped). */
export function textOf(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The most a package may hold once inflated (the sizes its zip directory declares, summed): 500 MB,
 * twenty times the largest workbook kimeru is measured on, and less than the longest string
 * JavaScript can hold (so any one part can be read as text). A zip bomb declares far more and is
 * refused before anything is inflated; an entry that holds more than it declares is cut at what
 * it declared.
 */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;

/** The package inflates past MAX_UNZIPPED_BYTES. */
export class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`${bytes} bytes unzipped`);
  }
}

/**
 * The parts of a zip, in the zip's order (throws on a damaged zip, TooLarge on a zip bomb).
 * Entry names written with backslashes (xl\workbook.xml, as some tools write them) are read as
 * the forward-slash names they stand for, as Excel reads them; folder entries are skipped.
 */
export function unzip(bytes: Uint8Array): Parts {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  if (total > MAX_UNZIPPED_BYTES) throw new TooLarge(total);
  const files = unzipSync(bytes);
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(files)) {
    const path = name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (path.endsWith('/') || path === '') continue;
    if (!parts.has(path)) parts.set(path, data);
  }
  return parts;
}

/** Zips the parts in their order: [Content_Types].xml first, as spreadsheet programs expect. */
export function zip(parts: Parts): Uint8Array {
  const files: Zippable = {};
  const names = [...parts.keys()];
  const ordered = [
    ...names.filter((n) => n === '[Content_Types].xml'),
    ...names.filter((n) => n !== '[Content_Types].xml'),
  ];
  for (const name of ordered) files[name] = [parts.get(name)!, { level: 6 }];
  return zipSync(files);
}

export interface Relationship {
  id: string;
  type: string;
  /** The part it points at, as a package path without a leading "/" (xl/worksheets/sheet1.xml). */
  target: string;
  external: boolean;
}

/** The relationships part of `partPath` (xl/workbook.xml → xl/_rels/workbook.xml.rels). */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Reads a relationships part; targets are resolved against the source part's folder. */
export function readRels(xml: string, sourcePart: string): Relationship[] {
  if (xml.trim() === '') return [];
  const root = parseXml(xml);
  return childrenOf(root, 'Relationship', [NS_PACKAGE_RELS]).map((r) => {
    const target = (attr(r, 'Target') ?? '').replace(/\\/g, '/');
    const external = attr(r, 'TargetMode') === 'External';
    return {
      id: attr(r, 'Id') ?? '',
      type: attr(r, 'Type') ?? '',
      target: external ? target : resolvePath(sourcePart, target),
      external,
    };
  });
}

/** A relationship target resolved to a package path: "worksheets/sheet1.xml" from xl/workbook.xml. */
export function resolvePath(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return normalize(target.slice(1));
  const base = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return normalize(base + target);
}

/** A package path relative to the source part's folder, for writing a new Target. */
export function relativePath(sourcePart: string, target: string): string {
  const base = sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1);
  return target.startsWith(base) ? target.slice(base.length) : `/${target}`;
}

function normalize(path: string): string {
  const out: string[] = [];
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A malformed escape: keep the path as written.
  }
  for (const seg of decoded.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relationship type `name` (worksheet, styles…) in either flavour. */
export function isRelType(type: string, name: string): boolean {
  return type === `${REL_BASE}/${name}` || type === `${REL_BASE_STRICT}/${name}`;
}

/** The workbook part the package's root relationships point at (usually xl/workbook.xml). */
export function workbookPath(parts: PartStore): string | null {
  const rels = parts.get('_rels/.rels');
  if (!rels) return parts.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  const main = readRels(textOf(rels), '').find((r) => isRelType(r.type, 'officeDocument'));
  return main && parts.has(main.target) ? main.target : null;
}

/** The namespaces and relationship types of one flavour of SpreadsheetML. */
export interface Flavour {
  strict: boolean;
  main: string;
  rel: string;
  relType(name: string): string;
}

const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_BASE_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_MAIN_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** SpreadsheetML's main namespace in both flavours. */
export const MAIN = [NS_MAIN, NS_MAIN_STRICT] as const;
export const NS_REL = REL_BASE;
export const NS_REL_STRICT = REL_BASE_STRICT;
/** The relationships namespace (r:id) in both flavours. */
export const REL = [NS_REL, NS_REL_STRICT] as const;
export const NS_PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const NS_CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

export const TRANSITIONAL: Flavour = {
  strict: false,
  main: NS_MAIN,
  rel: NS_REL,
  relType: (name) => `${REL_BASE}/${name}`,
};
export const STRICT: Flavour = {
  strict: true,
  main: NS_MAIN_STRICT,
  rel: NS_REL_STRICT,
  relType: (name) => `${REL_BASE_STRICT}/${name}`,
};

/** The flavour of a workbook part, from its root element's namespace. */
export function flavourOf(workbookUri: string): Flavour {
  return workbookUri === NS_MAIN_STRICT ? STRICT : TRANSITIONAL;
}

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
