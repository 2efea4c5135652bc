import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createClient } from '@keyv/redis';

/** Every file under `dir` (outside `outbox/`, the terminal's stand-in for a private message) that holds one of `needles`, as "file: needle". */
export async function filesHolding(dir: string, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (relative(dir, path) !== 'outbox') await walk(path);
        continue;
      }
      const bytes = await readFile(path);
      for (const needle of needles) {
        // As UTF-8 and as UTF-16 (SQLite may store text either way).
        if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) found.push(`${relative(dir, path)}: ${needle}`);
      }
    }
  };
  await walk(dir);
  return found;
}

/** Every key and value under a Redis prefix that holds one of `needles`. */
export async function redisHolding(url: string, prefix: string, needles: string[]): Promise<string[]> {
  const client = createClient({ url });
  await client.connect();
  const found: string[] = [];
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      for (const key of keys) {
        const dump = await client.dump(key).catch(() => null);
        const type = await client.type(key);
        const value =
          type === 'string' ? await client.get(key)
          : type === 'hash' ? await client.hGetAll(key)
          : type === 'set' ? await client.sMembers(key)
          : type === 'list' ? await client.lRange(key, 0, -1)
          : type === 'zset' ? await client.zRange(key, 0, -1)
          : type;
        const text = `${key}\n${dump ? Buffer.from(dump as unknown as string, 'binary').toString('latin1') : ''}\n${JSON.stringify(value)}`;
        for (const needle of needles) if (text.includes(needle)) found.push(`${key}: ${needle}`);
      }
    }
  } finally {
    client.destroy();
  }
  return found;
}
