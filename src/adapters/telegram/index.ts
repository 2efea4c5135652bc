// The Telegram adapter's wiring: the grammY bot, its start with long polling or a webhook, menus
// and readiness.
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Config } from '../../app/config.js';
import { ConfigError, PlatformError } from '../../core/errors.js';
import type { Notifier } from '../../core/notifier.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { DeepLinks } from './deep-link.js';
import { FormPrompts } from './form-prompts.js';
import { onMessage, onPress } from './handlers.js';
import { PollingHealth } from './polling-health.js';
import { ConfirmingPoller } from './polling.js';
import { registerCommands } from './register.js';
import { onMembership, onMigrated } from './spaces.js';
import { retryTransformer, type RetryOptions } from './retry.js';
import { untilReachable } from '../startup.js';
import { telegramNotifier } from './send.js';
import { serveWebhook, webhookSecret } from './webhook.js';

export type TelegramConfig = NonNullable<Config['telegram']>;

/** The only updates the bot acts on; everything else is never fetched. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Telegram delivers webhooks to ports 443, 80, 88 and 8443; 8443 needs no root. */
export const DEFAULT_WEBHOOK_PORT = 8443;

/** `soleConsumer`: long polling (see HandlerEnv). */
export type TelegramBotOptions = { retry?: RetryOptions; botInfo?: UserFromGetMe; deepLinks?: DeepLinks; forms?: FormPrompts; soleConsumer?: boolean };

export type TelegramBot = { bot: Bot; notifier: Notifier; deepLinks: DeepLinks; forms: FormPrompts };

/**
 * The grammY bot with actionbot's handlers, not yet receiving updates: feed it with
 * `bot.handleUpdate`, the runner, or the webhook. Updates are handled in order per chat and member:
 * the members of one group never wait for each other.
 */
export function createTelegramBot(config: TelegramConfig, ctx: AdapterContext, options: TelegramBotOptions = {}): TelegramBot {
  const bot = new Bot(config.token, {
    client: {
      ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
      // In webhook mode the press is answered in the HTTP response itself: Telegram hears back as
      // soon as the action is recorded, and one API round trip is saved. Long polling ignores it.
      canUseWebhookReply: (method) => method === 'answerCallbackQuery',
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // A private message refused for the bot's overall rate: every process waits it out, not only this one.
  const onRateLimit = async (_method: string, payload: unknown, retryAfterSec: number) => {
    if (Number((payload as { chat_id?: unknown } | undefined)?.chat_id) > 0) await ctx.deps.pacer?.hold('telegram', retryAfterSec * 1000);
  };
  bot.api.config.use(retryTransformer(ctx.logger, { onRateLimit, ...options.retry }));
  // Inside the retries: every 429 Telegram answers is counted, the ones waited out too.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429) ctx.deps.observer?.rateLimitedCall('telegram');
    return result;
  });
  const memberKey = (userId: string) => ctx.deps.memberKey('telegram', userId);
  const links = options.deepLinks ?? new DeepLinks(ctx.deps.shortLived, memberKey, undefined, ctx.deps.mutex);
  // /forgetme also deletes answers kept for the member behind a deep link.
  ctx.deps.forgetters.push((member) => links.forget(member));
  const env = { deps: ctx.deps, logger: ctx.logger, links, forms: options.forms ?? new FormPrompts(ctx.deps.shortLived, memberKey), soleConsumer: options.soleConsumer };
  // One member's updates stay in order; the members of one group are served at once.
  bot.use(sequentialize((c: Context) => (c.chat && c.from ? `${c.chat.id}:${c.from.id}` : c.chat?.id.toString())));
  // Every update taken is counted in flight, so a shutdown waits for it.
  const tracked = (work: () => Promise<void>) => (ctx.inFlight ? ctx.inFlight.track(work) : work());
  bot.on(['message:text', 'message:document'], (c) => tracked(() => onMessage(c, env)));
  bot.on('callback_query:data', (c) => tracked(() => onPress(c, env)));
  bot.on(['message:migrate_to_chat_id', 'message:migrate_from_chat_id'], (c) => tracked(() => onMigrated(c, env)));
  bot.on('my_chat_member', (c) => tracked(() => onMembership(c, env)));
  bot.catch((error) => ctx.logger.error({ err: error.error, update_id: error.ctx.update.update_id }, 'telegram update failed'));
  return { bot, notifier: telegramNotifier(bot.api), deepLinks: env.links, forms: env.forms };
}

export type StartTelegramOptions = TelegramBotOptions & {
  /** Webhook mode: the local port to listen on (default `config.webhookPort`, else 8443) and interface (default all). */
  port?: number;
  host?: string;
  /** Long polling: seconds each getUpdates waits (default 30). */
  pollTimeoutSec?: number;
};

/**
 * Starts the Telegram adapter: checks the token (getMe), sets the command menus, then long polling
 * with the runner, or, when `config.webhook` is set, an HTTP server for the webhook (path taken
 * from the webhook URL) and setWebhook with the secret.
 */
export async function startTelegram(config: TelegramConfig, ctx: AdapterContext, options: StartTelegramOptions = {}): Promise<PlatformAdapter> {
  const { bot, notifier } = createTelegramBot(config, ctx, { ...options, soleConsumer: !config.webhook });
  try {
    // Not bot.init(): grammY retries an unreachable API there for ever without a word.
    if (!bot.isInited()) {
      bot.botInfo = await untilReachable('the Telegram Bot API', (signal) => bot.api.getMe(signal as Parameters<typeof bot.api.getMe>[0]), {
        logger: ctx.logger,
        report: ctx.startup,
        isFinal: (error) => error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429,
      });
    }
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'Telegram refused this token (401); copy it again from BotFather');
    throw new PlatformError('telegram', `getMe failed: ${(error as Error).message}`, { cause: error });
  }
  await registerCommands(bot.api, ctx.logger);
  const log = { bot: bot.botInfo.username };

  if (config.webhook) {
    const secret = webhookSecret(config.token, config.webhook.secret);
    const server = await serveWebhook(bot, { path: new URL(config.webhook.url).pathname, port: options.port ?? config.webhookPort ?? DEFAULT_WEBHOOK_PORT, host: options.host, secret }, ctx.logger);
    await bot.api.setWebhook(config.webhook.url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    ctx.logger.info({ ...log, port: server.port }, 'telegram webhook listening');
    return { platform: 'telegram', notifier, ready: () => ({ ok: true }), stopTaking: async () => server.stopTaking(), stop: () => server.close() };
  }

  // getUpdates refuses to run while a webhook is set (from an earlier deployment).
  await bot.api.deleteWebhook();
  const polling = new PollingHealth();
  bot.api.config.use(polling.transformer);
  // Not grammY's runner: it confirms a batch (asks with a later offset) before the batch is handled.
  const poller = new ConfirmingPoller(bot, { timeoutSec: options.pollTimeoutSec ?? 30, allowedUpdates: ALLOWED_UPDATES, logger: ctx.logger });
  poller.start();
  polling.started();
  ctx.logger.info(log, 'telegram long polling started');
  return {
    platform: 'telegram',
    notifier,
    ready: () => polling.readiness(poller.isRunning()),
    stop: () => poller.stop(),
  };
}
