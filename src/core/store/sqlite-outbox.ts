// The outbox as a table of the SQLite file, a row per event.
import type { DomainEvent, StoredEvent } from '../events/events.js';
import { newEventId, type Outbox } from '../events/outbox.js';
import type { SqliteFile } from './sqlite-file.js';

/**
 * Writes events as rows, synchronously, inside whatever transaction is open: the outbox's own
 * append, or a ledger write that commits its events with it.
 */
export function insertEvents(file: SqliteFile, events: readonly DomainEvent[], at: Date): void {
  const when = at.toISOString();
  const insert = file.statement('INSERT INTO outbox(id, at, due, attempts, member, event) VALUES (?, ?, ?, 0, ?, ?)');
  for (const event of events) insert.run(newEventId(at), when, when, event.type === 'recorded' ? event.member : null, JSON.stringify(event));
}

type Row = [id: string, at: string, due: string, attempts: number, event: string];

/**
 * The outbox in its own table of the SQLite file: an event is a row, so appending, finishing or
 * retrying one costs the same however many wait (a list rewritten whole made a burst quadratic).
 * SQLite's lock keeps several processes on one file consistent; handling each event once is the
 * relay's claim.
 */
export class SqliteOutbox implements Outbox {
  constructor(private readonly file: SqliteFile) {}

  async append(events: readonly DomainEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await this.file.batch('write events', () => insertEvents(this.file, events, at));
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    const rows = await this.file.run('read events', () => this.file.statement('SELECT id, at, due, attempts, event FROM outbox ORDER BY id LIMIT ?').raw(true).all(limit) as Row[]);
    return rows.map(([id, at, due, attempts, event]) => ({ id, at, due, attempts, event: JSON.parse(event) as DomainEvent }));
  }

  async count(): Promise<number> {
    return this.file.run('count events', () => (this.file.statement('SELECT count(*) FROM outbox').raw(true).get() as [number])[0]);
  }

  async retryAt(event: StoredEvent, due: Date): Promise<void> {
    await this.file.batch('delay an event', () => this.file.statement('UPDATE outbox SET attempts = ?, due = ? WHERE id = ?').run(event.attempts + 1, due.toISOString(), event.id));
  }

  async done(id: string): Promise<void> {
    await this.file.batch('finish an event', () => this.file.statement('DELETE FROM outbox WHERE id = ?').run(id));
  }

  async doneMany(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // One statement: the ids as a JSON array, so its text (and the cached statement) is the same for any count.
    await this.file.batch('finish events', () => this.file.statement('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids)));
  }

  async forget(member: string): Promise<void> {
    await this.file.run('forget events', () => this.file.statement('DELETE FROM outbox WHERE member = ?').run(member));
  }
}
