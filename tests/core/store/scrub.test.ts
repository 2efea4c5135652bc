import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../../support/drives.js';

async function folderBytes(dir: string): Promise<Buffer> {
  const names = await readdir(dir);
  return Buffer.concat(await Promise.all(names.map((n) => readFile(join(dir, n)))));
}

describe('forgetting on SQLite', () => {
  it('leaves no byte of the member in the database or its WAL, even while the store stays open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-scrub-'));
    const store = await openStore(`sqlite://${join(dir, 'a.sqlite')}`);
    try {
      const at = new Date('2026-06-01T12:00:00Z');
      for (let i = 0; i < 200; i++) await store.ledger.record({ drive: aDrive(), member: `other-${i}`, method: 'email', at });
      await store.ledger.record({ drive: aDrive(), member: 'zelda-secret-42', method: 'email', at });
      await store.ledger.record({ drive: aDrive({ appealId: 'ua-2' }), member: 'zelda-secret-42', method: 'post', at });
      await store.kv.set('profile:zelda-secret-42', { name: 'Zelda Quux', town: 'Ourtown' });
      expect((await folderBytes(dir)).includes('zelda-secret-42')).toBe(true);
      await store.kv.delete('profile:zelda-secret-42');
      expect(await store.ledger.forget('zelda-secret-42')).toBe(2);
      const bytes = await folderBytes(dir);
      expect(bytes.includes('zelda-secret-42')).toBe(false);
      expect(bytes.includes('Zelda Quux')).toBe(false);
      expect(bytes.includes('other-199')).toBe(true);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
