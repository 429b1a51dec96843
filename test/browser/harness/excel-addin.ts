import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { OFFICE_JS_URL } from '../../../office-addin/build';
import { buildAddin } from '../../bundle/office-harness';
import { launchSidebarBrowser } from './chromium';

/**
 * The built Excel add-in in Chromium, as Office serves it: its folder at the add-in's URL and
 * office.js (Microsoft's CDN URL) answered by a stand-in; every other request is refused.
 */

export const ORIGIN = 'https://localhost:3000';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface ExcelAddinBrowser {
  /** The office.js stand-in over the Excel fake (test/browser/office/office-standin.ts), bundled. */
  standIn: string;
  /** Opens `path` of the add-in with `officeJs` as office.js; what it requested and threw. */
  open(path: string, officeJs?: string): Promise<{ page: Page; requests: string[]; errors: string[] }>;
  close(): Promise<void>;
}

/** Builds the add-in and the stand-in and launches Chromium (all three at once). */
export async function launchExcelAddin(): Promise<ExcelAddinBrowser> {
  const bundled = build({
    entryPoints: [resolve(__dirname, '..', 'office', 'office-standin.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const [browser, dir, standIn] = await Promise.all([
    launchSidebarBrowser(),
    buildAddin(),
    bundled.then((r) => r.outputFiles[0]!.text),
  ]);
  return {
    standIn,
    async open(path, officeJs = standIn) {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        requests.push(url);
        if (url === OFFICE_JS_URL)
          return route.fulfill({ status: 200, contentType: TYPES['.js'], body: officeJs });
        if (url.startsWith(`${ORIGIN}/`)) {
          const file = join(dir, new URL(url).pathname);
          try {
            const body = await readFile(file);
            return await route.fulfill({
              status: 200,
              contentType: TYPES[extname(file)] ?? 'application/octet-stream',
              body,
            });
          } catch {
            return route.fulfill({ status: 404, body: '' });
          }
        }
        return route.abort();
      });
      await page.goto(`${ORIGIN}/${path}`);
      return { page, requests, errors };
    },
    async close() {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
