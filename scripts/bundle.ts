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
