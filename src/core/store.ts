// Opens the store a STORE_URL names: SQLite or Redis.
import { ConfigError } from './errors.js';
import { openRedis } from './store/redis-store.js';
import { openSqlite } from './store/sqlite-store.js';
import type { Store, StoreOptions } from './store/types.js';

export type { Health, Store, StoreOptions } from './store/types.js';

/** Opens the store named by a `sqlite://path` or `redis://host:port` URL and checks that it answers. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  if (url.startsWith('sqlite://')) return openSqlite(url, options);
  if (url.startsWith('redis://') || url.startsWith('rediss://')) return openRedis(url, options);
  throw new ConfigError('STORE_URL', `expected sqlite://PATH or redis://HOST:PORT, got "${url}"`);
}
