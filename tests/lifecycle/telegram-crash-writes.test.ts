import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { BUNDLED_APPEALS, createApp } from '../../src/app/app.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { startRedisServer } from '../support/redis-server.js';
import { freePort, type BotProcess } from './bot-process.js';
import { CRASH_SECRET, postUpdate, startWebhookBot, webhookEnv } from './crash-rig.js';

const GROUP_ID = -1001;
const FOLLOWERS = [20_001, 20_002, 20_003];
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * A moderator's writes other than /acted, each killed (-9) at a named point and sent again by
 * Telegram as a webhook does: a table count is entered once, news is kept, posted and sent to each
 * follower once, and the round it opens is opened once. On a SQLite file and on a Redis of its own,
 * side by side: each half has its own fake Bot API, ports, data folder and Redis, and starts the bot
 * a dozen times, so running them at once uses the second core while the other waits on its bot.
 */
for (const kind of ['sqlite', 'redis'] as const) {
  describe.concurrent(`Telegram webhook redelivery of /tally add and /news post after kill -9, on ${kind}`, () => {
    let fake: FakeBotApi;
    let dataDir: string;
    let bot: BotProcess | undefined;
    let redis: ChildProcess | undefined;
    let storeUrl: string;

    beforeEach(async () => {
      fake = await FakeBotApi.start();
      fake.members.set(`${GROUP_ID}:${ADMIN.id}`, 'administrator');
      dataDir = await mkdtemp(join(tmpdir(), 'actionbot-tg-crash-writes-'));
      if (kind === 'redis') {
        const port = await freePort();
        redis = await startRedisServer(port);
        storeUrl = `redis://127.0.0.1:${port}`;
      } else storeUrl = `sqlite://${join(dataDir, 'actionbot.sqlite')}`;
    });
    afterEach(async () => {
      bot?.signal('SIGKILL');
      await bot?.exited;
      redis?.kill('SIGKILL');
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    const count = (texts: string[], words: string) => texts.filter((t) => t.includes(words)).length;
    const postsWith = (words: string) => count(fake.postsIn(GROUP_ID).map((c) => String(c.payload.text ?? c.payload.caption ?? '')), words);

    // The test's own expect: two tests run at once (describe.concurrent).
    it('enters each table count once and sends each news once, through a crash before and after each commit', async ({ expect }) => {
      const port = await freePort();
      const start = (crashAt?: string) => startWebhookBot(fake, { ...webhookEnv(fake, dataDir, port, crashAt), STORE_URL: storeUrl });
      bot = await start();
      expect(await postUpdate(port, messageUpdate(1, ADMIN, `/drive start ua-34-25 goal=100 deadline=${inAMonth()}`))).toBe(true);
      for (const [i, id] of FOLLOWERS.entries()) expect(await postUpdate(port, messageUpdate(2 + i, { id }, '/follow ua-34-25'))).toBe(true);
      expect(FOLLOWERS.every((id) => fake.textsTo(id).some((t) => t.includes('I will tell you privately')))).toBe(true);
      bot.signal('SIGKILL');
      await bot.exited;

      const scenarios = [
        { crashAt: 'before-write-commit', line: '/tally add 12 post' },
        { crashAt: 'after-write-commit', line: '/tally add 30 card' },
        { crashAt: 'after-answer', line: '/tally add 7 email' },
        { crashAt: 'before-write-commit', line: '/news post ua-34-25 text="First news" round=new', news: 'First news' },
        { crashAt: 'after-write-commit', line: '/news post ua-34-25 text="Second news" round=new', news: 'Second news' },
      ];
      const crashes: string[] = [];
      for (const [i, scenario] of scenarios.entries()) {
        const update = messageUpdate(100 + i, ADMIN, scenario.line);
        bot = await start(`${scenario.crashAt}@1`);
        // The bot dies at the point: no 200, so Telegram sends the update again.
        expect(await postUpdate(port, update)).toBe(false);
        if ((await bot.exitWithin(10_000))?.signal === 'SIGKILL') crashes.push(scenario.crashAt);
        bot.signal('SIGKILL');
        await bot.exited;
        bot = await start();
        expect(await postUpdate(port, update)).toBe(true);
        if (scenario.news) {
          // The news goes out from the outbox: one post in the group, one message to each follower.
          await fake.until(() => postsWith(scenario.news) >= 1 && FOLLOWERS.every((id) => count(fake.textsTo(id), scenario.news) >= 1));
        }
        bot.signal('SIGKILL');
        await bot.exited;
      }
      expect(crashes).toEqual(scenarios.map((s) => s.crashAt));

      // A last run empties whatever the outbox still holds: a news sent twice would show now. It says
      // it runs (at info) only once its outbox relay has handled every due event and their posts
      // went out (src/app/main.ts awaits events.start before that line).
      bot = await startWebhookBot(fake, { ...webhookEnv(fake, dataDir, port), STORE_URL: storeUrl, LOG_LEVEL: 'info' });
      await bot.until(/actionbot is running/);
      bot.signal('SIGKILL');
      await bot.exited;

      for (const news of ['First news', 'Second news']) {
        expect({ news, posts: postsWith(news), messages: FOLLOWERS.map((id) => count(fake.textsTo(id), news)) }).toEqual({ news, posts: 1, messages: FOLLOWERS.map(() => 1) });
      }
      // The table counts whose first delivery was answered said so; those that died before or at the
      // commit are answered by the redelivery only when nothing was entered before it.
      expect(count(fake.textsTo(GROUP_ID), 'Entered')).toBeGreaterThanOrEqual(2);

      const app = await createApp({ storeUrl, dataDir, appealsDir: BUNDLED_APPEALS, memberKeySecret: CRASH_SECRET, moderatorIds: [], defaultTimezone: 'UTC' });
      try {
        const drive = (await app.deps.drives.resolve(`telegram:${GROUP_ID}`))!;
        const totals = await app.deps.tallyBook.totals(drive.id);
        expect({ total: totals.total, entries: (await app.deps.tallyBook.list(drive.id)).map((e) => e.count).sort((a, b) => a - b) }).toEqual({ total: 49, entries: [7, 12, 30] });
        // Two news with round=new: round 3, not more.
        expect(drive.cases[0]!.round).toBe(3);
        expect((await app.deps.newsLog!.forSpace('ua-34-25', drive.space)).map((n) => n.text)).toEqual(['Second news', 'First news']);
      } finally {
        await app.close();
      }
    }, 120_000);
  });
}
