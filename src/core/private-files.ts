// The data folder 0700 and its files 0600 on creation, and which existing ones others may read.
import { constants } from 'node:fs';
import { mkdir, open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** The data folder and everything in it are the bot's alone: the store holds names, towns and pending ids. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` and any missing parents, each 0700, one level at a time. Node's `mkdir(…, { recursive:
 * true })` never returns where a parent refuses new entries with ENOENT instead of an error that says
 * so (`/proc/...`): it creates the parent (EEXIST), retries the child (ENOENT) and spins at full CPU.
 * Here every refusal is an error with the path that refused.
 */
export async function makePrivateDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const found = await stat(at).then(
      (s) => s,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing) {
    await mkdir(path, { mode: PRIVATE_DIR_MODE }).catch((error: NodeJS.ErrnoException) => {
      // Another process made it meanwhile: as good as made here.
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

/**
 * Creates `path` empty with mode 0600 unless it exists (true when it created it), so that a program
 * that opens it afterwards (SQLite, which gives its -wal and -shm files the database's own mode)
 * never makes it readable by others.
 */
export async function createPrivateFile(path: string): Promise<boolean> {
  try {
    const handle = await open(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The given paths that exist with any permission for group or others: a line for the operator each. */
export async function widerThanPrivate(paths: readonly string[]): Promise<Array<{ path: string; mode: string }>> {
  const wide: Array<{ path: string; mode: string }> = [];
  for (const path of paths) {
    const found = await stat(path).catch(() => undefined);
    if (found && (found.mode & 0o077) !== 0) wide.push({ path, mode: (found.mode & 0o777).toString(8).padStart(4, '0') });
  }
  return wide;
}

/**
 * Whether `path` lies inside `dir` once links are followed (a symlink elsewhere that points into
 * the folder is inside). A part that does not exist yet is compared as written.
 */
export async function isReallyInside(path: string, dir: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  const rel = relative(await real(dir), await real(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
