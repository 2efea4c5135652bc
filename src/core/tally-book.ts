// Table entries: letters written together at an event, counted by a moderator per case and method,
// kept apart from members' own actions; the port and its SQLite and Redis implementations.
import { randomBytes } from 'node:crypto';
import type { Method } from './drive.js';
import type { SqliteFile } from './store/sqlite-file.js';

export type TableEntry = {
  /** Short and random: what `/tally undo ID` names. */
  id: string;
  driveId: string;
  space: string;
  /** The case the letters were for. */
  appealId: string;
  count: number;
  method: Method;
  /** Up to 200 characters; shown in the moderator's report only (it may tell where a group meets). */
  note: string | null;
  /** The moderator's member key; null after their /forgetme (the count stays). */
  moderator: string | null;
  /** The day the letters were written (YYYY-MM-DD), which may be days before it was entered. */
  date: string;
  recordedAt: string;
};

export type NewTableEntry = Omit<TableEntry, 'id' | 'recordedAt'>;

/** A drive's table counts: the whole, per case (appeal id) and per method. */
export type TableTotals = { total: number; byAppeal: Record<string, number>; byMethod: Partial<Record<Method, number>> };

export const NOTE_MAX = 200;
/** A count above this is asked again before it is entered. */
export const LARGE_COUNT = 10_000;

export interface TallyBook {
  add(entry: NewTableEntry, at: Date): Promise<TableEntry>;
  get(id: string): Promise<TableEntry | undefined>;
  /** Removes one entry; false when there was none. */
  remove(id: string): Promise<boolean>;
  /** A drive's entries, oldest entered first. */
  list(driveId: string): Promise<TableEntry[]>;
  totals(driveId: string): Promise<TableTotals>;
  /** Takes the moderator's key off every entry they made, keeping the counts; returns how many. */
  forgetModerator(member: string): Promise<number>;
  /** The entries that still carry the moderator's key (what /privacy lists), oldest entered first. */
  ofModerator(member: string): Promise<TableEntry[]>;
  /**
   * Deletes a drive's entries for one case (retention), keeping their counts in the drive's totals,
   * as archived actions keep theirs; returns how many were deleted.
   */
  purge(driveId: string, appealId: string): Promise<number>;
}

/** 8 characters from 48 random bits: short enough to type, too many to guess another group's. */
export const newEntryId = () => randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');

/** Sums entries (or rows already summed per case and method) into a drive's table totals. */
export function totalsOf(entries: Iterable<Pick<TableEntry, 'appealId' | 'method' | 'count'>>): TableTotals {
  const totals: TableTotals = { total: 0, byAppeal: {}, byMethod: {} };
  for (const e of entries) {
    totals.total += e.count;
    totals.byAppeal[e.appealId] = (totals.byAppeal[e.appealId] ?? 0) + e.count;
    totals.byMethod[e.method] = (totals.byMethod[e.method] ?? 0) + e.count;
  }
  return totals;
}

// The `tally_entries` table is made by SQLite migration 8 (src/core/store/migrations/sqlite.ts):
// indexed by drive (lists and totals) and by moderator (/forgetme); `tally_archived`, the counts of
// entries the retention sweep deleted, by migration 11.
type Row = { id: string; drive_id: string; space: string; appeal: string; count: number; method: Method; note: string | null; moderator: string | null; date: string; recorded_at: string };

const fromRow = (r: Row): TableEntry => ({ id: r.id, driveId: r.drive_id, space: r.space, appealId: r.appeal, count: r.count, method: r.method, note: r.note, moderator: r.moderator, date: r.date, recordedAt: r.recorded_at });

export class SqliteTallyBook implements TallyBook {
  constructor(private readonly file: SqliteFile) {}

  async add(entry: NewTableEntry, at: Date): Promise<TableEntry> {
    const stored: TableEntry = { ...entry, id: newEntryId(), recordedAt: at.toISOString() };
    await this.file.batch('enter a table count', () =>
      this.file
        .statement('INSERT INTO tally_entries(id, drive_id, space, appeal, count, method, note, moderator, date, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(stored.id, stored.driveId, stored.space, stored.appealId, stored.count, stored.method, stored.note, stored.moderator, stored.date, stored.recordedAt),
    );
    return stored;
  }

  async get(id: string): Promise<TableEntry | undefined> {
    const row = await this.file.run('read a table count', () => this.file.statement('SELECT * FROM tally_entries WHERE id = ?').get(id) as Row | undefined);
    return row && fromRow(row);
  }

  async remove(id: string): Promise<boolean> {
    return this.file.batch('undo a table count', () => this.file.statement('DELETE FROM tally_entries WHERE id = ?').run(id).changes > 0);
  }

  async list(driveId: string): Promise<TableEntry[]> {
    const rows = await this.file.run('list table counts', () => this.file.statement('SELECT * FROM tally_entries WHERE drive_id = ? ORDER BY recorded_at, id').all(driveId) as Row[]);
    return rows.map(fromRow);
  }

  async totals(driveId: string): Promise<TableTotals> {
    type Sum = Pick<TableEntry, 'appealId' | 'method' | 'count'>;
    const rows = await this.file.run(
      'sum table counts',
      () =>
        this.file
          .statement(
            `SELECT appeal AS appealId, method, sum(count) AS count FROM (
               SELECT appeal, method, count FROM tally_entries WHERE drive_id = ?
               UNION ALL SELECT appeal, method, count FROM tally_archived WHERE drive_id = ?)
             GROUP BY appeal, method`,
          )
          .all(driveId, driveId) as Sum[],
    );
    return totalsOf(rows);
  }

  async forgetModerator(member: string): Promise<number> {
    return this.file.run('forget a moderator in table counts', () => this.file.statement('UPDATE tally_entries SET moderator = NULL WHERE moderator = ?').run(member).changes);
  }

  async ofModerator(member: string): Promise<TableEntry[]> {
    const rows = await this.file.run("list a moderator's table counts", () => this.file.statement('SELECT * FROM tally_entries WHERE moderator = ? ORDER BY recorded_at, id').all(member) as Row[]);
    return rows.map(fromRow);
  }

  /** Folds the counts into `tally_archived` and deletes the rows, in one transaction. */
  async purge(driveId: string, appealId: string): Promise<number> {
    return this.file.batch('delete archived table counts', () => {
      this.file
        .statement(
          `INSERT INTO tally_archived(drive_id, appeal, method, count)
           SELECT drive_id, appeal, method, sum(count) FROM tally_entries WHERE drive_id = ? AND appeal = ? GROUP BY method
           ON CONFLICT(drive_id, appeal, method) DO UPDATE SET count = count + excluded.count`,
        )
        .run(driveId, appealId);
      return this.file.statement('DELETE FROM tally_entries WHERE drive_id = ? AND appeal = ?').run(driveId, appealId).changes;
    });
  }
}

/** What the Redis tally book needs of a node-redis client. */
export interface RedisTallyCommands {
  hGetAll(key: string): Promise<Record<string, string>>;
  zRange(key: string, min: number, max: number): Promise<string[]>;
  sMembers(key: string): Promise<string[]>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * Writes the entry's hash, indexes it by drive (scored by entry time) and by moderator, and adds its
 * count to the drive's totals (a hash of `appeal|method` counters), at once.
 */
const ADD = `
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
if KEYS[3] ~= '' then redis.call('SADD', KEYS[3], ARGV[2]) end
redis.call('HINCRBY', KEYS[4], ARGV[3], redis.call('HGET', KEYS[1], 'count'))
return 1`;

/** Removes the entry, its index entries and its count from the totals, when it still exists. */
const REMOVE = `
local e = redis.call('HMGET', KEYS[1], 'appealId', 'method', 'count')
if not e[3] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if KEYS[3] ~= '' then redis.call('SREM', KEYS[3], ARGV[1]) end
local field = e[1] .. '|' .. e[2]
if redis.call('HINCRBY', KEYS[4], field, -tonumber(e[3])) <= 0 then redis.call('HDEL', KEYS[4], field) end
return 1`;

/** KEYS[1] the moderator's set, the rest their entries: clears the moderator field of each, drops the set. */
const FORGET = `
local n = 0
for i = 2, #KEYS do
  if redis.call('HEXISTS', KEYS[i], 'moderator') == 1 then
    redis.call('HSET', KEYS[i], 'moderator', '')
    n = n + 1
  end
end
redis.call('DEL', KEYS[1])
return n`;

/** Deletes an entry and its index entries; its count stays in the drive's totals (retention). */
const PURGE = `
if redis.call('DEL', KEYS[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
if KEYS[3] ~= '' then redis.call('SREM', KEYS[3], ARGV[1]) end
return 1`;

/**
 * On Redis: a hash per entry (`tally:entry:<id>`), a sorted set of entry ids per drive scored by
 * entry time (`tally:drive:<driveId>`), a set per moderator (`tally:moderator:<key>`) and a hash of
 * counters per drive (`tally:totals:<driveId>`, `appeal|method` fields), changed together by one
 * script each.
 */
export class RedisTallyBook implements TallyBook {
  constructor(
    private readonly redis: RedisTallyCommands,
    private readonly prefix: string,
  ) {}

  async add(entry: NewTableEntry, at: Date): Promise<TableEntry> {
    const stored: TableEntry = { ...entry, id: newEntryId(), recordedAt: at.toISOString() };
    const fields = Object.entries(stored).flatMap(([k, v]) => [k, v === null ? '' : String(v)]);
    const keys = [this.entryKey(stored.id), this.driveKey(stored.driveId), stored.moderator ? this.moderatorKey(stored.moderator) : '', this.totalsKey(stored.driveId)];
    await this.redis.eval(ADD, { keys, arguments: [String(at.getTime()), stored.id, `${stored.appealId}|${stored.method}`, ...fields] });
    return stored;
  }

  async get(id: string): Promise<TableEntry | undefined> {
    return entryOf(await this.redis.hGetAll(this.entryKey(id)));
  }

  async remove(id: string): Promise<boolean> {
    const entry = await this.get(id);
    if (!entry) return false;
    const keys = [this.entryKey(id), this.driveKey(entry.driveId), entry.moderator ? this.moderatorKey(entry.moderator) : '', this.totalsKey(entry.driveId)];
    return Number(await this.redis.eval(REMOVE, { keys, arguments: [id] })) > 0;
  }

  async list(driveId: string): Promise<TableEntry[]> {
    const ids = await this.redis.zRange(this.driveKey(driveId), 0, -1);
    const entries = await Promise.all(ids.map((id) => this.get(id)));
    return entries.filter((e): e is TableEntry => e !== undefined);
  }

  /** One read of the drive's counters, whatever the number of entries. */
  async totals(driveId: string): Promise<TableTotals> {
    const counters = await this.redis.hGetAll(this.totalsKey(driveId));
    return totalsOf(
      Object.entries(counters).map(([field, n]) => {
        const bar = field.lastIndexOf('|');
        return { appealId: field.slice(0, bar), method: field.slice(bar + 1) as Method, count: Number(n) };
      }),
    );
  }

  async forgetModerator(member: string): Promise<number> {
    const ids = await this.redis.sMembers(this.moderatorKey(member));
    return Number(await this.redis.eval(FORGET, { keys: [this.moderatorKey(member), ...ids.map(this.entryKey)], arguments: [] }));
  }

  async ofModerator(member: string): Promise<TableEntry[]> {
    const ids = await this.redis.sMembers(this.moderatorKey(member));
    const entries = (await Promise.all(ids.map((id) => this.get(id)))).filter((e): e is TableEntry => e?.moderator === member);
    return entries.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  }

  async purge(driveId: string, appealId: string): Promise<number> {
    let deleted = 0;
    for (const entry of await this.list(driveId)) {
      if (entry.appealId !== appealId) continue;
      const keys = [this.entryKey(entry.id), this.driveKey(driveId), entry.moderator ? this.moderatorKey(entry.moderator) : ''];
      deleted += Number(await this.redis.eval(PURGE, { keys, arguments: [entry.id] }));
    }
    return deleted;
  }

  private entryKey = (id: string) => `${this.prefix}tally:entry:${id}`;
  private driveKey = (driveId: string) => `${this.prefix}tally:drive:${driveId}`;
  private moderatorKey = (member: string) => `${this.prefix}tally:moderator:${member}`;
  private totalsKey = (driveId: string) => `${this.prefix}tally:totals:${driveId}`;
}

function entryOf(hash: Record<string, string>): TableEntry | undefined {
  if (!hash.id) return undefined;
  return {
    id: hash.id,
    driveId: hash.driveId ?? '',
    space: hash.space ?? '',
    appealId: hash.appealId ?? '',
    count: Number(hash.count),
    method: hash.method as Method,
    note: hash.note ? hash.note : null,
    moderator: hash.moderator ? hash.moderator : null,
    date: hash.date ?? '',
    recordedAt: hash.recordedAt ?? '',
  };
}
