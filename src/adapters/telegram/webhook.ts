// The Telegram webhook server: grammY's callback behind node:http, its secret checked on every
// request.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../commands/index.js';
import { gateRequests } from '../http-intake.js';

export type WebhookServer = { port: number; stopTaking(): void; close(): Promise<void> };

/**
 * The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token. Without a configured one it is
 * derived from the token, so every process behind the same URL agrees on it and the endpoint is
 * never open to forged updates.
 */
export function webhookSecret(token: string, configured?: string): string {
  return configured ?? createHash('sha256').update(`actionbot-webhook:${token}`).digest('hex');
}

/**
 * Serves the webhook on node:http at `path`: a wrong or missing secret gets 401 and nothing runs;
 * other paths get 404. grammY answers 200 once the update is handled; an update that takes longer
 * than `timeoutMs` is answered anyway and keeps running (Telegram would otherwise redeliver it).
 */
export async function serveWebhook(
  bot: Bot,
  options: { path: string; port: number; host?: string; secret: string; timeoutMs?: number },
  logger: Logger,
): Promise<WebhookServer> {
  const callback = webhookCallback(bot, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: options.timeoutMs ?? 10_000 });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || path !== options.path) {
      res.writeHead(404).end();
      return;
    }
    callback(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const intake = gateRequests(server);
  return {
    port: (server.address() as AddressInfo).port,
    stopTaking: () => intake.stopTaking(),
    // Updates taken have been answered by now (or run on after their timeout): nothing to wait for.
    close: () => intake.close(0),
  };
}
