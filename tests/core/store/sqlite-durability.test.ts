import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/time.js';
import { SqliteLedger } from '../../../src/core/ledger/sqlite-ledger.js';
import { SqliteFile } from '../../../src/core/store/sqlite-file.js';
import { ensureSchema } from '../../../src/core/store/sqlite-schema.js';
import { SqliteTallyBook } from '../../../src/core/store/sqlite-tally-book.js';
import { aDrive } from '../../support/drives.js';

const NORMAL = 1;

describe('what the SQLite store syncs to disk', () => {
  let dir: string;
  let file: SqliteFile;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-durable-'));
    file = new SqliteFile(join(dir, 'test.sqlite'));
    ensureSchema(file.db, file.path);
  });
  afterEach(async () => {
    file.close();
    await rm(dir, { recursive: true, force: true });
  });

  const level = () => file.db.pragma('synchronous', { simple: true });

  it('commits claims, caches and the outbox without an fsync each (WAL, NORMAL: safe from any crash of the process)', () => {
    expect(file.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(level()).toBe(NORMAL);
  });

  /** A WAL sync the test lets finish: each call waits for `release()`. */
  function heldSyncs() {
    const held: Array<{ release: () => void; fail: (error: Error) => void }> = [];
    const sync = () => new Promise<void>((resolve, reject) => held.push({ release: resolve, fail: reject }));
    return { held, sync };
  }
  /** Whether the promise has settled within 20 ms. */
  const settled = async <T>(promise: Promise<T>) => {
    let done = false;
    promise.then(
      () => (done = true),
      () => (done = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    return done;
  };
  const at = new Date('2026-06-01T12:00:00Z');

  it('answers a ledger batch only once a WAL sync that began after its commit is done (what members are told is counted survives a power cut)', async () => {
    file.close();
    const { held, sync } = heldSyncs();
    file = new SqliteFile(join(dir, 'test.sqlite'), undefined, sync);
    const ledger = new SqliteLedger(file, systemClock);
    const drive = aDrive();
    const first = ledger.record({ drive, member: 'm1', method: 'email', at });
    expect(await settled(first)).toBe(false);
    expect(held).toHaveLength(1);
    // Committed (a reader sees it), not yet answered: the sync is still running.
    expect((await ledger.tally(drive.appealId)).actions).toBe(1);
    // Two more batches commit while that sync runs: both wait for one more sync, not one each.
    const second = ledger.record({ drive, member: 'm2', method: 'email', at });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const third = ledger.record({ drive, member: 'm3', method: 'email', at });
    expect(await settled(second)).toBe(false);
    expect((await ledger.tally(drive.appealId)).actions).toBe(3);
    held[0]!.release();
    expect((await first).created).toBe(true);
    expect(await settled(Promise.race([second, third]))).toBe(false);
    expect(held).toHaveLength(2);
    held[1]!.release();
    expect((await second).created).toBe(true);
    expect((await third).created).toBe(true);
    expect(held).toHaveLength(2);
    expect(level()).toBe(NORMAL);
  });

  it('does not say counted when the sync fails', async () => {
    file.close();
    const { held, sync } = heldSyncs();
    file = new SqliteFile(join(dir, 'test.sqlite'), undefined, sync);
    const recorded = new SqliteLedger(file, systemClock).record({ drive: aDrive(), member: 'm1', method: 'email', at });
    expect(await settled(recorded)).toBe(false);
    held[0]!.fail(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    await expect(recorded).rejects.toThrow(/could not sync .* to disk: EIO/);
  });

  it('says a table count is entered only once it is synced, and not when the sync fails', async () => {
    file.close();
    const { held, sync } = heldSyncs();
    file = new SqliteFile(join(dir, 'test.sqlite'), undefined, sync);
    const book = new SqliteTallyBook(file);
    const entry = { driveId: 'd1', space: 'telegram:-1', appealId: 'ua-1-26', count: 12, method: 'post' as const, note: null, moderator: 'mod', date: '2026-06-01' };
    const unit = { claim: { key: 'delivery:t', ttlMs: 60_000 } };
    const entered = book.add(entry, at, unit);
    expect(await settled(entered)).toBe(false);
    held[0]!.release();
    expect((await entered).count).toBe(12);
    const failing = book.add(entry, at, { claim: { key: 'delivery:u', ttlMs: 60_000 } });
    expect(await settled(failing)).toBe(false);
    held[1]!.fail(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    await expect(failing).rejects.toThrow(/could not sync .* to disk: EIO/);
  });

  it('syncs the WAL file itself', async () => {
    expect((await new SqliteLedger(file, systemClock).record({ drive: aDrive(), member: 'm1', method: 'email', at })).created).toBe(true);
    await expect(file.synced()).resolves.toBeUndefined();
    // Without its WAL (removed behind SQLite's back) there is nothing to sync: it says so.
    file.close();
    file = new SqliteFile(join(dir, 'other.sqlite'));
    await rm(join(dir, 'other.sqlite-wal'), { force: true });
    await expect(file.synced()).rejects.toThrow(/could not sync .*other\.sqlite to disk: ENOENT/);
  });

  it('groups the writes of one turn of the event loop in one transaction, and a failing one fails alone', async () => {
    file.db.exec('CREATE TABLE t(k TEXT PRIMARY KEY)');
    const insert = (k: string) => () => {
      file.db.prepare('INSERT INTO t(k) VALUES (?)').run(k);
      return file.db.inTransaction;
    };
    // Counts the BEGIN IMMEDIATE transactions the driver is asked for.
    let commits = 0;
    const transaction = file.db.transaction.bind(file.db);
    file.db.transaction = ((fn: (...args: unknown[]) => unknown) => {
      const made = transaction(fn);
      return Object.assign((...args: unknown[]) => made(...args), {
        default: made.default,
        deferred: made.deferred,
        exclusive: made.exclusive,
        immediate: (...args: unknown[]) => (commits++, made.immediate(...args)),
      });
    }) as typeof file.db.transaction;
    const results = await Promise.allSettled([file.batch('a', insert('a')), file.batch('dup', insert('a')), file.batch('b', insert('b'))]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: true });
    expect(results[1]!.status).toBe('rejected');
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/could not dup: SQLITE_CONSTRAINT/);
    expect(results[2]).toEqual({ status: 'fulfilled', value: true });
    expect(file.db.prepare('SELECT k FROM t ORDER BY k').pluck().all()).toEqual(['a', 'b']);
    expect(commits).toBe(1);
  });
});
