// The outbox port and its keyv implementation: durable domain events waiting for their handler.
import { randomBytes } from 'node:crypto';
import type Keyv from 'keyv';
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
  /** Several handled events finished in one store round trip (one script, one statement); unknown ids are ignored. */
  doneMany(ids: readonly string[]): Promise<void>;
  /** /forgetme: drops the member's pending events (they hold the member key). */
  forget(member: string): Promise<void>;
}

/** Where an earlier release kept the pending events, as one keyv list (Redis), and its length. */
const LIST = 'outbox:events';
const COUNT = 'outbox:count';

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

/** Random bytes drawn a batch at a time: a call into the system's generator per event cost more than the rest of the id. */
const POOL_BYTES = 6 * 512;
let pool = Buffer.alloc(0);
let used = 0;

function random6(): string {
  if (used + 6 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += 6;
  return pool.toString('base64url', used - 6, used);
}

/** Sortable by time, and by order of appending within a process; unique across processes. */
export function newEventId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 6;
  return `${at.getTime().toString(36).padStart(9, '0')}-${sequence.toString(36).padStart(6, '0')}-${random6()}`;
}
