import { describe, expect, it } from 'vitest';
import type { ClaimStore } from '../../../src/core/claims.js';
import { AlreadyHandled } from '../../../src/core/errors.js';
import type { Outbox } from '../../../src/core/events/outbox.js';
import type { ActionLedger } from '../../../src/core/ledger/ledger.js';
import { aDrive } from '../../support/drives.js';

const at = new Date('2026-06-01T12:00:00Z');

/** One suite, every ledger: the count reported to officials must not depend on the store. */
export function ledgerContract(name: string, open: () => Promise<{ ledger: ActionLedger; outbox: Outbox; claims: ClaimStore; close(): Promise<void> }>): void {
  describe(`${name} ledger contract`, () => {
    it('commits a write with its delivery claim and its events; the same claim again changes nothing', async () => {
      const { ledger, outbox, claims, close } = await open();
      try {
        const drive = aDrive();
        const event = { type: 'recorded', driveId: drive.id, member: 'm1', method: 'email', created: true } as const;
        const told: string[] = [];
        const unit = (key: string) => ({ claim: { key, ttlMs: 60_000 }, onChange: [event], changed: () => void told.push(key) });
        // Twins of one delivery at once, and a redelivery after: one action, one event, one answer.
        const twins = await Promise.allSettled([ledger.record({ drive, member: 'm1', method: 'email', at }, unit('delivery:a')), ledger.record({ drive, member: 'm1', method: 'email', at }, unit('delivery:a'))]);
        expect(twins.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
        expect(twins.filter((t) => t.status === 'rejected').map((t) => (t as PromiseRejectedResult).reason)).toEqual([expect.any(AlreadyHandled)]);
        await expect(ledger.record({ drive, member: 'm1', method: 'post', at }, unit('delivery:a'))).rejects.toBeInstanceOf(AlreadyHandled);
        expect(await claims.claim('delivery:a', 1000)).toBe(false);
        // A new delivery of a repeat takes its claim but changes nothing, so it writes no event.
        expect((await ledger.record({ drive, member: 'm1', method: 'email', at }, unit('delivery:b'))).created).toBe(false);
        expect(await claims.claim('delivery:b', 1000)).toBe(false);
        const undone = { claim: { key: 'delivery:c', ttlMs: 60_000 }, onChange: [{ type: 'undone', driveId: drive.id } as const] };
        expect((await ledger.undo({ drive, member: 'm1', method: 'email', at }, undone)).removed).toBe(true);
        await expect(ledger.undo({ drive, member: 'm1', method: 'email', at }, undone)).rejects.toBeInstanceOf(AlreadyHandled);
        expect((await outbox.pending(10)).map((e) => e.event.type)).toEqual(['recorded', 'undone']);
        expect(told).toEqual(['delivery:a']);
        expect(await ledger.tally(drive.appealId)).toMatchObject({ actions: 0, members: 0 });
      } finally {
        await close();
      }
    });

    const withLedger = (fn: (ledger: ActionLedger) => Promise<void>) => async () => {
      const { ledger, close } = await open();
      try {
        await fn(ledger);
      } finally {
        await close();
      }
    };

    it('purges an appeal\'s actions and member keys in chunks and keeps its counts', withLedger(async (ledger) => {
      const drive = aDrive();
      const other = aDrive({ appealId: 'ua-other' });
      await Promise.all(Array.from({ length: 2500 }, (_, i) => ledger.record({ drive, member: `m${i % 2000}`, method: i < 2000 ? 'email' : 'post', at })));
      await ledger.record({ drive: other, member: 'm1', method: 'email', at });
      const before = await ledger.tally(drive.appealId);
      const series = await ledger.series(drive.appealId);
      expect(await ledger.purge(drive.appealId)).toBe(2500);
      expect(await ledger.export(drive.appealId)).toEqual([]);
      expect(await ledger.methodsOf(drive.appealId, 'm1')).toEqual([]);
      expect(await ledger.tally(drive.appealId)).toEqual(before);
      expect(await ledger.series(drive.appealId)).toEqual(series);
      // Another appeal keeps its rows; a second purge finds nothing.
      expect(await ledger.export(other.appealId)).toHaveLength(1);
      expect(await ledger.purge(drive.appealId)).toBe(0);
    }));

    it('records an action once and reports the tally after it', withLedger(async (ledger) => {
      const drive = aDrive();
      const first = await ledger.record({ drive, member: 'm1', method: 'email', at });
      const again = await ledger.record({ drive, member: 'm1', method: 'email', at });
      expect(first.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.tally).toEqual({ appealId: drive.appealId, actions: 1, members: 1, byMethod: { email: 1 } });
      expect(await ledger.tally(drive.appealId)).toMatchObject({ actions: 1, members: 1, byMethod: { email: 1 }, bySpace: { 'telegram:-100': 1 }, byPlatform: { telegram: 1 } });
    }));

    it('counts one member acting by two methods as two actions and one member', withLedger(async (ledger) => {
      const drive = aDrive();
      await ledger.record({ drive, member: 'm1', method: 'email', at });
      const { tally } = await ledger.record({ drive, member: 'm1', method: 'post', at });
      expect(tally).toMatchObject({ actions: 2, members: 1, byMethod: { email: 1, post: 1 } });
      expect((await ledger.methodsOf(drive.appealId, 'm1')).sort()).toEqual(['email', 'post']);
    }));

    it('counts 10,000 distinct members recording concurrently exactly once each', withLedger(async (ledger) => {
      const drive = aDrive();
      const results = await Promise.all(
        Array.from({ length: 10_000 }, (_, i) => ledger.record({ drive, member: `m${i}`, method: 'email', at })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(10_000);
      // Each caller sees the tally its own action made: every count from 1 to 10,000 exactly once.
      expect(new Set(results.map((r) => r.tally.actions)).size).toBe(10_000);
      expect(await ledger.tally(drive.appealId)).toMatchObject({ actions: 10_000, members: 10_000, byMethod: { email: 10_000 } });
      expect(await ledger.export(drive.appealId)).toHaveLength(10_000);
    }));

    it('counts a member double-clicking 50 times concurrently once', withLedger(async (ledger) => {
      const drive = aDrive();
      const results = await Promise.all(Array.from({ length: 50 }, () => ledger.record({ drive, member: 'm1', method: 'post', at })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await ledger.tally(drive.appealId)).toMatchObject({ actions: 1, members: 1 });
    }));

    it('keeps separate appeals separate and counts per space and platform', withLedger(async (ledger) => {
      const a = aDrive({ appealId: 'ua-a' });
      const b = aDrive({ appealId: 'ua-b', space: 'slack:T1/C1' });
      const a2 = aDrive({ appealId: 'ua-a', space: 'discord:1/2' });
      await ledger.record({ drive: a, member: 'm1', method: 'email', at });
      await ledger.record({ drive: a2, member: 'm2', method: 'email', at });
      await ledger.record({ drive: b, member: 'm1', method: 'email', at });
      expect(await ledger.tally('ua-a')).toMatchObject({ actions: 2, members: 2, bySpace: { 'telegram:-100': 1, 'discord:1/2': 1 }, byPlatform: { telegram: 1, discord: 1 } });
      expect(await ledger.tally('ua-b')).toMatchObject({ actions: 1, byPlatform: { slack: 1 } });
    }));

    it('gives each reader a tally of its own: changing one changes neither the ledger nor the next read', withLedger(async (ledger) => {
      await ledger.record({ drive: aDrive({ appealId: 'ua-a' }), member: 'm1', method: 'email', at });
      await ledger.record({ drive: aDrive({ appealId: 'ua-a', space: 'discord:1/2' }), member: 'm2', method: 'post', at });
      const first = await ledger.tally('ua-a');
      const expected = structuredClone(first);
      first.actions = 99;
      first.byMethod.email = 99;
      first.bySpace['discord:1/2'] = 99;
      first.byPlatform.discord = 99;
      // Read twice: once as the ledger may keep it, once more from that.
      expect(await ledger.tally('ua-a')).toEqual(expected);
      expect(await ledger.tally('ua-a')).toEqual(expected);
      expect(expected).toMatchObject({ actions: 2, members: 2, byMethod: { email: 1, post: 1 }, bySpace: { 'telegram:-100': 1, 'discord:1/2': 1 }, byPlatform: { telegram: 1, discord: 1 } });
    }));

    it('undo takes back one method and every figure follows', withLedger(async (ledger) => {
      const drive = aDrive();
      await ledger.record({ drive, member: 'm1', method: 'email', at });
      await ledger.record({ drive, member: 'm1', method: 'post', at });
      await ledger.record({ drive, member: 'm2', method: 'post', at });
      const one = await ledger.undo({ drive, member: 'm1', method: 'email', at });
      expect(one.removed).toBe(true);
      expect(one.tally).toMatchObject({ actions: 2, members: 2, byMethod: { post: 2 } });
      expect(one.tally.byMethod.email).toBeUndefined();
      const two = await ledger.undo({ drive, member: 'm1', method: 'post', at });
      expect(two.tally).toMatchObject({ actions: 1, members: 1, byMethod: { post: 1 } });
      const none = await ledger.undo({ drive, member: 'm1', method: 'post', at });
      expect(none.removed).toBe(false);
      expect(none.tally.actions).toBe(1);
    }));

    it('forget removes every record of the member in every appeal', withLedger(async (ledger) => {
      const a = aDrive({ appealId: 'ua-a' });
      const b = aDrive({ appealId: 'ua-b' });
      await ledger.record({ drive: a, member: 'gone', method: 'email', at });
      await ledger.record({ drive: a, member: 'gone', method: 'post', at });
      await ledger.record({ drive: b, member: 'gone', method: 'phone', at });
      await ledger.record({ drive: a, member: 'stays', method: 'email', at });
      expect(await ledger.forget('gone')).toBe(3);
      expect(await ledger.tally('ua-a')).toMatchObject({ actions: 1, members: 1, byMethod: { email: 1 } });
      expect(await ledger.tally('ua-b')).toMatchObject({ actions: 0, members: 0 });
      const rows = [...(await ledger.export('ua-a')), ...(await ledger.export('ua-b'))];
      expect(rows.map((r) => r.member)).toEqual(['stays']);
      expect(await ledger.methodsOf('ua-a', 'gone')).toEqual([]);
    }));

    it('exports one row per action with time, space, platform, method and member key', withLedger(async (ledger) => {
      const drive = aDrive({ space: 'slack:T1/C9' });
      await ledger.record({ drive, member: 'k1', method: 'social', at });
      expect(await ledger.export(drive.appealId)).toEqual([
        { at: at.toISOString(), space: 'slack:T1/C9', platform: 'slack', method: 'social', member: 'k1' },
      ]);
    }));

    it('refuses an action on a closed drive and writes nothing', withLedger(async (ledger) => {
      const past = aDrive({ deadline: '2026-05-31', timezone: 'Europe/Paris' });
      await expect(ledger.record({ drive: past, member: 'm1', method: 'email', at })).rejects.toMatchObject({ code: 'drive_closed' });
      const ended = aDrive({ status: 'ended' });
      await expect(ledger.record({ drive: ended, member: 'm1', method: 'email', at })).rejects.toMatchObject({ code: 'drive_ended' });
      expect(await ledger.tally(past.appealId)).toMatchObject({ actions: 0, members: 0 });
    }));

    it('keeps the deadline day open to its end in the drive time zone', withLedger(async (ledger) => {
      // 23:30 in Los Angeles on the deadline day is already the next day in UTC.
      const drive = aDrive({ deadline: '2026-06-01', timezone: 'America/Los_Angeles' });
      const late = new Date('2026-06-02T06:30:00Z');
      await expect(ledger.record({ drive, member: 'm1', method: 'email', at: late })).resolves.toMatchObject({ created: true });
      const after = new Date('2026-06-02T07:00:00Z');
      await expect(ledger.record({ drive, member: 'm2', method: 'email', at: after })).rejects.toMatchObject({ code: 'drive_closed' });
    }));

    it('counts actions per UTC hour and method, for the appeal and for one space, and undo and forget take them back', withLedger(async (ledger) => {
      const a = aDrive({ appealId: 'ua-s', space: 'telegram:-1' });
      const b = aDrive({ appealId: 'ua-s', space: 'slack:T1/C1' });
      const nine = new Date('2026-06-01T09:15:00Z');
      const ten = new Date('2026-06-01T10:59:59Z');
      await ledger.record({ drive: a, member: 'm1', method: 'email', at: nine });
      await ledger.record({ drive: b, member: 'm2', method: 'email', at: nine });
      await ledger.record({ drive: a, member: 'm1', method: 'post', at: ten });
      await ledger.record({ drive: a, member: 'm3', method: 'post', at: ten });
      await ledger.record({ drive: a, member: 'm3', method: 'post', at: ten });
      expect(await ledger.series('ua-s')).toEqual([
        { hour: '2026-06-01T09', method: 'email', count: 2 },
        { hour: '2026-06-01T10', method: 'post', count: 2 },
      ]);
      expect(await ledger.series('ua-s', 'slack:T1/C1')).toEqual([{ hour: '2026-06-01T09', method: 'email', count: 1 }]);
      await ledger.undo({ drive: a, member: 'm3', method: 'post', at: ten });
      await ledger.forget('m2');
      expect(await ledger.series('ua-s')).toEqual([
        { hour: '2026-06-01T09', method: 'email', count: 1 },
        { hour: '2026-06-01T10', method: 'post', count: 1 },
      ]);
      expect(await ledger.series('ua-s', 'slack:T1/C1')).toEqual([]);
      expect(await ledger.series('ua-none')).toEqual([]);
    }));

    it('exports every action through pages of any size, each row once', withLedger(async (ledger) => {
      const drive = aDrive({ appealId: 'ua-p' });
      await Promise.all(Array.from({ length: 23 }, (_, i) => ledger.record({ drive, member: `m${i}`, method: 'email', at: new Date(at.getTime() + (i % 5) * 1000) })));
      for (const pageSize of [1, 4, 23, 1000]) {
        const rows = [];
        for await (const row of ledger.exportRows('ua-p', { pageSize })) rows.push(row);
        expect(rows.map((r) => r.member).sort()).toEqual(Array.from({ length: 23 }, (_, i) => `m${i}`).sort());
      }
      const empty = [];
      for await (const row of ledger.exportRows('ua-none')) empty.push(row);
      expect(empty).toEqual([]);
      expect(await ledger.export('ua-p')).toHaveLength(23);
    }));
  });
}
