import {
  chmodSync,
  closeSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../shared/i18n';
import { fail, sayXlsx } from '../xlsx/messages';

/**
 * The command line's care with the user's files: the input is only ever read, and says clearly
 * why when it cannot be (missing, a folder, a dangling link, no permission); the output is
 * written to a temporary file beside it and renamed over it, keeping the mode the file had and
 * writing through a symbolic link to the file it points at. The temporary file is removed on any
 * failure, and on Ctrl-C (SIGINT) or SIGTERM while it exists.
 */

/** The input file's bytes, or an XlsxError saying why it cannot be read. */
export function readInput(path: string, lang: Lang): Uint8Array {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    fail(lang, 'file.missing', { file: path });
  }
  let stat;
  try {
    stat = statSync(path);
  } catch {
    fail(lang, isLink ? 'file.brokenLink' : 'file.missing', { file: path });
  }
  if (stat.isDirectory()) fail(lang, 'file.directory', { file: path });
  if (!stat.isFile()) fail(lang, 'file.notFile', { file: path });
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    if (isErrno(e, 'EACCES') || isErrno(e, 'EPERM')) fail(lang, 'file.unreadable', { file: path });
    throw e;
  }
}

/**
 * Whether two paths name the same file, through symbolic or hard links: an output that is the
 * input under another name would overwrite it without --in-place.
 */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Temporary files that exist right now, removed if the process is interrupted. */
const temporary = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  let removed = false;
  for (const temp of temporary) {
    try {
      unlinkSync(temp);
      removed = true;
    } catch {
      // Already gone.
    }
  }
  if (removed)
    process.stderr.write(`${sayXlsx(interruptLang, 'file.interrupted', { file: interruptTarget })}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
let interruptLang: Lang = 'ja';
let interruptTarget = '';

export interface WriteHooks {
  /** Called once the temporary file is complete, before it replaces the target (for tests). */
  beforeRename?: (temp: string) => Promise<void>;
}

/**
 * Writes `bytes` to `path` atomically: a temporary file in the same folder, renamed over the
 * target. When `path` is a symbolic link, the file it points at is written and the link stays.
 * An existing target keeps its permission bits; a new file gets the usual ones (0666 less the
 * umask). On failure the temporary file is removed and the error (the system's) rethrown.
 */
export async function writeAtomically(
  path: string,
  bytes: Uint8Array,
  lang: Lang,
  hooks: WriteHooks = {},
): Promise<string> {
  const target = resolveLink(path);
  let mode: number;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = 0o666 & ~process.umask();
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  interruptLang = lang;
  interruptTarget = path;
  temporary.add(temp);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // Created private, then given the target's mode: no moment where others can read a 0600 file's copy.
    closeSync(openSync(temp, 'wx', 0o600));
    await writeFile(temp, bytes);
    chmodSync(temp, mode);
    await hooks.beforeRename?.(temp);
    renameSync(temp, target);
    temporary.delete(temp);
    return target;
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    temporary.delete(temp);
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The file a path names: a symbolic link's final target (which may not exist yet). */
function resolveLink(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  try {
    return realpathSync(path);
  } catch {
    // A dangling link: write the file it names.
    let at = path;
    for (let i = 0; i < 40; i++) {
      let st;
      try {
        st = lstatSync(at);
      } catch {
        return at;
      }
      if (!st.isSymbolicLink()) return at;
      const link = readlinkSync(at);
      at = link.startsWith('/') ? link : join(dirname(at), link);
    }
    return at;
  }
}

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
