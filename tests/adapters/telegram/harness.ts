import type { Update } from 'grammy/types';
import { createTelegramBot, type TelegramBot } from '../../../src/adapters/telegram/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeBotApi } from './fake-bot-api.js';
import { GROUP, messageUpdate } from './updates.js';

export const TOKEN = '123456:TEST-token';
export const ADMIN = { id: 1 };

export type Harness = TelegramBot & {
  fake: FakeBotApi;
  app: TestApp;
  logger: RecordingLogger;
  /** Delays the retry transformer asked for (it does not really wait in tests). */
  sleeps: number[];
  feed(update: object): Promise<void>;
  /** An administrator starts a drive for the bundled appeal in the group. */
  startDrive(goal?: number): Promise<void>;
  close(): Promise<void>;
};

/** The real grammY bot and the real app against the loopback fake Bot API; updates fed by hand. */
export async function telegramHarness(): Promise<Harness> {
  const fake = await FakeBotApi.start();
  const app = await testApp();
  const logger = new RecordingLogger();
  const sleeps: number[] = [];
  const config = { token: TOKEN, apiRoot: fake.apiRoot, webhookPort: 0 };
  const telegram = createTelegramBot(config, { deps: app.deps, logger }, {
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
  await telegram.bot.init();
  fake.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
  let nextUpdate = 1000;
  const feed = (update: object) => telegram.bot.handleUpdate(update as Update);
  return {
    ...telegram,
    fake,
    app,
    logger,
    sleeps,
    feed,
    startDrive: (goal = 500) => feed(messageUpdate(nextUpdate++, ADMIN, `/drive start ua-34-25 goal=${goal} deadline=2030-01-31`)),
    close: async () => {
      await fake.close();
      await app.close();
    },
  };
}

/** The inline keyboard of a recorded sendMessage, flattened. */
export function buttonsOf(payload: Record<string, unknown>): Array<{ text: string; callback_data?: string; url?: string }> {
  const markup = payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string; url?: string }>> } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
