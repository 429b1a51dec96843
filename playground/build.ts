import { bundleForBrowser } from '../scripts/bundle';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Builds the browser playground into `outDir`: index.html (the page), app.js (the workbook view,
 * HyperFormula, the .xlsx reader/writer and kimeru's core, bundled) and pane.html (the one task
 * pane built by ui/build.ts with playground/src/bridge.ts), and open-worker.js (reads an opened
 * file off the page's thread). Static files only: the page makes no request beyond these four.
 */

const APP_ENTRY = resolve(__dirname, 'src', 'app', 'main.ts');
const OPEN_WORKER_ENTRY = resolve(__dirname, 'src', 'app', 'open-worker.ts');

/** The bridge module the playground's pane is built with (for ui/build.ts). */
export const PLAYGROUND_BRIDGE = resolve(__dirname, 'src', 'bridge.ts');

const STYLES = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic UI","Meiryo",system-ui,sans-serif;font-size:13px;color:#1f2933;background:#f4f6f8}
body{display:flex;flex-direction:column}
.top{display:flex;align-items:center;gap:10px;padding:8px 12px;background:#1f4e79;color:#fff}
.top strong{font-size:16px;letter-spacing:.02em}
.top .sub{opacity:.8}
.top #file-name{margin-left:8px;padding:2px 8px;border-radius:3px;background:rgba(255,255,255,.15);font-size:12px}
.top .button,.top button{font:inherit;padding:4px 10px;border:1px solid rgba(255,255,255,.6);border-radius:4px;background:transparent;color:#fff;cursor:pointer}
.top .button:hover,.top button:hover{background:rgba(255,255,255,.15)}
.top .button.disabled,.top button:disabled{opacity:.5;cursor:default}
#progress{width:140px}
.status{margin-left:auto;font-size:12px;max-width:50%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.status.error{background:#fde8e8;color:#9b1c1c;padding:2px 8px;border-radius:3px;white-space:normal}
main{flex:1;display:flex;min-height:0}
.workbook{flex:1;display:flex;flex-direction:column;min-width:0;background:#fff}
.formula-bar{display:flex;align-items:center;gap:6px;padding:4px 6px;border-bottom:1px solid #d9dee3}
.cell-ref{width:64px;text-align:center;font-family:ui-monospace,monospace;color:#52606d;border-right:1px solid #d9dee3}
.fx{font-style:italic;color:#7b8794}
.formula-input{flex:1;font:inherit;padding:4px 6px;border:1px solid #cbd2d9;border-radius:3px}
.sheet-note{color:#7b8794;padding:0 8px}
.sheet-note:empty{display:none}
.grid-scroll{flex:1;overflow:auto;position:relative}
table.grid{border-collapse:separate;border-spacing:0;table-layout:fixed}
table.grid th,table.grid td{height:24px;padding:0 5px;border-right:1px solid #e4e7eb;border-bottom:1px solid #e4e7eb;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:280px}
table.grid thead th{position:sticky;top:0;z-index:2;background:#eef1f4;color:#52606d;font-weight:normal;text-align:center}
table.grid th.row-head,table.grid th.corner{position:sticky;left:0;z-index:1;width:44px;min-width:44px;background:#eef1f4;color:#52606d;font-weight:normal;text-align:center}
table.grid th.corner{z-index:3}
table.grid td{cursor:cell}
table.grid td.num{text-align:right}
table.grid td.flow{overflow:visible;text-overflow:clip;position:relative;z-index:1}
table.grid td.error{color:#b91c1c}
table.grid td.selected{outline:2px solid #2f80ed;outline-offset:-2px;background:#eaf2fd}
table.grid tr.spacer td{padding:0;border:0}
.tabs{display:flex;gap:2px;padding:4px 6px;border-top:1px solid #d9dee3;background:#eef1f4;overflow-x:auto}
.tab{font:inherit;padding:3px 10px;border:1px solid #cbd2d9;border-top:0;border-radius:0 0 4px 4px;background:#f7f9fa;color:#3e4c59;cursor:pointer;white-space:nowrap}
.tab.active{background:#fff;color:#1f4e79;font-weight:bold;border-color:#9fb3c8}
.tab.hidden-sheet{opacity:.55;font-style:italic}
.charts{position:absolute;top:0;left:0;width:0;height:0}
.chart{box-shadow:0 1px 3px rgba(0,0,0,.15);background:#fff}
.pane{width:360px;flex:none;border-left:1px solid #cbd2d9;background:#fff}
.pane iframe{width:100%;height:100%;border:0;display:block}
.wide-overlay{position:fixed;inset:0;z-index:10;background:rgba(15,23,42,.45);display:flex;padding:24px}
.wide-overlay iframe{flex:1;border:0;border-radius:6px;background:#fff;box-shadow:0 10px 30px rgba(0,0,0,.3)}
`;

function indexHtml(): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>kimeru playground</title>',
    `<style>${STYLES.trim()}</style>`,
    '</head>',
    '<body>',
    '<header class="top">',
    '<strong>kimeru</strong><span class="sub">playground</span>',
    '<span id="file-name" data-testid="file-name"></span>',
    '<label class="button" for="open" id="open-label" data-testid="open-label"></label>',
    '<input type="file" id="open" accept=".xlsx,.xlsm,.csv,.tsv,.txt" data-testid="open-file" hidden>',
    '<progress id="progress" data-testid="open-progress" hidden></progress>',
    '<button type="button" id="save" data-testid="save"></button>',
    '<button type="button" id="sample" data-testid="sample"></button>',
    '<span id="status" class="status" role="status" data-testid="status"></span>',
    '</header>',
    '<main>',
    '<section id="workbook" class="workbook" data-testid="workbook"></section>',
    '<aside class="pane"><iframe id="pane" src="pane.html" title="kimeru" data-testid="pane"></iframe></aside>',
    '</main>',
    '<script src="app.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Builds the playground's static files into `outDir` around the task pane's HTML. */
export async function buildPlayground(outDir: string, paneHtml: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const app = await bundleForBrowser(APP_ENTRY, {
    // HyperFormula is GPL-3.0: its notice travels with the bundle (the add-ins never include it).
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await writeFile(join(outDir, 'app.js'), app, 'utf8');
  // Reads opened files off the page's thread (no HyperFormula in it: only the .xlsx reader).
  await writeFile(join(outDir, 'open-worker.js'), await bundleForBrowser(OPEN_WORKER_ENTRY), 'utf8');
  await writeFile(join(outDir, 'index.html'), indexHtml(), 'utf8');
  await writeFile(join(outDir, 'pane.html'), paneHtml, 'utf8');
}
