import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from '../adapters/slack/sign.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN, buttonsOf, TOKEN } from '../adapters/telegram/harness.js';
import { GROUP, messageUpdate, pressUpdate } from '../adapters/telegram/updates.js';
import { testApp } from '../support/app.js';
import { dueReminderZone } from '../support/due-reminder.js';
import { typer } from '../support/invoke.js';
import { freePort, startRedisServer } from '../support/redis-server.js';
import { BACKEND_HEADER, RoundRobinProxy } from '../support/round-robin.js';
import { BotProcess } from './bot-process.js';

/** testApp's member-key secret: the bot processes must key members as the test's own app does. */
const SECRET = 'test-secret-0123456789abcdef-0123456789';
const SIGNING = 'two-processes-signing-secret';
const WEBHOOK_SECRET = 'two-processes-webhook-secret';
const SLACK_SPACE = 'slack:T1/C1';
const TELEGRAM_SPACE = `telegram:${GROUP.id}`;
/** 12 members of a goal of 48 reach the 25% milestone, and no other. */
const GOAL = 48;

type Served = { status: number; backend: string; body: string };

/**
 * Two bot processes (real OS processes) on one Redis of the test's own, behind one Slack events URL
 * and one Telegram webhook: a round-robin proxy sends each request to the other process in turn.
 */
describe('two bot processes behind one Slack URL and one Telegram webhook, on one Redis', () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let slack: FakeSlackApi;
  let telegram: FakeBotApi;
  let proxy: RoundRobinProxy;
  const bots: BotProcess[] = [];
  const dirs: string[] = [];
  let nextUpdate = 1000;

  beforeAll(async () => {
    const redisPort = await freePort();
    redis = await startRedisServer(redisPort);
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    slack = new FakeSlackApi();
    await slack.start();
    telegram = await FakeBotApi.start();
    telegram.members.set(`${GROUP.id}:${ADMIN.id}`, 'administrator');
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    proxy = new RoundRobinProxy({ '/slack/events': [ports[0]!, ports[1]!], '/tg': [ports[2]!, ports[3]!] });
    await proxy.start();

    // Before the processes start: a drive in each space whose reminder fell due ten minutes ago
    // (scheduled half an hour ago). Both processes' schedulers find them due when they start.
    const now = new Date();
    const { zone, date, tenMinutesAgo } = dueReminderZone(now);
    const seed = await testApp({ redisUrl, storePrefix: 'actionbot:', now: new Date(now.getTime() - 30 * 60_000).toISOString() });
    for (const [space, platform, userId] of [[SLACK_SPACE, 'slack', 'UMOD'], [TELEGRAM_SPACE, 'telegram', String(ADMIN.id)]] as const) {
      const type = typer(seed.deps, space);
      const moderator = { userId, moderator: true, platform };
      expect((await type(moderator, `/drive start ua-34-25 goal=${GOAL} deadline=${date} timezone=${zone}`)).plain).toContain('Stop illegal expulsions');
      await type(moderator, `/remind schedule 0d at=${tenMinutesAgo}`);
    }
    await seed.close();

    for (const i of [0, 1]) {
      const dataDir = await mkdtemp(join(tmpdir(), `actionbot-two-${i}-`));
      dirs.push(dataDir);
      const bot = new BotProcess(
        {
          DATA_DIR: dataDir,
          STORE_URL: redisUrl,
          MEMBER_KEY_SECRET: SECRET,
          MODERATOR_IDS: 'slack:UMOD',
          LOG_LEVEL: 'info',
          SLACK_BOT_TOKEN: 'xoxb-two-processes',
          SLACK_SIGNING_SECRET: SIGNING,
          SLACK_API_URL: slack.apiUrl,
          SLACK_PORT: String(ports[i]),
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          TELEGRAM_WEBHOOK_URL: proxy.url('/tg'),
          TELEGRAM_WEBHOOK_PORT: String(ports[2 + i]),
          TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        },
        'node',
      );
      bots.push(bot);
    }
    await Promise.all(bots.map((bot) => bot.until(/actionbot is running/, 40_000)));
  }, 60_000);

  afterAll(async () => {
    for (const bot of bots) bot.signal('SIGKILL');
    await Promise.all(bots.map((bot) => bot.exited));
    await proxy.stop();
    await slack.close();
    await telegram.close();
    redis.kill('SIGKILL');
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function toTelegram(update: object): Promise<Served> {
    const response = await fetch(proxy.url('/tg'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    return { status: response.status, backend: response.headers.get(BACKEND_HEADER)!, body: await response.text() };
  }

  async function toSlack(user: string, command: string, text: string): Promise<Served> {
    const key = `${command.slice(1)}-${user}-${nextUpdate++}`;
    const body = slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command, text, response_url: slack.responseUrl(key), trigger_id: `t-${key}` });
    const response = await postSigned(proxy.url('/slack/events'), body, { secret: SIGNING });
    const inAck = await response.text();
    // The answer rides in the ack, or follows on the response_url when the ack went out first.
    if (!inAck) await slack.until(() => slack.answersTo(key).length > 0, Number.POSITIVE_INFINITY);
    return { status: response.status, backend: response.headers.get(BACKEND_HEADER)!, body: inAck || JSON.stringify(slack.answersTo(key)) };
  }

  const slackPosts = (match: string) => slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C1' && JSON.stringify(c.args).includes(match));
  const groupPosts = (match: string) => telegram.textsTo(GROUP.id).filter((text) => text.includes(match));

  it('posts each due reminder once between the two processes', async () => {
    await slack.until(() => slackPosts('Reminder: ').length > 0, Number.POSITIVE_INFINITY);
    await telegram.until(() => groupPosts('Reminder: ').length > 0);
    // Both schedulers started with the slot due; give the slower one time to have tried.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(slackPosts('Reminder: ')).toHaveLength(1);
    expect(groupPosts('Reminder: ')).toHaveLength(1);
  });

  it('counts 12 members acting through both processes exactly, and posts each milestone once', async () => {
    const slackMembers = Array.from({ length: 6 }, (_, i) => `U0000${i}`);
    const telegramMembers = Array.from({ length: 6 }, (_, i) => ({ id: 500 + i }));
    const served = await Promise.all([
      ...slackMembers.map((user) => toSlack(user, '/acted', 'email')),
      ...telegramMembers.map((member) => toTelegram(messageUpdate(nextUpdate++, member, '/acted email'))),
    ]);
    expect(served.map((s) => s.status)).toEqual(Array(12).fill(200));
    expect(new Set(served.map((s) => s.backend))).toEqual(new Set(['0', '1']));
    expect(served.slice(0, 6).filter((s) => /counted/i.test(s.body))).toHaveLength(6);

    const audit = await testApp({ redisUrl, storePrefix: 'actionbot:' });
    try {
      const tally = await audit.deps.ledger.tally('ua-34-25');
      expect({ actions: tally.actions, members: tally.members }).toEqual({ actions: 12, members: 12 });
      expect(tally.bySpace).toEqual({ [SLACK_SPACE]: 6, [TELEGRAM_SPACE]: 6 });
      expect(await audit.deps.ledger.export('ua-34-25')).toHaveLength(12);
    } finally {
      await audit.close();
    }

    await slack.until(() => slackPosts('of the goal reached').length > 0, Number.POSITIVE_INFINITY);
    await telegram.until(() => groupPosts('of the goal reached').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(slackPosts('of the goal reached')).toHaveLength(1);
    expect(groupPosts('of the goal reached')).toHaveLength(1);
  }, 40_000);

  it('answers a Telegram deep link made by one process from the other', async () => {
    const member = { id: 77 };
    telegram.refusedDms.add(member.id);
    // /acted without a method asks which one, privately: the member never opened a DM, so a deep link.
    const asked = await toTelegram(messageUpdate(nextUpdate++, member, '/acted'));
    const offer = telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === GROUP.id && buttonsOf(c.payload).some((b) => b.url?.includes('?start=')));
    const link = buttonsOf(offer.at(-1)!.payload).find((b) => b.url?.includes('?start='))!.url!;
    telegram.refusedDms.delete(member.id);

    const before = telegram.calls.length;
    const started = await toTelegram(messageUpdate(nextUpdate++, member, `/start ${new URL(link).searchParams.get('start')}`, 'dm'));
    expect(started.backend).not.toBe(asked.backend);
    // What the member reads in the DM from the /start on (the refused attempt before it said the same).
    const dm = telegram.calls.slice(before).filter((c) => c.method === 'sendMessage' && c.ok && Number(c.payload.chat_id) === member.id);
    expect(dm.map((c) => String(c.payload.text)).join('\n')).toContain('How did you act');
    expect(buttonsOf(dm.at(-1)!.payload).map((b) => b.callback_data)).toEqual(expect.arrayContaining([expect.stringMatching(/^acted email drive=/)]));
  });

  it('completes a Telegram form on one process that the other started', async () => {
    const member = { id: 78, lang: 'en' };
    await toTelegram(messageUpdate(nextUpdate++, member, '/letter'));
    const formButton = () =>
      telegram
        .callsOf('sendMessage')
        .filter((c) => Number(c.payload.chat_id) === member.id)
        .flatMap((c) => buttonsOf(c.payload))
        .find((b) => b.callback_data?.startsWith('F|'));
    await telegram.until(() => formButton() !== undefined);
    const form = formButton()!;
    const pressed = await toTelegram(pressUpdate(nextUpdate++, member, form.callback_data!));
    // The press is answered in the webhook's HTTP response; the prompt follows it.
    const prompts = () => telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === member.id && (c.payload.reply_markup as { force_reply?: boolean } | undefined)?.force_reply);
    await telegram.until(() => prompts().length > 0);
    const prompt = prompts().at(-1)!;
    // The process keeps the prompt once Telegram has answered its sendMessage (it needs the message
    // id): the fake saw the prompt before that. A member's reply is taken once the prompt is kept.
    const audit = await testApp({ redisUrl, storePrefix: 'actionbot:' });
    try {
      while (!(await audit.deps.shortLived.get('form-prompt', `${member.id}:${prompt.messageId}`))) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await audit.close();
    }

    const before = telegram.textsTo(member.id).length;
    const chat = { id: member.id, type: 'private' };
    const answer = messageUpdate(nextUpdate++, member, 'Ana\nLyon\nFrance', chat, { reply_to_message: { message_id: prompt.messageId, date: 1_700_000_000, chat, text: 'prompt' } });
    const answered = await toTelegram(answer);
    expect(answered.backend).not.toBe(pressed.backend);
    await telegram.until(() => telegram.textsTo(member.id).length > before);
    const letter = telegram.textsTo(member.id).slice(before).join('\n');
    expect(letter).toContain('UA 34.25');
    expect(letter).toMatch(/Ana\s*\nLyon/);
  });
});
