import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { runWorker } from '../support/spawn.js';

describe('reminders with two OS processes on one SQLite file', () => {
  it('posts a slot due while both run exactly once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-remind-'));
    try {
      const app = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
      try {
        const type = typer(app.deps);
        await type({ userId: 'op', moderator: true }, '/drive start ua-34-25 deadline=2026-12-10');
        await type({ userId: 'op', moderator: true }, '/remind schedule 3d,2d at=09:00');
      } finally {
        await app.close();
      }
      // Both wake half an hour after the 8 December slot; the claim in the shared file lets one post.
      const runs = await Promise.all([1, 2].map(() => runWorker('tests/support/workers/scheduler.ts', [`sqlite-dir:${dataDir}`, '-', '2026-12-08T09:30:00Z'])));
      expect(runs.flatMap((r) => JSON.parse(r) as string[])).toEqual(['# Reminder: Stop illegal expulsions to El Salvador']);
      expect(JSON.parse(await runWorker('tests/support/workers/scheduler.ts', [`sqlite-dir:${dataDir}`, '-', '2026-12-08T10:00:00Z']))).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
