// Checks DATA_DIR is a writable folder before anything opens it, so the start fails with one line
// naming it.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { describeFileError } from '../core/file-problem.js';
import { makePrivateDir, widerThanPrivate } from '../core/private-files.js';
import { SECRET_FILE } from '../core/member-key.js';
import { sqlitePath } from '../core/store/sqlite-admin.js';

/**
 * Makes sure the bot can write in DATA_DIR before anything else opens it (creating it 0700), so that
 * an unwritable folder, one under a file, or one a filesystem will not hold (`/proc/...`) stops the
 * start with one line naming the variable, not a stack or a spinning process.
 */
export async function checkDataDir(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${randomBytes(4).toString('hex')}`);
  try {
    await makePrivateDir(dir);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const path = (error as NodeJS.ErrnoException).path ?? resolve(dir);
    throw new ConfigError('DATA_DIR', `${describeFileError(error, path)}. Set DATA_DIR to a folder the bot can write to.`);
  }
}

/**
 * One warning line for each data file or folder that group or others may read: files the bot creates
 * are 0600 in a 0700 folder, but one made by an earlier release, a copy or a restore keeps its mode.
 */
export async function dataModeWarnings(dataDir: string, storeUrl: string): Promise<string[]> {
  const db = sqlitePath(storeUrl);
  const paths = [dataDir, join(dataDir, SECRET_FILE), ...(db && db !== ':memory:' ? [db, `${db}-wal`, `${db}-shm`] : [])];
  return (await widerThanPrivate(paths)).map(
    ({ path, mode }) => `${path} has mode ${mode}: others on this machine may read members' data; run chmod ${path === dataDir ? '700' : '600'} ${path}`,
  );
}
