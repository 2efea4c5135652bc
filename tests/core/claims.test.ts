import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/core/store.js';

const stores: Array<[string, () => Promise<Store>]> = [['SQLite', () => openStore('sqlite://:memory:')]];
if (process.env.REDIS_URL) stores.push(['Redis', () => openStore(process.env.REDIS_URL!, { prefix: `test-${randomUUID()}:` })]);

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
