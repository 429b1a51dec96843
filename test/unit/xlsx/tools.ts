import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unzip } from '../../../xlsx/package';

/**
 * Independent readers the saved workbooks must satisfy: xmllint (well-formed XML), openpyxl
 * (Python's .xlsx library) and LibreOffice (a whole spreadsheet program, headless). Each runs
 * once over a batch of files, not once per file. CI installs all three (.ci/run); a machine
 * without one skips its check, saying so loudly.
 */

/** The first python3 that can import openpyxl (pyenv's python3 may not see Debian's package). */
export function pythonWithOpenpyxl(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  return null;
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Says loudly that a check did not run. */
export function warnSkipped(check: string, install: string): void {
  console.warn(
    `\n*** SKIPPED: ${check} — not installed here. Install it (${install}) to run this check; CI does. ***\n`,
  );
}

/**
 * Every XML part of every file (xml, rels, vml) checked by one xmllint run. Returns, per file,
 * the parts xmllint rejected with its message ('' when all are well-formed).
 */
export function xmllintAll(
  files: readonly { name: string; bytes: Uint8Array }[],
  dir: string,
): Map<string, string> {
  const paths: string[] = [];
  const owner = new Map<string, string>();
  files.forEach((f, i) => {
    for (const [part, bytes] of unzip(f.bytes)) {
      if (!/\.(xml|rels|vml)$/i.test(part)) continue;
      const path = join(dir, `f${i}`, part);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      paths.push(path);
      owner.set(path, f.name);
    }
  });
  const r = spawnSync('xmllint', ['--noout', ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = new Map(files.map((f) => [f.name, '']));
  for (const line of r.stderr.split('\n')) {
    const path = paths.find((p) => line.startsWith(`${p}:`));
    if (path) out.set(owner.get(path)!, `${out.get(owner.get(path)!)}${line}\n`);
  }
  return out;
}

/**
 * Each file opened by openpyxl in one Python process: 'ok' with its sheet names, or the error
 * openpyxl raised.
 */
export function openpyxlAll(
  python: string,
  paths: readonly string[],
): Map<string, { ok: boolean; detail: string }> {
  const script = [
    'import json, sys, warnings',
    'warnings.simplefilter("ignore")',
    'import openpyxl',
    'out = {}',
    'for path in json.loads(sys.stdin.read()):',
    '    try:',
    '        wb = openpyxl.load_workbook(path)',
    '        out[path] = {"ok": True, "detail": json.dumps(wb.sheetnames, ensure_ascii=False)}',
    '    except Exception as e:',
    '        out[path] = {"ok": False, "detail": type(e).__name__ + ": " + str(e)}',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(python, ['-c', script], {
    input: JSON.stringify(paths),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`openpyxl run failed: ${r.stderr}`);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, { ok: boolean; detail: string }>));
}

/**
 * The files converted to OpenDocument by one headless LibreOffice run (with its own profile, so
 * it neither meets nor waits for another LibreOffice on the machine). Returns the base names of
 * the files that converted.
 */
export function libreOfficeConvertAll(paths: readonly string[], dir: string): Set<string> {
  const outDir = join(dir, 'converted');
  mkdirSync(outDir, { recursive: true });
  const profile = `file://${join(dir, 'lo-profile')}`;
  spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'ods',
      '--outdir',
      outDir,
      ...paths,
    ],
    { encoding: 'utf8', timeout: 15 * 60_000 },
  );
  const converted = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  return new Set(paths.map((p) => basename(p)).filter((b) => converted.has(b.replace(/\.[^.]+$/, '.ods'))));
}
