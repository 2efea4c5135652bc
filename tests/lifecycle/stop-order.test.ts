import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformAdapter } from '../../src/adapters/types.js';
import { reminderPosts } from '../../src/commands/posts.js';
import { InFlight } from '../../src/core/in-flight.js';
import type { Reply } from '../../src/core/reply.js';
import { ReminderScheduler } from '../../src/core/reminders/scheduler.js';
import { shutdown } from '../../src/app/shutdown.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';
import { FakeTimer, RecordingNotifier } from '../support/notifier.js';

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A notifier whose posts hang until the test lets them through. */
class GatedNotifier extends RecordingNotifier {
  started = 0;
  private gate = deferred();
  open(): void {
    this.gate.resolve();
  }
  override async postToSpace(space: string, reply: Reply): Promise<void> {
    this.started += 1;
    await this.gate.promise;
    await super.postToSpace(space, reply);
  }
}

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('stopping: in order, nothing on a closed store', () => {
  let dataDir: string;
  let app: TestApp;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-stop-'));
    app = await testApp({ dataDir, now: '2026-12-07T08:00:00Z' });
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('waits for a reminder tick that is posting before the store is closed', async () => {
    const type = typer(app.deps);
    await type({ userId: 'operator', moderator: true }, '/drive start ua-34-25 goal=10 deadline=2026-12-10');
    await type({ userId: 'operator', moderator: true }, '/remind schedule 0d at=07:00');
    const notifier = new GatedNotifier('shell');
    const logger = new RecordingLogger();
    const scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [notifier], posts: reminderPosts, logger });
    app.clock.set('2026-12-10T07:30:00Z');
    const tick = scheduler.start();
    for (let i = 0; notifier.started === 0 && i < 400; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(notifier.started).toBe(1);

    const stopped = scheduler.stop();
    expect(await settledWithin(stopped, 100)).toBe(false);
    notifier.open();
    await stopped;
    await tick;
    await app.close();
    expect(notifier.posts).toHaveLength(1);
    // A tick asked for after the stop does nothing (it would read a closed store).
    await scheduler.tick();
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('stops the intake first, drains what was taken, then closes the store, and says how many drained', async () => {
    const order: string[] = [];
    const inFlight = new InFlight();
    const slow = Array.from({ length: 3 }, (_, i) => inFlight.track(() => new Promise<void>((resolve) => setTimeout(() => (order.push(`command ${i}`), resolve()), 50 + i * 20))));
    const adapter: PlatformAdapter = { platform: 'slack', notifier: new RecordingNotifier('slack'), ready: () => ({ ok: true }), stop: async () => void order.push('intake closed') };
    const logger = new RecordingLogger();
    const result = await shutdown(
      { adapters: [adapter], inFlight, stopScheduler: async () => void order.push('scheduler stopped'), closeStore: async () => void order.push('store closed'), timeoutMs: 5000, logger },
      'SIGTERM',
    );
    await Promise.all(slow);
    await app.close();
    expect(order).toEqual(['intake closed', 'command 0', 'command 1', 'command 2', 'scheduler stopped', 'store closed']);
    expect(result).toMatchObject({ drained: 3, abandoned: 0 });
    expect(logger.entries.map((e) => e.message)).toEqual(['stopped (SIGTERM): 3 commands drained']);
  });

  it('hands out the events raised before the platforms go, and ends even when the store never closes', async () => {
    const order: string[] = [];
    const adapter: PlatformAdapter = {
      platform: 'slack',
      notifier: new RecordingNotifier('slack'),
      ready: () => ({ ok: true }),
      stopTaking: async () => void order.push('intake closed'),
      stop: async () => void order.push('platform released'),
    };
    const bounds: number[] = [];
    const never = new Promise<void>(() => undefined);
    const started = Date.now();
    await shutdown(
      {
        adapters: [adapter],
        inFlight: new InFlight(),
        stopScheduler: async () => void order.push('scheduler stopped'),
        finishEvents: (boundMs) => (bounds.push(boundMs), order.push('events handed out'), Promise.resolve()),
        closeStore: () => (order.push('store closing'), never),
        timeoutMs: 300,
        logger: new RecordingLogger(),
      },
      'SIGTERM',
    );
    expect(order).toEqual(['intake closed', 'scheduler stopped', 'events handed out', 'platform released', 'store closing']);
    // The commands had all of SHUTDOWN_TIMEOUT; the events still get their own second.
    expect(bounds).toEqual([1000]);
    // The store that never closes is given up on: the process can still exit.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on a command still running at SHUTDOWN_TIMEOUT and says so', async () => {
    const inFlight = new InFlight();
    const stuck = deferred();
    void inFlight.track(() => stuck.promise);
    const logger = new RecordingLogger();
    const started = Date.now();
    const result = await shutdown({ adapters: [], inFlight, stopScheduler: async () => undefined, closeStore: () => app.close(), timeoutMs: 200, logger }, 'SIGINT');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toMatchObject({ drained: 0, abandoned: 1 });
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'warn', message: 'stopped (SIGINT): 0 commands drained, 1 still running at SHUTDOWN_TIMEOUT' })]);
    stuck.resolve();
  });
});
