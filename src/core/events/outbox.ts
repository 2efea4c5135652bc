// The outbox port and its keyv implementation: durable domain events waiting for their handler.
import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
import { guarded, type Mutex } from '../guard.js';
import type { DomainEvent, StoredEvent } from './events.js';

/**
 * Durable domain events, in the store itself (SQLite file or Redis): an event appended before a
 * crash is still there after it. Handling once across processes is the relay's job (a claim per event).
 */
export interface Outbox {
  append(events: readonly DomainEvent[], at: Date): Promise<void>;
  /** Events not yet done, oldest first. */
  pending(limit: number): Promise<StoredEvent[]>;
  /** How many events are not yet done (the backlog), without reading them. */
  count(): Promise<number>;
  /** A failed attempt: the event stays, to be tried again at `due`. */
  retryAt(event: StoredEvent, due: Date): Promise<void>;
  done(id: string): Promise<void>;
  /** /forgetme: drops the member's pending events (they hold the member key). */
  forget(member: string): Promise<void>;
}

const LIST = 'outbox:events';
/** The list's length, written with it in one atomic write: the backlog gauge reads a number, not the events. */
const COUNT = 'outbox:count';

type Change = { add: StoredEvent[]; update: Map<string, StoredEvent>; remove: Set<string>; members: Set<string> };

/**
 * The outbox over keyv (the Redis store; SQLite has a table, `SqliteOutbox`): the pending events as one list, changed under the store's mutex (per
 * process on SQLite, a Redis lock across processes). Changes that arrive while one is being
 * written are grouped into the next write (group commit): a burst of 100 actions costs a few
 * writes, not 100, and each caller returns once its own change is in the store.
 */
export class KeyvOutbox implements Outbox {
  private batch: { change: Change; written: Promise<void> } | undefined;

  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async append(events: readonly DomainEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    const stored = events.map((event): StoredEvent => ({ id: newEventId(at), at: at.toISOString(), due: at.toISOString(), attempts: 0, event }));
    await this.write((change) => change.add.push(...stored));
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    return guarded('events', async () => (((await this.kv.get(LIST)) as StoredEvent[] | undefined) ?? []).slice(0, limit));
  }

  async count(): Promise<number> {
    return guarded('events', async () => {
      const count = (await this.kv.get(COUNT)) as number | undefined;
      // No count yet next to a list written by an earlier release: its length, read once.
      return count ?? (((await this.kv.get(LIST)) as StoredEvent[] | undefined) ?? []).length;
    });
  }

  async retryAt(event: StoredEvent, due: Date): Promise<void> {
    await this.write((change) => change.update.set(event.id, { ...event, attempts: event.attempts + 1, due: due.toISOString() }));
  }

  async done(id: string): Promise<void> {
    await this.write((change) => change.remove.add(id));
  }

  async forget(member: string): Promise<void> {
    await this.write((change) => change.members.add(member));
  }

  /** Joins the next write: one read and one write under the mutex for every change queued until it starts. */
  private write(apply: (change: Change) => void): Promise<void> {
    if (!this.batch) {
      const batch = { change: { add: [], update: new Map(), remove: new Set(), members: new Set() } as Change, written: Promise.resolve() };
      batch.written = this.mutex.run('outbox', () =>
        guarded('events', async () => {
          if (this.batch === batch) this.batch = undefined;
          const { add, update, remove, members } = batch.change;
          const forgotten = (e: StoredEvent) => e.event.type === 'recorded' && members.has(e.event.member);
          const list = ((await this.kv.get(LIST)) as StoredEvent[] | undefined) ?? [];
          const next = [...list, ...add].filter((e) => !remove.has(e.id) && !forgotten(e)).map((e) => update.get(e.id) ?? e);
          if (next.length === 0) await this.kv.deleteMany([LIST, COUNT]);
          else await this.kv.setMany([{ key: LIST, value: next }, { key: COUNT, value: next.length }]);
        }),
      );
      this.batch = batch;
    }
    apply(this.batch.change);
    return this.batch.written;
  }
}

/**
 * The pending events an earlier release kept as one keyv list (Redis): handed over once to the
 * native outbox, then the list goes. Two processes opening at once hand over the same ids: harmless.
 */
export async function takeKeyvEvents(kv: Keyv, adopt: (events: readonly StoredEvent[]) => Promise<void>): Promise<void> {
  const list = (await kv.get(LIST)) as StoredEvent[] | undefined;
  if (!list) return;
  await adopt(list);
  await kv.deleteMany([LIST, COUNT]);
}

let sequence = 0;

/** Sortable by time, and by order of appending within a process; unique across processes. */
export function newEventId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 6;
  return `${at.getTime().toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(6, '0')}-${randomBytes(6).toString('base64url')}`;
}
