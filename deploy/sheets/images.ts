import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { unzlibSync } from 'fflate';
import { drawIcon, encodePng, iconPng } from '../../office-addin/icons';

/**
 * The images the Google Workspace Marketplace SDK's Store Listing asks for, drawn from the same
 * icon as the Excel add-in's: application icons of 32×32 and 128×128, a card banner of 220×140 and
 * screenshots of 1280×800 (sizes as the Store Listing form states them). They are committed next
 * to this file so that an admin can upload them as they are; `npx tsx deploy/sheets/images.ts`
 * draws them again, and test/unit/deploy/listing.test.ts fails when the files and the drawing
 * differ.
 */

export const HERE = resolve(__dirname);
const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots');

export interface ListingImage {
  file: string;
  width: number;
  height: number;
  png(): Promise<Uint8Array>;
}

const PAPER = [0xf3, 0xf7, 0xf5] as const;

export const LISTING_IMAGES: readonly ListingImage[] = [
  { file: 'icon-32.png', width: 32, height: 32, png: async () => iconPng(32) },
  { file: 'icon-128.png', width: 128, height: 128, png: async () => iconPng(128) },
  { file: 'card-banner-220x140.png', width: 220, height: 140, png: async () => banner() },
  { file: 'screenshot-1280x800.png', width: 1280, height: 800, png: () => screenshot() },
];

/** The icon centred on kimeru's pale green paper. */
function banner(): Uint8Array {
  const canvas = new Canvas(220, 140, PAPER);
  canvas.draw({ width: 88, height: 88, rgba: drawIcon(88) }, 66, 26);
  return canvas.png();
}

/**
 * The sidebar as Chromium shows it in the tests (docs/screenshots, 300×800 each): logging an
 * activity and editing the definition, side by side with the icon, on one 1280×800 page.
 */
async function screenshot(): Promise<Uint8Array> {
  const [log, definition] = await Promise.all(
    ['sidebar-log.png', 'sidebar-definition.png'].map(async (f) =>
      decodePng(await readFile(join(SCREENSHOTS, f))),
    ),
  );
  const canvas = new Canvas(1280, 800, PAPER);
  canvas.draw({ width: 128, height: 128, rgba: drawIcon(128) }, 96, 336);
  canvas.draw(log!, 400, 0);
  canvas.draw(definition!, 780, 0);
  return canvas.png();
}

interface Bitmap {
  width: number;
  height: number;
  /** 8-bit RGBA, row by row. */
  rgba: Uint8Array;
}

/** An opaque RGBA canvas that pictures are blended onto by their alpha. */
class Canvas implements Bitmap {
  readonly rgba: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    fill: readonly number[],
  ) {
    this.rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) this.rgba.set([fill[0]!, fill[1]!, fill[2]!, 255], i * 4);
  }

  draw(picture: Bitmap, left: number, top: number): void {
    for (let y = 0; y < picture.height; y++)
      for (let x = 0; x < picture.width; x++) {
        const tx = left + x;
        const ty = top + y;
        if (tx < 0 || ty < 0 || tx >= this.width || ty >= this.height) continue;
        const s = (y * picture.width + x) * 4;
        const d = (ty * this.width + tx) * 4;
        const a = picture.rgba[s + 3]! / 255;
        for (let c = 0; c < 3; c++)
          this.rgba[d + c] = Math.round(picture.rgba[s + c]! * a + this.rgba[d + c]! * (1 - a));
      }
  }

  png(): Uint8Array {
    return encodePng(this.width, this.height, this.rgba);
  }
}

/** Reads an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(bytes: Uint8Array): Bitmap {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
        throw new Error('Only 8-bit non-interlaced RGB/RGBA PNGs are read here.');
      channels = colour === 2 ? 3 : 4;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let offset = 0;
  for (const d of idat) {
    joined.set(d, offset);
    offset += d.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter}`);
      pixels[y * stride + i] = (line[i]! + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba.set(pixels.subarray(p * channels, p * channels + 3), p * 4);
    rgba[p * 4 + 3] = channels === 4 ? pixels[p * channels + 3]! : 255;
  }
  return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

async function main(): Promise<void> {
  for (const image of LISTING_IMAGES) {
    await writeFile(join(HERE, image.file), await image.png());
    process.stdout.write(`wrote deploy/sheets/${image.file} (${image.width}×${image.height})\n`);
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
