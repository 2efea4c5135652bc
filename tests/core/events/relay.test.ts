import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventRelay } from '../../../src/core/events/relay.js';
import type { StoredEvent } from '../../../src/core/events/events.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer } from '../../support/notifier.js';

describe('the event relay when the bot stops', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('finishes the event in hand, leaves the rest in the outbox, and the next start hands them out', async () => {
    const events = Array.from({ length: 5 }, (_, i) => ({ type: 'undone' as const, driveId: `drive-${i}` }));
    await app.deps.outbox.append(events, app.deps.clock.now());
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    let firstArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const handle = async ({ event }: StoredEvent) => {
      if (handled.length === 0) {
        firstArrived();
        await firstHeld;
      }
      handled.push((event as { driveId: string }).driveId);
    };
    const deps = { outbox: app.deps.outbox, claims: app.deps.claims, clock: app.deps.clock, timer: new FakeTimer(), logger: new RecordingLogger() };
    const relay = new EventRelay({ ...deps, handle });
    const draining = relay.start();
    await arrived;
    const stopped = relay.stop();
    release();
    await stopped;
    await draining;
    expect(handled).toHaveLength(1);
    expect(await app.deps.outbox.pending(10)).toHaveLength(4);

    const next = new EventRelay({ ...deps, handle });
    await next.start();
    await next.stop();
    expect([...handled].sort()).toEqual(events.map((e) => e.driveId).sort());
    expect(await app.deps.outbox.pending(10)).toEqual([]);
  });
});
