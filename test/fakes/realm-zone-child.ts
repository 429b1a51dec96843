/**
 * The child of runInZone (realm-zone.ts): reads {zone, modulePath, exportName, input} on stdin,
 * checks that this realm's own zone is `zone`, calls the export and writes {zone, result}.
 */
import { readFileSync } from 'node:fs';

interface Job {
  zone: string;
  modulePath: string;
  exportName: string;
  input: unknown;
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(0, 'utf8')) as Job;
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone !== job.zone) throw new Error(`TZ=${job.zone} was not taken: this realm is in ${zone}`);
  const mod = (await import(job.modulePath)) as Record<string, unknown>;
  const fn = (mod[job.exportName] ??
    (mod['default'] as Record<string, unknown> | undefined)?.[job.exportName]) as
    ((input: unknown) => unknown) | undefined;
  if (typeof fn !== 'function') throw new Error(`${job.modulePath} exports no function ${job.exportName}`);
  process.stdout.write(JSON.stringify({ zone, result: fn(job.input) }));
}

main().catch((e: unknown) => {
  process.stderr.write(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
