import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/core/store.js';
import { dropPrefix } from '../support/redis.js';

const stores: Array<[string, () => Promise<Store>]> = [['SQLite', () => openStore('sqlite://:memory:')]];
const url = process.env.REDIS_URL;
if (url) {
  stores.push([
    'Redis',
    async () => {
      const prefix = `test-${randomUUID()}:`;
      const store = await openStore(url, { prefix });
      return { ...store, close: () => store.close().then(() => dropPrefix(url, prefix)) };
    },
  ]);
}

describe.each(stores)('claims on %s', (_name, open) => {
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

  it('frees a key once its claim expires', async () => {
    const store = await open();
    try {
      expect(await store.claims.claim('short', 50)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.claims.claim('short', 50)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('expired entries on SQLite', () => {
  it('are swept from the file, while live claims stay', async () => {
    const store = await openStore('sqlite://:memory:');
    try {
      await Promise.all(['u:1', 'u:2', 'u:3'].map((k) => store.claims.claim(k, 30)));
      expect(await store.claims.claim('slot:long', 60_000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(await store.purgeExpired!()).toBe(3);
      expect(await store.purgeExpired!()).toBe(0);
      expect(await store.claims.claim('slot:long', 60_000)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
