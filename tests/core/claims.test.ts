import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';
import { describe, expect, it } from 'vitest';
import { claimHash, RedisLocks, SqliteLocks } from '../../src/core/claims.js';
import { SharedMutex, type LockStore } from '../../src/core/guard.js';
import { SqliteFile } from '../../src/core/store/sqlite-file.js';
import { openStore, type Store } from '../../src/core/store.js';
import { systemClock } from '../../src/core/time.js';
import { FakeClock } from '../support/clock.js';
import { dropPrefix } from '../support/redis.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A store, and how a test lets `ms` pass for its claims: SQLite compares expiries with the clock it is
 * given, so the test moves a fake one; Redis expires keys by its own clock, so only a real wait will do.
 */
type Opened = { store: Store; pass(ms: number): Promise<void> };
const stores: Array<[string, () => Promise<Opened>]> = [
  ['SQLite', async () => {
    const clock = new FakeClock('2026-12-01T00:00:00Z');
    return { store: await openStore('sqlite://:memory:', { clock }), pass: async (ms) => clock.advance(ms) };
  }],
];
const url = process.env.REDIS_URL;
if (url) {
  stores.push([
    'Redis',
    async () => {
      const prefix = `test-${randomUUID()}:`;
      const store = await openStore(url, { prefix });
      return { store: { ...store, close: () => store.close().then(() => dropPrefix(url, prefix)) }, pass: (ms) => sleep(ms + 20) };
    },
  ]);
}

describe.each(stores)('claims on %s', (_name, openOne) => {
  const open = async () => (await openOne()).store;
  it('lets exactly one of many concurrent callers claim a key', async () => {
    const store = await open();
    try {
      const results = await Promise.all(Array.from({ length: 50 }, () => store.claims.claim('update:42', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.claims.claim('update:42', 60_000)).toBe(false);
      expect(await store.claims.claim('update:43', 60_000)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('frees a key that its holder releases', async () => {
    const store = await open();
    try {
      expect(await store.claims.claim('slot:7', 60_000)).toBe(true);
      await store.claims.release('slot:7');
      expect(await store.claims.claim('slot:7', 60_000)).toBe(true);
      expect(await store.claims.claim('slot:7', 60_000)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('frees a key once its claim expires, not before', async () => {
    const { store, pass } = await openOne();
    try {
      expect(await store.claims.claim('short', 50)).toBe(true);
      expect(await store.claims.claim('short', 50)).toBe(false);
      await pass(60);
      expect(await store.claims.remaining('short')).toBe(0);
      expect(await store.claims.claim('short', 50)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('expired entries on SQLite', () => {
  it('are swept from the file, while live claims stay', async () => {
    const clock = new FakeClock('2026-12-01T00:00:00Z');
    const store = await openStore('sqlite://:memory:', { clock });
    try {
      await Promise.all(['u:1', 'u:2', 'u:3'].map((k) => store.claims.claim(k, 30)));
      expect(await store.claims.claim('slot:long', 60_000)).toBe(true);
      expect(await store.purgeExpired!()).toBe(0);
      clock.advance(31);
      expect(await store.purgeExpired!()).toBe(3);
      expect(await store.purgeExpired!()).toBe(0);
      expect(await store.claims.claim('slot:long', 60_000)).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe('claims at rest', () => {
  it('keep a SHA-256 of the key on SQLite, never the platform id in it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-claims-'));
    const file = join(dir, 'claims.sqlite');
    const store = await openStore(`sqlite://${file}`);
    try {
      expect(await store.claims.claim('slack:press:1700000000.1:U0SECRET42:acted', 60_000)).toBe(true);
      expect(await store.claims.claim('slack:press:1700000000.1:U0SECRET42:acted', 60_000)).toBe(false);
      await store.scrub();
      const bytes = await readFile(file);
      expect(bytes.includes('U0SECRET42')).toBe(false);
      expect(bytes.includes(claimHash('slack:press:1700000000.1:U0SECRET42:acted'))).toBe(true);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!url)('keep a SHA-256 of the key on Redis, never the platform id in it', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await openStore(url!, { prefix });
    const client = createClient({ url: url! });
    await client.connect();
    try {
      expect(await store.claims.claim('telegram:update:U0SECRET42', 60_000)).toBe(true);
      const keys = [];
      for await (const page of client.scanIterator({ MATCH: `${prefix}*` })) keys.push(...page);
      expect(keys).toContain(`${prefix}claim:${claimHash('telegram:update:U0SECRET42')}`);
      expect(keys.filter((k) => k.includes('U0SECRET42'))).toEqual([]);
    } finally {
      client.destroy();
      await store.close();
      await dropPrefix(url!, prefix);
    }
  });
});

const lockStores: Array<[string, () => Promise<{ locks: LockStore; pass(ms: number): Promise<void>; close(): Promise<void> }>]> = [
  ['SQLite', async () => {
    const file = new SqliteFile(':memory:');
    file.db.exec('CREATE TABLE locks(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID');
    const clock = new FakeClock('2026-12-01T00:00:00Z');
    return { locks: new SqliteLocks(file, clock), pass: async (ms) => clock.advance(ms), close: async () => file.close() };
  }],
];
if (url) {
  lockStores.push(['Redis', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await openStore(url, { prefix });
    const client = createClient({ url });
    await client.connect();
    return {
      locks: new RedisLocks(client as unknown as ConstructorParameters<typeof RedisLocks>[0], prefix),
      pass: (ms: number) => sleep(ms + 20),
      close: async () => {
        client.destroy();
        await store.close();
        await dropPrefix(url, prefix);
      },
    };
  }]);
}

describe.each(lockStores)('locks on %s', (_name, open) => {
  it('are released only by their owner: a holder past its expiry leaves the next holder\'s lock alone', async () => {
    const { locks, pass, close } = await open();
    try {
      expect(await locks.acquire('drives', 'a', 40)).toBe(true);
      expect(await locks.acquire('drives', 'b', 60_000)).toBe(false);
      await pass(40);
      expect(await locks.acquire('drives', 'b', 60_000)).toBe(true);
      await locks.release('drives', 'a');
      expect(await locks.acquire('drives', 'c', 60_000)).toBe(false);
      await locks.release('drives', 'b');
      expect(await locks.acquire('drives', 'c', 60_000)).toBe(true);
    } finally {
      await close();
    }
  });

  it('are renewed by their owner only, and not once they expired', async () => {
    const { locks, pass, close } = await open();
    try {
      expect(await locks.acquire('live', 'a', 60)).toBe(true);
      expect(await locks.renew('live', 'b', 60_000)).toBe(false);
      expect(await locks.renew('live', 'a', 60_000)).toBe(true);
      await pass(60);
      // Renewed: still a's, past the first expiry.
      expect(await locks.acquire('live', 'b', 60_000)).toBe(false);
      expect(await locks.acquire('gone', 'a', 40)).toBe(true);
      await pass(40);
      expect(await locks.renew('gone', 'a', 60_000)).toBe(false);
    } finally {
      await close();
    }
  });
});

describe('a shared mutex', () => {
  it('keeps its lock past the lock\'s lifetime while the change runs', async () => {
    const file = new SqliteFile(':memory:');
    file.db.exec('CREATE TABLE locks(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID');
    const locks = new SqliteLocks(file, systemClock);
    const mutex = new SharedMutex(locks, 300);
    try {
      let takenMeanwhile: boolean | undefined;
      // The change outlives three lifetimes of its lock; another owner still cannot take it.
      await mutex.run('live', async () => {
        await sleep(900);
        takenMeanwhile = await locks.acquire('live', 'other', 60_000);
      });
      expect(takenMeanwhile).toBe(false);
      expect(await locks.acquire('live', 'other', 60_000)).toBe(true);
    } finally {
      file.close();
    }
  });
});
