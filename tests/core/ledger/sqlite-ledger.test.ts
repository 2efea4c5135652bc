import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/core/store.js';
import { ledgerContract } from './contract.js';

ledgerContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-ledger-'));
  const store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  return {
    ledger: store.ledger,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
