import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSidebarHtml, escapeInlineScript } from '../../ui/build';

/** The sidebar as one HTML file: what Apps Script's HtmlService, Office and the playground serve. */

jest.setTimeout(60_000);

const SHEETS_BRIDGE = resolve(__dirname, '../../ui/bridges/sheets.ts');

describe('buildSidebarHtml', () => {
  let html: string;
  beforeAll(async () => {
    html = await buildSidebarHtml({ bridge: SHEETS_BRIDGE, title: 'kimeru <β>' });
  });

  it('is one self-contained document: inline script and style, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(/i);
    expect(html).toContain('<title>kimeru &lt;β&gt;</title>');
    expect(html).toContain(
      '<div id="kimeru" data-tab="__KIMERU_INITIAL_TAB__" data-wide="__KIMERU_WIDE__"></div>',
    );
    // Hosts replace every occurrence of the placeholder: the script must not contain it.
    expect(html.split('__KIMERU_INITIAL_TAB__')).toHaveLength(2);
  });

  it('uses the bridge it is given, and adds the host’s head', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kimeru-bridge-'));
    const bridge = join(dir, 'bridge.ts');
    writeFileSync(
      bridge,
      "export function createBridge() { return Promise.reject(new Error('</script><!-- probe-bridge')); }\n" +
        'export const wideFromSnapshot = false;\n' +
        'export function openWide() { return Promise.resolve(); }\n' +
        'export function closeWide() {}\n',
    );
    const out = await buildSidebarHtml({
      bridge,
      head: '<script src="https://example.test/office.js"></script>',
    });
    expect(out).toContain('probe-bridge');
    expect(out).not.toContain('kimeruCall'); // not the Sheets bridge
    expect(out).toContain('<script src="https://example.test/office.js"></script>');
    // The bridge's "</script>" text did not end the inline script early.
    const inline = out.slice(out.lastIndexOf('<script>'));
    expect(inline.match(/<\/script/gi)).toHaveLength(1);
    expect(inline).not.toContain('<!--');
  });

  it('stays small: the whole sidebar under 80 kB', () => {
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(80_000);
  });
});

describe('escapeInlineScript', () => {
  it('escapes </script and <!-- so the JavaScript still means the same', () => {
    const js = 'var a="</script><img>",b=`<!--x`,c="</SCRIPT>";';
    const escaped = escapeInlineScript(js);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    const run = (code: string) => new Function(`${code}; return [a, b, c];`)() as string[];
    expect(run(escaped)).toEqual(run(js));
  });
});
