import { deflateSync, Inflate, inflateSync } from 'fflate';
import { MAX_UNZIPPED_BYTES, TooLarge, zip, type PartStore } from './package';

/**
 * A zip read only where it is needed: the central directory is read at once, each part is
 * inflated when asked for — whole for small parts, in chunks for a sheet streamed to the XML
 * parser — and saving copies the untouched parts' compressed bytes as they are. So opening a
 * 200 MB (inflated) workbook to read one table takes memory for that table, not for the package,
 * and writing it back deflates only the parts that changed.
 */

interface Entry {
  /** The name as stored (may use backslashes). */
  stored: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the file. */
  dataStart: number;
  time: number;
  date: number;
}

/** Not a zip this reader handles (damaged, zip64, an unknown compression): use the whole-file reader. */
export class UnsupportedZip extends Error {}

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

export class LazyZip implements PartStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw new UnsupportedZip('no end of central directory');
    const count = u16(bytes, eocd + 10);
    let at = u32(bytes, eocd + 16);
    if (count === 0xffff || at === 0xffffffff) throw new UnsupportedZip('zip64');
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
        throw new UnsupportedZip('central directory');
      const nameLength = u16(bytes, at + 28);
      const stored = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const local = u32(bytes, at + 42);
      const compressedSize = u32(bytes, at + 20);
      const size = u32(bytes, at + 24);
      if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
        throw new UnsupportedZip('zip64');
      if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
        throw new UnsupportedZip('local header');
      const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (dataStart + compressedSize > bytes.length) throw new UnsupportedZip('truncated');
      const entry: Entry = {
        stored,
        method: u16(bytes, at + 10),
        flags: u16(bytes, at + 8),
        crc: u32(bytes, at + 16),
        compressedSize,
        size,
        dataStart,
        time: u16(bytes, at + 12),
        date: u16(bytes, at + 14),
      };
      if (entry.method !== 0 && entry.method !== 8) throw new UnsupportedZip('compression');
      if (entry.flags & 1) throw new UnsupportedZip('encrypted');
      at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
      total += size;
      // As Excel reads it: backslashes are folder separators; folder entries hold no part.
      const path = stored.replace(/\\/g, '/').replace(/^\/+/, '');
      if (path === '' || path.endsWith('/') || this.entries.has(path)) continue;
      this.entries.set(path, entry);
    }
    if (total > MAX_UNZIPPED_BYTES) throw new TooLarge(total);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** A part's bytes, inflated whole (cut at the size the directory declares). */
  get(path: string): Uint8Array | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    const raw = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (e.method === 0) return raw.subarray(0, e.size);
    const out = inflateSync(raw, { out: new Uint8Array(e.size) });
    return out.length > e.size ? out.subarray(0, e.size) : out;
  }

  /** The size a part declares once inflated (0 when there is no such part). */
  sizeOf(path: string): number {
    return this.entries.get(path)?.size ?? 0;
  }

  /**
   * A part's text in chunks, inflated and decoded as it goes (a BOM dropped): the whole part is
   * never in memory at once.
   */
  streamText(path: string, onText: (text: string) => void): void {
    const e = this.entries.get(path);
    if (!e) return;
    const decoder = new TextDecoder('utf-8');
    let first = true;
    let left = e.size;
    const emit = (chunk: Uint8Array, final: boolean) => {
      const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
      left -= part.length;
      let text = decoder.decode(part, { stream: !final });
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text !== '') onText(text);
    };
    const raw = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    const STEP = 1 << 18;
    if (e.method === 0) {
      for (let i = 0; i < raw.length; i += STEP) emit(raw.subarray(i, i + STEP), false);
      emit(new Uint8Array(0), true);
      return;
    }
    const inflate = new Inflate((chunk, final) => emit(chunk, final));
    for (let i = 0; i < raw.length; i += STEP)
      inflate.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  }

  /**
   * The package with `changed` parts (new or rewritten) and without `deleted` ones: untouched
   * parts keep their compressed bytes, [Content_Types].xml first as spreadsheet programs expect.
   */
  rezip(changed: ReadonlyMap<string, Uint8Array>, deleted: ReadonlySet<string>): Uint8Array {
    const names = [...new Set([...this.entries.keys(), ...changed.keys()])].filter((n) => !deleted.has(n));
    const ordered = [
      ...names.filter((n) => n === '[Content_Types].xml'),
      ...names.filter((n) => n !== '[Content_Types].xml'),
    ];
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const name of ordered) {
      const nameBytes = new TextEncoder().encode(name);
      const fresh = changed.get(name);
      const old = this.entries.get(name);
      let record: Omit<Entry, 'stored' | 'dataStart' | 'flags'> & { data: Uint8Array };
      if (fresh !== undefined || !old) {
        const data = fresh!;
        record = {
          method: 8,
          crc: crc32(data),
          size: data.length,
          data: deflateSync(data, { level: 6 }),
          compressedSize: 0,
          time: 0,
          date: 0x21,
        };
        record.compressedSize = record.data.length;
      } else {
        record = {
          ...old,
          data: this.bytes.subarray(old.dataStart, old.dataStart + old.compressedSize),
        };
      }
      // UTF-8 names (bit 11); sizes and CRC in the headers, so no data descriptor follows.
      const flags = 0x0800;
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, record.method, true);
      lv.setUint16(10, record.time, true);
      lv.setUint16(12, record.date, true);
      lv.setUint32(14, record.crc, true);
      lv.setUint32(18, record.compressedSize, true);
      lv.setUint32(22, record.size, true);
      lv.setUint16(26, nameBytes.length, true);
      local.set(nameBytes, 30);
      const dir = new Uint8Array(46 + nameBytes.length);
      const dv = new DataView(dir.buffer);
      dv.setUint32(0, 0x02014b50, true);
      dv.setUint16(4, 20, true);
      dv.setUint16(6, 20, true);
      dv.setUint16(8, flags, true);
      dv.setUint16(10, record.method, true);
      dv.setUint16(12, record.time, true);
      dv.setUint16(14, record.date, true);
      dv.setUint32(16, record.crc, true);
      dv.setUint32(20, record.compressedSize, true);
      dv.setUint32(24, record.size, true);
      dv.setUint16(28, nameBytes.length, true);
      dv.setUint32(42, offset, true);
      dir.set(nameBytes, 46);
      chunks.push(local, record.data);
      central.push(dir);
      offset += local.length + record.data.length;
    }
    const centralSize = central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, ordered.length, true);
    ev.setUint16(10, ordered.length, true);
    ev.setUint32(12, centralSize, true);
    ev.setUint32(16, offset, true);
    const out = new Uint8Array(offset + centralSize + 22);
    let at = 0;
    for (const c of [...chunks, ...central, end]) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

let table: Uint32Array | null = null;
/** CRC-32 (the zip polynomial) of a new part. */
function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Zips a package held in memory, or rezips a lazily read one keeping untouched parts' bytes. */
export function zipParts(
  base: PartStore,
  changed: ReadonlyMap<string, Uint8Array>,
  deleted: ReadonlySet<string>,
): Uint8Array {
  if (base instanceof LazyZip) return base.rezip(changed, deleted);
  const all = new Map<string, Uint8Array>();
  for (const k of base.keys()) if (!deleted.has(k)) all.set(k, changed.get(k) ?? base.get(k)!);
  for (const [k, v] of changed) if (!deleted.has(k)) all.set(k, v);
  return zip(all);
}
