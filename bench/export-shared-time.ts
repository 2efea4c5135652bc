// The CSV export's paging when many actions share one timestamp (a bulk entry, an import, a burst
// within a millisecond) against distinct timestamps: N actions each way, exported by the ledger's
// own pager in a child process of its own (time and peak RSS). `--old` pages with the query the
// export used before (`at >= ? AND (at > ? OR rowid > ?)`), for comparison.
// Run: node --import tsx bench/export-shared-time.ts [N=1000000] [--old]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { actionsCsvChunks } from '../src/core/export/csv-stream.js';
import { openStore } from '../src/core/store.js';

const APPEAL = 'ua-bench';
const AT = new Date('2026-12-01T10:00:00.000Z');

function fill(file: string, n: number, shared: boolean): void {
  const db = new Database(file);
  const insert = db.prepare('INSERT INTO ledger_actions(appeal, member, method, at, space) VALUES (?, ?, ?, ?, ?)');
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(APPEAL, `m-${i}`, 'email', shared ? AT.toISOString() : new Date(AT.getTime() + i).toISOString(), `telegram:-${i % 50}`);
  });
  for (let from = 0; from < n; from += 100_000) chunk.immediate(from, Math.min(n, from + 100_000));
  db.close();
}

/** The child: one export, timed, then this process's peak RSS (VmHWM). */
async function worker(file: string, old: boolean): Promise<void> {
  const started = performance.now();
  let bytes = 0;
  let rows = 0;
  if (old) {
    const db = new Database(file, { readonly: true });
    const page = db.prepare('SELECT rowid AS id, at, space, method, member FROM ledger_actions WHERE appeal = ? AND at >= ? AND (at > ? OR rowid > ?) ORDER BY at, rowid LIMIT 1000');
    let after = { at: '', id: 0 };
    for (;;) {
      const got = page.all(APPEAL, after.at, after.at, after.id) as Array<{ id: number; at: string }>;
      rows += got.length;
      if (got.length < 1000) break;
      after = { at: got[got.length - 1]!.at, id: got[got.length - 1]!.id };
    }
    db.close();
  } else {
    const store = await openStore(`sqlite://${file}`);
    for await (const chunk of actionsCsvChunks(store.ledger.exportRows(APPEAL))) bytes += chunk.length;
    await store.close();
  }
  const ms = Math.round(performance.now() - started);
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  process.stdout.write(`${JSON.stringify({ ms, rows, csv_chars: bytes, peak_rss_mb: Math.round(peak / 1048576) })}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--worker') return worker(args[1]!, args[2] === '--old');
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const old = args.includes('--old');
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-export-bench-'));
  try {
    const results: Record<string, unknown> = {};
    for (const shared of [true, false]) {
      const file = join(dir, `${shared ? 'shared' : 'distinct'}.sqlite`);
      await (await openStore(`sqlite://${file}`)).close();
      fill(file, n, shared);
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-shared-time.ts', '--worker', file, ...(old ? ['--old'] : [])], { encoding: 'utf8' });
      results[shared ? 'one_timestamp' : 'distinct_timestamps'] = JSON.parse(out.trim().split('\n').pop()!);
    }
    const one = results.one_timestamp as { ms: number };
    const distinct = results.distinct_timestamps as { ms: number };
    process.stdout.write(`${JSON.stringify({ name: `export.paging${old ? '.old_query' : ''}`, n, ...results, ratio: Number((one.ms / distinct.ms).toFixed(2)) })}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
