import type Keyv from 'keyv';
import type { ClaimStore } from './claims.js';
import { ConfigError } from './errors.js';
import type { Mutex } from './guard.js';
import type { Outbox } from './events/outbox.js';
import type { ActionLedger } from './ledger/ledger.js';
import { openRedis } from './store/redis-store.js';
import { openSqlite } from './store/sqlite-store.js';

export type Health = { ok: true } | { ok: false; reason: string };

/** Everything that persists, opened from one `STORE_URL`. */
export type Store = {
  kind: 'sqlite' | 'redis';
  /** Drives, appeals, schedules, profiles: small documents, one key each. */
  kv: Keyv;
  ledger: ActionLedger;
  claims: ClaimStore;
  /** Serialises changes to shared lists across every process on the store. */
  mutex: Mutex;
  /** The store's own outbox, where it has one (SQLite: a table); otherwise one is kept in `kv`. */
  outbox?: Outbox;
  /**
   * Makes deleted data leave the files: SQLite checkpoints and truncates its WAL; Redis asks for an
   * AOF rewrite (at most once a minute, nothing when AOF is off). Run after deletions.
   */
  scrub(): Promise<void>;
  /** Whether the store can serve now, within about a second: unreachable, reset or damaged says why. */
  health(): Promise<Health>;
  close(): Promise<void>;
  /** SQLite only: deletes expired claims, locks and previews now (it also runs every hour); returns how many. */
  purgeExpired?: () => Promise<number>;
};

export type StoreOptions = {
  /** Redis key prefix (default `actionbot:`). */
  prefix?: string;
  /** Told once, in one line, when the store finds itself damaged or reset while running, or cannot sync to disk. */
  onFault?: (line: string) => void;
  /** SQLite: how the WAL is synced to disk (tests pass one that fails); an fdatasync by default. */
  syncWal?: () => Promise<void>;
};

/** Opens the store named by a `sqlite://path` or `redis://host:port` URL and checks that it answers. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url, options);
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return openRedis(url, options);
  throw new ConfigError('STORE_URL', `expected sqlite://PATH or redis://HOST:PORT, got "${url}"`);
}
