import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteFile } from '../../../src/core/store/sqlite-file.js';

/*
 * Found in a full run: two processes started on one new SQLite file at the same moment, and one stopped at once with
 * "cannot be opened: SQLITE_BUSY" (switching to WAL needs the lock the other held, and SQLite does not wait for it).
 * Here a worker thread stands for the other process: it holds the file's lock for 300 ms, longer than the 20 ms SQLite
 * waits by itself.
 */
const HOLD_LOCK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.exec('CREATE TABLE IF NOT EXISTS t (x)');
db.exec('BEGIN EXCLUSIVE');
db.exec('INSERT INTO t VALUES (1)');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
db.exec('COMMIT');
db.close();
parentPort.postMessage('released');
`;

describe('opening a SQLite store another process holds', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-open-busy-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('waits for the lock instead of failing with SQLITE_BUSY, then opens in WAL', async () => {
    const path = join(dir, 'test.sqlite');
    const worker = new Worker(HOLD_LOCK, { eval: true, workerData: { path, module: require.resolve('better-sqlite3') } });
    const messages: string[] = [];
    const locked = new Promise<void>((resolve) => worker.on('message', (m: string) => (messages.push(m), m === 'locked' && resolve())));
    await locked;
    const started = Date.now();
    const file = new SqliteFile(path);
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(file.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      file.close();
      await worker.terminate();
    }
  });
});
