import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HERE, LISTING_IMAGES } from '../../../deploy/sheets/images';

/*
 * The Google Workspace Marketplace listing an admin fills in from deploy/sheets/: every text in
 * Japanese and English, within the Store Listing's limits, the scopes exactly those the Apps
 * Script manifest asks for (each with why), and images at the sizes the form takes.
 */

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];

/** The listing's sections, by the key in parentheses at the end of each `## …` heading. */
async function listing(lang: 'ja' | 'en'): Promise<Record<string, string>> {
  const text = await readFile(join(HERE, `listing.${lang}.md`), 'utf8');
  const out: Record<string, string> = {};
  for (const part of text.split(/^## /m).slice(1)) {
    const [heading, ...body] = part.split('\n');
    const key = /\(([a-z]+)\)\s*$/.exec(heading!)?.[1];
    if (key) out[key] = body.join('\n').trim();
  }
  return out;
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('deploy/sheets: the Marketplace listing', () => {
  it.each(['ja', 'en'] as const)('has every text in %s, within the Store Listing limits', async (lang) => {
    const l = await listing(lang);
    expect(Object.keys(l).sort()).toEqual(['long', 'name', 'privacy', 'scopes', 'short']);
    expect(l['name']!.length).toBeLessThanOrEqual(50);
    expect(l['short']!.length).toBeGreaterThan(20);
    expect(l['short']!.length).toBeLessThanOrEqual(200);
    expect(l['long']!.length).toBeGreaterThan(l['short']!.length);
    expect(l['long']!.length).toBeLessThanOrEqual(16_000);
    if (lang === 'ja') expect(l['long']).toMatch(/[ぁ-んァ-ン]/);
    else expect(l['long']).not.toMatch(/[ぁ-んァ-ン]/);
  });

  it.each(['ja', 'en'] as const)(
    'lists exactly the scopes appsscript.json asks for, each with why (%s)',
    async (lang) => {
      const manifest = JSON.parse(
        await readFile(resolve(__dirname, '../../../appsscript/appsscript.json'), 'utf8'),
      ) as { oauthScopes: string[] };
      expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
      const lines = (await listing(lang))['scopes']!.split('\n').filter((s) => s.startsWith('- '));
      const listed = lines.map((s) => /`([^`]+)`/.exec(s)?.[1]);
      expect(listed.sort()).toEqual([...SCOPES].sort());
      for (const line of lines) expect(line.split('—')[1]?.trim().length ?? 0).toBeGreaterThan(30);
    },
  );

  it('says in both languages that no data leaves the spreadsheet', async () => {
    expect((await listing('ja'))['privacy']).toContain('スプレッドシートから外に出ません');
    expect((await listing('en'))['privacy']).toContain('never leaves the spreadsheet');
  });

  it('has its images at the sizes the Store Listing asks for, as the drawing code makes them', async () => {
    expect(LISTING_IMAGES.map((i) => `${i.width}x${i.height}`)).toEqual([
      '32x32',
      '128x128',
      '220x140',
      '1280x800',
    ]);
    for (const image of LISTING_IMAGES) {
      const committed = new Uint8Array(await readFile(join(HERE, image.file)));
      expect({ file: image.file, ...pngSize(committed) }).toEqual({
        file: image.file,
        width: image.width,
        height: image.height,
      });
      // The screenshot is composed from docs/screenshots, which change with the UI: only its size
      // is held. The icons and the banner must be what the drawing code makes now.
      if (!image.file.startsWith('screenshot'))
        expect(Buffer.from(committed).equals(Buffer.from(await image.png()))).toBe(true);
    }
  });
});
