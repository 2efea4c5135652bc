import { createServer } from 'node:http';
import { Bot, webhookCallback } from 'grammy';
import type { Count } from './count.js';

/**
 * The simplest grammY bot a developer would write: webhook on node:http, an in-memory set of who
 * acted per chat, one plain sendMessage per command, no throttling or queueing.
 */
export async function startBareTelegram(env: Record<string, string | undefined>, count: Count): Promise<() => Promise<void>> {
  const bot = new Bot(env.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: env.TELEGRAM_API_ROOT } });
  const acted = new Map<number, Set<number>>();
  // What any grammY bot has: an error boundary, so a refused reply (429 past Telegram's group limit)
  // is logged instead of failing the webhook request (bot.catch serves long polling only).
  const safe = bot.errorBoundary((error) => process.stderr.write(`bare telegram: ${error.message}\n`));
  safe.command('drive', (ctx) => ctx.reply('Drive started.'));
  safe.command('help', (ctx) => ctx.reply('Use /acted when you have written.'));
  safe.command('acted', async (ctx) => {
    const members = acted.get(ctx.chat.id) ?? new Set<number>();
    acted.set(ctx.chat.id, members);
    members.add(ctx.from!.id);
    count('telegram', members.size);
    await ctx.reply(`Thank you! ${members.size} members acted.`);
  });
  await bot.init();
  if (!env.TELEGRAM_WEBHOOK_URL) {
    void bot.start();
    return () => bot.stop();
  }
  const url = new URL(env.TELEGRAM_WEBHOOK_URL);
  const callback = webhookCallback(bot, 'http', { secretToken: env.TELEGRAM_WEBHOOK_SECRET });
  const server = createServer((req, res) => void callback(req, res));
  await new Promise<void>((resolve) => server.listen(Number(env.TELEGRAM_WEBHOOK_PORT), '127.0.0.1', resolve));
  await bot.api.setWebhook(url.href, { secret_token: env.TELEGRAM_WEBHOOK_SECRET });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
