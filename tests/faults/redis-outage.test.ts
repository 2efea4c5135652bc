import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { openStore, type Store } from '../../src/core/store.js';
import { aDrive } from '../support/drives.js';
import { freePort, startRedisServer as startRedis } from '../support/redis-server.js';

const at = new Date('2026-06-01T12:00:00Z');
const drive = aDrive({ appealId: 'ua-outage' });
const hasRedis = await new Promise<boolean>((resolve) => spawn('redis-server', ['--version']).on('error', () => resolve(false)).on('close', (code) => resolve(code === 0)));

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Tries to record every 200 ms until it works or `ms` pass; returns how long it took. */
async function recordsAgainWithin(store: Store, member: string, ms: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      await store.ledger.record({ drive, member, method: 'email', at });
      return Date.now() - started;
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe.skipIf(!hasRedis)('a Redis that goes away', () => {
  it('fails fast while it is away, records again within 10 s once it is back, and loses nothing', async () => {
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-redis-'));
    let redis = await startRedis(port, dir);
    const faults: string[] = [];
    const store = await openStore(`redis://127.0.0.1:${port}`, { prefix: `t-${randomUUID()}:`, onFault: (line) => faults.push(line) });
    try {
      await store.ledger.record({ drive, member: 'before', method: 'email', at });
      await stop(redis);
      const asked = Date.now();
      await expect(store.ledger.record({ drive, member: 'during', method: 'email', at })).rejects.toMatchObject({ constructor: StoreError, stopped: false });
      // Not queued until Redis is back (it stays away 3 s): refused at once, even on a loaded machine.
      expect(Date.now() - asked).toBeLessThan(2000);
      expect((await store.health()).ok).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      redis = await startRedis(port, dir);
      expect(await recordsAgainWithin(store, 'after', 10_000)).toBeLessThan(10_000);
      expect(await store.ledger.tally('ua-outage')).toMatchObject({ actions: 2, members: 2 });
      expect(await store.health()).toEqual({ ok: true });
      expect(faults).toEqual([]);
    } finally {
      await store.close();
      await stop(redis);
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to record, with one operator line, when it comes back empty: the count never restarts from zero', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const faults: string[] = [];
    const store = await openStore(`redis://127.0.0.1:${port}`, { onFault: (line) => faults.push(line) });
    try {
      await store.ledger.record({ drive, member: 'before', method: 'email', at });
      await stop(redis);
      redis = await startRedis(port);
      const started = Date.now();
      let error: unknown;
      while (Date.now() - started < 10_000) {
        error = await store.ledger.record({ drive, member: 'after', method: 'email', at }).then(() => 'recorded', (e: unknown) => e);
        if (error instanceof StoreError && /reset/.test(error.message)) break;
        expect(error).not.toBe('recorded');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((error as Error).message).toMatch(/reset/);
      await expect(store.ledger.record({ drive, member: 'again', method: 'post', at })).rejects.toMatchObject({ message: expect.stringMatching(/reset/), stopped: true });
      expect(await store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/reset/) });
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatch(/was reset.*restore/);
      expect(faults[0]).not.toContain('\n');
    } finally {
      await store.close();
      await stop(redis);
    }
  }, 60_000);
});
