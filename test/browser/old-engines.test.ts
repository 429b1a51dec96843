import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSidebarHtml } from '../../ui/build';
import { BRIDGE } from '../../office-addin/build';
import { buildAddin } from '../bundle/office-harness';

/**
 * Excel on a Mac runs the task pane and the custom functions in the system's Safari engine, and
 * Safari before 16.4 cannot even parse a regex lookbehind: one in a bundle stops the whole script.
 * The built bundles, as shipped, must hold none.
 */

jest.setTimeout(120_000);

const LOOKBEHIND = /\(\?<[=!]/;

describe('the built bundles parse on older Safari (Excel for Mac)', () => {
  it('the task pane / sidebar has no regex lookbehind', async () => {
    const html = await buildSidebarHtml({ bridge: BRIDGE });
    expect(LOOKBEHIND.exec(html)?.[0] ?? null).toBeNull();
  });

  it('the Excel custom functions have none', async () => {
    const dir = await buildAddin();
    try {
      const js = await readFile(join(dir, 'functions.js'), 'utf8');
      expect(js.length).toBeGreaterThan(10_000);
      expect(LOOKBEHIND.exec(js)?.[0] ?? null).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the check would see one', () => {
    expect(String(/(?<!\d)x/)).toMatch(LOOKBEHIND);
  });
});
