import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXCEL_NAMESPACE } from '../../shared/functions';
import { addinBaseUrl, MANIFEST_SOURCE, OFFICE_JS_URL } from '../../office-addin/build';
import { buildAddin, readManifest, validateManifest, type ManifestFacts } from './office-harness';

/*
 * The manifest Excel reads when the add-in is sideloaded or deployed, checked offline: against
 * Microsoft's XSDs (element order and placement are the commonest reason Excel refuses one), and
 * for what the XSD cannot see — resids that resolve, URLs that point at files the build emits,
 * the namespace users type (=KIMERU.RANK), the one permission.
 */

jest.setTimeout(60_000);

const HOSTED = 'https://example.com/kimeru';
let dev: string;
let hosted: string;
beforeAll(async () => {
  [dev, hosted] = await Promise.all([buildAddin(), buildAddin({ baseUrl: `${HOSTED}/` })]);
});
afterAll(async () => {
  await Promise.all([dev, hosted].map((d) => d && rm(d, { recursive: true, force: true })));
});

async function facts(dir: string): Promise<ManifestFacts> {
  return readManifest(await readFile(join(dir, 'manifest.xml'), 'utf8'));
}

describe('office-addin/manifest.xml', () => {
  it('validates against Microsoft’s schemas, as written and as built for a real host', () => {
    for (const file of [MANIFEST_SOURCE, join(dev, 'manifest.xml'), join(hosted, 'manifest.xml')]) {
      const result = validateManifest(file);
      expect(result.output).not.toMatch(/error|fails/i);
      expect(result.ok).toBe(true);
    }
  });

  it('is rejected by the same check when an element is out of order (the check can fail)', async () => {
    const source = await readFile(MANIFEST_SOURCE, 'utf8');
    const broken = source.replace(
      /(\s*<Permissions>ReadWriteDocument<\/Permissions>)([\s\S]*?)(\s*<VersionOverrides)/,
      '$2$1$3',
    );
    const swapped = broken.replace(
      /(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>ReadWriteDocument<\/Permissions>)/,
      '$2$1',
    );
    expect(swapped).not.toBe(source);
    const file = join(dev, 'broken.xml');
    await writeFile(file, swapped, 'utf8');
    const result = validateManifest(file);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('DefaultSettings');
  });

  it('has a fixed GUID id, Excel only, and asks for ReadWriteDocument and nothing else', async () => {
    const m = await facts(dev);
    expect(m.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(m.id).toBe(readManifest(await readFile(MANIFEST_SOURCE, 'utf8')).id);
    expect(m.hosts).toEqual(['Workbook']);
    expect(m.permissions).toEqual(['ReadWriteDocument']);
    expect(m.sets).toEqual({
      ExcelApi: '1.7',
      SharedRuntime: '1.1',
      CustomFunctionsRuntime: '1.3',
      DialogApi: '1.1',
    });
  });

  it('resolves every resid it uses', async () => {
    const m = await facts(dev);
    const missing = [...new Set(m.used)].filter((id) => !m.resources.has(id));
    expect(missing).toEqual([]);
    const unused = [...m.resources.keys()].filter((id) => !m.used.includes(id));
    expect(unused).toEqual([]);
  });

  it('names the functions KIMERU.* and points Excel at the functions.json the build writes', async () => {
    const m = await facts(dev);
    expect(m.resources.get(m.resid('Namespace'))?.value).toBe(EXCEL_NAMESPACE);
    expect(EXCEL_NAMESPACE).toBe('KIMERU');
    const metadata = m.resources.get(m.source('Metadata'))!;
    expect(metadata.value).toBe('https://localhost:3000/functions.json');
    expect(metadata.overrides).toEqual({ 'en-US': 'https://localhost:3000/functions.en-US.json' });
  });

  it('runs the task pane, the ribbon and the functions in one shared runtime: the task pane page', async () => {
    const xml = await readFile(join(dev, 'manifest.xml'), 'utf8');
    const m = readManifest(xml);
    const page = m.resources.get('Taskpane.Url')!.value;
    expect(page).toBe('https://localhost:3000/taskpane.html');
    expect(m.resid('Runtime')).toBe('Taskpane.Url');
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect([m.source('Script'), m.source('Page'), m.resid('FunctionFile')]).toEqual([
      'Taskpane.Url',
      'Taskpane.Url',
      'Taskpane.Url',
    ]);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    // …and that page loads office.js and the functions itself.
    const html = await readFile(join(dev, 'taskpane.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<script src="${OFFICE_JS_URL}"></script>`);
    expect(head.indexOf(OFFICE_JS_URL)).toBeLessThan(head.indexOf('<script src="functions.js"></script>'));
  });

  it('has every display string in Japanese with an English override', async () => {
    const xml = await readFile(join(dev, 'manifest.xml'), 'utf8');
    expect(xml).toContain('<DefaultLocale>ja-JP</DefaultLocale>');
    expect(xml).toMatch(
      /<DisplayName DefaultValue="kimeru（決める）">\s*<Override Locale="en-US" Value="kimeru"\/>/,
    );
    expect(xml).toMatch(
      /<Description DefaultValue="[^"]*顧客管理[^"]*">\s*<Override Locale="en-US" Value="[^"]+"\/>/,
    );
    const m = readManifest(xml);
    for (const id of ['OpenButton.Label', 'OpenButton.Tooltip']) {
      expect(m.resources.get(id)!.value).toMatch(/[ぁ-んァ-ヶ一-龯]/);
      expect(m.resources.get(id)!.overrides['en-US']).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('uses only https URLs, each pointing at a file the build emits', async () => {
    for (const [dir, base] of [
      [dev, 'https://localhost:3000/'],
      [hosted, `${HOSTED}/`],
    ] as const) {
      const m = await facts(dir);
      expect(m.urls.length).toBeGreaterThan(5);
      for (const url of m.urls) {
        expect(url.startsWith(base)).toBe(true);
        const file = join(dir, url.slice(base.length));
        if (!existsSync(file)) throw new Error(`${url} points at no built file`);
      }
    }
  });

  it('moves every URL to the host given by KIMERU_ADDIN_URL, and refuses a non-https one', async () => {
    const xml = await readFile(join(hosted, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`${HOSTED}/taskpane.html`);
    expect(() => addinBaseUrl('http://example.com/kimeru')).toThrow('https://');
    expect(() => addinBaseUrl('example.com')).toThrow('KIMERU_ADDIN_URL');
    expect(addinBaseUrl(undefined)).toBe('https://localhost:3000');
    expect(addinBaseUrl('https://example.com/kimeru/')).toBe(HOSTED);
  });

  it('builds icons as real PNGs of the sizes the manifest names', async () => {
    for (const size of [16, 32, 64, 80]) {
      const png = await readFile(join(dev, 'assets', `icon-${size}.png`));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      expect(png.length).toBeLessThan(4096);
    }
  });
});
