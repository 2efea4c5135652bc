import { randomUUID } from 'node:crypto';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../../src/adapters/telegram/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { RecordingLogger } from '../../support/logger.js';
import { dropPrefix } from '../../support/redis.js';
import { FakeBotApi } from './fake-bot-api.js';
import { buttonsOf, TOKEN } from './harness.js';
import { GROUP, messageUpdate } from './updates.js';

const url = process.env.REDIS_URL;
const ADMIN = { id: 1 };

/** Two bot processes behind one webhook: two apps on one Redis prefix, one Bot API. */
describe.skipIf(!url)('two Telegram processes on one Redis', () => {
  const prefix = `test-${randomUUID()}:`;
  let fake: FakeBotApi;
  const apps: TestApp[] = [];
  const events: TestEvents[] = [];
  afterEach(async () => {
    for (const e of events.splice(0)) await e.stop();
    for (const app of apps.splice(0)) await app.close();
    await fake.close();
    await dropPrefix(url!, prefix);
  });

  async function processes(): Promise<[TelegramBot, TelegramBot]> {
    fake = await FakeBotApi.start();
    fake.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
    const bots: TelegramBot[] = [];
    for (let i = 0; i < 2; i++) {
      const app = await testApp({ redisUrl: url, storePrefix: prefix, now: '2026-12-01T10:00:00Z' });
      apps.push(app);
      const bot = createTelegramBot({ token: TOKEN, apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger: new RecordingLogger() }, { retry: { sleep: async () => undefined } });
      await bot.bot.init();
      events.push(await startedEvents(app, [bot.notifier]));
      bots.push(bot);
    }
    return bots as [TelegramBot, TelegramBot];
  }

  const feed = (bot: TelegramBot, update: object) => bot.bot.handleUpdate(update as Update);

  it('handles an update delivered to both once: one action, one answer, one milestone', async () => {
    const [a, b] = await processes();
    await feed(a, messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=1 deadline=2026-12-31'));
    const acted = messageUpdate(2, { id: 7 }, '/acted email');
    await Promise.all([feed(a, acted), feed(b, acted)]);
    expect((await apps[0]!.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    expect(fake.textsTo(7)).toHaveLength(1);
    expect(fake.callsOf('setMessageReaction')).toHaveLength(1);
    // Both processes' relays look at the outbox; the event is handled by one of them.
    await Promise.all(events.map((e) => e.settle()));
    await Promise.all(events.map((e) => e.settle()));
    expect(fake.textsTo(GROUP.id).filter((t) => t.includes('of the goal reached'))).toHaveLength(1);
  });

  it('serves a deep link made by one process from the other', async () => {
    const [a, b] = await processes();
    await feed(a, messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=10 deadline=2026-12-31'));
    fake.refusedDms.add(8);
    // /acted without a method asks which one: a private answer with buttons, so a deep link.
    await feed(a, messageUpdate(3, { id: 8 }, '/acted'));
    const link = buttonsOf(fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === GROUP.id).at(-1)!.payload)[0]!.url!;
    fake.refusedDms.delete(8);
    await feed(b, messageUpdate(4, { id: 8 }, `/start ${new URL(link).searchParams.get('start')}`, 'dm'));
    const dm = fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === 8);
    expect(dm.map((c) => String(c.payload.text)).join('\n')).toContain('How did you act');
    expect(buttonsOf(dm.at(-1)!.payload).map((x) => x.callback_data)).toEqual(expect.arrayContaining([expect.stringMatching(/^acted email drive=/)]));
  });
});
