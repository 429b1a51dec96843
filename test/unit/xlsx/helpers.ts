import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Clock } from '../../../shared/commands';
import { dayFromParts } from '../../../shared/values';
import { textOf, unzip } from '../../../xlsx/package';

/** Test helpers for the .xlsx round trips: fixtures, package parts, ExcelJS read-backs. */

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'xlsx');

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** 2026-11-29 10:30, the day the tests run in. */
export const clock: Clock = { now: () => ({ day: dayFromParts(2026, 11, 29), minutes: 10 * 60 + 30 }) };

export const partsOf = (bytes: Uint8Array) => unzip(bytes);
export const partText = (bytes: Uint8Array, name: string): string => textOf(unzip(bytes).get(name)!);

/**
 * The elements `after` has that `before` lacks, when `after` is exactly `before` with whole
 * elements inserted; throws (naming the place) when anything else differs.
 */
export function insertedElements(before: string, after: string): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
      continue;
    }
    // Back up to the tag both texts were in: an insertion starts at a "<".
    const start = after.lastIndexOf('<', j);
    if (start < 0 || j - start > i)
      throw new Error(`differs at ${i}: «${before.slice(i, i + 60)}» vs «${after.slice(j, j + 60)}»`);
    i -= j - start;
    j = start;
    const end = elementEnd(after, j);
    if (end <= j) throw new Error(`no element at ${j}: «${after.slice(j, j + 60)}»`);
    out.push(after.slice(j, end));
    j = end;
  }
  return out;
}

function elementEnd(xml: string, start: number): number {
  const open = /^<([\w:.-]+)[^>]*?(\/?)>/.exec(xml.slice(start));
  if (!open) return -1;
  if (open[2] === '/') return start + open[0].length;
  const close = `</${open[1]}>`;
  const at = xml.indexOf(close, start + open[0].length);
  return at < 0 ? -1 : at + close.length;
}

/** Reads a workbook with ExcelJS (an independent reader) from bytes. */
export async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of a worksheet as ExcelJS sees it: address → value, style and note. */
export function cellsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = { value: cell.value, style: cell.style, note: cell.note ?? null, type: cell.type };
    }),
  );
  return out;
}

/**
 * An OLE compound file ([MS-CFB], version 3: 512-byte sectors) whose directory holds `streams`
 * (empty), as Office writes a password-protected workbook (EncryptionInfo, EncryptedPackage) or
 * an old .xls (Workbook). Sector 0 is the FAT, the directory starts at sector 1.
 */
export function compoundFile(streams: readonly string[]): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const bytes = new Uint8Array(512 * (2 + dirSectors));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 2^9 = 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // The FAT (sector 0, at byte 512): itself, then the directory's chain.
  const fat = 512;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++)
    view.setUint32(fat + s * 4, s === dirSectors ? 0xfffffffe : s + 1, true);
  entries.forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    bytes[at + 0x42] = i === 0 ? 5 : 2; // root storage, stream
  });
  return bytes;
}
