// The outbox's relay: hands events to their handler once across processes, retrying refused posts
// with backoff.
import type { ClaimStore } from '../claims.js';
import type { Timer } from '../reminders/scheduler.js';
import type { Clock } from '../time.js';
import type { StoredEvent } from './events.js';
import type { Outbox } from './outbox.js';

export type EventHandler = (item: StoredEvent) => Promise<void>;

export type RelayDeps = {
  outbox: Outbox;
  claims: ClaimStore;
  clock: Clock;
  timer: Timer;
  handle: EventHandler;
  logger: { warn(context: object, message: string): void; error(context: object, message: string): void };
};

/** How long one process holds an event while it handles it; a crashed holder's events come back after it. */
export const EVENT_LEASE_MS = 60_000;
/** A failed event is tried again after 30 s, doubling up to 10 minutes. */
export const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;
/** Another process's events (left by a crash) are looked for this often. */
export const SWEEP_MS = 30_000;
const BATCH = 200;

/**
 * Hands the outbox's events to their handler after the member has their answer: each once across
 * processes (a claim per event), a failure tried again later with a growing pause. Nothing is
 * handled before `start` (adapters attached), and nothing appended meanwhile is lost.
 */
export class EventRelay {
  private running: Promise<void> = Promise.resolve();
  private handle: unknown;
  private started = false;
  private queued = false;

  constructor(private readonly deps: RelayDeps) {}

  start(): Promise<void> {
    this.started = true;
    return this.drain();
  }

  /** Stops the timer and waits for the batch in hand. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.handle !== undefined) this.deps.timer.clear(this.handle);
    this.handle = undefined;
    await this.running;
  }

  /** New events were appended: drain soon (at most one drain waits behind the running one). */
  notify(): void {
    if (!this.started || this.queued) return;
    this.queued = true;
    // On the next turn: the member's answer goes out first.
    this.deps.timer.set(() => void this.drain(), 0);
  }

  /** Handles every event that is due; calls never overlap. */
  drain(): Promise<void> {
    this.running = this.running
      .then(() => {
        this.queued = false;
        return this.runDue();
      })
      .catch((error: unknown) => this.deps.logger.error({ err: error }, 'event relay failed'));
    return this.running;
  }

  private async runDue(): Promise<void> {
    if (!this.started) return;
    const now = this.deps.clock.now();
    let next = now.getTime() + SWEEP_MS;
    const handled = new Handled(this.deps);
    try {
      for (const item of await this.deps.outbox.pending(BATCH)) {
        // Stopped meanwhile: the rest waits in the outbox for the next start.
        if (!this.started) return;
        const due = Date.parse(item.due);
        if (due > now.getTime()) {
          next = Math.min(next, due);
          continue;
        }
        const retry = await this.handleOne(item, now, handled);
        if (retry !== undefined) next = Math.min(next, retry.getTime());
      }
    } finally {
      // Whatever was handled is finished, even when a later step threw or the relay stopped.
      await handled.flush();
    }
    this.arm(next - now.getTime());
  }

  /** Undefined when handled (or another process holds it); else when to try again. */
  private async handleOne(item: StoredEvent, now: Date, handled: Handled): Promise<Date | undefined> {
    const claim = `event:${item.id}:${item.attempts}`;
    const claimedAt = this.deps.clock.now().getTime();
    if (!(await this.deps.claims.claim(claim, EVENT_LEASE_MS))) return undefined;
    await handled.flushIfOld();
    try {
      await this.deps.handle(item);
    } catch (error) {
      const due = new Date(now.getTime() + Math.min(FIRST_RETRY_MS * 2 ** item.attempts, MAX_RETRY_MS));
      this.deps.logger.warn({ err: error, event: item.event.type, attempts: item.attempts + 1 }, 'event failed; tried again later');
      await this.deps.outbox.retryAt(item, due);
      return due;
    }
    handled.add(item.id, claimedAt);
    return undefined;
  }

  private arm(delay: number): void {
    if (this.handle !== undefined) this.deps.timer.clear(this.handle);
    this.handle = undefined;
    if (!this.started) return;
    this.handle = this.deps.timer.set(() => void this.drain(), Math.max(0, delay));
  }
}

/**
 * The events of one drain handled so far, marked done together (one store call, not one each).
 * Each was claimed for EVENT_LEASE_MS, and another process may take it again once that lease runs
 * out: the batch is finished before the next event is handled once half the oldest lease has gone,
 * so a handled event is not held past its lease unless one event's handling takes half a lease.
 */
class Handled {
  private ids: string[] = [];
  private since = 0;

  constructor(private readonly deps: Pick<RelayDeps, 'outbox' | 'clock'>) {}

  /** `claimedAt`: when its lease began. */
  add(id: string, claimedAt: number): void {
    if (this.ids.length === 0) this.since = claimedAt;
    this.ids.push(id);
  }

  /** Called before handling the next event: flushes when the oldest handled one's lease is half gone. */
  async flushIfOld(): Promise<void> {
    if (this.ids.length > 0 && this.deps.clock.now().getTime() - this.since >= EVENT_LEASE_MS / 2) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.ids.length === 0) return;
    const ids = this.ids;
    this.ids = [];
    await this.deps.outbox.doneMany(ids);
  }
}
