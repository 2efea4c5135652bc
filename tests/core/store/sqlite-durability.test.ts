import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLedger } from '../../../src/core/ledger/sqlite-ledger.js';
import { SqliteFile } from '../../../src/core/store/sqlite-file.js';
import { ensureSchema } from '../../../src/core/store/sqlite-schema.js';
import { aDrive } from '../../support/drives.js';

const NORMAL = 1;
const FULL = 2;

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

  it('syncs every ledger batch (what members are told is counted survives a power cut too), and only that', async () => {
    const seen: number[] = [];
    const durably = file.durably.bind(file);
    file.durably = <T>(fn: () => T) => durably(() => (seen.push(level() as number), fn()));
    const ledger = new SqliteLedger(file);
    const drive = aDrive();
    const at = new Date('2026-06-01T12:00:00Z');
    await Promise.all([ledger.record({ drive, member: 'm1', method: 'email', at }), ledger.record({ drive, member: 'm2', method: 'email', at })]);
    await ledger.undo({ drive, member: 'm1', method: 'email', at });
    await ledger.forget('m2');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((l) => l === FULL)).toBe(true);
    expect(level()).toBe(NORMAL);
    expect((await ledger.tally(drive.appealId)).actions).toBe(0);
  });

  it('goes back to NORMAL after a transaction that fails', () => {
    expect(() =>
      file.durably(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(level()).toBe(NORMAL);
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
