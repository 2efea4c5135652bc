import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { RedisClaims, RedisLocks, type RedisKeyCommands } from '../claims.js';
import { StoreError } from '../errors.js';
import { SharedMutex } from '../guard.js';
import { RedisLedger, type RedisCommands } from '../ledger/redis-ledger.js';
import type { Store, StoreOptions } from '../store.js';

/** The node-redis client commands the store itself uses, besides the ledger's and the claims'. */
type RedisAdmin = { info(section: string): Promise<string>; bgRewriteAof(): Promise<unknown> };
type Client = RedisCommands & RedisKeyCommands & RedisAdmin;

/** An AOF rewrite copies the whole data set: at most one a minute. */
const REWRITE_EVERY_MS = 60_000;

export async function openRedis(url: string, options: StoreOptions = {}): Promise<Store> {
  const prefix = options.prefix ?? 'actionbot:';
  const adapter = new KeyvRedis(
    { url, socket: { reconnectStrategy: (retries: number) => (retries > 3 ? false : 200) } },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 3000, namespace: prefix.replace(/:$/, '') },
  );
  adapter.on('error', () => undefined);
  const kv = new Keyv({ store: adapter, namespace: prefix.replace(/:$/, ''), throwOnErrors: true });
  kv.on('error', () => undefined);
  let client: Client;
  try {
    client = (await adapter.getClient()) as unknown as Client;
    await kv.get('health');
  } catch (error) {
    throw new StoreError(`Redis at ${redact(url)} does not answer: ${(error as Error).message}`, { cause: error });
  }
  const scrub = aofRewriter(client);
  return {
    kind: 'redis',
    kv,
    ledger: new RedisLedger(client, prefix, scrub),
    claims: new RedisClaims(client, prefix),
    mutex: new SharedMutex(new RedisLocks(client, prefix)),
    scrub,
    close: async () => {
      scrub.cancel();
      await adapter.disconnect();
    },
  };
}

/**
 * The append-only file keeps deleted values until Redis rewrites it. After a deletion, asks for a
 * rewrite (BGREWRITEAOF) when AOF is on; within a minute of the last one, once that minute is over.
 */
function aofRewriter(client: RedisAdmin): (() => Promise<void>) & { cancel(): void } {
  let last = 0;
  let later: NodeJS.Timeout | undefined;
  const rewrite = async () => {
    const info = await client.info('persistence');
    if (!/^aof_enabled:1/m.test(info)) return;
    last = Date.now();
    await client.bgRewriteAof().catch((error: Error) => {
      // One already running or scheduled copies the current data set too.
      if (!/in progress|already/i.test(error.message)) throw error;
    });
  };
  const scrub = async () => {
    const wait = last + REWRITE_EVERY_MS - Date.now();
    if (wait <= 0) {
      try {
        await rewrite();
      } catch (error) {
        throw new StoreError(`Redis refused an AOF rewrite: ${(error as Error).message}`, { cause: error });
      }
    } else {
      later ??= setTimeout(() => {
        later = undefined;
        void rewrite().catch(() => undefined);
      }, wait).unref();
    }
  };
  return Object.assign(scrub, { cancel: () => clearTimeout(later) });
}

export function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
