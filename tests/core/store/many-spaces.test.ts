import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { dropPrefix } from '../../support/redis.js';
import { runWorker } from '../../support/spawn.js';

const SPACES = 300;
const worker = 'tests/support/workers/spaces-burst.ts';
const url = process.env.REDIS_URL;
/** When the workers begin together: once every one of them has had time to start. */
const goAt = () => String(Date.now() + 6_000);

/** Every process did its work in every space: nothing is lost, nothing counted twice. */
async function expectNothingLost(open: () => ReturnType<typeof testApp>, workers: number, outputs: string[]): Promise<void> {
  const results = outputs.map((o) => JSON.parse(o) as { started: number; refused: number });
  expect(results.reduce((n, r) => n + r.started, 0)).toBe(SPACES);
  expect(results.reduce((n, r) => n + r.refused, 0)).toBe(SPACES * (workers - 1));
  const app = await open();
  try {
    const drives = await app.deps.drives.all();
    expect(drives).toHaveLength(SPACES);
    expect(new Set(drives.map((d) => d.space)).size).toBe(SPACES);
    expect((await app.deps.drives.allActive()).length).toBe(SPACES);
    for (let i = 0; i < SPACES; i++) {
      const [drive, ...more] = await app.deps.drives.listIn(`telegram:-100${i}`);
      expect(more).toEqual([]);
      expect(drive!.reminders?.offsets).toHaveLength(1);
      expect((await app.deps.memberReminders.forDrive(drive!.id)).map((r) => r.member).sort()).toEqual(Array.from({ length: workers }, (_, w) => `w${w}-s${i}`).sort());
    }
    const tally = await app.deps.ledger.tally('ua-34-25');
    expect(tally.actions).toBe(SPACES * (workers + 1));
    expect(tally.members).toBe(SPACES * (workers + 1));
    expect(tally.byMethod).toEqual({ email: SPACES * workers, post: SPACES });
    expect(Object.values(tally.bySpace).every((n) => n === workers + 1)).toBe(true);
  } finally {
    await app.close();
  }
}

describe('several processes in a few hundred spaces at once', () => {
  it('two processes on one SQLite file lose nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-many-spaces-'));
    try {
      const store = `sqlite://${join(dataDir, 'test.sqlite')}`;
      // The file is made (and migrated) by the two processes themselves, at the same moment.
      const outputs = await Promise.all([0, 1].map((w) => runWorker(worker, [store, '-', dataDir, String(w), String(SPACES), goAt()])));
      await expectNothingLost(() => testApp({ dataDir }), 2, outputs);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!url)('four processes on one Redis lose nothing', async () => {
    const prefix = `test-many-${randomUUID()}:`;
    const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-many-spaces-'));
    try {
      const outputs = await Promise.all([0, 1, 2, 3].map((w) => runWorker(worker, [url!, prefix, dataDir, String(w), String(SPACES), goAt()])));
      await expectNothingLost(() => testApp({ redisUrl: url!, storePrefix: prefix, dataDir }), 4, outputs);
    } finally {
      await dropPrefix(url!, prefix);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
