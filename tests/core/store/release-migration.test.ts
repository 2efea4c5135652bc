import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppealCatalog, loadAppealFiles } from '../../../src/core/appeals.js';
import { DriveService } from '../../../src/core/drives.js';
import { ProfileStore } from '../../../src/core/profiles.js';
import { MemberReminderStore } from '../../../src/core/reminders/member-reminders.js';
import { openStore, type Store } from '../../../src/core/store.js';
import { REDIS_VERSION } from '../../../src/core/store/migrations/redis.js';
import { SQLITE_VERSION } from '../../../src/core/store/migrations/sqlite.js';
import { FakeClock } from '../../support/clock.js';
import { dropPrefix, loadRedisDump } from '../../support/redis.js';

// Made by release 52edc38's own code (tests/fixtures/store/README.md): its data, and what it read back.
const FIXTURES = 'tests/fixtures/store';
type Seen = Record<string, unknown> & { drives: Array<{ id: string }>; bySpace: Record<string, string[]> };
const released = JSON.parse(await readFile(join(FIXTURES, 'release-52edc38.expected.json'), 'utf8')) as { sqlite: Seen; redis: Seen };

/**
 * The release's drives ran one appeal (`appealId`); this code reads each as a campaign of one: the
 * same drive with `cases: [{ appealId, goal: null, status: 'active', round: 1 }]` and no title. Everything else as the release read it.
 */
const asCampaignOfOne = (seen: Seen): Seen => ({
  ...seen,
  drives: seen.drives.map((d) => {
    const { appealId, ...rest } = d as { id: string; appealId: string };
    return { ...rest, cases: [{ appealId, goal: null, status: 'active', round: 1 }], title: null };
  }),
});
const expected = { sqlite: asCampaignOfOne(released.sqlite), redis: asCampaignOfOne(released.redis) };
const clock = new FakeClock('2026-06-01T09:00:00.000Z');
const spaces = ['telegram:-1001', 'telegram:-1002', 'slack:T1/C1', 'discord:10/20', 'discord:10/21'];

/** What the release read back, read again through this code's services. */
async function readBack(store: Store, seen: Seen): Promise<unknown> {
  const { appeals } = await loadAppealFiles('appeals');
  const catalog = new AppealCatalog(store.kv, appeals, { scopes: store.appealScopes, saved: store.savedAppeals });
  const drives = new DriveService(store.drives, store.mutex, clock, 'UTC');
  const reminders = new MemberReminderStore(store.memberReminders);
  const profiles = new ProfileStore(store.profiles);
  const appealIds = ['ua-34-25', 'shared-c'];
  const firstFour = Object.keys(seen.memberReminders as object);
  return {
    drives: (await drives.all()).sort((a, b) => a.id.localeCompare(b.id)),
    bySpace: Object.fromEntries(await Promise.all(spaces.map(async (s) => [s, (await drives.listIn(s)).map((d) => d.id)]))),
    active: (await drives.allActive()).map((d) => d.id).sort(),
    tallies: Object.fromEntries(await Promise.all(appealIds.map(async (a) => [a, await store.ledger.tally(a)]))),
    rows: Object.fromEntries(await Promise.all(appealIds.map(async (a) => [a, (await store.ledger.export(a)).length]))),
    memberReminders: Object.fromEntries(await Promise.all(firstFour.map(async (id) => [id, (await reminders.forDrive(id)).sort((x, y) => x.member.localeCompare(y.member))]))),
    remindersOfMember3: await reminders.forMember('member-3'),
    profiles: { 'member-1': await profiles.get('member-1'), 'member-2': await profiles.get('member-2'), 'member-3': await profiles.get('member-3') },
    scoped: { all: (await catalog.scopes.scopedIds()).sort(), 'discord:10': await catalog.scopes.scopedIds('discord:10') },
    history: await catalog.scopes.history(),
    appeals: (await catalog.list()).map((a) => [a.id, a.title]),
  };
}

describe('a SQLite data folder written by release 52edc38', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-52edc38-'));
    file = join(dir, 'actionbot.sqlite');
    await copyFile(join(FIXTURES, 'release-52edc38.sqlite'), file);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens with every count, drive, reminder, profile, scope and change unchanged, the documents moved into tables', async () => {
    expect(new Database(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(2);
    const store = await openStore(`sqlite://${file}`, { clock });
    try {
      const seen = await readBack(store, expected.sqlite);
      expect(seen).toEqual(expected.sqlite);
      // Not vacuous: the fixture has what the test says it has.
      expect(expected.sqlite.drives).toHaveLength(10);
      expect(Object.values(expected.sqlite.memberReminders as Record<string, unknown[]>).flat()).toHaveLength(12);
      expect((expected.sqlite.history as unknown[]).length).toBe(6);
      for (const gone of ['profile:member-1', 'mr:drive:' + expected.sqlite.drives[0]!.id, 'appeals:scoped', 'appeals:history', 'appeal-scope:local-a', 'appeal-history:local-b', 'appeal:local-a', 'appeals:imported', 'drives:spaces', 'drives:active', `drive:${expected.sqlite.drives[0]!.id}`]) expect(await store.kv.get(gone)).toBeUndefined();
      // Every drive is found by the appeal it runs.
      expect((await store.drives.runningAppeal('shared-c')).length).toBe(5);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_VERSION);
      expect(db.prepare('SELECT count(*) AS n FROM member_reminders').get()).toEqual({ n: 12 });
      expect(db.prepare('SELECT count(*) AS n FROM drive_cases').get()).toEqual({ n: 10 });
      // Every reference holds: each drive's space is listed, each case's drive exists.
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare("SELECT count(*) AS n FROM keyv WHERE key LIKE 'actionbot:mr:%' OR key LIKE 'actionbot:profile:%' OR key LIKE 'actionbot:appeal%' OR key LIKE 'actionbot:drive%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('is migrated once: opened again and written to, nothing is moved twice', async () => {
    const first = await openStore(`sqlite://${file}`, { clock });
    await first.appealScopes.record({ at: '2026-06-02T00:00:00.000Z', id: 'local-a', who: 'cli', where: 'cli', action: 'kept', changed: [] });
    await first.close();
    const second = await openStore(`sqlite://${file}`, { clock });
    try {
      expect(await second.appealScopes.history('local-a')).toHaveLength(2);
      expect(await second.appealScopes.history()).toHaveLength(7);
      expect(await second.profiles.get('member-1')).toEqual({ name: 'Ana Fixture', town: 'Lyon', country: 'FR', opening: true });
    } finally {
      await second.close();
    }
  });

  it('refuses, in one line, a file written by a newer actionbot, and leaves it as it was', async () => {
    const db = new Database(file);
    db.pragma(`user_version = ${SQLITE_VERSION + 1}`);
    db.close();
    const before = await readFile(file);
    const error = await openStore(`sqlite://${file}`, { clock }).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`was written by a newer actionbot \\(schema ${SQLITE_VERSION + 1}, this one knows up to ${SQLITE_VERSION}\\)`));
    expect(error?.message.split('\n')).toHaveLength(1);
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

const url = process.env.REDIS_URL;
describe.skipIf(!url)('a Redis written by release 52edc38', () => {
  let prefix: string;
  beforeEach(async () => {
    prefix = `test-52edc38-${process.pid}-${Math.random().toString(36).slice(2)}:`;
    await loadRedisDump(url!, join(FIXTURES, 'release-52edc38.redis.json'), prefix);
  });
  afterEach(() => dropPrefix(url!, prefix));

  it('opens with every count, drive, reminder, profile, scope and change unchanged, the documents moved into native structures', async () => {
    const store = await openStore(url!, { clock, prefix });
    try {
      expect(await readBack(store, expected.redis)).toEqual(expected.redis);
      expect(expected.redis.drives).toHaveLength(10);
      for (const gone of ['profile:member-1', 'appeals:scoped', 'appeals:history', 'appeal-scope:local-a', 'appeal-history:local-b', 'appeal:local-a', 'appeals:imported', 'drives:spaces', 'drives:active']) expect(await store.kv.get(gone)).toBeUndefined();
    } finally {
      await store.close();
    }
    const client = createClient({ url });
    await client.connect();
    try {
      expect(await client.get(`${prefix}store:schema`)).toBe(String(REDIS_VERSION));
      expect(await client.type(`${prefix}profile:member-1`)).toBe('hash');
      const left: string[] = [];
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) left.push(...keys);
      expect(left.filter((k) => /:(mr|profile|appeal-scope|appeal-history|appeals:scoped|appeals:history|appeals:imported|appeal:|drive:|drives:|drive-page:)/.test(k) && k.includes('::'))).toEqual([]);
      // A reminder keeps the time it had left.
      const reminder = left.find((k) => k.startsWith(`${prefix}reminder:`))!;
      expect(await client.pTTL(reminder)).toBeGreaterThan(60 * 365 * 24 * 3_600_000);
    } finally {
      client.destroy();
    }
  });

  it('is migrated once when four processes open it at the same moment', async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(url!, { clock, prefix })));
    try {
      expect(await stores[0]!.appealScopes.history()).toEqual(expected.redis.history);
      expect(await stores[3]!.memberReminders.forMember('member-3')).toEqual(expected.redis.remindersOfMember3);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses, in one line, a Redis written by a newer actionbot', async () => {
    const client = createClient({ url });
    await client.connect();
    await client.set(`${prefix}store:schema`, String(REDIS_VERSION + 1));
    client.destroy();
    const error = await openStore(url!, { clock, prefix }).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`^the Redis store at prefix ${prefix} was written by a newer actionbot \\(schema ${REDIS_VERSION + 1}, this one knows up to ${REDIS_VERSION}\\)`));
    expect(error?.message.split('\n')).toHaveLength(1);
  });
});
