import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rebuildCounters } from '../src/core/store/sqlite-migrate.js';
import { openStore, type Store } from '../src/core/store.js';
import { aDrive } from '../tests/support/drives.js';
import { emit, runConcurrent, summarize, type BenchLine } from './lib.js';

const at = new Date('2026-06-01T12:00:00Z');
const IN_FLIGHT = 256;

async function withSqlite<T>(fn: (store: Store, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-bench-'));
  const file = join(dir, 'bench.sqlite');
  const store = await openStore(`sqlite://${file}`);
  try {
    return await fn(store, file);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The raw insert rate of the same file: the same rows into a table of the same shape as the
 * ledger's (its unique key and time index), through one prepared INSERT on a second connection, one
 * transaction per IN_FLIGHT rows (the size of the ledger's batches under this load); no counters, no
 * idempotency check, no promises. What the ledger is judged against.
 */
function rawInserts(file: string, n: number): BenchLine {
  const db = new Database(file);
  db.exec(`CREATE TABLE IF NOT EXISTS bench_raw(appeal TEXT NOT NULL, member TEXT NOT NULL, method TEXT NOT NULL, at TEXT NOT NULL, space TEXT NOT NULL,
    UNIQUE (member, appeal, method));
    CREATE INDEX IF NOT EXISTS bench_raw_time ON bench_raw(appeal, at)`);
  const insert = db.prepare('INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?)');
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run('ua-raw', `member-${i}`, 'email', at.toISOString(), 'telegram:-100');
  });
  const latencies: number[] = [];
  const started = performance.now();
  for (let from = 0; from < n; from += IN_FLIGHT) {
    const t0 = performance.now();
    batch.immediate(from, Math.min(n, from + IN_FLIGHT));
    latencies.push(performance.now() - t0);
  }
  const wallMs = performance.now() - started;
  db.exec('DROP TABLE bench_raw');
  // Leaves the file as it found it: the WAL of the inserts and the drop is not the ledger's to checkpoint.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const line = summarize('baseline.sqlite.write', latencies, wallMs, { rows: n, rows_per_transaction: IN_FLIGHT });
  return emit({ ...line, n, ops_per_s: Number(((n / wallMs) * 1000).toFixed(1)) });
}

async function ledgerRecord(name: string, store: Store, n: number, appealId: string, extra: Record<string, unknown> = {}, spaces = 1): Promise<BenchLine> {
  // `spaces` > 1: the appeal's drive runs in that many groups (a national drive), the actions spread over them.
  const drives = Array.from({ length: spaces }, (_, i) => aDrive(spaces === 1 ? { appealId } : { appealId, space: `telegram:-${100_000 + i}` }));
  // Warm-up on another appeal, so that the figure is the steady state, not the JIT compiling the path.
  const warm = aDrive({ appealId: `${appealId}-warm-up` });
  await runConcurrent(5_000, IN_FLIGHT, (i) => store.ledger.record({ drive: warm, member: `warm-${i}`, method: 'email', at }));
  if (spaces > 1) await runConcurrent(spaces, IN_FLIGHT, (i) => store.ledger.record({ drive: drives[i]!, member: `seed-${i}`, method: 'email', at }));
  const { latencies, wallMs } = await runConcurrent(n, IN_FLIGHT, (i) => store.ledger.record({ drive: drives[i % spaces]!, member: `member-${i}`, method: 'email', at }));
  const counted = (await store.ledger.tally(appealId)).actions;
  return emit(summarize(name, latencies, wallMs, { in_flight: IN_FLIGHT, counted, ...extra }));
}

/**
 * `reads` tally reads one after another, each after `before(i)` when given (not timed: a write from
 * another connection, so that no read can be served from the ledger's last read). Besides p50/p99
 * it says where slow reads come from: the garbage collector (reads that overlapped a GC pause, from
 * a PerformanceObserver) or the machine (the load average: another process holding the core shows
 * up as a slow read too).
 */
export async function tallyReads(name: string, store: Store, appealId: string, reads: number, before?: (i: number) => Promise<unknown>): Promise<BenchLine> {
  // Warm-up, so that the figure is the steady state, not the JIT compiling the read path.
  for (let i = 0; i < 2_000; i++) await store.ledger.tally(appealId);
  const pauses: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const spans: Array<[number, number]> = [];
  let cpuMs = 0;
  for (let i = 0; i < reads; i++) {
    await before?.(i);
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await store.ledger.tally(appealId);
    spans.push([t0, performance.now()]);
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
  }
  // Entries arrive on a later turn of the loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const latencies = spans.map(([a, b]) => b - a);
  const slow = spans.filter(([a, b]) => b - a >= 1);
  const inGc = slow.filter(([a, b]) => pauses.some(([s, e]) => s < b && e > a)).length;
  const tally = await store.ledger.tally(appealId);
  return emit(
    summarize(name, latencies, latencies.reduce((a, b) => a + b, 0), {
      actions_stored: tally.actions,
      spaces: Object.keys(tally.bySpace).length,
      cpu_ms_per_read: Number((cpuMs / reads).toFixed(4)),
      reads_over_1ms: slow.length,
      of_them_during_gc: inGc,
      gc_pauses: pauses.length,
      gc_max_ms: Number(Math.max(0, ...pauses.map(([s, e]) => e - s)).toFixed(2)),
      loadavg_1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
}

/**
 * The national drive's tally: the million-action appeal in 1,000 more spaces (a write from another
 * connection, as another process makes, in each), then reads each after one more such write.
 */
async function tallyAfterWrites(file: string, store: Store, appealId: string, reads: number): Promise<BenchLine> {
  const other = await openStore(`sqlite://${file}`);
  try {
    const record = (i: number) => other.ledger.record({ drive: aDrive({ appealId, space: `discord:1000000000000${i % 1000}/2000000000000${i % 1000}` }), member: `writer-${i}`, method: 'email', at });
    for (let i = 0; i < 1_000; i++) await record(i);
    return await tallyReads('ledger.tally.sqlite.after_write', store, appealId, reads, (i) => record(1_000 + i));
  } finally {
    await other.close();
  }
}

/**
 * A million stored actions, fast: a direct bulk insert on a second connection (100,000 rows a
 * transaction, 50 spaces) and the migration's counter rebuild, not the ledger.
 */
export function bulkFill(file: string, appealId: string, n: number, memberOf: (i: number) => string = (i) => `bulk-${Math.floor(i / 2)}`): void {
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO ledger_actions(appeal, member, method, at, space) VALUES (?, ?, ?, ?, ?)');
  const methods = ['email', 'post', 'phone', 'social', 'other'];
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const when = new Date(at.getTime() - (i % 2000) * 3_600_000).toISOString();
      insert.run(appealId, memberOf(i), methods[i % 5], when, `telegram:-${i % 50}`);
    }
  });
  for (let from = 0; from < n; from += 100_000) chunk.immediate(from, Math.min(n, from + 100_000));
  db.transaction(() => rebuildCounters(db, appealId)).immediate();
  db.close();
}

async function walBytes(file: string): Promise<number> {
  return (await stat(`${file}-wal`).catch(() => ({ size: 0 }))).size;
}

export async function benchSqlite(n = 20_000, options: { million?: boolean } = {}): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  await withSqlite(async (store, file) => {
    lines.push(rawInserts(file, n));
    lines.push(await ledgerRecord('ledger.record.sqlite', store, n, 'ua-bench', { actions_stored_before: 0 }));
    lines.push(await ledgerRecord('ledger.record.sqlite.1050_spaces', store, n, 'ua-national', { actions_stored_before: 0, spaces: 1_050 }, 1_050));
  });
  if (options.million === false) return lines;
  await withSqlite(async (store, file) => {
    await ledgerRecord('ledger.fill.sqlite', store, 100_000, 'ua-wal');
    const wal = await walBytes(file);
    lines.push(emit({ name: 'wal_bytes', n: 100_000, ops_per_s: 0, p50_ms: 0, p99_ms: 0, wal_bytes: wal, db_bytes: (await stat(file)).size }));
  });
  await withSqlite(async (store, file) => {
    const started = performance.now();
    bulkFill(file, 'ua-big', 1_000_000);
    process.stdout.write(`${JSON.stringify({ name: 'ledger.bulk_fill.sqlite', rows: 1_000_000, ms: Math.round(performance.now() - started) })}\n`);
    lines.push(await tallyReads('ledger.tally.sqlite', store, 'ua-big', 10_000));
    lines.push(await ledgerRecord('ledger.record.sqlite.at_1m', store, n, 'ua-big', { actions_stored_before: 1_000_000 }));
    // Last: it adds 1,000 spaces to the appeal, which the figures above are not about.
    lines.push(await tallyAfterWrites(file, store, 'ua-big', 2_000));
  });
  return lines;
}
