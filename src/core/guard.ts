// Store guards: store errors named by what they were about, a serial queue, and mutexes local or
// shared across processes.
import { randomUUID } from 'node:crypto';
import { AlreadyHandled, StoreError } from './errors.js';

/**
 * Runs a store call; a keyv failure becomes a StoreError naming the data it was about. A claimed
 * write's `AlreadyHandled` is an answer, not a failure: it passes as it is.
 */
export async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof StoreError || error instanceof AlreadyHandled ? error : new StoreError(`the store could not be reached for ${what}`, { cause: error });
  }
}

/** Runs async steps one at a time, in the order they were asked for. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Mutual exclusion per name, for read-modify-writes of shared lists (drives, reminders, appeals). */
export interface Mutex {
  run<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** One process: a queue per name. */
export class LocalMutex implements Mutex {
  private readonly queues = new Map<string, SerialQueue>();

  run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(name, queue);
    }
    return queue.run(fn);
  }
}

/** Locks with an owner in a shared store (a SQLite file or Redis), held by one process at a time. */
export interface LockStore {
  /** True when `owner` now holds `name`, for `ttlMs` unless released before. */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases `name` only if `owner` still holds it (compare-and-delete). */
  release(name: string, owner: string): Promise<void>;
  /** Moves the expiry of `name` to `ttlMs` from now if `owner` still holds it; false when it does not. */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
}

const LOCK_TTL_MS = 10_000;

/**
 * Several processes on one store: a lock held while the change runs (it expires on its own if its
 * holder dies, and is renewed every third of its lifetime while its holder lives, so a change that
 * waits on a slow platform keeps it), with a local queue in front so that a process does not race
 * itself. Each holding has its own owner token, so a holder that outlived its expiry never releases
 * the next holder's lock.
 */
export class SharedMutex implements Mutex {
  private readonly local = new LocalMutex();

  constructor(
    private readonly locks: LockStore,
    private readonly ttlMs = LOCK_TTL_MS,
  ) {}

  run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.local.run(name, async () => {
      const owner = randomUUID();
      // The time of a real wait (real sleeps below), so the monotonic clock, not the injected one.
      const started = performance.now();
      while (!(await this.locks.acquire(name, owner, this.ttlMs))) {
        if (performance.now() - started > this.ttlMs) throw new StoreError(`the lock ${name} stayed taken for ${this.ttlMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
      }
      const renewal = setInterval(() => void this.locks.renew(name, owner, this.ttlMs).catch(() => false), this.ttlMs / 3);
      try {
        return await fn();
      } finally {
        clearInterval(renewal);
        await this.locks.release(name, owner).catch(() => undefined);
      }
    });
  }
}
