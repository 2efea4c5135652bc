import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { KeyvLedger } from '../../../src/core/ledger/keyv-ledger.js';
import { aDrive } from '../../support/drives.js';

/** A keyv store (a Map) that refuses writes of matching keys while armed, as a full disk would. */
class FlakyStore extends Map<string, unknown> {
  failing?: RegExp;

  override set(key: string, value: unknown): this {
    if (this.failing?.test(key)) throw new Error(`disk full writing ${key}`);
    return super.set(key, value);
  }
}

const at = new Date('2026-06-01T12:00:00Z');

describe('the SQLite/keyv ledger after a batch stopped half-way', () => {
  it('never reports a stale tally, and heals it from the records on the next write', async () => {
    const store = new FlakyStore();
    const kv = new Keyv({ store, throwOnErrors: true });
    const ledger = new KeyvLedger(kv);
    const drive = aDrive();
    await ledger.record({ drive, member: 'm1', method: 'email', at });

    store.failing = /:tally$/;
    const failed = await Promise.allSettled([
      ledger.record({ drive, member: 'm2', method: 'email', at }),
      ledger.record({ drive, member: 'm3', method: 'post', at }),
    ]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreError);
    store.failing = undefined;

    // A restarted process: the member records of m2 and m3 were written, the tally was not.
    const restarted = new KeyvLedger(kv);
    expect(await restarted.tally(drive.appealId)).toMatchObject({ actions: 3, members: 3, byMethod: { email: 2, post: 1 } });
    const again = await restarted.record({ drive, member: 'm2', method: 'email', at });
    expect(again.created).toBe(false);
    const next = await restarted.record({ drive, member: 'm4', method: 'email', at });
    expect(next.tally).toMatchObject({ actions: 4, members: 4 });
    expect(await restarted.tally(drive.appealId)).toMatchObject({ actions: 4, members: 4, byMethod: { email: 3, post: 1 } });
    expect(await restarted.export(drive.appealId)).toHaveLength(4);
  });
});
