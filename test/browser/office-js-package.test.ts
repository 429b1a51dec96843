import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { chromium, type Browser } from 'playwright-core';
import { OFFICE_JS_URL } from '../../office-addin/build';
import {
  LOCAL_OFFICE_JS_PATH,
  OFFICE_JS_DIR,
  startDevServer,
  type DevServer,
} from '../../office-addin/serve';
import { buildAddin } from '../bundle/office-harness';
import { CHROMIUM } from './harness/chromium';

/*
 * `npm run dev:excel` serves the real office.js from the @microsoft/office-js package: the built
 * task pane, opened in Chromium from the dev server, loads Microsoft's office.js from
 * /office-js/ — nothing from the CDN or anywhere else — and that office.js starts (outside
 * Office it reports no host, as it does in any plain browser).
 */

jest.setTimeout(120_000);

let certs: string;
let site: string;
let dev: DevServer;
let browser: Browser;
beforeAll(async () => {
  certs = mkdtempSync(join(tmpdir(), 'kimeru-officejs-certs-'));
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await generateCertificates(
      join(certs, 'ca.crt'),
      join(certs, 'localhost.crt'),
      join(certs, 'localhost.key'),
    );
  } finally {
    log.mockRestore();
  }
  site = await buildAddin();
  dev = await startDevServer({
    root: site,
    port: 0,
    officeJs: OFFICE_JS_DIR,
    tls: {
      cert: readFileSync(join(certs, 'localhost.crt')),
      key: readFileSync(join(certs, 'localhost.key')),
    },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (site) await rm(site, { recursive: true, force: true });
  rmSync(certs, { recursive: true, force: true });
});

describe('the dev server’s office.js', () => {
  it('is the package’s, loaded by the task pane from the dev server only, and it starts', async () => {
    const origin = `https://localhost:${dev.port}`;
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const requests: string[] = [];
    // Anything not on the dev server is refused, so a CDN load would fail the page.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(`${origin}/`) ? route.continue() : route.abort();
    });
    const officeJs = page.waitForResponse(`${origin}${LOCAL_OFFICE_JS_PATH}`);
    await page.goto(`${origin}/taskpane.html`);
    const response = await officeJs;
    expect(response.status()).toBe(200);
    expect(await response.body()).toEqual(readFileSync(join(OFFICE_JS_DIR, 'office.js')));

    const info = await page.evaluate(async () => {
      const w = window as unknown as { Office: { onReady(): Promise<{ host: unknown }> }; OSF?: unknown };
      const ready = await w.Office.onReady();
      return { host: ready.host ?? null, osf: typeof w.OSF };
    });
    // OSF is the real library's internal namespace; outside Office there is no host.
    expect(info).toEqual({ host: null, osf: 'object' });
    expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
    expect(requests).not.toContain(OFFICE_JS_URL);

    // The package's folder is served, and nothing beside it.
    const outside = await page.evaluate(
      async (p) => (await fetch(`${p}/..%2fpackage.json`)).status,
      LOCAL_OFFICE_JS_PATH.slice(0, LOCAL_OFFICE_JS_PATH.lastIndexOf('/')),
    );
    expect(outside).toBe(403);
    await context.close();
  });

  it('leaves the built page on Microsoft’s CDN, as production requires', () => {
    expect(readFileSync(join(site, 'taskpane.html'), 'utf8')).toContain(OFFICE_JS_URL);
  });
});
