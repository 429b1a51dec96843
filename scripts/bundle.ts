import { build, type BuildOptions } from 'esbuild';

/**
 * One browser bundle as a string: an IIFE, minified, UTF-8 kept as is (Japanese messages stay
 * readable in the output). The UI, Excel's functions.js and the playground all bundle this way;
 * `extra` adds or overrides options (a plugin, a target, where legal comments go).
 */
export async function bundleForBrowser(entry: string, extra: BuildOptions = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    tsconfigRaw: CLASS_FIELDS_ASSIGNED,
    ...extra,
  });
  const out = result.outputFiles?.[0]?.text;
  if (out === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return out;
}

/**
 * Class fields as assignments in the constructor (TypeScript's useDefineForClassFields: false).
 * Below ES2022 esbuild otherwise defines each field through a helper that stores it by a computed
 * key; V8 puts an object that gets more than a dozen properties that way in dictionary mode, and
 * every field access of the row readers (ActivityScan has thirty fields) became a hash look-up:
 * GAPCHECK's log loop ran twice as long in the bundles as in the core.
 */
export const CLASS_FIELDS_ASSIGNED = { compilerOptions: { useDefineForClassFields: false } };

/**
 * Builtins a bundle reads as parameters of one outer function instead of as globals. Where the
 * global object is an interceptor (Node's vm contexts, in which the tests and the benchmark load
 * the built Code.js and functions.js) every global read costs about 0.1 µs, and the per-row code
 * reads Math, Number or Array millions of times; as parameters they are plain local reads, in
 * every host.
 */
export const LOCAL_BUILTINS = [
  'Math',
  'Number',
  'Object',
  'Array',
  'String',
  'Map',
  'Set',
  'WeakMap',
  'Date',
  'Symbol',
  'JSON',
  'RegExp',
  'Error',
  'TypeError',
  'Int32Array',
  'Uint8Array',
  'Float64Array',
  'Intl',
  'Boolean',
  'Uint16Array',
  'Uint32Array',
  'NaN',
  'Infinity',
  'isNaN',
  'isFinite',
  'parseInt',
  'parseFloat',
] as const;

/** `code` inside a function that receives LOCAL_BUILTINS, called at once with the realm's own. */
export function withLocalBuiltins(code: string): string {
  const names = LOCAL_BUILTINS.join(', ');
  return `(function (${names}) {\n${code.trimEnd()}\n})(${names});\n`;
}
