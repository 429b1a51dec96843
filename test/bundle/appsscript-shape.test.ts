import { runInNewContext } from 'node:vm';
import { checkCode, forbiddenIn, GLOBAL_NAME } from '../../appsscript/build';
import { generateStubs } from '../../appsscript/stubs';
import { ENTRY_POINTS } from '../../appsscript/src/menu';
import { FUNCTIONS, sheetsName } from '../../shared/functions';
import { buildProject, loadScript, type Built } from './appsscript-harness';

/** The built project as clasp pushes it and Apps Script reads it. */

let built: Built;
beforeAll(async () => {
  built = await buildProject();
});

describe('appsscript.json', () => {
  it('asks for the current spreadsheet and the container UI only, on V8 in Tokyo time', () => {
    expect(built.manifest).toEqual({
      timeZone: 'Asia/Tokyo',
      dependencies: {},
      exceptionLogging: 'STACKDRIVER',
      runtimeVersion: 'V8',
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
      ],
    });
  });
});

describe('Sidebar.html', () => {
  it('is the one-file sidebar handed to the build, with the tab placeholder and no external script', () => {
    expect(built.sidebar).toBe(built.html);
    expect(built.sidebar).toContain('<div id="kimeru" data-tab="__KIMERU_INITIAL_TAB__" data-wide="__KIMERU_WIDE__"></div>');
    expect(built.sidebar).not.toMatch(/<script[^>]+src=/);
    expect(built.sidebar).toContain('kimeruCall');
  });
});

describe('Code.js', () => {
  /** The JSDoc block right above `function NAME(`, and the declared parameters. */
  function declaration(name: string): { doc: string; params: string[] } | null {
    const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\) \\{`).exec(
      built.code,
    );
    if (!m) return null;
    return {
      doc: m[1]!,
      params: m[2]!
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    };
  }

  it('declares every custom function at top level, documented for Sheets with its real parameter names', () => {
    for (const f of FUNCTIONS) {
      const name = sheetsName(f);
      const found = declaration(name);
      expect({ name, found: found !== null }).toEqual({ name, found: true });
      const { doc, params } = found!;
      expect(params).toEqual(f.params.map((p) => p.name));
      expect(doc).toContain('@customfunction');
      expect(doc).toContain(f.help.ja);
      expect(doc).toContain(f.help.en);
      expect(doc).toContain(f.example.split('KIMERU.').join('KIMERU_'));
      const documented = [...doc.matchAll(/@param \{[^}]+\} (\w+) /g)].map((m) => m[1]);
      expect(documented).toEqual(f.params.map((p) => p.name));
      for (const p of f.params) expect(doc).toContain(p.help.ja);
    }
  });

  it('declares onOpen, onInstall, the menu handlers and kimeruCall at top level', () => {
    for (const e of ENTRY_POINTS)
      expect(built.code).toContain(
        `\nfunction ${e.name}(${e.params.join(', ')}) {\n  return ${GLOBAL_NAME}.${e.name}(`,
      );
  });

  it('adds exactly one global besides its top-level functions, and touches no service while loading', () => {
    const script = loadScript(built);
    const expected = [GLOBAL_NAME, ...generateStubs(GLOBAL_NAME).map((s) => s.name)];
    expect(script.added.sort()).toEqual(expected.sort());
    expect(script.gas.calls.order).toEqual([]);
    // And with no services at all, as for a custom function that needs none.
    expect(() => runInNewContext(built.code, {})).not.toThrow();
  });

  it('uses nothing Apps Script lacks: no modules, require, fetch, timers or process', async () => {
    expect(await forbiddenIn(built.code)).toEqual([]);
    // The check finds them when they are there.
    const found = await forbiddenIn(
      'var a = require("fs"); fetch("https://x"); setTimeout(f, 1); process.env.X; async function g() { await h(); }',
    );
    expect(found.map((f) => f.split(':')[0])).toEqual([
      'require',
      'fetch',
      'setTimeout',
      'process',
      'async function (would leave a real Promise)',
      'await',
    ]);
    // Module syntax cannot even load as a classic script.
    await expect(
      checkCode(`${built.code}\nexport const leaked = 1;\n`, generateStubs(GLOBAL_NAME)),
    ).rejects.toThrow();
  });

  it('is refused by the build check when a stub is missing or a name leaks', async () => {
    const stubs = generateStubs(GLOBAL_NAME);
    await expect(checkCode(built.code, stubs.slice(1))).rejects.toThrow(/global names/);
    await expect(checkCode(`${built.code}\nvar leaked = 1;\n`, stubs)).rejects.toThrow(/leaked/);
  });
});
