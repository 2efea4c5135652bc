import { memberButton } from '../../support/buttons.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../../src/adapters/telegram/index.js';
import { webhookSecret } from '../../../src/adapters/telegram/webhook.js';
import type { PlatformAdapter } from '../../../src/adapters/types.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeBotApi } from './fake-bot-api.js';
import { ADMIN, TOKEN } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

let fake: FakeBotApi;
let app: TestApp;
let adapter: PlatformAdapter | undefined;
const logger = new RecordingLogger();

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await fake.close();
  await app.close();
});

async function setUp() {
  fake = await FakeBotApi.start();
  app = await testApp();
  fake.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Telegram long polling', () => {
  it('counts 500 members pressing a button at once exactly once each, and /progress says 500', async () => {
    await setUp();
    adapter = await startTelegram({ token: TOKEN, apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger }, { pollTimeoutSec: 1 });
    expect(fake.callsOf('deleteWebhook')).toHaveLength(1);
    fake.push(messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=500 deadline=2030-01-31'));
    await until(() => fake.textsTo(GROUP.id).some((t) => t.includes('Drive started')), 'the drive');
    const drive = await app.deps.drives.resolve(`telegram:${GROUP.id}`);
    const presses = Array.from({ length: 500 }, (_, i) => pressUpdate(100 + i, { id: 10_000 + i }, memberButton(app.deps, 'telegram', String(10_000 + i), `acted email drive=${drive!.id}`)));
    // One member double-clicks: a second press (a new update) counts once too.
    fake.push(...presses, pressUpdate(600, { id: 10_000 }, memberButton(app.deps, 'telegram', '10000', `acted email drive=${drive!.id}`)));
    await until(() => fake.callsOf('answerCallbackQuery').length === 501, '501 answers');
    // Presses in a DM are answered at once; the tally message follows the recording.
    await until(() => fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) > 0).length === 501, '501 replies');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(500);
    fake.push(messageUpdate(700, { id: 3 }, '/progress'));
    await until(() => fake.textsTo(GROUP.id).some((t) => t.includes('Progress')), 'progress');
    expect(fake.textsTo(GROUP.id).find((t) => t.includes('Progress'))).toContain('500 actions by 500 members');
    expect(new Set(fake.callsOf('answerCallbackQuery').map((c) => c.payload.callback_query_id)).size).toBe(501);
  }, 30_000);
});

describe('Telegram webhook', () => {
  const URL_ = 'https://bot.example.org/telegram/hook';

  async function startWebhook() {
    await setUp();
    adapter = await startTelegram(
      { token: TOKEN, apiRoot: fake.apiRoot, webhook: { url: URL_, secret: 'right-secret' }, webhookPort: 0 },
      { deps: app.deps, logger },
      { host: '127.0.0.1' },
    );
    const listening = logger.entries.findLast((e) => e.message === 'telegram webhook listening');
    const port = (listening!.context as { port: number }).port;
    const post = (body: object, secret?: string, path = '/telegram/hook') =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(body),
      });
    return post;
  }

  it('registers the webhook with its secret and handles an update delivered with it', async () => {
    const post = await startWebhook();
    expect(fake.callsOf('setWebhook').map((c) => c.payload)).toEqual([
      { url: URL_, secret_token: 'right-secret', allowed_updates: ['message', 'callback_query', 'my_chat_member'] },
    ]);
    const update = messageUpdate(5, ADMIN, '/drive start ua-34-25 goal=50 deadline=2030-01-31');
    expect((await post(update, 'right-secret')).status).toBe(200);
    expect(fake.textsTo(GROUP.id).at(-1)).toContain('Drive started');
    // Telegram redelivers: answered 200, nothing done twice.
    const sent = fake.calls.length;
    expect((await post(update, 'right-secret')).status).toBe(200);
    expect(fake.calls.length).toBe(sent);
    // A press in a DM is answered inside the HTTP response (a webhook reply), then recorded.
    const drive = await app.deps.drives.resolve(`telegram:${GROUP.id}`);
    const response = await post(pressUpdate(7, { id: 4 }, memberButton(app.deps, 'telegram', '4', `acted post drive=${drive!.id}`)), 'right-secret');
    expect(await response.json()).toEqual({ method: 'answerCallbackQuery', callback_query_id: 'q7' });
    await until(() => fake.textsTo(4).length === 1, 'the tally message');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('answers 401 to a wrong or missing secret and does nothing', async () => {
    const post = await startWebhook();
    const before = fake.calls.length;
    const update = messageUpdate(6, ADMIN, '/drive start ua-34-25 goal=50 deadline=2030-01-31');
    expect((await post(update, 'wrong-secret')).status).toBe(401);
    expect((await post(update)).status).toBe(401);
    expect((await post(update, 'right-secret', '/elsewhere')).status).toBe(404);
    expect(fake.calls.length).toBe(before);
    expect(await app.deps.drives.resolve(`telegram:${GROUP.id}`)).toBeUndefined();
    // The update was not claimed either: the genuine delivery still works.
    expect((await post(update, 'right-secret')).status).toBe(200);
    expect(await app.deps.drives.resolve(`telegram:${GROUP.id}`)).toBeDefined();
  });

  it('derives a stable secret from the token when none is configured', () => {
    const secret = webhookSecret(TOKEN);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(webhookSecret(TOKEN)).toBe(secret);
    expect(webhookSecret('999:other')).not.toBe(secret);
    expect(webhookSecret(TOKEN, 'given')).toBe('given');
  });
});
