import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store.js';
import { dropPrefix } from '../../support/redis.js';
import { runWorker } from '../../support/spawn.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('Redis ledger shared by several processes', () => {
  it('counts 10,000 members recorded by 4 OS processes at once exactly once each', async () => {
    const prefix = `test-${randomUUID()}:`;
    const outputs = await Promise.all(
      [0, 1, 2, 3].map((p) => runWorker('tests/support/workers/record.ts', [url!, prefix, String(p * 2500), '2500', '200'])),
    );
    const created = outputs.map((o) => (JSON.parse(o) as { created: number }).created);
    expect(created.reduce((a, b) => a + b, 0)).toBe(10_000);
    const store = await openStore(url!, { prefix });
    try {
      expect(await store.ledger.tally('ua-race')).toMatchObject({ actions: 10_000, members: 10_000, byMethod: { email: 10_000 } });
      expect(await store.ledger.export('ua-race')).toHaveLength(10_000);
    } finally {
      await store.close();
      await dropPrefix(url!, prefix);
    }
  }, 60_000);
});
