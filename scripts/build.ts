/**
 * npm run build: every artefact kimeru ships, into dist/ —
 *   dist/appsscript/   Code.js (with the generated custom-function stubs), Sidebar.html, appsscript.json
 *   dist/office-addin/ manifest.xml, taskpane.html, functions.js, functions.json, icons
 *   dist/playground/   the local playground (npm start serves it)
 * Each host wraps the same UI (ui/) around its own bridge.
 */
import { resolve, join } from 'node:path';
import { rm } from 'node:fs/promises';
import { buildSidebarHtml } from '../ui/build';
import { buildAppsScript } from '../appsscript/build';
import { buildOfficeAddin, bundleSizes, excelTaskpaneHtml } from '../office-addin/build';
import { buildAll as buildPlaygroundAll } from '../playground/server';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');

async function main(): Promise<void> {
  const started = Date.now();
  await rm(join(DIST, 'appsscript'), { recursive: true, force: true });
  await rm(join(DIST, 'office-addin'), { recursive: true, force: true });
  const sheetsSidebar = await buildSidebarHtml({
    bridge: join(ROOT, 'ui/bridges/sheets.ts'),
    title: 'kimeru',
  });
  await buildAppsScript(join(DIST, 'appsscript'), sheetsSidebar);
  console.log('built dist/appsscript (Google Sheets add-on)');
  await buildOfficeAddin(join(DIST, 'office-addin'), await excelTaskpaneHtml());
  console.log('built dist/office-addin (Excel add-in)');
  for (const s of await bundleSizes(join(DIST, 'office-addin')))
    console.log(`  ${s.file.padEnd(18)} ${(s.bytes / 1024).toFixed(1)} KB`);
  await buildPlaygroundAll(join(DIST, 'playground'));
  console.log('built dist/playground (local playground)');
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
