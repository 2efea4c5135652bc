import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_APPEALS, createApp, type App } from '../../src/app/app.js';
import { FakeClock } from './clock.js';
import { dropPrefix } from './redis.js';

export type TestApp = App & { clock: FakeClock; dataDir: string };

/**
 * The real app (bundled appeals, real store) on a fresh SQLite file, or on Redis under a fresh key
 * prefix, with a clock the test controls. Close it in afterEach.
 */
export async function testApp(
  options: { now?: string; redisUrl?: string; storePrefix?: string; dataDir?: string; moderatorIds?: string[]; appealsDir?: string } = {},
): Promise<TestApp> {
  // A given dataDir is kept on close: tests use it to restart on the same store.
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'actionbot-test-')));
  const clock = new FakeClock(options.now ?? '2026-11-28T10:00:00Z');
  const prefix = options.redisUrl ? (options.storePrefix ?? `test-${randomUUID()}:`) : undefined;
  const app = await createApp(
    {
      storeUrl: options.redisUrl ?? `sqlite://${join(dataDir, 'test.sqlite')}`,
      dataDir,
      appealsDir: options.appealsDir ?? BUNDLED_APPEALS,
      memberKeySecret: 'test-secret-0123456789abcdef-0123456789',
      moderatorIds: options.moderatorIds ?? [],
      defaultTimezone: 'UTC',
    },
    { clock, storePrefix: prefix },
  );
  let closed = false;
  return {
    ...app,
    clock,
    dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      // Only the test that chose the prefix knows when every process using it is done.
      if (options.redisUrl && !options.storePrefix) await dropPrefix(options.redisUrl, prefix!);
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
