// Table entries in Redis' native structures; an entry and its delivery's claim commit in one script.
import { crashPoint } from '../crash-points.js';
import type { Method } from '../drive.js';
import { AlreadyHandled } from '../errors.js';
import type { WriteUnit } from '../ledger/ledger.js';
import { newEntryId, totalsOf, type NewTableEntry, type TableEntry, type TableTotals, type TallyBook } from '../tally-book.js';
import { run } from './redis-repositories.js';
import { UNIT_LUA, unitCall } from './write-unit.js';

/** What the Redis tally book needs of a node-redis client. */
export interface RedisTallyCommands {
  hGetAll(key: string): Promise<Record<string, string>>;
  zRange(key: string, min: number, max: number): Promise<string[]>;
  sMembers(key: string): Promise<string[]>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * Writes the entry's hash, indexes it by drive (scored by entry time) and by moderator, and adds its
 * count to the drive's totals (a hash of `appeal|method` counters), with the delivery's claim, at
 * once (UNIT_LUA: KEYS[1..2] and ARGV[1..3] are the unit's). -1: handled before, nothing written.
 * Redis does not undo a script that fails half-way: the claim comes last, so a failed write leaves
 * the delivery free to be tried again.
 */
const ADD = `${UNIT_LUA}
if handled() then return -1 end
redis.call('HINCRBY', KEYS[6], ARGV[6], ARGV[7])
redis.call('HSET', KEYS[3], unpack(ARGV, 8))
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
if KEYS[5] ~= '' then redis.call('SADD', KEYS[5], ARGV[5]) end
commitUnit()
return 1`;

/**
 * Removes the entry, its index entries and its count from the totals, when it still exists, with
 * the delivery's claim (taken only when it removed one). -1: handled before, nothing removed.
 */
const REMOVE = `${UNIT_LUA}
if handled() then return -1 end
local e = redis.call('HMGET', KEYS[3], 'appealId', 'method', 'count')
if not e[3] then return 0 end
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[4])
if KEYS[5] ~= '' then redis.call('SREM', KEYS[5], ARGV[4]) end
local field = e[1] .. '|' .. e[2]
if redis.call('HINCRBY', KEYS[6], field, -tonumber(e[3])) <= 0 then redis.call('HDEL', KEYS[6], field) end
commitUnit()
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

  async add(entry: NewTableEntry, at: Date, unit?: WriteUnit): Promise<TableEntry> {
    const stored: TableEntry = { ...entry, id: newEntryId(), recordedAt: at.toISOString() };
    const fields = Object.entries(stored).flatMap(([k, v]) => [k, v === null ? '' : String(v)]);
    const keys = [this.entryKey(stored.id), this.driveKey(stored.driveId), stored.moderator ? this.moderatorKey(stored.moderator) : '', this.totalsKey(stored.driveId)];
    const u = unitCall(this.prefix, unit, at);
    crashPoint('before-write-commit');
    const result = Number(await run(this.redis, 'enter a table count', ADD, [...u.keys, ...keys], [...u.args, String(at.getTime()), stored.id, `${stored.appealId}|${stored.method}`, String(stored.count), ...fields]));
    crashPoint('after-write-commit');
    if (result < 0) throw new AlreadyHandled();
    unit?.changed?.();
    return stored;
  }

  async get(id: string): Promise<TableEntry | undefined> {
    return entryOf(await this.redis.hGetAll(this.entryKey(id)));
  }

  async remove(id: string, at: Date, unit?: WriteUnit): Promise<boolean> {
    const entry = await this.get(id);
    // None to remove: a redelivery whose first delivery removed it is told so by its claim.
    const keys = entry
      ? [this.entryKey(id), this.driveKey(entry.driveId), entry.moderator ? this.moderatorKey(entry.moderator) : '', this.totalsKey(entry.driveId)]
      : [this.entryKey(id), '', '', ''];
    const u = unitCall(this.prefix, unit, at);
    crashPoint('before-write-commit');
    const result = Number(await run(this.redis, 'undo a table count', REMOVE, [...u.keys, ...keys], [...u.args, id]));
    crashPoint('after-write-commit');
    if (result < 0) throw new AlreadyHandled();
    if (result > 0) unit?.changed?.();
    return result > 0;
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
