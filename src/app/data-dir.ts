import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { describeFileError } from '../core/file-problem.js';

/**
 * Makes sure the bot can write in DATA_DIR before anything else opens it, so that an unwritable
 * folder or one under a file stops the start with one line naming the variable, not a stack.
 */
export async function checkDataDir(dir: string): Promise<void> {
  const probe = join(dir, `.write-test-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const path = (error as NodeJS.ErrnoException).path ?? resolve(dir);
    throw new ConfigError('DATA_DIR', `${describeFileError(error, path)}. Set DATA_DIR to a folder the bot can write to.`);
  }
}
