import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/core/store.js';
import { aDrive } from '../tests/support/drives.js';
import { dropPrefix } from '../tests/support/redis.js';
import { runWorker } from '../tests/support/spawn.js';
import { emit, runConcurrent, summarize, type BenchLine } from './lib.js';

const at = new Date('2026-06-01T12:00:00Z');

async function withSqlite<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-bench-'));
  const store = await openStore(`sqlite://${join(dir, 'bench.sqlite')}`);
  try {
    return await fn(store);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Raw keyv writes of `n` distinct keys, `inFlight` at once: the rate the ledger is compared with. */
async function baselineWrite(name: string, store: Store, n: number, inFlight: number): Promise<BenchLine> {
  const { latencies, wallMs } = await runConcurrent(n, inFlight, (i) => store.kv.set(`baseline:${i}`, { at: at.toISOString(), space: 'telegram:-100' }));
  return emit(summarize(name, latencies, wallMs, { in_flight: inFlight }));
}

async function ledgerRecord(name: string, store: Store, n: number, inFlight: number, appealId: string): Promise<BenchLine> {
  const drive = aDrive({ appealId });
  const { latencies, wallMs } = await runConcurrent(n, inFlight, (i) => store.ledger.record({ drive, member: `member-${i}`, method: 'email', at }));
  const counted = (await store.ledger.tally(appealId)).actions;
  return emit(summarize(name, latencies, wallMs, { in_flight: inFlight, counted }));
}

async function tallyReads(name: string, store: Store, appealId: string, reads: number): Promise<BenchLine> {
  const stored = (await store.ledger.tally(appealId)).actions;
  // Warm-up, so that the figure is the steady state, not the JIT compiling the read path.
  for (let i = 0; i < 2_000; i++) await store.ledger.tally(appealId);
  const { latencies, wallMs } = await runConcurrent(reads, 1, () => store.ledger.tally(appealId));
  return emit(summarize(name, latencies, wallMs, { actions_stored: stored }));
}

export async function benchSqlite(n = 20_000): Promise<BenchLine[]> {
  const baseline = await withSqlite((store) => baselineWrite('baseline.sqlite.write', store, n, 256));
  const record = await withSqlite((store) => ledgerRecord('ledger.record.sqlite', store, n, 256, 'ua-bench'));
  const tally = await withSqlite(async (store) => {
    await ledgerRecord('ledger.fill.sqlite', store, 100_000, 1024, 'ua-big');
    return tallyReads('ledger.tally.sqlite', store, 'ua-big', 2_000);
  });
  return [baseline, record, tally];
}

/** `mode` runs in 4 OS processes at once; returns every latency and the slowest process's time. */
async function fourProcesses(url: string, prefix: string, mode: 'record' | 'baseline', n: number) {
  const perProcess = n / 4;
  const outputs = await Promise.all(
    [0, 1, 2, 3].map((p) => runWorker('bench/record-worker.ts', [mode, url, prefix, String(p * perProcess), String(perProcess), '256'])),
  );
  const parsed = outputs.map((o) => JSON.parse(o) as { latencies: number[]; wallMs: number });
  return { latencies: parsed.flatMap((p) => p.latencies), wallMs: Math.max(...parsed.map((p) => p.wallMs)) };
}

/** Redis: the ledger and raw keyv writes, each from 4 OS processes at once (as shards would run). */
export async function benchRedis(url: string, n = 20_000): Promise<BenchLine[]> {
  const prefix = `bench-${randomUUID()}:`;
  const store = await openStore(url, { prefix });
  try {
    const raw = await fourProcesses(url, prefix, 'baseline', n);
    const baseline = emit(summarize('baseline.redis.write', raw.latencies, raw.wallMs, { processes: 4, in_flight_per_process: 256 }));
    const recorded = await fourProcesses(url, prefix, 'record', n);
    const counted = (await store.ledger.tally('ua-bench')).actions;
    const record = emit(summarize('ledger.record.redis', recorded.latencies, recorded.wallMs, { processes: 4, in_flight_per_process: 256, counted }));
    const tally = await tallyReads('ledger.tally.redis', store, 'ua-bench', 2_000);
    return [baseline, record, tally];
  } finally {
    await store.close();
    await dropPrefix(url, prefix);
  }
}
