import { zlibSync } from 'fflate';

/**
 * The add-in's icons, drawn at build time rather than committed as binaries: a rounded square in
 * kimeru's green with a white check mark (決める: decided). Sizes are what the manifest asks for:
 * 16/32/80 for the ribbon, 32/64 for the add-in list.
 */

export const ICON_SIZES = [16, 32, 64, 80] as const;

const GREEN = [0x1f, 0x6f, 0x5c] as const;

/** PNG bytes of the icon at `size` × `size` pixels. */
export function iconPng(size: number): Uint8Array {
  const rgba = drawIcon(size);
  return encodePng(size, size, rgba);
}

/** RGBA pixels of the icon at `size` × `size` (for images that place it, like a listing banner). */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const samples = 4; // 4×4 supersampling for smooth edges
  const radius = size * 0.2;
  const stroke = Math.max(1.2, size * 0.11);
  // The check mark: two segments, in unit coordinates.
  const a = [0.24, 0.52];
  const b = [0.42, 0.7];
  const c = [0.77, 0.3];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          if (!inRoundedSquare(px, py, size, radius)) continue;
          inside++;
          const u = px / size;
          const v = py / size;
          const d = Math.min(segmentDistance(u, v, a, b), segmentDistance(u, v, b, c)) * size;
          if (d <= stroke / 2) white++;
        }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const w = inside === 0 ? 0 : white / inside;
      out[i] = Math.round(GREEN[0] + (255 - GREEN[0]) * w);
      out[i + 1] = Math.round(GREEN[1] + (255 - GREEN[1]) * w);
      out[i + 2] = Math.round(GREEN[2] + (255 - GREEN[2]) * w);
      out[i + 3] = Math.round((255 * inside) / n);
    }
  return out;
}

function inRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function segmentDistance(u: number, v: number, p: readonly number[], q: readonly number[]): number {
  const [px, py] = [p[0]!, p[1]!];
  const [dx, dy] = [q[0]! - px, q[1]! - py];
  const t = Math.max(0, Math.min(1, ((u - px) * dx + (v - py) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (px + t * dx), v - (py + t * dy));
}

/** A minimal PNG encoder: 8-bit RGBA, no filtering, one zlib-compressed IDAT chunk. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const raw = new Uint8Array(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let table: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
