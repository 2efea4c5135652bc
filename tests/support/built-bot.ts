// The bot as `npm start` runs it (node dist/main.js), for tests that start it as a child process.
// Starting the bundle takes a fraction of what tsx takes to load src/ (about 0.8 s against 2-3 s
// on the 2-core CI machine), and the crash tests start the bot dozens of times.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** dist/main.js of this checkout: absolute, so that a test may start it from any folder. */
export const BOT_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * vitest's globalSetup: builds dist/ once before any test file runs, when src/ is newer (as
 * `npm start` would). Once here rather than in each test: a build empties dist/ first, and would
 * pull it from under a bot another test file is running.
 */
export async function setup(): Promise<void> {
  const { stderr } = await promisify(execFile)(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT });
  if (stderr) process.stderr.write(stderr);
}
