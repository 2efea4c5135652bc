import { assertOpen, METHODS, platformOf, type Drive, type Method } from '../drive.js';
import { StoreError } from '../errors.js';
import { emptyTally, type ActionLedger, type ActionRow, type RecordResult, type Tally, type UndoResult } from './ledger.js';

/** The part of a node-redis client this ledger uses (the client `@keyv/redis` exposes). */
export interface RedisCommands {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  sAdd(key: string, member: string): Promise<unknown>;
  sMembers(key: string): Promise<string[]>;
  hGetAll(key: string): Promise<Record<string, string>>;
  hmGet(key: string, fields: string[]): Promise<Array<string | null>>;
  hScan(key: string, cursor: string, options?: { COUNT?: number }): Promise<{ cursor: string; entries: Array<{ field: string; value: string }> }>;
}

// Each script touches only keys of one appeal (one hash tag), so it also runs on a cluster.
const RECORD = `
local f = ARGV[1] .. '|' .. ARGV[2]
if redis.call('HSETNX', KEYS[1], f, ARGV[3]) == 0 then
  return {0, redis.call('HGETALL', KEYS[3])}
end
if redis.call('HINCRBY', KEYS[2], ARGV[1], 1) == 1 then redis.call('HINCRBY', KEYS[3], 'members', 1) end
redis.call('HINCRBY', KEYS[3], 'actions', 1)
redis.call('HINCRBY', KEYS[3], 'm:' .. ARGV[2], 1)
redis.call('HINCRBY', KEYS[3], 's:' .. ARGV[4], 1)
redis.call('HINCRBY', KEYS[3], 'p:' .. ARGV[5], 1)
return {1, redis.call('HGETALL', KEYS[3])}
`;

const REMOVE = `
local function dec(field)
  if redis.call('HINCRBY', KEYS[3], field, -1) <= 0 then redis.call('HDEL', KEYS[3], field) end
end
local removed = 0
for i = 2, #ARGV do
  local f = ARGV[1] .. '|' .. ARGV[i]
  local v = redis.call('HGET', KEYS[1], f)
  if v then
    redis.call('HDEL', KEYS[1], f)
    removed = removed + 1
    local space = string.sub(v, string.find(v, '|', 1, true) + 1)
    dec('actions')
    dec('m:' .. ARGV[i])
    dec('s:' .. space)
    dec('p:' .. string.match(space, '^[^:]+'))
    if redis.call('HINCRBY', KEYS[2], ARGV[1], -1) <= 0 then
      redis.call('HDEL', KEYS[2], ARGV[1])
      dec('members')
    end
  end
end
return {removed, redis.call('HGETALL', KEYS[3])}
`;

/**
 * The scale-out ledger: every change is one Lua script over three hashes per appeal, so any number
 * of processes share one exact count. Tally reads are one HGETALL of a small counter hash.
 */
export class RedisLedger implements ActionLedger {
  constructor(
    private readonly redis: RedisCommands,
    private readonly prefix = 'actionbot:',
  ) {}

  async record(input: { drive: Drive; member: string; method: Method; at: Date }): Promise<RecordResult> {
    const { drive, member, method, at } = input;
    assertOpen(drive, at);
    const [created, flat] = await this.run(RECORD, drive.appealId, [member, method, `${at.toISOString()}|${drive.space}`, drive.space, platformOf(drive.space)]);
    await this.call(() => this.redis.sAdd(this.appealsKey(), drive.appealId));
    return { created: created === 1, tally: parseTally(drive.appealId, flat) };
  }

  async undo(input: { drive: Drive; member: string; method: Method; at: Date }): Promise<UndoResult> {
    const { drive, member, method, at } = input;
    assertOpen(drive, at);
    const [removed, flat] = await this.run(REMOVE, drive.appealId, [member, method]);
    return { removed: removed > 0, tally: parseTally(drive.appealId, flat) };
  }

  async forget(member: string): Promise<number> {
    const appeals = await this.call(() => this.redis.sMembers(this.appealsKey()));
    let removed = 0;
    for (const appealId of appeals) removed += (await this.run(REMOVE, appealId, [member, ...METHODS]))[0];
    return removed;
  }

  async tally(appealId: string): Promise<Tally> {
    const hash = await this.call(() => this.redis.hGetAll(this.keys(appealId)[2]));
    return parseTally(appealId, Object.entries(hash).flat());
  }

  async methodsOf(appealId: string, member: string): Promise<Method[]> {
    const values = await this.call(() => this.redis.hmGet(this.keys(appealId)[0], METHODS.map((m) => `${member}|${m}`)));
    return METHODS.filter((_, i) => values[i] != null);
  }

  async export(appealId: string): Promise<ActionRow[]> {
    const rows: ActionRow[] = [];
    let cursor = '0';
    do {
      const page = await this.call(() => this.redis.hScan(this.keys(appealId)[0], cursor, { COUNT: 1000 }));
      cursor = String(page.cursor);
      for (const { field, value } of page.entries) {
        const [member, method] = field.split('|') as [string, Method];
        const bar = value.indexOf('|');
        const space = value.slice(bar + 1);
        rows.push({ at: value.slice(0, bar), space, platform: platformOf(space), method, member });
      }
    } while (cursor !== '0');
    return rows.sort((a, b) => a.at.localeCompare(b.at));
  }

  private keys(appealId: string): [string, string, string] {
    const base = `${this.prefix}ledger:{${appealId}}`;
    return [`${base}:acts`, `${base}:members`, `${base}:tally`];
  }

  private appealsKey(): string {
    return `${this.prefix}ledger:appeals`;
  }

  private async run(script: string, appealId: string, args: string[]): Promise<[number, string[]]> {
    const reply = await this.call(() => this.redis.eval(script, { keys: this.keys(appealId), arguments: args }));
    const [count, flat] = reply as [number, string[]];
    return [Number(count), flat];
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw new StoreError(`Redis refused the ledger command: ${(error as Error).message}`, { cause: error });
    }
  }
}

function parseTally(appealId: string, flat: string[]): Tally {
  const tally = emptyTally(appealId);
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const field = flat[i]!;
    const n = Number(flat[i + 1]);
    if (field === 'actions') tally.actions = n;
    else if (field === 'members') tally.members = n;
    else if (field.startsWith('m:')) tally.byMethod[field.slice(2) as Method] = n;
    else if (field.startsWith('s:')) tally.bySpace[field.slice(2)] = n;
    else if (field.startsWith('p:')) tally.byPlatform[field.slice(2)] = n;
  }
  return tally;
}

