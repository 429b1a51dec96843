import { unzipSync, zipSync, type Zippable } from 'fflate';
import { attrByLocalName, findAll } from './xml';

/**
 * The .xlsx package as a zip of named parts (Open Packaging Conventions): reading parts,
 * resolving relationships, and zipping it back with the untouched parts' bytes as they were.
 */

export type Parts = Map<string, Uint8Array>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** A part's text (UTF-8; a BOM is dropped). */
export function textOf(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether the bytes start like a zip file. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Whether the bytes are an OLE compound file: an encrypted .xlsx or an old .xls. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** The parts of a zip, in the zip's order (throws on a damaged zip). */
export function unzip(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
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
  return findAll(xml, 'Relationship').map((r) => {
    const target = r.attrs['Target'] ?? '';
    const external = r.attrs['TargetMode'] === 'External';
    return {
      id: r.attrs['Id'] ?? '',
      type: r.attrs['Type'] ?? '',
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

/** The workbook part the package's root relationships point at (usually xl/workbook.xml). */
export function workbookPath(parts: Parts): string | null {
  const rels = parts.get('_rels/.rels');
  if (!rels) return parts.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  const main = readRels(textOf(rels), '').find((r) => r.type.endsWith('/officeDocument'));
  return main && parts.has(main.target) ? main.target : null;
}

/** The r:id of an element (whatever prefix the relationships namespace has). */
export function relId(attrs: Record<string, string>): string | undefined {
  return attrByLocalName(attrs, 'id');
}

export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const REL_CALC_CHAIN = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain';
export const REL_OFFICE_DOCUMENT =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
