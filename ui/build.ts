import { transform, type Plugin } from 'esbuild';
import { bundleForBrowser } from '../scripts/bundle';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Builds the one sidebar / task pane as ONE self-contained HTML document: the UI bundled by
 * esbuild with the host's bridge behind the `kimeru-bridge` alias, JS and CSS inlined (Apps
 * Script serves a sidebar as a single HTML string; Office and the playground serve the same file).
 */

export interface SidebarBuildOptions {
  /** Absolute path of the bridge module (exports `createBridge(): Promise<KimeruApi>`). */
  bridge: string;
  /** Extra `<head>` HTML, e.g. the office.js `<script>`. Inserted as is (it is the host's, not user text). */
  head?: string;
  /** The document title. */
  title?: string;
}

const UI_DIR = resolve(__dirname, 'src');
/** Hosts replace this with log | definition | run | setup to open that tab first. */
export const INITIAL_TAB_PLACEHOLDER = '__KIMERU_INITIAL_TAB__';
/** Sheets replaces this with a wide view's request (JSON, attribute-escaped); elsewhere it stays and means none. */
export const WIDE_PLACEHOLDER = '__KIMERU_WIDE__';

/** Points `kimeru-bridge` at the host's bridge module. */
function bridgePlugin(bridge: string): Plugin {
  return {
    name: 'kimeru-bridge',
    setup(b) {
      b.onResolve({ filter: /^kimeru-bridge$/ }, () => ({ path: resolve(bridge) }));
    },
  };
}

/**
 * Makes a bundle safe inside an inline `<script>`: `</script` would end the element and `<!--`
 * can switch the HTML parser into its escaped script state. Both can only occur inside string
 * or template literals (a regex would already escape the slash), where `\x3C` is the same `<`.
 */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '\\x3C/$1').replace(/<!--/g, '\\x3C!--');
}

/** `</style` inside CSS would end the `<style>` element; `\/` is a plain slash in CSS. */
function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The sidebar HTML: one file, script and styles inline, no external fetch except what `head` adds. */
export async function buildSidebarHtml(opts: SidebarBuildOptions): Promise<string> {
  const js = await bundleForBrowser(resolve(UI_DIR, 'main.ts'), {
    target: 'es2019',
    plugins: [bridgePlugin(opts.bridge)],
  });
  const css = (
    await transform(await readFile(resolve(UI_DIR, 'styles.css'), 'utf8'), {
      loader: 'css',
      minify: true,
      target: 'chrome90',
      charset: 'utf8',
    })
  ).code;
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(opts.title ?? 'kimeru')}</title>`,
    opts.head ?? '',
    `<style>${escapeInlineStyle(css.trim())}</style>`,
    '</head>',
    '<body>',
    // The first tab rides on the root element, not a <meta>: Apps Script drops <meta> tags
    // written in an HTML file (only HtmlOutput.addMetaTag adds them, and only a few names).
    `<div id="kimeru" data-tab="${INITIAL_TAB_PLACEHOLDER}" data-wide="${WIDE_PLACEHOLDER}"></div>`,
    `<script>${escapeInlineScript(js.trim())}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/** `npx tsx ui/build.ts --bridge ui/bridges/sheets.ts --out dist/sidebar.html` */
async function cli(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bridge = arg('--bridge');
  const out = arg('--out');
  if (!bridge || !out)
    throw new Error('usage: tsx ui/build.ts --bridge <bridge.ts> --out <file.html> [--title <title>]');
  const title = arg('--title');
  const html = await buildSidebarHtml({ bridge: resolve(bridge), ...(title ? { title } : {}) });
  await writeFile(out, html, 'utf8');
  process.stdout.write(`${out}: ${html.length} characters\n`);
}

if (/ui[\\/]build(\.ts)?$/.test(process.argv[1] ?? '')) {
  cli(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
