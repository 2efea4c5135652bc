// News items of appeals in Redis' native structures: a hash per item, a sorted set per appeal.
import { crashPoint } from '../crash-points.js';
import { AlreadyHandled } from '../errors.js';
import type { WriteUnit } from '../ledger/ledger.js';
import type { NewsItem, Outcome } from '../news/item.js';
import type { NewsLogRepository } from '../news/log.js';
import { run, type RedisScripts } from './redis-repositories.js';
import { UNIT_LUA, unitCall } from './write-unit.js';

/** Where the news log keeps its data under a store prefix (docs/store.md, "Redis keys"). */
export const newsLogKeys = (prefix: string) => ({
  item: (id: string) => `${prefix}news:item:${id}`,
  itemPrefix: `${prefix}news:item:`,
  ofAppeal: (appealId: string) => `${prefix}news:appeal:${appealId}`,
  sequence: `${prefix}news:seq`,
});

// KEYS: the item's hash, the appeal's sorted set, the sequence. ARGV: how many to keep, the item key
// prefix, the id, then the item's fields. An id already kept changes nothing; the oldest past `kept` go.
export const ADD_NEWS = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[3])
local old = redis.call('ZRANGE', KEYS[2], 0, -(tonumber(ARGV[1]) + 1))
for _, id in ipairs(old) do redis.call('DEL', ARGV[2] .. id) end
if #old > 0 then redis.call('ZREM', KEYS[2], unpack(old)) end
return 1`;
// ADD_NEWS after the unit's keys and arguments (UNIT_LUA), with the delivery's claim and the news's
// events: -1 when the delivery was handled before (nothing written), 0 when the id is kept already.
const ADD_NEWS_CLAIMED = `${UNIT_LUA}
if handled() then return -1 end
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
redis.call('ZADD', KEYS[4], redis.call('INCR', KEYS[5]), ARGV[6])
redis.call('HSET', KEYS[3], unpack(ARGV, 7))
local old = redis.call('ZRANGE', KEYS[4], 0, -(tonumber(ARGV[4]) + 1))
for _, id in ipairs(old) do redis.call('DEL', ARGV[5] .. id) end
if #old > 0 then redis.call('ZREM', KEYS[4], unpack(old)) end
commitUnit()
return 1`;
// KEYS: the appeal's sorted set. ARGV: the item key prefix. Newest first.
const LIST_NEWS = `local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1) local out = {}
for i, id in ipairs(ids) do out[i] = redis.call('HGETALL', ARGV[1] .. id) end return out`;

/** The hash fields of an item: a null community and an absent deadline are absent fields. */
export function newsFields(news: NewsItem): string[] {
  const fields = ['id', news.id, 'appealId', news.appealId, 'outcome', news.outcome, 'text', news.text, 'at', news.at];
  if (news.community !== null) fields.push('community', news.community);
  if (news.deadline) fields.push('deadline', news.deadline);
  return fields;
}

function fromFields(flat: string[]): NewsItem {
  const f: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) f[flat[i]!] = flat[i + 1]!;
  return { id: f.id!, appealId: f.appealId!, community: f.community ?? null, outcome: f.outcome as Outcome, text: f.text!, ...(f.deadline ? { deadline: f.deadline } : {}), at: f.at! };
}

export class RedisNewsLog implements NewsLogRepository {
  private readonly keys;

  constructor(
    private readonly redis: RedisScripts,
    private readonly prefix: string,
  ) {
    this.keys = newsLogKeys(prefix);
  }

  async add(news: NewsItem, kept: number, unit?: WriteUnit): Promise<boolean> {
    const k = this.keys;
    const u = unitCall(this.prefix, unit, new Date(news.at));
    crashPoint('before-write-commit');
    const keys = [...u.keys, k.item(news.id), k.ofAppeal(news.appealId), k.sequence];
    const result = Number(await run(this.redis, 'keep news', ADD_NEWS_CLAIMED, keys, [...u.args, String(kept), k.itemPrefix, news.id, ...newsFields(news)]));
    crashPoint('after-write-commit');
    if (result < 0) throw new AlreadyHandled();
    if (result > 0) unit?.changed?.();
    return result > 0;
  }

  async list(appealId: string): Promise<NewsItem[]> {
    const found = (await run(this.redis, 'read news', LIST_NEWS, [this.keys.ofAppeal(appealId)], [this.keys.itemPrefix])) as string[][];
    return found.filter((flat) => flat.length > 0).map(fromFields);
  }
}
