import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { openStore } from '../src/core/store.js';
import { dropPrefix } from '../tests/support/redis.js';
import { runWorker } from '../tests/support/spawn.js';
import { emit, summarize, type BenchLine } from './lib.js';
import { tallyReads } from './sqlite-store.js';

export { benchSqlite } from './sqlite-store.js';

/** `mode` runs in 4 OS processes at once from member `first`; returns every latency and the slowest process's time. */
async function fourProcesses(url: string, prefix: string, mode: 'record' | 'baseline', n: number, first = 0) {
  const perProcess = n / 4;
  const outputs = await Promise.all(
    [0, 1, 2, 3].map((p) => runWorker('bench/record-worker.ts', [mode, url, prefix, String(first + p * perProcess), String(perProcess), '256'])),
  );
  const parsed = outputs.map((o) => JSON.parse(o) as { latencies: number[]; wallMs: number });
  return { latencies: parsed.flatMap((p) => p.latencies), wallMs: Math.max(...parsed.map((p) => p.wallMs)) };
}

const usedMemory = (info: string) => Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? 0);

/**
 * Redis: the ledger and raw keyv writes, each from 4 OS processes at once (as shards would run);
 * then the appeal is filled to 1,000,000 actions through the ledger (one method per member), for the
 * tally at a million and the memory an action costs (INFO used_memory before and after, and
 * MEMORY USAGE of the appeal's hashes).
 */
export async function benchRedis(url: string, n = 20_000, total = 1_000_000): Promise<BenchLine[]> {
  const prefix = `bench-${randomUUID()}:`;
  const store = await openStore(url, { prefix });
  const client = createClient({ url });
  await client.connect();
  try {
    const raw = await fourProcesses(url, prefix, 'baseline', n);
    const baseline = emit(summarize('baseline.redis.write', raw.latencies, raw.wallMs, { processes: 4, in_flight_per_process: 256 }));
    const recorded = await fourProcesses(url, prefix, 'record', n);
    const counted = (await store.ledger.tally('ua-bench')).actions;
    const record = emit(summarize('ledger.record.redis', recorded.latencies, recorded.wallMs, { processes: 4, in_flight_per_process: 256, counted }));
    const before = usedMemory(await client.info('memory'));
    const filled = await fourProcesses(url, prefix, 'record', total - n, n);
    const after = usedMemory(await client.info('memory'));
    emit(summarize('ledger.fill.redis', filled.latencies, filled.wallMs, { processes: 4 }));
    const tally = await tallyReads('ledger.tally.redis', store, 'ua-bench', 10_000);
    const base = `${prefix}ledger:{ua-bench}`;
    const usage = async (key: string) => Number(await client.memoryUsage(key, { SAMPLES: 0 }));
    const [acts, members, hours] = await Promise.all([usage(`${base}:acts`), usage(`${base}:members`), usage(`${base}:hours`)]);
    const stored = (await store.ledger.tally('ua-bench')).actions;
    const memory = emit({
      name: 'redis.bytes_per_action',
      n: total - n,
      ops_per_s: 0,
      p50_ms: 0,
      p99_ms: 0,
      actions_stored: stored,
      bytes_per_action: Math.round((after - before) / (total - n)),
      acts_hash_bytes_per_action: Math.round(acts / stored),
      members_hash_bytes_per_member: Math.round(members / stored),
      hours_hash_bytes: hours,
    });
    return [baseline, record, tally, memory];
  } finally {
    client.destroy();
    await store.close();
    await dropPrefix(url, prefix);
  }
}
