import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleSizes, OFFICE_HELPERS_FILE } from '../../office-addin/build';
import { buildProject, type Built } from './appsscript-harness';
import { buildAddin } from './office-harness';

/*
 * @microsoft/office-js-helpers is legacy (its bundle carries core-js 2 and rxjs 5 pieces): it
 * must be only in dialog-opener.js, which the task pane loads when a wide view opens. The task
 * pane and functions.js (the shared runtime the custom functions run in), the Excel dialog
 * page and both Sheets files hold none of it. Each marker below is in the helper's own file.
 */

jest.setTimeout(60_000);

const MARKERS = [
  'VGVtcG9yYXJ5S2V5Rm9yT0pIQXV0aA==', // the helper Dialog's storage key
  '__core-js_shared__', // core-js 2
  'rxjs/Observable', // rxjs 5
  'hostInfoValue', // the helper's host detection
];

let excel: string;
let sheets: Built;
beforeAll(async () => {
  [excel, sheets] = await Promise.all([buildAddin(), buildProject()]);
});
afterAll(async () => {
  await Promise.all([excel, sheets?.dir].map((d) => d && rm(d, { recursive: true, force: true })));
});

describe('office-js-helpers stays in its own file', () => {
  it('every marker is in the helper’s dist file and in dialog-opener.js', async () => {
    const [dist, opener] = await Promise.all([
      readFile(OFFICE_HELPERS_FILE, 'utf8'),
      readFile(join(excel, 'dialog-opener.js'), 'utf8'),
    ]);
    for (const m of MARKERS) {
      expect(dist).toContain(m);
      expect(opener).toContain(m);
    }
    expect(opener.endsWith(dist)).toBe(true);
  });

  it('no marker is in taskpane.html, functions.js, wide.html, Code.js or Sidebar.html', async () => {
    const files = {
      'taskpane.html': await readFile(join(excel, 'taskpane.html'), 'utf8'),
      'functions.js': await readFile(join(excel, 'functions.js'), 'utf8'),
      'wide.html': await readFile(join(excel, 'wide.html'), 'utf8'),
      'Code.js': sheets.code,
      'Sidebar.html': sheets.sidebar,
    };
    const found = Object.entries(files).flatMap(([file, text]) =>
      MARKERS.filter((m) => text.includes(m)).map((m) => `${file}: ${m}`),
    );
    expect(found).toEqual([]);
    // The pane only names the file it loads on demand; it never loads it from its <head>.
    expect(files['taskpane.html']).not.toMatch(/<script[^>]*dialog-opener\.js/);
  });

  it('the browser files of the Excel folder are the four the README lists', async () => {
    const sizes = await bundleSizes(excel);
    expect(sizes.map((s) => s.file)).toEqual([
      'dialog-opener.js',
      'functions.js',
      'taskpane.html',
      'wide.html',
    ]);
    const readme = await readFile(join(__dirname, '../../README.md'), 'utf8');
    for (const s of sizes) expect(readme).toContain(`\`${s.file}\``);
  });
});
