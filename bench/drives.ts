import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_APPEALS, createApp } from '../src/app/app.js';
import { DEFAULT_SCHEDULE } from '../src/core/reminders/slots.js';
import { runJsonWorker, type BenchLine } from './lib.js';

const SECRET = 'bench-secret-0123456789abcdef-0123456789';

function startWorker(dir: string): Promise<{ ms: number; appMs: number; rss: number; heapUsed: number }> {
  return runJsonWorker(['--expose-gc', '--import', 'tsx', 'bench/drives-worker.ts', dir, SECRET]);
}

/**
 * `drives` drives in as many spaces, each with four scheduled reminders (7d, 3d, 1d, 0d at 09:00),
 * then a fresh process starts the app and the scheduler on that store: its time from the process
 * start to the first scheduler pass done (and the app and scheduler alone), and its memory when idle a second later. The same with no drives, in the same
 * run, for the ratio.
 */
export async function benchDrives(drives = 1_000): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const n of [0, drives]) {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-bench-drives-'));
    try {
      const app = await createApp({ storeUrl: `sqlite://${join(dir, 'bench.sqlite')}`, dataDir: dir, appealsDir: BUNDLED_APPEALS, memberKeySecret: SECRET, moderatorIds: [], defaultTimezone: 'UTC' });
      const appeal = (await app.deps.appeals.get('ua-34-25'))!;
      const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      for (let i = 0; i < n; i++) {
        const drive = await app.deps.drives.start(appeal, `telegram:-${1000 + i}`, { deadline, timezone: 'UTC' });
        await app.deps.drives.update(drive, { reminders: { offsets: [...DEFAULT_SCHEDULE.offsets], at: DEFAULT_SCHEDULE.at } });
      }
      await app.close();
      const run = await startWorker(dir);
      const line: BenchLine = {
        name: n === 0 ? 'drives.0.start' : `drives.${n}.start`, n, ops_per_s: 0, p50_ms: Math.round(run.ms), p99_ms: Math.round(run.ms),
        start_ms: Math.round(run.ms), app_and_scheduler_ms: Math.round(run.appMs), idle_rss_mb: Number((run.rss / 1e6).toFixed(1)), heap_used_mb: Number((run.heapUsed / 1e6).toFixed(1)), reminders: n * 4,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      lines.push(line);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDrives(Number(process.argv[2] ?? 1_000));
