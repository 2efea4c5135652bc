import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type Running } from '../src/app/main.js';
import { FakeDiscord } from './adapters/discord/fake-discord.js';
import { GUILD, interact, slash, textOf } from './adapters/discord/harness.js';
import { FakeSlackApi } from './adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from './adapters/slack/sign.js';
import { FakeBotApi } from './adapters/telegram/fake-bot-api.js';
import { GROUP, messageUpdate } from './adapters/telegram/updates.js';
import { freePort } from './support/ports.js';

const SLACK_SECRET = 'main-test-signing-secret';
/** main() runs on the real clock: a deadline a year from today, so that the test does not expire. */
const DEADLINE = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

async function until<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('npm start with every platform configured', () => {
  let dataDir: string;
  let telegram: FakeBotApi;
  let slack: FakeSlackApi;
  let discord: FakeDiscord;
  let running: Running | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-main-'));
    telegram = await FakeBotApi.start();
    slack = new FakeSlackApi();
    await slack.start();
    discord = new FakeDiscord();
    await discord.start();
  });
  afterEach(async () => {
    await running?.stop();
    await Promise.all([telegram.close(), slack.close(), discord.stop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs one drive per platform on one store, and one tally counts them all', async () => {
    const slackPort = await freePort();
    running = await main(
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        TZ_DEFAULT: 'Europe/Paris',
        MODERATOR_IDS: 'slack:UMOD',
        TELEGRAM_BOT_TOKEN: '123456:main-test',
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_PORT: String(slackPort),
        DISCORD_TOKEN: 'discord-main-test',
        DISCORD_GUILD_ID: GUILD,
        DISCORD_API_BASE: discord.apiBase,
      },
      { signals: false },
    );
    expect(running.platforms.sort()).toEqual(['discord', 'slack', 'telegram']);

    // Telegram, long polling: a chat administrator starts the drive, a member acts.
    telegram.members.set(`${GROUP.id}:1`, 'administrator');
    telegram.push(messageUpdate(1, { id: 1 }, `/drive start ua-34-25 goal=10 deadline=${DEADLINE}`));
    await until(() => telegram.textsTo(GROUP.id).find((t) => t.includes('Drive started')));
    telegram.push(messageUpdate(2, { id: 7 }, '/acted email'));
    expect(await until(() => telegram.textsTo(7).find((t) => t.includes('Thank you')))).toContain('1 action by 1 member');

    // Slack, HTTP mode with signed requests.
    const events = `http://127.0.0.1:${slackPort}/slack/events`;
    const command = (user: string, name: string, text: string, key: string) =>
      postSigned(events, slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command: name, text, response_url: slack.responseUrl(key), trigger_id: `t-${key}` }), { secret: SLACK_SECRET });
    expect((await command('UMOD', '/drive', `start ua-34-25 goal=10 deadline=${DEADLINE}`, 'start')).status).toBe(200);
    await slack.until(() => slack.answersTo('start').length > 0);
    // A recording command is committed before its ack; its answer rides in the ack's body or, when
    // the member's language was still being asked, follows on the response_url.
    const acted = await command('U1', '/acted', 'post', 'acted');
    const inAck = await acted.text();
    if (!inAck) await slack.until(() => slack.answersTo('acted').length > 0);
    expect(inAck || JSON.stringify(slack.answersTo('acted'))).toContain('2 actions by 2 members');

    // Discord, over the gateway.
    await interact(discord, slash('drive', { appeal: 'ua-34-25', goal: 10, deadline: DEADLINE }, { moderator: true }, 'start'));
    const discordActed = await interact(discord, slash('acted', { method: 'email' }, { userId: '2000000000000000077' }));
    expect(textOf(discordActed.body)).toContain('3 actions by 3 members');

    // The group's progress in Slack shows every platform.
    await command('U1', '/progress', '', 'progress');
    await slack.until(() => slack.answersTo('progress').length > 0);
    const progress = JSON.stringify(slack.answersTo('progress'));
    expect(progress).toMatch(/Telegram.*1/);
    expect(progress).toMatch(/Discord.*1/);
    expect(progress).toMatch(/Slack.*1/);
  }, 60_000);
});
