import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import { buildAppsScript } from '../../appsscript/build';
import { buildSidebarHtml } from '../../ui/build';
import { createGas, type Gas, type GasOptions } from '../fakes/gas';

/**
 * Loads the built Code.js the way Apps Script does: one classic script in a fresh global scope
 * whose only non-language globals are the services (here the fakes). No require, no process,
 * no setTimeout. The realm's clock is pinned so "today" does not depend on when tests run.
 */

/** The real one-file sidebar, over the Sheets bridge (google.script.run → kimeruCall). */
export function sidebarHtml(): Promise<string> {
  return buildSidebarHtml({ bridge: resolve(__dirname, '../../ui/bridges/sheets.ts'), title: 'kimeru' });
}

export interface Built {
  dir: string;
  code: string;
  manifest: unknown;
  sidebar: string;
  /** The HTML handed to the build. */
  html: string;
}

/** Builds the Apps Script project into a fresh temp folder. */
export async function buildProject(): Promise<Built> {
  const dir = await mkdtemp(join(tmpdir(), 'kimeru-gas-'));
  const html = await sidebarHtml();
  await buildAppsScript(dir, html);
  const [code, manifest, sidebar] = await Promise.all([
    readFile(join(dir, 'Code.js'), 'utf8'),
    readFile(join(dir, 'appsscript.json'), 'utf8'),
    readFile(join(dir, 'Sidebar.html'), 'utf8'),
  ]);
  return { dir, code, manifest: JSON.parse(manifest) as unknown, sidebar, html };
}

/** 2026-11-29 10:30 in Tokyo. */
export const NOW = Date.UTC(2026, 10, 29, 1, 30);

export interface Script {
  gas: Gas;
  context: Context;
  /** Global names the script added to the global scope. */
  added: string[];
  /** Calls a top-level function of Code.js, as Apps Script would. */
  call(name: string, ...args: unknown[]): unknown;
  /** Evaluates an expression in the script's realm (e.g. `new Date(2026, 10, 29)`). */
  evaluate(source: string): unknown;
}

/**
 * `wrap` may replace the service globals Code.js is given (e.g. with counting proxies) before it
 * loads.
 */
export function loadScript(
  built: Built,
  options: Omit<GasOptions, 'Date' | 'htmlDir'> = {},
  wrap?: (globals: Record<string, object>) => Record<string, object>,
): Script {
  const context = createContext({});
  runInContext(
    `(() => {
      const Real = Date;
      class PinnedDate extends Real {
        constructor(...args) { if (args.length === 0) super(${NOW}); else super(...args); }
        static now() { return ${NOW}; }
      }
      globalThis.Date = PinnedDate;
    })();`,
    context,
  );
  const gas = createGas({
    ...options,
    Date: runInContext('Date', context) as DateConstructor,
    htmlDir: built.dir,
  });
  Object.assign(context, wrap ? wrap(gas.globals) : gas.globals);
  const before = new Set(Object.keys(context));
  runInContext(built.code, context, { filename: 'Code.js' });
  const added = Object.keys(context).filter((k) => !before.has(k));
  return {
    gas,
    context,
    added,
    call(name, ...args) {
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    evaluate: (source) => runInContext(source, context),
  };
}
