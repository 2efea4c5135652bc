import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BUNDLED_APPEALS, createApp } from '../src/app/app.js';
import { handle } from '../src/commands/index.js';
import { openStore } from '../src/core/store.js';
import { mountExportLinks, startWebServer } from '../src/web/index.js';
import { RecordingLogger } from '../tests/support/logger.js';
import { bulkFill } from './sqlite-store.js';
import { runJsonWorker, type BenchLine } from './lib.js';

const APPEAL = 'ua-34-25';
const SECRET = 'bench-secret-0123456789abcdef-0123456789';

function runWorker(args: string[], env: Record<string, string>): Promise<{ code: number; ms: number; max_rss_bytes: number }> {
  return runJsonWorker(['bench/export-worker.js', ...args], env);
}

/** /report in a running bot (a Telegram moderator, 50 MB files) while the event loop's delay is sampled every 10 ms. */
async function reportLoopDelay(dir: string, rows: number): Promise<BenchLine> {
  const app = await createApp({ storeUrl: `sqlite://${join(dir, 'bench.sqlite')}`, dataDir: dir, appealsDir: BUNDLED_APPEALS, memberKeySecret: SECRET, moderatorIds: [], defaultTimezone: 'UTC' });
  try {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = performance.now();
    const reply = await handle(
      { name: 'report', text: APPEAL, actor: { platform: 'telegram', userId: 'moderator' }, space: { id: 'telegram:-1', kind: 'group' }, isModerator: async () => true },
      app.deps,
      new RecordingLogger(),
    );
    const ms = performance.now() - started;
    histogram.disable();
    const file = reply.attachments[0];
    const ns = (p: number) => Number((histogram.percentile(p) / 1e6).toFixed(1));
    return {
      name: 'loop.delay.report', n: rows, ops_per_s: Number(((rows / ms) * 1000).toFixed(1)), p50_ms: ns(50), p99_ms: ns(99),
      max_ms: Number((histogram.max / 1e6).toFixed(1)), report_ms: Math.round(ms), attachment: file ? `${file.name} ${file.data.byteLength} bytes` : 'none (too large, CLI named)',
    };
  } finally {
    await app.close();
  }
}

/**
 * The private link /report gives when the export is too large for the platform: one GET of it (gzip)
 * from the bot's own web server, while the event loop's delay is sampled every 10 ms. The client
 * reads in the same process, so the loop carries both ends of the download.
 */
async function linkDownload(dir: string, rows: number): Promise<BenchLine> {
  const app = await createApp({ storeUrl: `sqlite://${join(dir, 'bench.sqlite')}`, dataDir: dir, appealsDir: BUNDLED_APPEALS, memberKeySecret: SECRET, moderatorIds: [], defaultTimezone: 'UTC' });
  const logger = new RecordingLogger();
  const web = await startWebServer({ port: 0, host: '127.0.0.1', logger });
  try {
    mountExportLinks(web, app.deps, app.exportTokens, logger);
    const url = app.deps.exportLink!(APPEAL).url.replace('localhost', '127.0.0.1');
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = performance.now();
    const bytes = await new Promise<number>((resolve, reject) => {
      get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        let n = 0;
        res.on('data', (chunk: Buffer) => (n += chunk.byteLength));
        res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`status ${res.statusCode}`))));
        res.on('error', reject);
      }).on('error', reject);
    });
    const ms = performance.now() - started;
    histogram.disable();
    const ns = (p: number) => Number((histogram.percentile(p) / 1e6).toFixed(1));
    return {
      name: 'loop.delay.export_link', n: rows, ops_per_s: Number(((rows / ms) * 1000).toFixed(1)), p50_ms: ns(50), p99_ms: ns(99),
      max_ms: Number((histogram.max / 1e6).toFixed(1)), download_ms: Math.round(ms), gzip_bytes: bytes,
    };
  } finally {
    await web.stop();
    await app.close();
  }
}

/**
 * A million actions (bulk insert) on SQLite, then: `actionbot report --csv` in its own process, from
 * the compiled bundle as the bin runs it (time from the process start, peak RSS, rows/s), and /report
 * inside the bot with the event-loop delay sampled while it runs. The CLI's peak includes what every
 * `actionbot` command costs (Node and the app: 72 MB for `report` without --csv on this machine).
 */
export async function benchExport(rows = 1_000_000, inBot = true): Promise<BenchLine[]> {
  // The CLI is measured as operators run it: the bundle, built here when src/ is newer (as the bin does).
  execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' });
  const dir = await mkdtemp(join(tmpdir(), 'actionbot-bench-export-'));
  try {
    const store = await openStore(`sqlite://${join(dir, 'bench.sqlite')}`);
    await store.close();
    // Member keys as the bot makes them (HMAC-SHA256, base64url), two methods each: they barely compress, as in real exports.
    bulkFill(join(dir, 'bench.sqlite'), APPEAL, rows, (i) => createHmac('sha256', SECRET).update(`telegram:${Math.floor(i / 2)}`).digest('base64url'));
    const out = join(dir, 'out.csv');
    const cli = await runWorker([APPEAL, out], { STORE_URL: `sqlite://${join(dir, 'bench.sqlite')}`, DATA_DIR: dir, MEMBER_KEY_SECRET: SECRET, APPEALS_DIR: BUNDLED_APPEALS });
    const exported: BenchLine = {
      name: 'export.csv', n: rows, ops_per_s: Number(((rows / cli.ms) * 1000).toFixed(1)), p50_ms: 0, p99_ms: 0,
      ms: Math.round(cli.ms), peak_rss_mb: Number((cli.max_rss_bytes / 1e6).toFixed(1)), csv_bytes: (await stat(out)).size, exit_code: cli.code,
    };
    process.stdout.write(`${JSON.stringify(exported)}\n`);
    if (!inBot) return [exported];
    const loop = await reportLoopDelay(dir, rows);
    process.stdout.write(`${JSON.stringify(loop)}\n`);
    const link = await linkDownload(dir, rows);
    process.stdout.write(`${JSON.stringify(link)}\n`);
    return [exported, loop, link];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExport(Number(process.argv[2] ?? 1_000_000), process.argv[3] !== 'cli-only');
