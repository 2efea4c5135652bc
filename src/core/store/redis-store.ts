// The Redis store: its client, keyv documents, ledger, claims and locks, health and the reset
// marker.
import { randomUUID } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import { createClient } from '@redis/client';
import Keyv from 'keyv';
import { RedisClaims, RedisLocks, type RedisKeyCommands } from '../claims.js';
import { StoreError } from '../errors.js';
import { takeKeyvEvents } from '../events/outbox.js';
import { migrateRedis } from './migrations/redis.js';
import { RedisNewsLog } from './redis-news-log.js';
import { RedisDrives } from './redis-drives.js';
import { RedisMemberReminders } from './redis-member-reminders.js';
import { RedisAppealScopes, RedisProfiles, RedisSavedAppeals } from './redis-repositories.js';
import { RedisOutbox } from '../events/redis-outbox.js';
import { SharedMutex } from '../guard.js';
import { RedisFollowers } from '../news/redis-followers.js';
import { RedisLedger, type RedisCommands } from '../ledger/redis-ledger.js';
import { RedisTallyBook, type RedisTallyCommands } from './redis-tally-book.js';
import { systemClock } from '../time.js';
import type { Health, Store, StoreOptions } from './types.js';
import { aofRewriter, type RedisAdmin } from './redis-aof.js';
import { ResetGuard } from './reset-guard.js';

type Client = RedisCommands &
  RedisTallyCommands &
  RedisKeyCommands &
  RedisAdmin & {
    isReady: boolean;
    on(event: 'ready', listener: () => void): unknown;
    get(key: string): Promise<string | null>;
    set(key: string, value: string, options?: { NX: true }): Promise<unknown>;
    hGet(key: string, field: string): Promise<string | null>;
  };

/** Reconnection waits: 50 ms doubling up to 2 s, for ever (plus jitter, so processes do not retry in step). */
export function reconnectDelay(retries: number): number {
  return Math.min(50 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
}

const HEALTH_TIMEOUT_MS = 1000;

/**
 * Opens the Redis store. While Redis is away the client reconnects for ever and commands fail at
 * once (no offline queue): members hear "nothing was recorded, try again", and recording works again
 * as soon as Redis answers. A marker written at the store's first use is checked inside every ledger
 * script: a Redis that comes back empty stops recording instead of counting again from zero.
 */
export async function openRedis(url: string, options: StoreOptions = {}): Promise<Store> {
  const clock = options.clock ?? systemClock;
  const prefix = options.prefix ?? 'actionbot:';
  // Our own client, handed to keyv's adapter: the ledger, claims and locks use it directly.
  const redis = createClient({ url, disableOfflineQueue: true, socket: { connectTimeout: 3000, reconnectStrategy: reconnectDelay } });
  const adapter = new KeyvRedis(
    redis,
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 3000, namespace: prefix.replace(/:$/, '') },
  );
  adapter.on('error', () => undefined);
  const kv = new Keyv({ store: adapter, namespace: prefix.replace(/:$/, ''), throwOnErrors: true });
  kv.on('error', () => undefined);
  let client: Client;
  // The outbox in native structures, where the ledger's scripts write a change's events with it.
  let outbox: RedisOutbox;
  const marker = { key: `${prefix}store:marker`, value: '' };
  try {
    await adapter.getClient();
    client = redis;
    outbox = new RedisOutbox(client, prefix);
    await client.set(marker.key, `${clock.now().toISOString()} ${randomUUID()}`, { NX: true });
    marker.value = (await client.get(marker.key)) ?? '';
    await migrateRedis({ redis, prefix, now: clock.now(), adoptKeyvEvents: () => takeKeyvEvents(kv, (events) => outbox.adopt(events)) });
  } catch (error) {
    if (error instanceof StoreError) {
      await adapter.disconnect(true).catch(() => undefined);
      throw error;
    }
    await adapter.disconnect(true).catch(() => undefined);
    throw new StoreError(`Redis at ${redact(url)} does not answer: ${(error as Error).message}`, { cause: error });
  }
  const scrub = aofRewriter(client, `${prefix}store:aof-rewrite-owed`, clock);
  await scrub.resume().catch(() => undefined);
  const guard = new ResetGuard(
    async () => (await client.get(marker.key)) === marker.value,
    () =>
      options.onFault?.(
        `the Redis store at ${redact(url)} was reset: its marker ${marker.key} is gone, so the bot serves nothing rather than count again from zero; restore Redis from its AOF or RDB backup (docs/store.md, "Restoring the store"), then restart the bot`,
      ),
  );
  // Every reconnection may be to a Redis that restarted empty: check before serving anything.
  client.on('ready', () => guard.verify());
  const health = async (): Promise<Health> => {
    if (guard.isReset) return { ok: false, reason: 'the Redis store was reset (marker gone)' };
    if (!client.isReady) return { ok: false, reason: 'Redis is unreachable', detail: `Redis at ${redact(url)} is unreachable` };
    try {
      const found = await Promise.race([client.get(marker.key), timeout(HEALTH_TIMEOUT_MS)]);
      if (found !== marker.value) {
        guard.markReset();
        return { ok: false, reason: 'the Redis store was reset (marker gone)' };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'Redis does not answer', detail: `Redis at ${redact(url)} does not answer: ${(error as Error).message}` };
    }
  };
  return {
    kind: 'redis',
    kv: guard.wrap(kv, { promises: ['get', 'getMany', 'set', 'setMany', 'delete', 'deleteMany', 'has', 'hasMany', 'clear'], iterables: ['iterator'] }),
    ledger: guard.wrap(new RedisLedger(client, { prefix, scrub, marker, onReset: () => guard.markReset() }), {
      promises: ['record', 'undo', 'forget', 'purge', 'tally', 'export', 'series', 'methodsOf'],
      iterables: ['exportRows'],
    }),
    claims: guard.wrap(new RedisClaims(client, prefix), { promises: ['claim', 'release', 'extend', 'remaining'] }),
    tallyBook: guard.wrap(new RedisTallyBook(client, prefix), { promises: ['add', 'get', 'remove', 'list', 'totals', 'forgetModerator'] }),
    outbox: guard.wrap(outbox, { promises: ['append', 'pending', 'count', 'retryAt', 'done', 'doneMany', 'forget', 'adopt'] }),
    followers: guard.wrap(new RedisFollowers(client, prefix), { promises: ['put', 'get', 'remove', 'forMember', 'page', 'forget', 'purge'] }),
    newsLog: guard.wrap(new RedisNewsLog(client, prefix), { promises: ['add', 'list'] }),
    mutex: guard.wrap(new SharedMutex(new RedisLocks(client, prefix)), { promises: ['run'] }),
    drives: guard.wrap(new RedisDrives(client, prefix), { promises: ['get', 'getMany', 'byPage', 'listIn', 'active', 'all', 'any', 'runningAppeal', 'put', 'moveSpace'] }),
    profiles: guard.wrap(new RedisProfiles(client, prefix), { promises: ['get', 'put', 'delete'] }),
    memberReminders: guard.wrap(new RedisMemberReminders(client, prefix), { promises: ['put', 'get', 'forDrive', 'forMember', 'drivesWith', 'remove', 'removeMember'] }),
    appealScopes: guard.wrap(new RedisAppealScopes(client, prefix), { promises: ['scopeOf', 'scopedIds', 'setScope', 'record', 'history'] }),
    savedAppeals: guard.wrap(new RedisSavedAppeals(client, prefix), { promises: ['get', 'ids', 'put', 'delete'] }),
    scrub,
    health,
    close: async () => {
      // A /forgetme within a minute of the last rewrite is owed one: done now, not dropped.
      await scrub.flush(options.closeBoundMs ?? 5_000);
      await adapter.disconnect().catch(() => adapter.disconnect(true));
    },
  };
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref());
}

export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
