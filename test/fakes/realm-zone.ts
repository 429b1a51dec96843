import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs a function in a realm whose own time zone is `zone`: a child Node process with TZ set
 * (a vm context shares its process's zone, so it cannot play a script in another zone). The
 * function is `exportName` of the module `modulePath` (TypeScript, loaded with tsx); it takes and
 * returns JSON. Throws when the child did not take the zone (an unknown TZ falls back to UTC
 * silently), so a test cannot pass without running where it says it runs.
 */
export function runInZone<I, O>(zone: string, modulePath: string, exportName: string, input: I): O {
  const child = resolve(__dirname, 'realm-zone-child.ts');
  const run = spawnSync(process.execPath, ['--import', 'tsx', child], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, TZ: zone },
    input: JSON.stringify({ zone, modulePath: resolve(modulePath), exportName, input }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`the ${zone} realm failed (${String(run.status)}):\n${run.stderr}`);
  const out = JSON.parse(run.stdout) as { zone: string; result: O };
  if (out.zone !== zone) throw new Error(`the child ran in ${out.zone}, not ${zone}`);
  return out.result;
}
