// Redis' migrations, numbered: run once at open while the migration lock is held by its owner (and
// renewed), each recorded in `<prefix>store:schema` once done.
import { randomUUID } from 'node:crypto';
import { StoreError } from '../../errors.js';
import { reminderExpiry } from '../../reminders/member-reminders.js';
import { appealsOf } from '../drive-cases.js';
import { PUT_DRIVE } from '../redis-drives.js';
import { PUT_REMINDER, reminderFields } from '../redis-member-reminders.js';
import { PUT_HASH, PUT_SAVED_APPEAL, RECORD_CHANGE, profileFields, repositoryKeys } from '../redis-repositories.js';
import { ADD_NEWS, newsFields, newsLogKeys } from '../redis-news-log.js';
import type { NewsItem } from '../../news/item.js';
import { NEWS_KEPT } from '../../news/log.js';
import { latestVersion, pendingMigrations, type Migration } from './runner.js';

/** The node-redis commands the migrations and their lock use. */
export interface RedisMigrationClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { NX: true; PX: number }): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  pTTL(key: string): Promise<number>;
  unlink(keys: string[]): Promise<unknown>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
}

export type RedisMigrationContext = {
  redis: RedisMigrationClient;
  prefix: string;
  /** The store's clock, read once at open. */
  now: Date;
  /** An earlier release's outbox list, handed to the native outbox (the list goes after). */
  adoptKeyvEvents(): Promise<void>;
};

/**
 * How to add one: append `{ version: n + 1, name, up }` (never renumber or edit a released one). `up`
 * must be safe to run twice (a process that dies mid-way leaves the version unrecorded and the next
 * start runs it again): write the new structure, then delete the old keys. Describe it in
 * docs/store.md ("Migrations").
 */
export const REDIS_MIGRATIONS: ReadonlyArray<Migration<RedisMigrationContext>> = [
  { version: 1, name: 'the outbox list of keyv moves into the native outbox', up: (c) => c.adoptKeyvEvents() },
  {
    version: 2,
    name: 'profile documents become hashes profile:<member>',
    up: async ({ redis, prefix }) => {
      const keys = repositoryKeys(prefix);
      await eachDocument<Record<string, unknown>>(redis, prefix, 'profile:', async (member, value) => {
        const clean = Object.fromEntries(Object.entries(value).filter(([k]) => ['name', 'town', 'country', 'opening'].includes(k)));
        await redis.eval(PUT_HASH, { keys: [keys.profile(member)], arguments: profileFields(clean) });
      });
    },
  },
  {
    version: 3,
    name: 'member reminder documents and their JSON id lists become hashes with a sorted set and a set',
    up: async ({ redis, prefix, now }) => {
      const keys = repositoryKeys(prefix);
      await eachDocument<Record<string, string>>(redis, prefix, 'mr:', async (_, r, ttlMs) => {
        if (typeof r.driveId !== 'string' || typeof r.member !== 'string' || typeof r.due !== 'string' || ttlMs === 0) return;
        const expires = r.expires ?? reminderExpiry(new Date(r.due)).toISOString();
        const reminder = { driveId: r.driveId, member: r.member, platform: r.platform ?? '', userId: r.userId ?? '', due: r.due, expires };
        // The time it had left in keyv; one that had no expiry gets the span up to its own.
        const ttl = ttlMs > 0 ? ttlMs : Math.max(1, Date.parse(expires) - now.getTime());
        await redis.eval(PUT_REMINDER, { keys: [keys.reminder(r.driveId, r.member), keys.remindersOfDrive(r.driveId), keys.remindersOfMember(r.member)], arguments: [r.member, r.driveId, String(ttl), ...reminderFields(reminder)] });
      });
    },
  },
  {
    version: 4,
    name: 'appeal scope and history documents become a hash, lists and a sorted set',
    up: async ({ redis, prefix }) => {
      const keys = repositoryKeys(prefix);
      await eachDocument<unknown>(redis, prefix, 'appeal-scope:', async (id, community) => {
        if (typeof community === 'string') await redis.eval(`return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])`, { keys: [keys.appealScopes], arguments: [id, community] });
      });
      // In the release's order of appeals (its `appeals:history` list), so equal times keep their order.
      const order = await readDocument<string[]>(redis, prefix, 'appeals:history');
      const lists = new Map<string, unknown>();
      await eachDocument<unknown>(redis, prefix, 'appeal-history:', async (id, list) => void lists.set(id, list), false);
      for (const id of new Set([...(order ?? []), ...[...lists.keys()].sort()])) {
        const list = lists.get(id);
        if (!Array.isArray(list)) continue;
        // Written again from the start on a second run, so nothing is doubled.
        await redis.unlink([keys.appealHistory(id)]);
        for (const change of list as AppealChangeLike[]) {
          await redis.eval(RECORD_CHANGE, { keys: [keys.appealHistory(id), keys.appealsWithHistory, keys.historySequence], arguments: [id, JSON.stringify(change)] });
        }
      }
      await redis.unlink([...lists.keys()].map((id) => keyvKey(prefix, `appeal-history:${id}`)).concat(keyvKey(prefix, 'appeals:history'), keyvKey(prefix, 'appeals:scoped')));
    },
  },
  {
    version: 5,
    name: 'saved appeal documents and their JSON id list become a hash and a sorted set',
    up: async ({ redis, prefix }) => {
      const keys = repositoryKeys(prefix);
      const order = (await readDocument<string[]>(redis, prefix, 'appeals:imported')) ?? [];
      const documents = new Map<string, unknown>();
      await eachDocument<unknown>(redis, prefix, 'appeal:', async (id, appeal) => void documents.set(id, appeal), false);
      for (const id of new Set([...order, ...[...documents.keys()].sort()])) {
        if (documents.has(id)) await redis.eval(PUT_SAVED_APPEAL, { keys: [keys.savedAppeals, keys.savedAppealOrder, keys.savedSequence], arguments: [id, JSON.stringify(documents.get(id)), order.includes(id) ? '1' : '0'] });
      }
      await redis.unlink([...documents.keys()].map((id) => keyvKey(prefix, `appeal:${id}`)).concat(keyvKey(prefix, 'appeals:imported')));
    },
  },
  {
    version: 6,
    name: 'drive documents and their JSON id lists become hashes, sorted sets and sets',
    up: async ({ redis, prefix }) => {
      const keys = repositoryKeys(prefix);
      const documents = new Map<string, Record<string, unknown>>();
      await eachDocument<Record<string, unknown>>(redis, prefix, 'drive:', async (id, drive) => void documents.set(id, drive), false);
      const lists = new Map<string, unknown>();
      await eachDocument<unknown>(redis, prefix, 'drives:', async (name, list) => void lists.set(name, list), false);
      // The release's order: spaces as listed, each space's drives as listed; then any drive a list lost.
      const spaces = Array.isArray(lists.get('spaces')) ? (lists.get('spaces') as string[]) : [];
      const ordered = spaces.flatMap((space) => (Array.isArray(lists.get(space)) ? (lists.get(space) as string[]) : []));
      for (const id of new Set([...ordered, ...[...documents.keys()].sort()])) {
        const d = documents.get(id);
        if (!d || typeof d.space !== 'string') continue;
        // PUT_DRIVE lists a drive in its space only once: a second run changes nothing.
        const driveKeys = [keys.drive(id), keys.driveCases(id), keys.spaces, keys.activeDrives, keys.drivePages, keys.driveSequence];
        await redis.eval(PUT_DRIVE, { keys: driveKeys, arguments: [prefix, id, JSON.stringify(d), d.space, String(d.status ?? 'active'), typeof d.pageId === 'string' ? d.pageId : '', ...appealsOf(d)] });
      }
      const pages: string[] = [];
      for await (const page of redis.scanIterator({ MATCH: `${globEscape(keyvKey(prefix, 'drive-page:'))}*`, COUNT: 1000 })) pages.push(...page);
      const old = [...documents.keys()].map((id) => keyvKey(prefix, `drive:${id}`)).concat([...lists.keys()].map((name) => keyvKey(prefix, `drives:${name}`)), pages);
      if (old.length > 0) await redis.unlink(old);
    },
  },
  // Main's tally book and followers (issues 28 and 30) were native structures from the start: no step.
  {
    version: 7,
    name: 'news lists kept as keyv documents become a hash per item and a sorted set per appeal',
    up: async ({ redis, prefix }) => {
      const keys = newsLogKeys(prefix);
      // `news:log:<appeal>` held the appeal's items newest first: added oldest first, so the order stays.
      // ADD_NEWS leaves an item already there as it is: a second run doubles nothing.
      await eachDocument<unknown>(redis, prefix, 'news:log:', async (appealId, list) => {
        if (!Array.isArray(list)) return;
        for (const n of [...(list as NewsItem[])].reverse()) {
          if (typeof n.id !== 'string' || typeof n.text !== 'string') continue;
          const news: NewsItem = { ...n, appealId, community: typeof n.community === 'string' ? n.community : null };
          await redis.eval(ADD_NEWS, { keys: [keys.item(n.id), keys.ofAppeal(appealId), keys.sequence], arguments: [String(NEWS_KEPT), keys.itemPrefix, n.id, ...newsFields(news)] });
        }
      });
    },
  },
];

type AppealChangeLike = Record<string, unknown>;

export const REDIS_VERSION = latestVersion(REDIS_MIGRATIONS);

/** The migration lock lasts this long unless renewed; its owner renews it every third of it. */
const LOCK_MS = 15_000;
/** How long a start waits for another process's migrations. */
const WAIT_MS = 120_000;

/**
 * Brings Redis under `prefix` to REDIS_VERSION. The version is read first (a current store costs one
 * GET); otherwise the lock `<prefix>lock:migrations` is taken with an owner token, renewed while the
 * steps run, and released by compare-and-delete; the version is read again under it, each step
 * recorded once done. Another process starting meanwhile waits for the lock, then finds it current.
 */
export async function migrateRedis(context: RedisMigrationContext): Promise<{ from: number; to: number }> {
  const { redis, prefix } = context;
  const versionKey = `${prefix}store:schema`;
  const store = `the Redis store at prefix ${prefix}`;
  const read = async () => Number((await redis.get(versionKey)) ?? '0');
  const first = await read();
  pendingMigrations(REDIS_MIGRATIONS, first, store);
  if (first === REDIS_VERSION) return { from: first, to: first };
  const lock = `${prefix}lock:migrations`;
  const owner = randomUUID();
  const started = performance.now();
  while ((await redis.set(lock, owner, { NX: true, PX: LOCK_MS })) !== 'OK') {
    if (performance.now() - started > WAIT_MS) throw new StoreError(`${store}: another process held the migration lock for ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let lost = false;
  const renew = setInterval(() => {
    void redis.eval(RENEW, { keys: [lock], arguments: [owner, String(LOCK_MS)] }).then(
      (held) => (lost ||= Number(held) !== 1),
      () => undefined,
    );
  }, LOCK_MS / 3);
  try {
    const from = await read();
    for (const migration of pendingMigrations(REDIS_MIGRATIONS, from, store)) {
      if (lost) throw new StoreError(`${store}: the migration lock was lost while migrating; start again`);
      await migration.up(context);
      await redis.set(versionKey, String(migration.version));
    }
    return { from, to: REDIS_VERSION };
  } finally {
    clearInterval(renew);
    await redis.eval(COMPARE_AND_DELETE, { keys: [lock], arguments: [owner] }).catch(() => undefined);
  }
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const COMPARE_AND_DELETE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** The Redis key keyv (with @keyv/redis, namespace = prefix without its colon) gives a document. */
export function keyvKey(prefix: string, name: string): string {
  const namespace = prefix.replace(/:$/, '');
  return `${namespace}::${namespace}:${name}`;
}

const globEscape = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

async function readDocument<T>(redis: RedisMigrationClient, prefix: string, name: string): Promise<T | undefined> {
  const text = await redis.get(keyvKey(prefix, name));
  return text === null ? undefined : parseDocument<T>(text);
}

function parseDocument<T>(text: string): T | undefined {
  try {
    return (JSON.parse(text) as { value?: T }).value ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `move` for each keyv document whose name starts with `start` (the rest of the name, the value,
 * its time left in ms: -1 for none, 0 when gone meanwhile), then deletes the documents (unless `remove` is false).
 */
async function eachDocument<T>(redis: RedisMigrationClient, prefix: string, start: string, move: (rest: string, value: T, ttlMs: number) => Promise<void>, remove = true): Promise<void> {
  const full = keyvKey(prefix, start);
  const keys: string[] = [];
  for await (const page of redis.scanIterator({ MATCH: `${globEscape(full)}*`, COUNT: 1000 })) keys.push(...page);
  for (const key of keys.sort()) {
    const text = await redis.get(key);
    const value = text === null ? undefined : parseDocument<T>(text);
    const ttl = await redis.pTTL(key);
    if (value !== undefined) await move(key.slice(full.length), value, ttl === -2 ? 0 : ttl);
  }
  if (remove && keys.length > 0) await redis.unlink(keys);
}
