import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { KeyvClaims, RedisClaims, type ClaimStore } from './claims.js';
import { ConfigError, StoreError } from './errors.js';
import { LocalMutex, SharedMutex, type Mutex } from './guard.js';
import { KeyvLedger } from './ledger/keyv-ledger.js';
import type { ActionLedger } from './ledger/ledger.js';
import { RedisLedger, type RedisCommands } from './ledger/redis-ledger.js';

/** Everything that persists, opened from one `STORE_URL`. */
export type Store = {
  kind: 'sqlite' | 'redis';
  /** Drives, appeals, schedules, profiles: small documents, one key each. */
  kv: Keyv;
  ledger: ActionLedger;
  claims: ClaimStore;
  /** Serialises changes to shared lists: in this process (SQLite), or across processes (Redis). */
  mutex: Mutex;
  close(): Promise<void>;
  /** SQLite only: deletes expired claims and previews now (it also runs every hour); returns how many. */
  purgeExpired?: () => Promise<number>;
};

/** Opens the store named by a `sqlite://path` or `redis://host:port` URL and checks that it answers. */
export async function openStore(url: string, options: { prefix?: string } = {}): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url);
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return openRedis(url, options.prefix ?? 'actionbot:');
  throw new ConfigError('STORE_URL', `expected sqlite://PATH or redis://HOST:PORT, got "${url}"`);
}

async function openSqlite(url: string): Promise<Store> {
  const path = url.slice('sqlite://'.length);
  if (path === '') throw new ConfigError('STORE_URL', 'sqlite:// needs a file path, such as sqlite://./data/actionbot.sqlite');
  if (path !== ':memory:') {
    await mkdir(dirname(resolve(path)), { recursive: true }).catch((error: unknown) => {
      throw new StoreError(`the SQLite store at ${path} cannot be created: ${(error as Error).message}`, { cause: error });
    });
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
  const kv = new Keyv({ store: adapter, namespace: 'actionbot', throwOnErrors: true });
  await check(kv, `the SQLite store at ${path} cannot be opened`);
  // Write-ahead logging: readers (tallies) never wait for a writer, and a commit appends instead of
  // rewriting pages. Every commit is still synced to disk.
  if (path !== ':memory:') await adapter.query('PRAGMA journal_mode=WAL');
  const purge = () => purgeExpired(adapter).catch(() => undefined);
  await purge();
  const sweeper = setInterval(purge, PURGE_EVERY_MS).unref();
  const close = async () => {
    clearInterval(sweeper);
    await kv.disconnect();
  };
  return { kind: 'sqlite', kv, ledger: new KeyvLedger(kv), claims: new KeyvClaims(kv), mutex: new LocalMutex(), close, purgeExpired: () => purgeExpired(adapter) };
}

const PURGE_EVERY_MS = 60 * 60 * 1000;
/** Keys written with a time to live: delivery claims and import previews. */
const EXPIRING = ['actionbot:claim:%', 'actionbot:import:%'];

/**
 * SQLite keeps an expired keyv entry until it is read again, and a delivery's claim never is:
 * without a sweep, every Telegram update id would stay in the file forever.
 */
async function purgeExpired(adapter: KeyvSqlite): Promise<number> {
  let removed = 0;
  for (const pattern of EXPIRING) {
    const rows = (await adapter.query(
      "DELETE FROM keyv WHERE key LIKE ? AND json_valid(value) AND json_extract(value, '$.expires') < ? RETURNING key",
      pattern,
      Date.now(),
    )) as unknown[];
    removed += rows.length;
  }
  return removed;
}

async function openRedis(url: string, prefix: string): Promise<Store> {
  const adapter = new KeyvRedis(
    { url, socket: { reconnectStrategy: (retries: number) => (retries > 3 ? false : 200) } },
    { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 3000, namespace: prefix.replace(/:$/, '') },
  );
  adapter.on('error', () => undefined);
  const kv = new Keyv({ store: adapter, namespace: prefix.replace(/:$/, ''), throwOnErrors: true });
  kv.on('error', () => undefined);
  let client: RedisCommands & ConstructorParameters<typeof RedisClaims>[0];
  try {
    client = (await adapter.getClient()) as unknown as typeof client;
  } catch (error) {
    throw new StoreError(`Redis at ${redact(url)} does not answer: ${(error as Error).message}`, { cause: error });
  }
  await check(kv, `Redis at ${redact(url)} does not answer`);
  const claims = new RedisClaims(client, prefix);
  return {
    kind: 'redis',
    kv,
    ledger: new RedisLedger(client, prefix),
    claims,
    mutex: new SharedMutex(claims),
    close: () => adapter.disconnect(),
  };
}

async function check(kv: Keyv, message: string): Promise<void> {
  try {
    await kv.get('health');
  } catch (error) {
    throw new StoreError(`${message}: ${(error as Error).message}`, { cause: error });
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
