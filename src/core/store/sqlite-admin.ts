// Operator tools for the SQLite file: the full check and the online backup.
import { rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { codeOf } from './sqlite-file.js';
import { createPrivateFile } from '../private-files.js';

/** The SQLite file a `sqlite://` URL names, or undefined for another store. */
export function sqlitePath(url: string): string | undefined {
  return url.startsWith('sqlite://') ? url.slice('sqlite://'.length) : undefined;
}

/**
 * The full check (`PRAGMA quick_check`: every page and index entry, reading the whole file), for
 * `actionbot check`; start-up does only the cheap one. Returns SQLite's findings, `['ok']` when none.
 */
export function quickCheck(path: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 1000 });
    return (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
  } catch (error) {
    return [`${codeOf(error) ?? 'error'}: ${(error as Error).message}`];
  } finally {
    db?.close();
  }
}

/**
 * An online copy with SQLite's backup API: consistent even while the bot writes, which a file copy of
 * a database in WAL mode is not. Refuses to overwrite a file; the copy is 0600, like the store.
 */
export async function backupTo(path: string, destination: string): Promise<{ pages: number }> {
  const created = await createPrivateFile(destination).catch((error: unknown) => {
    throw new StoreError(`the backup cannot be written to ${destination}: ${codeOf(error) ?? (error as Error).message}`, { cause: error });
  });
  if (!created) throw new StoreError(`${destination} exists already; choose a new file name`);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 1000 });
    const { totalPages } = await db.backup(destination);
    return { pages: totalPages };
  } catch (error) {
    await rm(destination, { force: true });
    throw error instanceof StoreError ? error : new StoreError(`the backup of ${path} failed: ${codeOf(error) ?? (error as Error).message}`, { cause: error });
  } finally {
    db?.close();
  }
}
