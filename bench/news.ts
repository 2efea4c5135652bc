// News to 5,000 followers on Telegram, through the outbox and the shared pacer, against the fake
// Bot API with Telegram's broadcast limit, at real speed.
import { wireEvents } from '../src/app/event-wiring.js';
import { createTelegramBot } from '../src/adapters/telegram/index.js';
import { FakeBotApi } from '../tests/adapters/telegram/fake-bot-api.js';
import { testApp } from '../tests/support/app.js';
import { typer } from '../tests/support/invoke.js';
import { RecordingLogger } from '../tests/support/logger.js';
import type { BenchLine } from './lib.js';

const GROUP = 'telegram:-1001';

/**
 * `news.telegram`: 5,000 followers (BENCH_NEWS_FOLLOWERS) of one appeal get one private message
 * each. The fake answers 429 (retry_after 1) past 30 messages in any second, as Telegram does; the
 * real grammY client with the bot's retry transformer sends them, paced by the store-claimed slots.
 * Reports messages a second, the 429s, and checks each follower got exactly one.
 */
export async function benchNews(): Promise<BenchLine> {
  const count = Number(process.env.BENCH_NEWS_FOLLOWERS ?? 5000);
  const app = await testApp();
  const fake = await FakeBotApi.start();
  fake.messagesPerSecond = 30;
  fake.members.set('-1001:1', 'administrator');
  const logger = new RecordingLogger();
  const telegram = createTelegramBot({ token: '123456:bench', apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger });
  await telegram.bot.init();
  const type = typer(app.deps, GROUP);
  const admin = { userId: '1', platform: 'telegram', moderator: true };
  await type(admin, '/drive start ua-34-25 deadline=2030-01-31');
  const drive = await app.deps.drives.resolve(GROUP);
  for (let i = 0; i < count; i++) {
    const userId = String(100_000 + i);
    await app.deps.followers.follow(
      { appealId: 'ua-34-25', member: app.deps.memberKey('telegram', userId), space: drive!.space, platform: 'telegram', userId, locale: 'en', lastDeadline: new Date('2030-01-31T00:00:00Z') },
      app.clock.now(),
    );
  }
  const events = wireEvents(app, logger, { coalesceMs: 0 });
  await events.start([telegram.notifier]);
  const before = fake.calls.length;
  const started = performance.now();
  await type(admin, '/news post ua-34-25 text="Bench news"');
  const dms = () => fake.calls.slice(before).filter((c) => c.ok && c.method === 'sendMessage' && Number(c.payload.chat_id) > 0);
  const deadline = started + (count / 30) * 1000 * 3 + 60_000;
  while (dms().length < count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (performance.now() - started) / 1000;
  const sent = dms();
  const distinct = new Set(sent.map((c) => Number(c.payload.chat_id))).size;
  // Whatever else would still go out (a duplicate) has its chance before the count is read again.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = dms().length;
  await events.stop();
  await fake.close();
  await app.close();
  return {
    name: 'news.telegram',
    n: count,
    ops_per_s: Math.round((sent.length / seconds) * 10) / 10,
    p50_ms: 0,
    p99_ms: 0,
    seconds: Math.round(seconds * 10) / 10,
    delivered: distinct,
    duplicates: after - distinct,
    refused_429: fake.broadcastRefusals,
  };
}
