import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store.js';
import { aDrive } from '../../support/drives.js';
import { ledgerContract } from './contract.js';

ledgerContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-ledger-'));
  const store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
  return {
    ledger: store.ledger,
    outbox: store.outbox,
    claims: store.claims,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite tally reads, served again while nothing changed', () => {
  it('see what another connection on the same file committed, and this one\'s own writes at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-ledger-'));
    const file = `sqlite://${join(dir, 'test.sqlite')}`;
    // Two stores on one file: two connections, as two bot processes have.
    const [one, two] = [await openStore(file), await openStore(file)];
    try {
      const drive = aDrive({ appealId: 'ua-34-25', space: 'telegram:-1' });
      const at = new Date('2026-11-28T09:00:00Z');
      expect((await one.ledger.tally('ua-34-25')).actions).toBe(0);
      await two.ledger.record({ drive, member: 'm-1', method: 'email', at });
      expect(await one.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, members: 1, bySpace: { 'telegram:-1': 1 } });
      await one.ledger.record({ drive: { ...drive, space: 'telegram:-2' }, member: 'm-2', method: 'post', at });
      expect(await one.ledger.tally('ua-34-25')).toMatchObject({ actions: 2, bySpace: { 'telegram:-1': 1, 'telegram:-2': 1 } });
      expect((await two.ledger.tally('ua-34-25')).actions).toBe(2);
      await two.ledger.forget('m-1');
      expect(await one.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, members: 1, bySpace: { 'telegram:-2': 1 } });
      // A caller changing its copy changes nothing for the next one.
      const copy = await one.ledger.tally('ua-34-25');
      copy.actions = 99;
      copy.bySpace['telegram:-2'] = 99;
      expect(await one.ledger.tally('ua-34-25')).toMatchObject({ actions: 1, bySpace: { 'telegram:-2': 1 } });
    } finally {
      await one.close();
      await two.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite export pages', () => {
  it('gives every action once, in time order, when many share one timestamp across page boundaries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-ledger-'));
    const store = await openStore(`sqlite://${join(dir, 'test.sqlite')}`);
    try {
      const drive = aDrive({ appealId: 'ua-34-25', space: 'telegram:-1' });
      const times = ['2026-11-28T09:00:00.000Z', '2026-11-28T09:00:00.001Z', '2026-11-28T09:00:00.002Z'];
      // 7 at the first time, 23 at the second (a bulk entry), 5 at the last, written out of order.
      const plan = [...Array(23).fill(1), ...Array(7).fill(0), ...Array(5).fill(2)] as number[];
      for (const [i, t] of plan.entries()) await store.ledger.record({ drive, member: `m${i}`, method: 'email', at: new Date(times[t]!) });
      for (const pageSize of [1, 4, 7, 10, 23, 100]) {
        const rows = [];
        for await (const row of store.ledger.exportRows('ua-34-25', { pageSize })) rows.push(row);
        expect(rows.map((r) => r.member).sort()).toEqual(plan.map((_, i) => `m${i}`).sort());
        expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort());
      }
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
