import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { dropPrefix } from '../support/redis.js';

const url = process.env.REDIS_URL;

describe.skipIf(!url)('shared lists with several processes on Redis', () => {
  it('keeps every drive when two processes start drives in many spaces at once', async () => {
    const prefix = `test-${randomUUID()}:`;
    const [a, b] = await Promise.all([1, 2].map(() => testApp({ redisUrl: url!, storePrefix: prefix })));
    try {
      const appeal = (await a!.deps.appeals.get('ua-34-25'))!;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a! : b!).deps.drives.start(appeal, `discord:g${i}/c${i}`, { deadline: '2026-12-31' })),
      );
      // Without a lock shared through Redis, the two processes overwrite each other's space lists.
      expect((await a!.deps.drives.allActive()).map((d) => d.space).sort()).toHaveLength(20);
      const twice = await Promise.allSettled([a!, b!].map((app) => app.deps.drives.start(appeal, 'slack:T/C', { deadline: '2026-12-31' })));
      expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    } finally {
      await a!.close();
      await b!.close();
      await dropPrefix(url!, prefix);
    }
  });
});
