// Profiles, saved appeals and appeal scopes with their history in Redis' native
// structures (hashes, sets, sorted sets, lists), each change one script: atomic across processes, no
// lock; and the script runner every Redis repository shares (drives: redis-drives.ts, member reminders: redis-member-reminders.ts).
import { createHash } from 'node:crypto';
import type { AppealChange, AppealScopeRepository, SavedAppealRepository } from '../appeal-scopes.js';
import { StoreError } from '../errors.js';
import type { Profile, ProfileRepository } from '../profiles.js';

/** The node-redis commands the repositories use: every read and change is one script. */
export interface RedisScripts {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/**
 * A plain field read, for the reads on the path of every command (an appeal and its scope): one
 * HGET costs Redis a small fraction of the same read as a script, and needs no atomicity.
 */
export type RedisFieldReads = RedisScripts & { hGet(key: string, field: string): Promise<string | null> };

/** A field read and its refusal named, as `run` does for scripts. */
async function field(redis: RedisFieldReads, what: string, key: string, name: string): Promise<string | null> {
  try {
    return await redis.hGet(key, name);
  } catch (error) {
    throw new StoreError(`Redis refused to ${what}: ${(error as Error).message}`, { cause: error });
  }
}

const shas = new Map<string, string>();
const shaOf = (script: string) => {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
  return sha;
};

/** Where each repository keeps its data under a store prefix (docs/store.md, "Redis keys"). */
export const repositoryKeys = (prefix: string) => ({
  profile: (member: string) => `${prefix}profile:${member}`,
  reminder: (driveId: string, member: string) => `${prefix}reminder:${driveId}:${member}`,
  remindersOfDrive: (driveId: string) => `${prefix}reminders:drive:${driveId}`,
  remindersOfMember: (member: string) => `${prefix}reminders:member:${member}`,
  appealScopes: `${prefix}appeal-scopes`,
  appealHistory: (id: string) => `${prefix}appeal-history:${id}`,
  appealsWithHistory: `${prefix}appeals:with-history`,
  historySequence: `${prefix}appeals:history-seq`,
  savedAppeals: `${prefix}saved-appeals`,
  savedAppealOrder: `${prefix}saved-appeals:order`,
  savedSequence: `${prefix}saved-appeals:seq`,
  drive: (id: string) => `${prefix}drive:${id}`,
  driveCases: (id: string) => `${prefix}drive:${id}:cases`,
  drivesOfSpace: (space: string) => `${prefix}drives:space:${space}`,
  drivesOfAppeal: (appealId: string) => `${prefix}drives:appeal:${appealId}`,
  spaces: `${prefix}spaces`,
  activeDrives: `${prefix}drives:active-set`,
  drivePages: `${prefix}drives:pages`,
  driveSequence: `${prefix}drives:seq`,
});

/** Runs a script by its hash (Redis learns the text on the first NOSCRIPT); a refusal names `what`. */
export async function run(redis: RedisScripts, what: string, script: string, keys: string[], args: string[] = []): Promise<unknown> {
  const options = { keys, arguments: args };
  try {
    return await redis.evalSha(shaOf(script), options).catch((error: Error) => {
      if (!error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(script, options);
    });
  } catch (error) {
    throw new StoreError(`Redis refused to ${what}: ${(error as Error).message}`, { cause: error });
  }
}

export const PUT_HASH = `redis.call('DEL', KEYS[1]) if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end return 1`;
export const GET_HASH = `return redis.call('HGETALL', KEYS[1])`;

export const pairs = (flat: unknown): Record<string, string> => {
  const list = flat as string[];
  const found: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) found[list[i]!] = list[i + 1]!;
  return found;
};

/** A profile is one hash `profile:<member key>`: name, town, country, opening ('1' or '0'). */
export class RedisProfiles implements ProfileRepository {
  private readonly keys;

  constructor(
    private readonly redis: RedisScripts,
    prefix: string,
  ) {
    this.keys = repositoryKeys(prefix);
  }

  async get(member: string): Promise<Profile | undefined> {
    const found = pairs(await run(this.redis, 'read a profile', GET_HASH, [this.keys.profile(member)]));
    if (Object.keys(found).length === 0) return undefined;
    const profile: Profile = {};
    if (found.name !== undefined) profile.name = found.name;
    if (found.town !== undefined) profile.town = found.town;
    if (found.country !== undefined) profile.country = found.country;
    if (found.opening !== undefined) profile.opening = found.opening === '1';
    return profile;
  }

  async put(member: string, profile: Profile): Promise<void> {
    await run(this.redis, 'write a profile', PUT_HASH, [this.keys.profile(member)], profileFields(profile));
  }

  async delete(member: string): Promise<boolean> {
    return Number(await run(this.redis, 'delete a profile', `return redis.call('DEL', KEYS[1])`, [this.keys.profile(member)])) > 0;
  }
}

/** A profile as a hash's field/value list (also what the migration writes). */
export function profileFields(profile: Profile): string[] {
  const fields: string[] = [];
  for (const field of ['name', 'town', 'country'] as const) if (profile[field] !== undefined) fields.push(field, profile[field]!);
  if (profile.opening !== undefined) fields.push('opening', profile.opening ? '1' : '0');
  return fields;
}

/** Entries kept per appeal: older ones fall off (the newest say what the appeal is now). */
const MAX_HISTORY = 200;

// KEYS: the appeal's history list, the sorted set of appeals with history, the sequence; ARGV: id, entry.
export const RECORD_CHANGE = `
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('LTRIM', KEYS[1], -${MAX_HISTORY}, -1)
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1]) end
return 1`;
// KEYS[1]: the sorted set of appeals with history; ARGV[1]: the history key prefix. Every list, in order.
const ALL_HISTORY = `local found = {} for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do table.insert(found, redis.call('LRANGE', ARGV[1] .. id, 0, -1)) end return found`;

/**
 * Scopes are one hash `appeal-scopes` (appeal id -> community); each appeal's changes a list
 * `appeal-history:<id>` of JSON entries (the last 200), and `appeals:with-history` a sorted set of the
 * appeals that have one, in the order of their first change.
 */
export class RedisAppealScopes implements AppealScopeRepository {
  private readonly keys;

  constructor(
    private readonly redis: RedisFieldReads,
    private readonly prefix: string,
  ) {
    this.keys = repositoryKeys(prefix);
  }

  async scopeOf(id: string): Promise<string | undefined> {
    return (await field(this.redis, 'read an appeal scope', this.keys.appealScopes, id)) ?? undefined;
  }

  async scopedIds(community?: string): Promise<string[]> {
    const all = Object.entries(pairs(await run(this.redis, 'read appeal scopes', GET_HASH, [this.keys.appealScopes])));
    return all.filter(([, c]) => community === undefined || c === community).map(([id]) => id).sort();
  }

  async setScope(id: string, community: string | undefined): Promise<void> {
    if (community === undefined) await run(this.redis, 'write an appeal scope', `return redis.call('HDEL', KEYS[1], ARGV[1])`, [this.keys.appealScopes], [id]);
    else await run(this.redis, 'write an appeal scope', `return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])`, [this.keys.appealScopes], [id, community]);
  }

  async record(change: AppealChange): Promise<void> {
    await run(this.redis, 'record an appeal change', RECORD_CHANGE, [this.keys.appealHistory(change.id), this.keys.appealsWithHistory, this.keys.historySequence], [change.id, JSON.stringify(change)]);
  }

  async history(id?: string): Promise<AppealChange[]> {
    const lists =
      id !== undefined
        ? [(await run(this.redis, 'read appeal history', `return redis.call('LRANGE', KEYS[1], 0, -1)`, [this.keys.appealHistory(id)])) as string[]]
        : ((await run(this.redis, 'read appeal history', ALL_HISTORY, [this.keys.appealsWithHistory], [`${this.prefix}appeal-history:`])) as string[][]);
    // A stable sort: changes at the same time keep the order they were made in.
    return lists.flat().map((entry) => JSON.parse(entry) as AppealChange).sort((a, b) => a.at.localeCompare(b.at));
  }
}

// KEYS: the appeals hash, the listing (sorted set), the sequence; ARGV: id, JSON, '1' to list it.
export const PUT_SAVED_APPEAL = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] == '1' and not redis.call('ZSCORE', KEYS[2], ARGV[1]) then redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1]) end
return 1`;

/** Saved appeals: a hash `saved-appeals` (id -> JSON) and the shared catalog's listing, a sorted set in the order first listed. */
export class RedisSavedAppeals implements SavedAppealRepository {
  private readonly keys;

  constructor(
    private readonly redis: RedisFieldReads,
    prefix: string,
  ) {
    this.keys = repositoryKeys(prefix);
  }

  async get(id: string): Promise<unknown> {
    const text = await field(this.redis, 'read an appeal', this.keys.savedAppeals, id);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  }

  async ids(): Promise<string[]> {
    return (await run(this.redis, 'read appeals', `return redis.call('ZRANGE', KEYS[1], 0, -1)`, [this.keys.savedAppealOrder])) as string[];
  }

  async put(id: string, appeal: unknown, list: boolean): Promise<void> {
    await run(this.redis, 'write an appeal', PUT_SAVED_APPEAL, [this.keys.savedAppeals, this.keys.savedAppealOrder, this.keys.savedSequence], [id, JSON.stringify(appeal), list ? '1' : '0']);
  }

  async delete(id: string): Promise<void> {
    await run(this.redis, 'delete an appeal', `redis.call('HDEL', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[1]) return 1`, [this.keys.savedAppeals, this.keys.savedAppealOrder], [id]);
  }
}
