// Drives in Redis' native structures: a hash per drive, a set of its cases' appeals, sets of spaces,
// active drives and drives per appeal, each change one script (docs/store.md, "Redis keys").
import type { Drive } from '../drive.js';
import type { DriveRepository } from '../drives.js';
import { appealsOf } from './drive-cases.js';
import { repositoryKeys, run, type RedisScripts } from './redis-repositories.js';

// KEYS: drive hash, its cases set, spaces set, active set, pages hash, sequence.
// ARGV: prefix, id, JSON, space, status, page id or '', then the appeal ids of its cases.
// A stored drive keeps its space; a new one is listed last in its space.
export const PUT_DRIVE = `
local prefix, id = ARGV[1], ARGV[2]
local space = redis.call('HGET', KEYS[1], 'space')
if not space then
  space = ARGV[4]
  redis.call('HSET', KEYS[1], 'space', space)
  redis.call('ZADD', prefix .. 'drives:space:' .. space, redis.call('INCR', KEYS[6]), id)
  redis.call('SADD', KEYS[3], space)
end
redis.call('HSET', KEYS[1], 'drive', ARGV[3], 'status', ARGV[5])
if ARGV[5] == 'active' then redis.call('SADD', KEYS[4], id) else redis.call('SREM', KEYS[4], id) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[5], ARGV[6], id) end
for _, appeal in ipairs(redis.call('SMEMBERS', KEYS[2])) do redis.call('SREM', prefix .. 'drives:appeal:' .. appeal, id) end
redis.call('DEL', KEYS[2])
for i = 7, #ARGV do
  redis.call('SADD', KEYS[2], ARGV[i])
  redis.call('SADD', prefix .. 'drives:appeal:' .. ARGV[i], id)
end
return 1`;
// KEYS: the drives' hashes' prefix is ARGV[1]; returns [drive JSON, space] per id, false for none.
const READ_DRIVES = `
local found = {}
for i = 2, #ARGV do
  local d = redis.call('HMGET', ARGV[1] .. 'drive:' .. ARGV[i], 'drive', 'space')
  if d[1] then table.insert(found, d) else table.insert(found, false) end
end
return found`;
// KEYS[1]: a sorted set or set of drive ids; ARGV[1]: prefix. The drives it lists, in one round trip.
const READ_LISTED_DRIVES = `
local ids
if redis.call('TYPE', KEYS[1]).ok == 'zset' then ids = redis.call('ZRANGE', KEYS[1], 0, -1) else ids = redis.call('SMEMBERS', KEYS[1]) end
local found = {}
for _, id in ipairs(ids) do
  local d = redis.call('HMGET', ARGV[1] .. 'drive:' .. id, 'drive', 'space')
  if d[1] then table.insert(found, d) end
end
return found`;
// KEYS: from's sorted set, to's, spaces set, sequence; ARGV: prefix, from, to.
const MOVE_SPACE = `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
if #ids == 0 then return ids end
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), id)
  redis.call('HSET', ARGV[1] .. 'drive:' .. id, 'space', ARGV[3])
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
return ids`;

/** A stored drive, in the space its hash says (the field `moveSpace` changes). */
const withSpace = ([json, space]: [string, string]): unknown => ({ ...(JSON.parse(json) as object), space });

/**
 * A drive is a hash `drive:<id>` (its JSON, its space, its status); `drives:space:<space>` (a sorted
 * set, oldest first), `spaces`, `drives:active-set`, `drives:pages` (page id -> drive id) and
 * `drives:appeal:<appeal>` (with `drive:<id>:cases`) find them. Each change is one script.
 */
export class RedisDrives implements DriveRepository {
  private readonly keys;

  constructor(
    private readonly redis: RedisScripts,
    private readonly prefix: string,
  ) {
    this.keys = repositoryKeys(prefix);
  }

  async get(id: string): Promise<unknown> {
    return (await this.getMany([id]))[0];
  }

  async getMany(ids: readonly string[]): Promise<unknown[]> {
    if (ids.length === 0) return [];
    const found = (await run(this.redis, 'read drives', READ_DRIVES, [], [this.prefix, ...ids])) as Array<[string, string] | null>;
    return found.map((d) => (d ? withSpace(d) : undefined));
  }

  async byPage(pageId: string): Promise<unknown> {
    const id = (await run(this.redis, 'read a drive page', `return redis.call('HGET', KEYS[1], ARGV[1])`, [this.keys.drivePages], [pageId])) as string | null;
    return id === null ? undefined : this.get(id);
  }

  async listIn(space: string): Promise<unknown[]> {
    return this.listed(this.keys.drivesOfSpace(space));
  }

  async active(): Promise<unknown[]> {
    return this.listed(this.keys.activeDrives);
  }

  async all(): Promise<unknown[]> {
    const spaces = await this.ids(`return redis.call('SMEMBERS', KEYS[1])`, [this.keys.spaces]);
    return (await Promise.all(spaces.sort().map((s) => this.listIn(s)))).flat();
  }

  async any(): Promise<boolean> {
    return Number(await run(this.redis, 'read drives', `return redis.call('SCARD', KEYS[1])`, [this.keys.spaces])) > 0;
  }

  async runningAppeal(appealId: string): Promise<string[]> {
    return (await this.ids(`return redis.call('SMEMBERS', KEYS[1])`, [this.keys.drivesOfAppeal(appealId)])).sort();
  }

  async put(drive: Drive): Promise<void> {
    const keys = [this.keys.drive(drive.id), this.keys.driveCases(drive.id), this.keys.spaces, this.keys.activeDrives, this.keys.drivePages, this.keys.driveSequence];
    await run(this.redis, 'write a drive', PUT_DRIVE, keys, [this.prefix, drive.id, JSON.stringify(drive), drive.space, drive.status, drive.pageId ?? '', ...appealsOf(drive)]);
  }

  async moveSpace(from: string, to: string): Promise<unknown[]> {
    const keys = [this.keys.drivesOfSpace(from), this.keys.drivesOfSpace(to), this.keys.spaces, this.keys.driveSequence];
    const ids = (await run(this.redis, 'move drives', MOVE_SPACE, keys, [this.prefix, from, to])) as string[];
    return this.present(ids);
  }

  /** The drives an index lists (a space's sorted set, the active set), read with it in one script. */
  private async listed(index: string): Promise<unknown[]> {
    return ((await run(this.redis, 'read drives', READ_LISTED_DRIVES, [index], [this.prefix])) as Array<[string, string]>).map(withSpace);
  }

  private async ids(script: string, keys: string[]): Promise<string[]> {
    return (await run(this.redis, 'read drives', script, keys)) as string[];
  }

  private async present(ids: string[]): Promise<unknown[]> {
    return (await this.getMany(ids)).filter((d) => d !== undefined);
  }
}
