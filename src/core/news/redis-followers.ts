// Followers of appeals on Redis in native structures (a hash and a sorted set per appeal, a set per
// member, one expiry index), each change one script.
import { StoreError } from '../errors.js';
import type { RedisEval } from '../events/redis-outbox.js';
import type { Follower, FollowerStore } from './followers.js';

// KEYS: the appeal's hash, its ids, the member's set, the expiry index. ARGV: member, record, appeal, expiry (ms).
const PUT = `redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) redis.call('ZADD', KEYS[2], 0, ARGV[1]) redis.call('SADD', KEYS[3], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3] .. '\\n' .. ARGV[1]) return 1`;
const REMOVE = `local n = redis.call('HDEL', KEYS[1], ARGV[1]) redis.call('ZREM', KEYS[2], ARGV[1]) redis.call('SREM', KEYS[3], ARGV[2])
redis.call('ZREM', KEYS[4], ARGV[2] .. '\\n' .. ARGV[1]) return n`;
const GET = `return redis.call('HGET', KEYS[1], ARGV[1])`;
const PAGE = `local ids = redis.call('ZRANGEBYLEX', KEYS[2], ARGV[1], '+', 'LIMIT', 0, tonumber(ARGV[2])) if #ids == 0 then return {} end return redis.call('HMGET', KEYS[1], unpack(ids))`;
const APPEALS = `return redis.call('SMEMBERS', KEYS[1])`;
const EXPIRED = `return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)`;

/** The same port as the SQLite table; a page is a range of the appeal's sorted set of member keys. */
export class RedisFollowers implements FollowerStore {
  constructor(
    private readonly redis: RedisEval,
    private readonly prefix = 'actionbot:',
  ) {}

  private keys(appealId: string, member: string): string[] {
    const p = this.prefix;
    return [`${p}followers:${appealId}`, `${p}followers:${appealId}:ids`, `${p}following:${member}`, `${p}followers:expiry`];
  }

  async put(f: Follower): Promise<void> {
    await this.run(PUT, this.keys(f.appealId, f.member), [f.member, JSON.stringify(f), f.appealId, String(Date.parse(f.expires))]);
  }

  async get(appealId: string, member: string): Promise<Follower | undefined> {
    const found = (await this.run(GET, this.keys(appealId, member), [member])) as string | null;
    return found ? (JSON.parse(found) as Follower) : undefined;
  }

  async remove(appealId: string, member: string): Promise<boolean> {
    return Number(await this.run(REMOVE, this.keys(appealId, member), [member, appealId])) > 0;
  }

  async forMember(member: string, now: Date): Promise<Follower[]> {
    const appeals = (await this.run(APPEALS, [`${this.prefix}following:${member}`], [])) as string[];
    const found = await Promise.all(appeals.map((a) => this.get(a, member)));
    return found.filter((f): f is Follower => f !== undefined && Date.parse(f.expires) > now.getTime()).sort((a, b) => a.appealId.localeCompare(b.appealId));
  }

  async page(appealId: string, after: string, limit: number, now: Date): Promise<Follower[]> {
    const values = (await this.run(PAGE, this.keys(appealId, ''), [after === '' ? '-' : `(${after}`, String(Math.max(1, limit))])) as Array<string | null>;
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as Follower).filter((f) => Date.parse(f.expires) > now.getTime());
  }

  async forget(member: string): Promise<number> {
    const appeals = (await this.run(APPEALS, [`${this.prefix}following:${member}`], [])) as string[];
    let removed = 0;
    for (const appealId of appeals) if (await this.remove(appealId, member)) removed += 1;
    return removed;
  }

  async purge(now: Date): Promise<number> {
    let removed = 0;
    for (;;) {
      const due = (await this.run(EXPIRED, [`${this.prefix}followers:expiry`], [String(now.getTime())])) as string[];
      if (due.length === 0) return removed;
      for (const entry of due) {
        const [appealId, member] = entry.split('\n') as [string, string];
        await this.remove(appealId, member);
        removed += 1;
      }
    }
  }

  private async run(script: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.redis.eval(script, { keys, arguments: args });
    } catch (error) {
      throw new StoreError(`Redis refused the followers command: ${(error as Error).message}`, { cause: error });
    }
  }
}
