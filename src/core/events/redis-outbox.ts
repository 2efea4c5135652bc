// The outbox on Redis in native structures (a hash and a sorted set) changed by scripts, written
// with the ledger's change.
import { createHash } from 'node:crypto';
import { StoreError } from '../errors.js';
import type { DomainEvent, StoredEvent } from './events.js';
import { newEventId, type Outbox } from './outbox.js';

/** The node-redis command the outbox uses: every change is one script, so it is atomic across processes. */
export interface RedisEval {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** The outbox runs its scripts by hash: the relay's read and finish come many times a second. */
export type RedisScriptRunner = RedisEval & { evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown> };

/** Where the outbox lives under a store prefix: the events by id (a hash) and their ids in order (a sorted set, all score 0: id order). */
export function outboxKeys(prefix: string): { events: string; ids: string } {
  return { events: `${prefix}outbox:events-by-id`, ids: `${prefix}outbox:ids` };
}

/** Events as a ledger script takes them with its write: a JSON array of [id, stored event] pairs. */
export function eventsArgument(events: readonly DomainEvent[] | undefined, at: Date): string {
  if (!events?.length) return '';
  return JSON.stringify(events.map((event) => storedPair(event, at)));
}

function storedPair(event: DomainEvent, at: Date): [string, string] {
  const id = newEventId(at);
  const stored: StoredEvent = { id, at: at.toISOString(), due: at.toISOString(), attempts: 0, event };
  return [id, JSON.stringify(stored)];
}

const APPEND = `for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) redis.call('ZADD', KEYS[2], 0, ARGV[i]) end return 1`;
const PENDING = `local ids = redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[1]) - 1) if #ids == 0 then return {} end return redis.call('HMGET', KEYS[1], unpack(ids))`;
const COUNT = `return redis.call('ZCARD', KEYS[2])`;
// Only an event still pending is updated: one finished meanwhile by another process stays finished.
const UPDATE = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1`;
const DONE = `redis.call('HDEL', KEYS[1], unpack(ARGV)) redis.call('ZREM', KEYS[2], unpack(ARGV)) return 1`;
/** Ids per DONE script: Lua's unpack has a stack limit well above this. */
const DONE_CHUNK = 500;
// The member key appears in a recorded event's JSON only: matched on the decoded event, never on the text.
const FORGET = `
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local e = cjson.decode(all[i + 1]).event
  if e.type == 'recorded' and e.member == ARGV[1] then
    redis.call('HDEL', KEYS[1], all[i])
    redis.call('ZREM', KEYS[2], all[i])
  end
end
return 1`;

/**
 * The outbox on Redis in native structures, one event a hash field: appending, finishing or
 * retrying one is a small script, whatever waits, and needs no lock. A ledger script writes the
 * events of its change into the same structures (see redis-scripts.ts), in the same atomic step.
 */
export class RedisOutbox implements Outbox {
  private readonly keys: string[];

  constructor(
    private readonly redis: RedisScriptRunner,
    prefix = 'actionbot:',
  ) {
    const { events, ids } = outboxKeys(prefix);
    this.keys = [events, ids];
  }

  async append(events: readonly DomainEvent[], at: Date): Promise<void> {
    if (events.length === 0) return;
    await this.run(APPEND, events.flatMap((event) => storedPair(event, at)));
  }

  async pending(limit: number): Promise<StoredEvent[]> {
    const values = (await this.run(PENDING, [String(Math.max(1, limit))])) as Array<string | null>;
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as StoredEvent);
  }

  async count(): Promise<number> {
    return Number(await this.run(COUNT, []));
  }

  async retryAt(event: StoredEvent, due: Date): Promise<void> {
    await this.run(UPDATE, [event.id, JSON.stringify({ ...event, attempts: event.attempts + 1, due: due.toISOString() })]);
  }

  async done(id: string): Promise<void> {
    await this.run(DONE, [id]);
  }

  async doneMany(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += DONE_CHUNK) await this.run(DONE, ids.slice(i, i + DONE_CHUNK));
  }

  async forget(member: string): Promise<void> {
    await this.run(FORGET, [member]);
  }

  /** Events an earlier release kept as one keyv list: moved here once, at open. */
  async adopt(stored: readonly StoredEvent[]): Promise<void> {
    if (stored.length > 0) await this.run(APPEND, stored.flatMap((e) => [e.id, JSON.stringify(e)]));
  }

  private async run(script: string, args: string[]): Promise<unknown> {
    const options = { keys: this.keys, arguments: args };
    try {
      // Redis learns the text on the first NOSCRIPT (and again after a restart or SCRIPT FLUSH).
      return await this.redis.evalSha(shaOf(script), options).catch((error: Error) => {
        if (!error.message.startsWith('NOSCRIPT')) throw error;
        return this.redis.eval(script, options);
      });
    } catch (error) {
      throw new StoreError(`Redis refused the outbox command: ${(error as Error).message}`, { cause: error });
    }
  }
}

const shas = new Map<string, string>();
function shaOf(script: string): string {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
  return sha;
}
