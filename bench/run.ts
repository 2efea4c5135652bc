// `npm run bench`: one JSON line per measurement, then a line per target with the ratio it is judged by.
import { benchRedis, benchSqlite } from './core.js';
import { benchWeb } from './web.js';
import type { BotKind } from './bot-process.js';
import { emit, type BenchLine } from './lib.js';
import { discordInteraction, slackAck, startAndMemory, telegramGroupBurst } from './versus.js';

// `npm run bench -- versus start` runs only those sections; no argument runs them all.
const SECTIONS = ['core', 'acted', 'web', 'export', 'drives', 'platforms', 'versus', 'importer', 'news'] as const;
const only = process.argv.slice(2);
const VERSUS = ['telegram.group_burst', 'slack.ack', 'discord.interaction', 'start'];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s) && !VERSUS.includes(s));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}, or one of versus: ${VERSUS.join(', ')}\n`);
  process.exit(2);
}
const wants = (section: (typeof SECTIONS)[number]) => only.length === 0 || only.includes(section);

const lines: BenchLine[] = [];
if (wants('core')) {
  lines.push(...(await benchSqlite()));
  if (process.env.REDIS_URL) lines.push(...(await benchRedis(process.env.REDIS_URL)));
}
// The /acted path of this tree against the current release's, both in the same run (bench/acted.ts).
if (wants('acted')) lines.push(...(await (await import('./acted.js')).benchActed()));
if (wants('web')) lines.push(...(await benchWeb()));
if (wants('export')) lines.push(...(await (await import('./export.js')).benchExport()));
if (wants('drives')) lines.push(...(await (await import('./drives.js')).benchDrives()));
// News to 5,000 Telegram followers at real speed (about three minutes): bench/news.ts.
if (wants('news')) lines.push(emit(await (await import('./news.js')).benchNews()));

const platformBenches: Array<[string, () => Promise<BenchLine>]> = [
  ['slack', async () => (await import('./slack.js')).benchSlack()],
  ['discord', async () => (await import('./discord.js')).benchDiscord()],
  ['telegram', async () => (await import('./telegram.js')).benchTelegram()],
];
for (const [platform, run] of wants('platforms') ? platformBenches : []) {
  try {
    lines.push(emit(await run()));
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ name: `${platform}.error`, error: (error as Error).message })}\n`);
  }
}

// actionbot (the compiled bundle, as `npm start` runs it) against the bare-SDK bots, each in its own process.
const versus: Array<[string, (kind: BotKind) => Promise<BenchLine | BenchLine[]>]> = [
  ['telegram.group_burst', telegramGroupBurst],
  ['slack.ack', slackAck],
  ['discord.interaction', discordInteraction],
  ['start', startAndMemory],
];
// Each comparison runs ROUNDS times, bare and actionbot alternating; the median round of each
// measurement is kept (by its p99, or the time until all were counted), so one noisy round on a
// shared machine decides nothing. Every round is printed.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const keyOf = (line: BenchLine) => Number(line.name.endsWith('group_burst') ? line.all_counted_ms : line.name.endsWith('rss.idle') ? line.rss_mb : line.p99_ms);
for (const [name, run] of versus.filter(([name]) => wants('versus') || only.includes(name))) {
  const rounds = new Map<string, BenchLine[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of ['bare', 'actionbot'] as const) {
      try {
        const result = await run(kind);
        for (const line of Array.isArray(result) ? result : [result]) {
          process.stdout.write(`${JSON.stringify({ ...line, round: round + 1 })}\n`);
          rounds.set(line.name, [...(rounds.get(line.name) ?? []), line]);
        }
      } catch (error) {
        const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
        process.stdout.write(`${JSON.stringify({ name: `${kind === 'bare' ? 'bare.' : ''}${name}.error`, error: (error as Error).message, cause: cause?.code ?? cause?.message })}\n`);
      }
    }
  }
  for (const [lineName, all] of rounds) {
    const sorted = [...all].sort((a, b) => keyOf(a) - keyOf(b));
    lines.push(emit({ ...sorted[Math.floor((sorted.length - 1) / 2)]!, name: lineName, rounds: all.length }));
  }
}

const byName = new Map(lines.map((l) => [l.name, l]));
const check = (name: string, ok: boolean, detail: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ name: `target.${name}`, ok, ...detail })}\n`);
const news = byName.get('news.telegram');
// Every follower once, as fast as Telegram's broadcast limit allows (30 a second) and no faster.
if (news) check('news_paced', news.delivered === news.n && news.duplicates === 0 && news.ops_per_s <= 30 && news.ops_per_s >= 22, { ops_per_s: news.ops_per_s, delivered: news.delivered, duplicates: news.duplicates, refused_429: news.refused_429 });
for (const store of ['sqlite', 'redis']) {
  const record = byName.get(`ledger.record.${store}`);
  const baseline = byName.get(`baseline.${store}.write`);
  if (record && baseline) {
    const ratio = Number((record.ops_per_s / baseline.ops_per_s).toFixed(3));
    check(`record_vs_baseline.${store}`, ratio >= 0.5 && record.counted === record.n, { ratio, counted: record.counted, n: record.n });
  }
  for (const name of [`ledger.tally.${store}`, `ledger.tally.${store}.after_write`]) {
    const tally = byName.get(name);
    if (tally) check(`tally_p99_under_1ms.${name.slice('ledger.tally.'.length)}`, tally.p99_ms < 1, { p99_ms: tally.p99_ms, actions_stored: tally.actions_stored, spaces: tally.spaces });
  }
}
const exported = byName.get('export.csv');
if (exported) check('export_csv_1m_under_20s_150mb', Number(exported.ms) < 20_000 && Number(exported.peak_rss_mb) < 150, { ms: exported.ms, peak_rss_mb: exported.peak_rss_mb });
const loopDelay = byName.get('loop.delay.report');
if (loopDelay) check('loop_delay_report_p99_under_50ms', loopDelay.p99_ms < 50, { p99_ms: loopDelay.p99_ms, max_ms: loopDelay.max_ms, rows: loopDelay.n });
const linkDelay = byName.get('loop.delay.export_link');
if (linkDelay) check('loop_delay_export_link_p99_under_50ms', linkDelay.p99_ms < 50, { p99_ms: linkDelay.p99_ms, max_ms: linkDelay.max_ms, download_ms: linkDelay.download_ms, rows: linkDelay.n });
const manyDrives = byName.get('drives.1000.start');
if (manyDrives) check('drives_1000_start_under_3s_idle_under_200mb', Number(manyDrives.start_ms) < 3_000 && Number(manyDrives.idle_rss_mb) < 200, { start_ms: manyDrives.start_ms, idle_rss_mb: manyDrives.idle_rss_mb, at_0_drives: byName.get('drives.0.start')?.start_ms });
const wal = byName.get('wal_bytes');
if (wal) check('wal_under_10mb_after_100k', Number(wal.wal_bytes) < 10 * 1024 * 1024, { wal_bytes: wal.wal_bytes });
{
  const one = byName.get('ledger.record.sqlite');
  const national = byName.get('ledger.record.sqlite.1050_spaces');
  if (one && national) {
    const ratio = Number((national.ops_per_s / one.ops_per_s).toFixed(3));
    check('record_1050_spaces_vs_one.sqlite', ratio >= 0.5, { ratio, one_space: one.ops_per_s, spaces_1050: national.ops_per_s });
  }
}
const empty = byName.get('ledger.record.sqlite');
const full = byName.get('ledger.record.sqlite.at_1m');
if (empty && full) {
  const ratio = Number((full.ops_per_s / empty.ops_per_s).toFixed(3));
  check('record_at_1m_vs_empty.sqlite', ratio >= 0.8, { ratio, at_0: empty.ops_per_s, at_1m: full.ops_per_s });
}
for (const name of ['slack.ack', 'discord.interaction.in_process', 'telegram.update']) {
  const line = byName.get(name);
  if (line) check(`${name}.p99_under_300ms`, line.p99_ms < 300, { p99_ms: line.p99_ms });
}
// The importer reads any 5 MB paste at most three times slower than 5 MB of real Urgent Actions.
for (const line of wants('importer') ? (await import('./importer.js')).benchImporter() : []) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (line.name !== 'importer.seed_5mb') check(`${line.name}.within_3x_seed`, line.ratio_to_seed <= 3, { ratio: line.ratio_to_seed, ms: line.ms });
}
const ratio = (ours: number, bare: number) => Number((ours / bare).toFixed(2));
const pair = (name: string) => [byName.get(name), byName.get(`bare.${name}`)] as const;
{
  const [ours, bare] = pair('telegram.group_burst');
  if (ours && bare) {
    const r = ratio(Number(ours.all_counted_ms), Number(bare.all_counted_ms));
    check('telegram.group_burst', r <= 2 && Number(ours.group_posts) <= 20, { ratio: r, all_counted_ms: ours.all_counted_ms, bare_all_counted_ms: bare.all_counted_ms, group_posts: ours.group_posts, bare_group_posts: bare.group_posts });
  }
}
for (const name of ['slack.ack.cold', 'slack.ack.warm', 'discord.interaction']) {
  const [ours, bare] = pair(name);
  if (ours && bare) check(name, ratio(ours.p99_ms, bare.p99_ms) <= 1.5, { ratio: ratio(ours.p99_ms, bare.p99_ms), p99_ms: ours.p99_ms, bare_p99_ms: bare.p99_ms });
}
{
  const [start, bareStart] = pair('start.first_answer');
  if (start) check('start.first_answer_under_1s', start.p99_ms < 1000, { ms: start.p99_ms, bare_ms: bareStart?.p99_ms, ratio: bareStart ? ratio(start.p99_ms, bareStart.p99_ms) : undefined });
  const [rss, bareRss] = pair('rss.idle');
  if (rss) check('rss.idle_under_150mb', Number(rss.rss_mb) < 150, { rss_mb: rss.rss_mb, bare_rss_mb: bareRss?.rss_mb });
}
process.exit(0);
