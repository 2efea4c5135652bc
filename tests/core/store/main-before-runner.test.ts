import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { loadAppealFiles } from '../../../src/core/appeals.js';
import { DriveService } from '../../../src/core/drives.js';
import { NewsLog } from '../../../src/core/news/log.js';
import { openStore, type Store } from '../../../src/core/store.js';
import { REDIS_VERSION } from '../../../src/core/store/migrations/redis.js';
import { SQLITE_VERSION, TABLES } from '../../../src/core/store/migrations/sqlite.js';
import { FakeClock } from '../../support/clock.js';
import { dropPrefix, loadRedisDump } from '../../support/redis.js';

// Made by main at 8515320's own code, before the migration runner (tests/fixtures/store/README.md):
// SQLite schema 3 (tally_entries and followers made at open), drives and news as keyv documents.
const FIXTURES = 'tests/fixtures/store';
type Seen = Record<string, unknown> & { drives: Array<{ id: string }>; table: { first: string } };
const written = JSON.parse(await readFile(join(FIXTURES, 'main-8515320.expected.json'), 'utf8')) as { sqlite: Seen; redis: Seen };
/** That code's cases had no rounds: this code reads each case as in its first round, the rest as that code read it. */
const inRoundOne = (seen: Seen): Seen => ({
  ...seen,
  drives: seen.drives.map((d) => ({ ...d, cases: (d as unknown as { cases: object[] }).cases.map((c) => ({ ...c, round: 1 })) })),
});
const expected = { sqlite: inRoundOne(written.sqlite), redis: inRoundOne(written.redis) };
const clock = new FakeClock('2026-12-01T09:00:00.000Z');
const spaces = ['telegram:-1001', 'slack:T1/C1'];
const BASE = 'ua-34-25';

/** What that code read back, read again through this code. */
async function readBack(store: Store, seen: Seen): Promise<unknown> {
  const drives = new DriveService(store.drives, store.mutex, clock, 'UTC');
  const news = new NewsLog(store.newsLog);
  const campaign = seen.drives.find((d) => (d as { title?: string }).title)!.id;
  return {
    drives: (await drives.all()).sort((a, b) => a.id.localeCompare(b.id)),
    bySpace: Object.fromEntries(await Promise.all(spaces.map(async (s) => [s, (await drives.listIn(s)).map((d) => d.id)]))),
    active: (await drives.allActive()).map((d) => d.id).sort(),
    ended: seen.ended,
    tallies: Object.fromEntries(await Promise.all(['case-a', 'case-b', BASE].map(async (a) => [a, await store.ledger.tally(a)]))),
    table: { entries: await store.tallyBook.list(campaign), totals: await store.tallyBook.totals(campaign), first: seen.table.first },
    followers: { 'case-a': await store.followers.page('case-a', '', 10, clock.now()), [BASE]: await store.followers.page(BASE, '', 10, clock.now()) },
    news: {
      'case-a in telegram:-1001': await news.forSpace('case-a', 'telegram:-1001'),
      'case-a in slack:T1/C1': await news.forSpace('case-a', 'slack:T1/C1'),
      [`${BASE} in slack:T1/C1`]: await news.forSpace(BASE, 'slack:T1/C1'),
    },
  };
}

describe('a SQLite file written by main before the migration runner (schema 3)', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-main-8515320-'));
    file = join(dir, 'actionbot.sqlite');
    await copyFile(join(FIXTURES, 'main-8515320.sqlite'), file);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens with its campaigns, counts, table entries, followers and news unchanged, drives and news moved into tables', async () => {
    const before = new Database(file, { readonly: true });
    expect(before.pragma('user_version', { simple: true })).toBe(3);
    expect(before.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('tally_entries', 'followers', 'profiles')").get()).toEqual({ n: 2 });
    before.close();
    const store = await openStore(`sqlite://${file}`, { clock });
    try {
      expect(await readBack(store, expected.sqlite)).toEqual(expected.sqlite);
      // Not vacuous: a campaign of three with a title, a case goal and an ended case; table entries; followers; news.
      const campaign = expected.sqlite.drives.find((d) => (d as { title?: string }).title) as unknown as { cases: Array<{ goal: number | null; status: string }> };
      expect(campaign.cases.map((c) => [c.goal, c.status])).toEqual([[null, 'active'], [40, 'active'], [null, 'ended']]);
      expect((expected.sqlite.table as unknown as { entries: unknown[] }).entries).toHaveLength(2);
      expect((expected.sqlite.news as Record<string, unknown[]>)['case-a in telegram:-1001']).toHaveLength(2);
      expect(await store.drives.runningAppeal('case-c')).toHaveLength(1);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_VERSION);
      // Every migration it lacked ran: its 3 is not the runner's 3 (profiles).
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      expect(TABLES.filter((t) => !tables.includes(t))).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM drive_cases').get()).toEqual({ n: 5 });
      expect(db.prepare('SELECT count(*) AS n FROM news_items').get()).toEqual({ n: 4 });
      expect(db.prepare('SELECT count(*) AS n FROM tally_entries').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT count(*) AS n FROM followers').get()).toEqual({ n: 2 });
      expect(db.prepare("SELECT count(*) AS n FROM keyv WHERE key LIKE 'actionbot:drive%' OR key LIKE 'actionbot:news:%'").get()).toEqual({ n: 0 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('is migrated once: opened again, nothing is moved twice, and news keeps the newest 10 per appeal', async () => {
    const first = await openStore(`sqlite://${file}`, { clock });
    await first.close();
    const second = await openStore(`sqlite://${file}`, { clock });
    try {
      const news = new NewsLog(second.newsLog);
      expect(await news.forSpace('case-a', 'telegram:-1001')).toEqual((expected.sqlite.news as Record<string, unknown>)['case-a in telegram:-1001']);
      for (let i = 0; i < 12; i++) await news.add({ id: `later-${i}`, appealId: 'case-a', community: null, outcome: 'update', text: `later ${i}`, at: `2026-12-02T0${i % 10}:00:00.000Z` });
      const kept = await news.forSpace('case-a', 'telegram:-1001');
      expect(kept.map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `later-${11 - i}`));
      expect(await news.forSpace(BASE, 'slack:T1/C1')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe('a campaign written by this code', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('comes back with its cases (goal, status, end) and title after the store is opened again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-campaign-row-'));
    const url = `sqlite://${join(dir, 'actionbot.sqlite')}`;
    const { appeals } = await loadAppealFiles('appeals');
    const cases: Appeal[] = ['x-1', 'x-2'].map((id) => ({ ...appeals[0]!, id, deadline: '2099-12-31' }));
    const first = await openStore(url, { clock });
    const drives = new DriveService(first.drives, first.mutex, clock, 'UTC');
    let drive = await drives.start(cases, 'telegram:-7', { title: 'Marathon', goal: 90 });
    drive = await drives.setCaseGoal(drive, 'x-2', 30);
    clock.advance(60_000);
    drive = await drives.endCase(drive, 'x-1');
    await first.close();
    const second = await openStore(url, { clock });
    try {
      const again = await new DriveService(second.drives, second.mutex, clock, 'UTC').get(drive.id);
      expect(again).toEqual(drive);
      expect(again?.title).toBe('Marathon');
      expect(again?.cases).toEqual([
        { appealId: 'x-1', goal: null, status: 'ended', endedAt: '2026-12-01T09:01:00.000Z', round: 1 },
        { appealId: 'x-2', goal: 30, status: 'active', round: 1 },
      ]);
      expect(await second.drives.runningAppeal('x-2')).toEqual([drive.id]);
    } finally {
      await second.close();
    }
  });
});

const url = process.env.REDIS_URL;
describe.skipIf(!url)('a Redis written by main before the migration runner', () => {
  let prefix: string;
  beforeEach(async () => {
    prefix = `test-main-8515320-${process.pid}-${Math.random().toString(36).slice(2)}:`;
    await loadRedisDump(url!, join(FIXTURES, 'main-8515320.redis.json'), prefix);
  });
  afterEach(() => dropPrefix(url!, prefix));

  it('opens with its campaigns, counts, table entries, followers and news unchanged, news lists become hashes and sorted sets', async () => {
    const store = await openStore(url!, { clock, prefix });
    try {
      expect(await readBack(store, expected.redis)).toEqual(expected.redis);
    } finally {
      await store.close();
    }
    const client = createClient({ url });
    await client.connect();
    try {
      expect(await client.get(`${prefix}store:schema`)).toBe(String(REDIS_VERSION));
      expect(await client.type(`${prefix}news:item:n2`)).toBe('hash');
      expect(await client.zRange(`${prefix}news:appeal:case-a`, 0, -1)).toEqual(['n1', 'n2', 'n3']);
      const left: string[] = [];
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) left.push(...keys);
      expect(left.filter((k) => k.includes('::') && /:(drive|drives|drive-page|news):/.test(k))).toEqual([]);
    } finally {
      client.destroy();
    }
  });

  it('runs the news step again without doubling anything (a process that died before recording it)', async () => {
    await (await openStore(url!, { clock, prefix })).close();
    const client = createClient({ url });
    await client.connect();
    try {
      await client.set(`${prefix}store:schema`, String(REDIS_VERSION - 1));
    } finally {
      client.destroy();
    }
    await loadRedisDump(url!, join(FIXTURES, 'main-8515320.redis.json'), prefix, (key) => key.includes('news:log:'));
    const store = await openStore(url!, { clock, prefix });
    try {
      const news = new NewsLog(store.newsLog);
      expect(await news.forSpace('case-a', 'telegram:-1001')).toEqual((expected.redis.news as Record<string, unknown>)['case-a in telegram:-1001']);
      // The newest 10 per appeal are kept; the dropped items' hashes go with them.
      for (let i = 0; i < 12; i++) await news.add({ id: `later-${i}`, appealId: 'case-a', community: null, outcome: 'update', text: `later ${i}`, at: `2026-12-02T0${i % 10}:00:00.000Z` });
      expect((await news.forSpace('case-a', 'telegram:-1001')).map((n) => n.id)).toEqual(Array.from({ length: 10 }, (_, i) => `later-${11 - i}`));
    } finally {
      await store.close();
    }
    const client2 = createClient({ url });
    await client2.connect();
    try {
      expect(await client2.exists([`${prefix}news:item:n1`, `${prefix}news:item:later-1`])).toBe(0);
      expect(await client2.zCard(`${prefix}news:appeal:case-a`)).toBe(10);
    } finally {
      client2.destroy();
    }
  });
});
