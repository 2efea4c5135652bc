import { readFile } from 'node:fs/promises';
import { createClient } from '@redis/client';

/** Deletes every key under a test's prefix, so that runs leave the shared Redis as they found it. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
}

type Dumped = { key: string; type: string; ttlMs: number; value: unknown };

/**
 * Loads a Redis dump of tests/fixtures/store (every key a release wrote, `{prefix}` for its prefix)
 * under a fresh prefix, as it was (types, values, time left); `only` picks the keys to load.
 */
export async function loadRedisDump(url: string, file: string, prefix: string, only?: (key: string) => boolean): Promise<void> {
  const dump = JSON.parse(await readFile(file, 'utf8')) as { keys: Dumped[] };
  const client = createClient({ url });
  await client.connect();
  try {
    for (const { key: name, type, ttlMs, value } of dump.keys) {
      if (only && !only(name)) continue;
      const key = name.split('{prefix}').join(prefix);
      if (type === 'string') await client.set(key, value as string);
      else if (type === 'hash') await client.hSet(key, value as Record<string, string>);
      else if (type === 'set') await client.sAdd(key, value as string[]);
      else if (type === 'zset') await client.zAdd(key, value as Array<{ value: string; score: number }>);
      else if (type === 'list') await client.rPush(key, value as string[]);
      else throw new Error(`no loader for ${type}`);
      if (ttlMs > 0) await client.pExpire(key, ttlMs);
    }
  } finally {
    client.destroy();
  }
}
