import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { REST, Routes } from 'discord.js';
import { Api } from 'grammy';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';

const TELEGRAM_USER = 7301234567;
const SLACK_USER = 'U07ZELDA42';
const DISCORD_CHANNEL = '1234567890123456789';
const LETTER = 'Dear Minister, signed Zelda Secretname from Lyonville';

/** One server playing the three platforms, each refusing every call the way it really does. */
function refusingPlatforms(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/bot')) {
        res.statusCode = 403;
        res.end(JSON.stringify({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }));
      } else if (req.url?.startsWith('/api/')) {
        res.end(JSON.stringify({ ok: false, error: 'channel_not_found', user: SLACK_USER }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: 'Unknown Channel', code: 10003 }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** A pino logger (ours) writing into memory, at every level. */
function captured(): { logger: ReturnType<typeof createLogger>; lines: () => string } {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      done();
    },
  });
  return { logger: createLogger('trace', sink), lines: () => out };
}

describe('logs carry member keys or nothing', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => ({ server, base } = await refusingPlatforms()));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps a grammY error's method, code and description, not its chat id or letter text", async () => {
    const api = new Api('123456:test', { apiRoot: base });
    const error = await api.sendMessage(TELEGRAM_USER, LETTER).catch((e: unknown) => e);
    expect(JSON.stringify((error as { payload: unknown }).payload)).toContain(String(TELEGRAM_USER));
    const { logger, lines } = captured();
    logger.error({ err: error, space: `telegram:${TELEGRAM_USER}` }, 'telegram update failed');
    logger.debug(error as Error, `could not send to ${TELEGRAM_USER}`);
    const text = lines();
    expect(text).not.toContain(String(TELEGRAM_USER));
    expect(text).not.toMatch(/Zelda|Secretname|Lyonville/);
    const line = JSON.parse(text.split('\n')[0]!);
    expect(line.err).toMatchObject({ type: 'GrammyError', method: 'sendMessage', error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(line.space).toBe('telegram:<member>');
  });

  it("keeps a Slack error's code, not the user id in its answer", async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, retryConfig: { retries: 0 } });
    const error = await client.chat.postMessage({ channel: 'D0DIRECT99', text: LETTER }).catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain(SLACK_USER);
    const { logger, lines } = captured();
    logger.warn({ platform: 'slack', err: error, key: `slack:press:1.2:${SLACK_USER}:a` }, 'could not answer on Slack');
    logger.info({}, `Bolt: user ${SLACK_USER} pressed a button`);
    expect(lines()).not.toContain(SLACK_USER);
    expect(lines()).not.toMatch(/Zelda/);
    expect(JSON.parse(lines().split('\n')[0]!).err).toMatchObject({ slackError: 'channel_not_found' });
  });

  it("keeps a Discord error's status and message, not its request body or the ids in its URL", async () => {
    const rest = new REST({ api: base, retries: 0, version: '10' }).setToken('discord-token');
    const error = await rest.post(Routes.channelMessages(DISCORD_CHANNEL), { body: { content: LETTER } }).catch((e: unknown) => e);
    expect(JSON.stringify((error as { requestBody: unknown }).requestBody)).toContain('Zelda');
    const { logger, lines } = captured();
    logger.error({ err: new Error('could not answer', { cause: error }), interaction: DISCORD_CHANNEL }, 'could not answer a Discord interaction');
    expect(lines()).not.toContain(DISCORD_CHANNEL);
    expect(lines()).not.toMatch(/Zelda|discord-token/);
    expect(JSON.parse(lines()).err.cause).toMatchObject({ type: 'DiscordAPIError', status: 404, message: 'Unknown Channel' });
  });

  it('drops names and message text under any key, in child bindings too, and keeps member keys', () => {
    const { logger, lines } = captured();
    const member = 'q3Zk-Ab_9xYwVtU0L1mN2oP3rS4tU5vW6xY7zA8bC9d';
    logger.child({ platform: 'telegram' }).child({ button: 'F|letter name=Zelda town=Lyonville' }).info({ member, profile: { name: 'Zelda', town: 'Lyonville' }, text: LETTER }, 'letter sent');
    const line = JSON.parse(lines());
    expect(line).toMatchObject({ platform: 'telegram', member, button: 'F', msg: 'letter sent' });
    expect(lines()).not.toMatch(/Zelda|Lyonville/);
  });
});
