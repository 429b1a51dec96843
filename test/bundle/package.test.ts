import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { OFFICE_JS_URL } from '../../office-addin/build';
import { APPS_SCRIPT_FILES, PackageError, packageKimeru, parsePackageArgs } from '../../scripts/package';
import { readManifest, validateManifest } from './office-harness';

/*
 * `npm run package`, what a team's admin runs: the Apps Script project exactly as clasp pushes
 * it, and the Excel add-in as static files plus a manifest pointing at the URL given once.
 */

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const BASE = 'https://intranet.example.co.jp/tools/kimeru';
let out: string;
let written: Awaited<ReturnType<typeof packageKimeru>>;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'kimeru-package-'));
  written = await packageKimeru(parsePackageArgs(['--base-url', `${BASE}/`, '--out', out]));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(join(dir, entry.name), `${name}/`)));
    else out.push(name);
  }
  return out.sort();
}

describe('npm run package: Google Sheets', () => {
  it('writes exactly the Apps Script project clasp pushes', async () => {
    expect(written.sheets).toBe(join(out, 'sheets'));
    expect(await filesUnder(written.sheets!)).toEqual([...APPS_SCRIPT_FILES].sort());
  });

  it('asks for exactly the two scopes, runs on V8, and has the add-on entry points', async () => {
    const manifest = JSON.parse(await readFile(join(written.sheets!, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
      runtimeVersion: string;
    };
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(manifest.runtimeVersion).toBe('V8');
    // Loaded as Apps Script loads it (no services): onOpen and onInstall are top-level functions,
    // which an editor add-on installed from the Marketplace needs.
    const context: Record<string, unknown> = {};
    runInNewContext(await readFile(join(written.sheets!, 'Code.js'), 'utf8'), context);
    expect(typeof context['onOpen']).toBe('function');
    expect(typeof context['onInstall']).toBe('function');
    expect(await readFile(join(written.sheets!, 'Sidebar.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });
});

describe('npm run package: Excel', () => {
  it('writes a manifest valid against Microsoft’s schemas, every URL under the base URL', async () => {
    expect(written.excel).toBe(join(out, 'excel'));
    const file = join(written.excel!, 'manifest.xml');
    const result = validateManifest(file);
    expect(result.output).not.toMatch(/error|fails/i);
    expect(result.ok).toBe(true);
    const m = readManifest(await readFile(file, 'utf8'));
    expect(m.urls.length).toBeGreaterThan(5);
    for (const url of m.urls) {
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      // …and names a file of the folder, so uploading the folder as it is makes every link work.
      expect(existsSync(join(written.excel!, url.slice(BASE.length + 1)))).toBe(true);
    }
  });

  it('is a folder of static files with no development address left in it', async () => {
    const files = await filesUnder(written.excel!);
    expect(files).toEqual(
      expect.arrayContaining(['manifest.xml', 'taskpane.html', 'functions.js', 'functions.json']),
    );
    for (const f of files.filter((f) => /\.(html|js|json|xml)$/.test(f)))
      expect(await readFile(join(written.excel!, f), 'utf8')).not.toContain('localhost');
    // Production pages load office.js from Microsoft's CDN, as AppSource and admins expect.
    expect(await readFile(join(written.excel!, 'taskpane.html'), 'utf8')).toContain(OFFICE_JS_URL);
  });
});

describe('npm run package: what it refuses', () => {
  it.each([
    [['excel'], /https:\/\/example\.com\/kimeru/],
    [['excel', '--base-url'], /needs a value/],
    [['--base-url', 'http://intranet.example.co.jp/kimeru'], /must start with https:\/\//],
    [['--base-url', 'intranet.example.co.jp/kimeru'], /is not a URL/],
    [['--base-url', 'https://localhost:3000'], /development address/],
    [['--base-url', 'https://example.com/kimeru?v=1'], /query/],
    [['--baseurl', 'https://example.com'], /Unknown argument/],
  ])('%j, saying why in Japanese and English', (argv, english) => {
    let error: unknown;
    try {
      parsePackageArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    const message = (error as Error).message;
    expect(message).toMatch(english);
    expect(message).toMatch(/[ぁ-ん]/);
  });

  it('packages Google Sheets alone when no base URL is given', () => {
    expect(parsePackageArgs([]).hosts).toEqual(['sheets']);
    expect(parsePackageArgs(['sheets']).hosts).toEqual(['sheets']);
    expect(parsePackageArgs(['--base-url=https://example.com/k/']).baseUrl).toBe('https://example.com/k');
  });

  it('exits non-zero from the command line and writes nothing', async () => {
    const dir = join(out, 'refused');
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/package.ts',
        'excel',
        '--base-url',
        'http://x.example',
        '--out',
        dir,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('must start with https://');
    expect(existsSync(dir)).toBe(false);
  });
});
