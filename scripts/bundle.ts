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
    ...extra,
  });
  const out = result.outputFiles?.[0]?.text;
  if (out === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return out;
}

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
