import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@redis/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DELIVERY_LEASE_MS, DELIVERY_TTL_MS } from '../../../src/commands/pipeline/index.js';
import { AlreadyHandled, StoreError } from '../../../src/core/errors.js';
import type { DomainEvent } from '../../../src/core/events/events.js';
import type { WriteUnit } from '../../../src/core/ledger/ledger.js';
import type { NewsItem } from '../../../src/core/news/item.js';
import { openStore, type Store } from '../../../src/core/store.js';
import type { NewTableEntry } from '../../../src/core/tally-book.js';
import { dropPrefix } from '../../support/redis.js';

const at = new Date('2026-12-10T20:00:00Z');
const entry = (over: Partial<NewTableEntry> = {}): NewTableEntry => ({
  driveId: 'd1', space: 'telegram:-1', appealId: 'ua-1-26', count: 37, method: 'post', note: null, moderator: 'mod-key', date: '2026-12-10', ...over,
});
const newsItem = (over: Partial<NewsItem> = {}): NewsItem => ({ id: 'n-1', appealId: 'ua-1-26', community: null, outcome: 'update', text: 'Released!', at: at.toISOString(), ...over });
const event: DomainEvent = { type: 'drive-changed', driveId: 'd1' };

/**
 * A store, and how each makes a write fail half-way: on SQLite a trigger aborts the insert (as a
 * full disk would); on Redis a key of the wrong type makes the script fail.
 */
type Opened = { store: Store; failingEntry: () => Promise<NewTableEntry>; failingNews: () => Promise<NewsItem>; close: () => Promise<void> };
const stores: Array<[string, () => Promise<Opened>]> = [
  [
    'SQLite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'actionbot-claimed-'));
      const file = join(dir, 'test.sqlite');
      const store = await openStore(`sqlite://${file}`);
      const abortInserts = (table: string) => {
        const db = new Database(file);
        db.exec(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
        db.close();
      };
      return {
        store,
        failingEntry: async () => (abortInserts('tally_entries'), entry()),
        failingNews: async () => (abortInserts('news_items'), newsItem()),
        close: async () => {
          await store.close();
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];
const url = process.env.REDIS_URL;
if (url) {
  stores.push([
    'Redis',
    async () => {
      const prefix = `test-${randomUUID()}:`;
      const store = await openStore(url, { prefix });
      const client = createClient({ url });
      await client.connect();
      return {
        store,
        failingEntry: async () => {
          await client.set(`${prefix}tally:totals:d1`, 'not a hash');
          return entry();
        },
        failingNews: async () => {
          await client.set(`${prefix}news:appeal:ua-1-26`, 'not a sorted set');
          return newsItem();
        },
        close: async () => {
          client.destroy();
          await store.close();
          await dropPrefix(url, prefix);
        },
      };
    },
  ]);
} else {
  describe('claimed writes on Redis', () => {
    it.skip('runs when REDIS_URL is set', () => undefined);
  });
}

describe.each(stores)('claimed writes outside the ledger on %s', (_name, openOne) => {
  let opened: Opened;
  let store: Store;
  beforeEach(async () => ({ store } = opened = await openOne()));
  afterEach(() => opened.close());

  let changes = 0;
  const unit = (key: string, onChange: DomainEvent[] = []): WriteUnit => ({ claim: { key, ttlMs: DELIVERY_TTL_MS }, onChange, changed: () => void changes++ });
  beforeEach(() => void (changes = 0));

  it('enters a table count with its claim and event at once; the same claim again enters nothing', async () => {
    const first = await store.tallyBook.add(entry(), at, unit('delivery:a', [event]));
    expect(await store.claims.remaining('delivery:a')).toBeGreaterThan(DELIVERY_LEASE_MS);
    expect(await store.outbox.count()).toBe(1);
    await expect(store.tallyBook.add(entry(), at, unit('delivery:a', [event]))).rejects.toBeInstanceOf(AlreadyHandled);
    expect((await store.tallyBook.list('d1')).map((e) => e.id)).toEqual([first.id]);
    expect((await store.tallyBook.totals('d1')).total).toBe(37);
    expect(await store.outbox.count()).toBe(1);
    expect(changes).toBe(1);
    // Another delivery is another count.
    await store.tallyBook.add(entry({ count: 3 }), at, unit('delivery:b'));
    expect((await store.tallyBook.totals('d1')).total).toBe(40);
  });

  it('undoes a table count once with its claim; an undo that finds nothing leaves its delivery free', async () => {
    const added = await store.tallyBook.add(entry(), at);
    expect(await store.tallyBook.remove('missing', at, unit('delivery:none'))).toBe(false);
    expect(await store.claims.remaining('delivery:none')).toBe(0);
    expect(await store.tallyBook.remove(added.id, at, unit('delivery:undo'))).toBe(true);
    expect(await store.claims.remaining('delivery:undo')).toBeGreaterThan(DELIVERY_LEASE_MS);
    // The redelivery: told it was handled, whether or not the entry still exists.
    await expect(store.tallyBook.remove(added.id, at, unit('delivery:undo'))).rejects.toBeInstanceOf(AlreadyHandled);
    await store.tallyBook.add(entry({ count: 5 }), at);
    expect((await store.tallyBook.totals('d1')).total).toBe(5);
    expect(changes).toBe(1);
  });

  it('leaves the claim free, and nothing entered, when the table count fails', async () => {
    const failing = await opened.failingEntry();
    await expect(store.tallyBook.add(failing, at, unit('delivery:f', [event]))).rejects.toBeInstanceOf(StoreError);
    expect(await store.claims.remaining('delivery:f')).toBe(0);
    expect(await store.tallyBook.list('d1')).toEqual([]);
    expect(await store.outbox.count()).toBe(0);
    expect(changes).toBe(0);
    // Tried again (the redelivery), it is the first: the claim is free.
    expect(await store.claims.claim('delivery:f', 1000)).toBe(true);
  });

  it('keeps news with its claim and its event at once; the same claim again keeps and sends nothing', async () => {
    const news = newsItem();
    expect(await store.newsLog.add(news, 10, unit('delivery:n', [{ type: 'news', news }]))).toBe(true);
    expect(await store.claims.remaining('delivery:n')).toBeGreaterThan(DELIVERY_LEASE_MS);
    await expect(store.newsLog.add(news, 10, unit('delivery:n', [{ type: 'news', news }]))).rejects.toBeInstanceOf(AlreadyHandled);
    expect((await store.newsLog.list('ua-1-26')).map((n) => n.id)).toEqual(['n-1']);
    expect((await store.outbox.pending(10)).map((e) => e.event.type)).toEqual(['news']);
    expect(changes).toBe(1);
  });

  it('leaves the claim free, and no news nor event, when keeping the news fails', async () => {
    const news = await opened.failingNews();
    await expect(store.newsLog.add(news, 10, unit('delivery:nf', [{ type: 'news', news }]))).rejects.toBeInstanceOf(StoreError);
    expect(await store.claims.remaining('delivery:nf')).toBe(0);
    expect(await store.outbox.count()).toBe(0);
    expect(changes).toBe(0);
  });
});
