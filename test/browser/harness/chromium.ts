import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (the /usr/bin/chromium wrapper prints a shell warning; the binary does not). */
export const CHROMIUM = '/usr/lib/chromium/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Japanese browser UI, as the users have it: date inputs show yyyy/mm/dd.
  '--lang=ja-JP',
];

/** Launches headless Chromium with a fresh profile, sized like a Sheets sidebar (300 px) by default. */
export async function launchSidebarBrowser(
  options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: run \`apt-get install chromium\` (browser tests need it).`,
    );
  const profile = mkdtempSync(join(tmpdir(), 'kimeru-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: options.viewport ?? { width: 300, height: 800 },
    acceptDownloads: options.acceptDownloads ?? false,
    locale: 'ja-JP',
    env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
