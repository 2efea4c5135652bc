import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { openStore } from '../../../src/core/store.js';
import { dropPrefix } from '../../support/redis.js';
import { ledgerContract } from './contract.js';

const url = process.env.REDIS_URL;

if (url) {
  // Each test gets its own key prefix, so runs never see each other's counts.
  ledgerContract('Redis', async () => {
    const prefix = `test-${randomUUID()}:`;
    const store = await openStore(url, { prefix });
    return {
      ledger: store.ledger,
      outbox: store.outbox,
      claims: store.claims,
      close: async () => {
        await store.close();
        await dropPrefix(url, prefix);
      },
    };
  });
} else {
  describe('Redis ledger contract', () => {
    it.skip('runs when REDIS_URL is set', () => undefined);
  });
}
