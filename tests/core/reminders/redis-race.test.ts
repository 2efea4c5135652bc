import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { typer } from '../../support/invoke.js';
import { dropPrefix } from '../../support/redis.js';
import { runWorker } from '../../support/spawn.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('reminders with several processes on Redis', () => {
  it('posts each slot exactly once between two processes racing for it', async () => {
    const prefix = `test-${randomUUID()}:`;
    const app = await testApp({ redisUrl: url!, storePrefix: prefix, now: '2026-12-01T10:00:00Z' });
    try {
      const type = typer(app.deps);
      await type({ userId: 'op', moderator: true }, '/drive start ua-34-25 deadline=2026-12-10');
      await type({ userId: 'op', moderator: true }, '/remind schedule 3d,2d at=09:00');
    } finally {
      await app.close();
    }
    // Both wake half an hour after the 8 December slot (the 7 December one is too late to send).
    const runs = await Promise.all([1, 2].map(() => runWorker('tests/support/workers/scheduler.ts', [url!, prefix, '2026-12-08T09:30:00Z'])));
    const posts = runs.flatMap((r) => JSON.parse(r) as string[]);
    expect(posts).toEqual(['# Reminder: Stop illegal expulsions to El Salvador']);
    // And a third process waking later finds nothing left to post.
    expect(JSON.parse(await runWorker('tests/support/workers/scheduler.ts', [url!, prefix, '2026-12-08T10:00:00Z']))).toEqual([]);
    await dropPrefix(url!, prefix);
  }, 60_000);
});
