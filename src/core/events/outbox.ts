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
  /** A failed attempt: the event stays, to be tried again at `due`. */
  retryAt(event: StoredEvent, due: Date): Promise<void>;
  done(id: string): Promise<void>;
}

const INDEX = 'outbox:index';
const eventKey = (id: string) => `outbox:event:${id}`;

/**
 * The outbox over keyv: one key per event plus an index of ids, changed under the store's mutex
 * (per process on SQLite, a Redis lock across processes). Index changes that arrive while one is
 * being written are grouped into the next write: a burst of 100 actions rewrites the index a few
 * times, not 100.
 */
export class KeyvOutbox implements Outbox {
  private batch: { add: string[]; remove: Set<string>; written: Promise<void> } | undefined;

  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async append(events: readonly DomainEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    const stored = events.map((event): StoredEvent => ({ id: newId(at), at: at.toISOString(), due: at.toISOString(), attempts: 0, event }));
    await guarded('events', async () => {
      await Promise.all(stored.map((item) => this.kv.set(eventKey(item.id), item)));
      await this.changeIndex((batch) => batch.add.push(...stored.map((s) => s.id)));
    });
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    return guarded('events', async () => {
      const ids = (((await this.kv.get(INDEX)) as string[] | undefined) ?? []).slice(0, limit);
      const found = await Promise.all(ids.map((id) => this.kv.get(eventKey(id)) as Promise<StoredEvent | undefined>));
      return found.filter((e): e is StoredEvent => e !== undefined);
    });
  }

  async retryAt(event: StoredEvent, due: Date): Promise<void> {
    await guarded('events', () => this.kv.set(eventKey(event.id), { ...event, attempts: event.attempts + 1, due: due.toISOString() }));
  }

  async done(id: string): Promise<void> {
    await guarded('events', async () => {
      await this.kv.delete(eventKey(id));
      await this.changeIndex((batch) => batch.remove.add(id));
    });
  }

  /** Joins the next index write (one get and one set under the mutex for every change queued until it starts). */
  private changeIndex(change: (batch: NonNullable<KeyvOutbox['batch']>) => void): Promise<void> {
    if (!this.batch) {
      const batch = { add: [] as string[], remove: new Set<string>(), written: Promise.resolve() };
      batch.written = this.mutex.run('outbox', async () => {
        if (this.batch === batch) this.batch = undefined;
        const ids = ((await this.kv.get(INDEX)) as string[] | undefined) ?? [];
        const next = [...ids, ...batch.add].filter((i) => !batch.remove.has(i));
        if (next.length === 0) await this.kv.delete(INDEX);
        else await this.kv.set(INDEX, next);
      });
      this.batch = batch;
    }
    change(this.batch);
    return this.batch.written;
  }
}

/** Sortable by time, unique across processes. */
function newId(at: Date): string {
  return `${at.getTime().toString(36).padStart(9, '0')}-${randomBytes(6).toString('base64url')}`;
}
