import { randomUUID } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { RedisClaims, RedisLocks, type RedisKeyCommands } from '../claims.js';
import { StoreError } from '../errors.js';
import { takeKeyvEvents } from '../events/outbox.js';
import { RedisOutbox } from '../events/redis-outbox.js';
import { SharedMutex } from '../guard.js';
import { RedisLedger, type RedisCommands } from '../ledger/redis-ledger.js';
import type { Health, Store, StoreOptions } from '../store.js';
import { aofRewriter, type RedisAdmin } from './redis-aof.js';

type Client = RedisCommands &
  RedisKeyCommands &
  RedisAdmin & {
    isReady: boolean;
    get(key: string): Promise<string | null>;
    set(key: string, value: string, options: { NX: true }): Promise<unknown>;
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
  const prefix = options.prefix ?? 'actionbot:';
  const adapter = new KeyvRedis(
    { url, disableOfflineQueue: true, socket: { connectTimeout: 3000, reconnectStrategy: reconnectDelay } },
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
    client = (await adapter.getClient()) as unknown as Client;
    outbox = new RedisOutbox(client, prefix);
    await client.set(marker.key, `${new Date().toISOString()} ${randomUUID()}`, { NX: true });
    marker.value = (await client.get(marker.key)) ?? '';
    await takeKeyvEvents(kv, (events) => outbox.adopt(events));
  } catch (error) {
    await adapter.disconnect(true).catch(() => undefined);
    throw new StoreError(`Redis at ${redact(url)} does not answer: ${(error as Error).message}`, { cause: error });
  }
  const scrub = aofRewriter(client);
  let reset = false;
  const onReset = () => {
    if (reset) return;
    reset = true;
    options.onFault?.(
      `the Redis store at ${redact(url)} was reset: its marker ${marker.key} is gone, so recording has stopped rather than count again from zero; restore Redis from its AOF or RDB backup (README, "Restoring the store"), then restart the bot`,
    );
  };
  const health = async (): Promise<Health> => {
    if (reset) return { ok: false, reason: 'the Redis store was reset (marker gone)' };
    if (!client.isReady) return { ok: false, reason: `Redis at ${redact(url)} is unreachable` };
    try {
      const found = await Promise.race([client.get(marker.key), timeout(HEALTH_TIMEOUT_MS)]);
      if (found !== marker.value) {
        onReset();
        return { ok: false, reason: 'the Redis store was reset (marker gone)' };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `Redis at ${redact(url)} does not answer: ${(error as Error).message}` };
    }
  };
  return {
    kind: 'redis',
    kv,
    ledger: new RedisLedger(client, { prefix, scrub, marker, onReset }),
    claims: new RedisClaims(client, prefix),
    outbox,
    mutex: new SharedMutex(new RedisLocks(client, prefix)),
    scrub,
    health,
    close: async () => {
      scrub.cancel();
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
