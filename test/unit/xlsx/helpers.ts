import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Clock } from '../../../shared/commands';
import { dayFromParts } from '../../../shared/values';
import { textOf, unzip } from '../../../playground/src/xlsx/package';

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
