// A store write that commits with its delivery's claim and its events (a WriteUnit), outside the
// ledger (table entries, news): the SQLite steps and the Redis script prelude they share.
import { claimHash } from '../claims.js';
import { eventsArgument, outboxKeys } from '../events/redis-outbox.js';
import type { WriteUnit } from '../ledger/ledger.js';
import type { SqliteFile } from './sqlite-file.js';
import { insertEvents } from './sqlite-outbox.js';

/**
 * What a claimed SQLite write returns from inside its transaction when its delivery was handled
 * before: a value, not an exception (the file turns exceptions into store errors); the caller
 * throws `AlreadyHandled` once the transaction is over.
 */
export const HANDLED_BEFORE = Symbol('handled before');

/** Inside the write's transaction, before it writes: false when the claim is held (handled before). */
export function claimFree(file: SqliteFile, unit: WriteUnit | undefined, now: number): boolean {
  if (!unit?.claim) return true;
  const expires = file.statement('SELECT expires FROM claims WHERE key = ?').pluck().get(claimHash(unit.claim.key)) as number | undefined;
  return expires === undefined || expires <= now;
}

/**
 * Inside the write's transaction, once it wrote: takes the claim and writes the events. A write
 * that changed nothing (or failed) does not come here, so its delivery stays free.
 */
export function commitUnit(file: SqliteFile, unit: WriteUnit | undefined, at: Date): void {
  if (!unit) return;
  if (unit.claim) {
    file
      .statement('INSERT INTO claims(key, expires) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET expires = excluded.expires')
      .run(claimHash(unit.claim.key), at.getTime() + unit.claim.ttlMs);
  }
  if (unit.onChange?.length) insertEvents(file, unit.onChange, at);
}

/**
 * The Lua every claimed Redis write begins with. KEYS[1], KEYS[2]: the outbox's events hash and id
 * set; ARGV[1]: the claim's key ('' for none), ARGV[2] its lifetime in ms, ARGV[3] the events ('' or
 * a JSON array of [id, stored event] pairs). The write's own keys and arguments follow (KEYS[3..],
 * ARGV[4..]). `handled()` first; `commitUnit()` once the write is done (not when it changed
 * nothing): the claim, the write and its events are one atomic script.
 */
export const UNIT_LUA = `
local function handled() return ARGV[1] ~= '' and redis.call('EXISTS', ARGV[1]) == 1 end
local function commitUnit()
  if ARGV[1] ~= '' then redis.call('SET', ARGV[1], '1', 'PX', ARGV[2]) end
  if ARGV[3] == '' then return end
  for _, pair in ipairs(cjson.decode(ARGV[3])) do
    redis.call('HSET', KEYS[1], pair[1], pair[2])
    redis.call('ZADD', KEYS[2], 0, pair[1])
  end
end
`;

/** What a script written with UNIT_LUA takes first: its keys and arguments for the unit. */
export function unitCall(prefix: string, unit: WriteUnit | undefined, at: Date): { keys: string[]; args: string[] } {
  const { events, ids } = outboxKeys(prefix);
  const claim = unit?.claim;
  // The claim's key as RedisClaims keeps it, so `claims.remaining` reads what the write took.
  return { keys: [events, ids], args: [claim ? `${prefix}claim:${claimHash(claim.key)}` : '', String(claim?.ttlMs ?? 0), eventsArgument(unit?.onChange, at)] };
}
