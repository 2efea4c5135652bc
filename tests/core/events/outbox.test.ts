import { createClient } from '@redis/client';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newEventId, type Outbox } from '../../../src/core/events/outbox.js';
import type { DomainEvent, StoredEvent } from '../../../src/core/events/events.js';
import { openStore } from '../../../src/core/store.js';
import { dropPrefix } from '../../support/redis.js';
import { testApp } from '../../support/app.js';

const REDIS = process.env.REDIS_URL;
const stores: Array<[string, string | undefined]> = [['SQLite (a row per event)', undefined], ...(REDIS ? [['Redis (native structures changed by scripts)', REDIS] as [string, string]] : [])];

describe.each(stores)('the outbox on %s', (_name, redisUrl) => {
  const withOutbox = async (fn: (outbox: Outbox) => Promise<void>) => {
    const app = await testApp({ redisUrl, storePrefix: `test-outbox-${process.pid}-${Date.now()}:` });
    try {
      await fn(app.deps.outbox);
    } finally {
      await app.close();
    }
  };
  const at = new Date('2026-11-28T10:00:00Z');

  it('keeps events in order until done, retries one later, counts them, and forgets a member\'s', () =>
    withOutbox(async (outbox) => {
      await outbox.append([{ type: 'recorded', driveId: 'd1', member: 'm-ana', method: 'email', created: true }, { type: 'undone', driveId: 'd1' }], at);
      await outbox.append([{ type: 'recorded', driveId: 'd1', member: 'm-bea', method: 'post', created: true }], new Date(at.getTime() + 1000));
      const pending = await outbox.pending(10);
      expect(pending.map((e) => e.event.type)).toEqual(['recorded', 'undone', 'recorded']);
      expect(await outbox.count()).toBe(3);
      expect((await outbox.pending(2)).length).toBe(2);

      await outbox.retryAt(pending[1]!, new Date('2026-11-28T10:05:00Z'));
      const retried = (await outbox.pending(10)).find((e) => e.id === pending[1]!.id)!;
      expect(retried).toMatchObject({ attempts: 1, due: '2026-11-28T10:05:00.000Z' });

      await outbox.done(pending[0]!.id);
      await outbox.forget('m-bea');
      expect((await outbox.pending(10)).map((e) => e.event)).toEqual([{ type: 'undone', driveId: 'd1' }]);
      expect(await outbox.count()).toBe(1);
      await outbox.done(pending[1]!.id);
      expect(await outbox.count()).toBe(0);
    }));

  it('finishes several events at once, leaving the others in order and ignoring ids already gone', () =>
    withOutbox(async (outbox) => {
      await outbox.append(Array.from({ length: 5 }, (_, i): DomainEvent => ({ type: 'undone', driveId: `d${i}` })), at);
      const pending = await outbox.pending(10);
      await outbox.doneMany([pending[0]!.id, pending[3]!.id, 'no-such-event']);
      expect((await outbox.pending(10)).map((e) => e.event)).toEqual([1, 2, 4].map((i) => ({ type: 'undone', driveId: `d${i}` })));
      await outbox.doneMany([]);
      expect(await outbox.count()).toBe(3);
      await outbox.doneMany([pending[1]!.id, pending[2]!.id, pending[4]!.id]);
      expect(await outbox.count()).toBe(0);
    }));
});

describe.runIf(REDIS)('the Redis outbox of an earlier release', () => {
  it('is handed over at open: its pending events are kept, in order, and the old list goes', async () => {
    const prefix = `test-outbox-${randomUUID()}:`;
    try {
      const first = await openStore(REDIS!, { prefix });
      // What the previous release wrote: the pending events as one keyv list, and its length beside it.
      const at = '2026-11-28T10:00:00.000Z';
      const events: DomainEvent[] = [{ type: 'undone', driveId: 'd1' }, { type: 'drive-changed', driveId: 'd2' }];
      const list = events.map((event): StoredEvent => ({ id: newEventId(new Date(at)), at, due: at, attempts: 0, event }));
      await first.kv.setMany([{ key: 'outbox:events', value: list }, { key: 'outbox:count', value: list.length }]);
      await first.close();
      // The earlier release recorded no schema version: its Redis is at version 0.
      const client = createClient({ url: REDIS });
      await client.connect();
      await client.del(`${prefix}store:schema`);
      client.destroy();
      const second = await openStore(REDIS!, { prefix });
      try {
        expect((await second.outbox.pending(10)).map((e) => e.event)).toEqual(events);
        expect(await second.kv.getMany(['outbox:events', 'outbox:count'])).toEqual([undefined, undefined]);
      } finally {
        await second.close();
      }
    } finally {
      await dropPrefix(REDIS!, prefix);
    }
  });
});
