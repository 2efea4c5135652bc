import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_LEASE_MS, EventRelay } from '../../../src/core/events/relay.js';
import type { DomainEvent, StoredEvent } from '../../../src/core/events/events.js';
import type { Outbox } from '../../../src/core/events/outbox.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer } from '../../support/notifier.js';

const REDIS = process.env.REDIS_URL;
const stores: Array<[string, string | undefined]> = [['SQLite', undefined], ...(REDIS ? [['Redis', REDIS] as [string, string]] : [])];

/** The store's real outbox, with the calls that finish events written down. */
function countingOutbox(inner: Outbox): Outbox & { calls: Array<string[]> } {
  const calls: Array<string[]> = [];
  return {
    calls,
    append: (events, at) => inner.append(events, at),
    pending: (limit) => inner.pending(limit),
    count: () => inner.count(),
    retryAt: (event, due) => inner.retryAt(event, due),
    done: (id) => {
      calls.push([id]);
      return inner.done(id);
    },
    doneMany: (ids) => {
      calls.push([...ids]);
      return inner.doneMany(ids);
    },
    forget: (member) => inner.forget(member),
  };
}

const drive = (event: DomainEvent) => (event as { driveId: string }).driveId;

describe.each(stores)('the event relay finishing handled events on %s', (_name, redisUrl) => {
  let app: TestApp;
  afterEach(async () => {
    await app.close();
  });

  const relayOver = async (handle: (item: StoredEvent) => Promise<void>) => {
    app = await testApp({ redisUrl, storePrefix: redisUrl ? `test-relay-batch-${process.pid}-${Date.now()}:` : undefined });
    const events = Array.from({ length: 6 }, (_, i): DomainEvent => ({ type: 'undone', driveId: `drive-${i}` }));
    await app.deps.outbox.append(events, app.deps.clock.now());
    const outbox = countingOutbox(app.deps.outbox);
    const relay = new EventRelay({ outbox, claims: app.deps.claims, clock: app.deps.clock, timer: new FakeTimer(), logger: new RecordingLogger(), handle });
    await relay.start();
    await relay.stop();
    return { outbox, events };
  };

  it('marks a drained batch done in one call, and leaves a failed event pending for its retry', async () => {
    const handled: string[] = [];
    const { outbox, events } = await relayOver(async ({ event }) => {
      if (drive(event) === 'drive-2') throw new Error('the platform refused the post');
      handled.push(drive(event));
    });
    expect(handled).toEqual(['drive-0', 'drive-1', 'drive-3', 'drive-4', 'drive-5']);
    expect(outbox.calls).toHaveLength(1);
    expect(outbox.calls[0]).toHaveLength(5);
    const left = await app.deps.outbox.pending(10);
    expect(left.map((e) => e.event)).toEqual([events[2]]);
    expect(left[0]!.attempts).toBe(1);
  });

  it('finishes what it handled before half of the oldest lease has gone, without waiting for the batch', async () => {
    const handled: string[] = [];
    const seenPending: number[] = [];
    const { outbox } = await relayOver(async ({ event }) => {
      seenPending.push(await app.deps.outbox.count());
      handled.push(drive(event));
      // Each post takes a third of the lease: the third event starts after the first one's half.
      app.clock.advance(EVENT_LEASE_MS / 3);
    });
    expect(handled).toHaveLength(6);
    expect(outbox.calls.length).toBeGreaterThan(1);
    expect(outbox.calls.flat()).toHaveLength(6);
    expect(new Set(outbox.calls.flat()).size).toBe(6);
    // Events already handled were gone from the outbox while later ones were handled.
    expect(Math.min(...seenPending)).toBeLessThan(6);
    expect(await app.deps.outbox.count()).toBe(0);
  });
});
