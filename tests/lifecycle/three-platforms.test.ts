import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { answersTo, GUILD, slash } from '../adapters/discord/harness.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { GROUP, messageUpdate } from '../adapters/telegram/updates.js';
import { freePort } from './bot-process.js';

const ROOT = process.cwd();
const DISCORD_MOD = '3000000000000000009';
const TELEGRAM_MOD = { id: 1 };

/**
 * Telegram (long polling), Slack (Socket Mode: the SDK that brings its own undici) and Discord in ONE
 * process started from the compiled bundle, each answering with a file. Two undici copies in one
 * process once made every Discord upload fail ("action is not a function" in undici's extractBody).
 */
describe('one bundled process with Telegram, Slack and Discord', () => {
  let folder: string;
  let child: ChildProcess;
  let err = '';
  let telegram: FakeBotApi;
  let slack: FakeSlackApi;
  let discord: FakeDiscord;
  let wss: WebSocketServer;
  let socket: WebSocket;

  beforeAll(async () => {
    // Its own bundle, inside the project (externals resolve from node_modules above it), so that
    // no other test's `npm start` rebuilds dist/ under it.
    folder = await mkdtemp(join(ROOT, '.three-platforms-'));
    await promisify(execFile)(process.execPath, ['scripts/build.js', '--outdir', join(folder, 'dist')], { cwd: ROOT });
    telegram = await FakeBotApi.start();
    slack = new FakeSlackApi();
    await slack.start();
    discord = new FakeDiscord();
    await discord.start();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    slack.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));

    child = spawn(process.execPath, [join(folder, 'dist', 'main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: join(folder, 'data'),
        LOG_LEVEL: 'info',
        MODERATOR_IDS: `discord:${DISCORD_MOD},slack:UMOD,telegram:${TELEGRAM_MOD.id}`,
        WEB_PORT: String(await freePort()),
        TELEGRAM_BOT_TOKEN: '123456:three-platforms',
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: 'xoxb-three-platforms',
        SLACK_APP_TOKEN: 'xapp-three-platforms',
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN: 'three-platforms',
        DISCORD_GUILD_ID: GUILD,
        DISCORD_API_BASE: discord.apiBase,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    socket = await connected;
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
    while (!err.includes('"actionbot is running"')) {
      if (child.exitCode !== null) throw new Error(`the bot exited ${child.exitCode}: ${err}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    for (const client of wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
    await Promise.all([telegram?.close(), slack?.close(), discord?.stop()]);
    await rm(folder, { recursive: true, force: true });
  });

  /** A slash command over the Socket Mode connection; its answers go to response_url `key`. */
  let envelope = 0;
  function slackCommand(user: string, command: string, text: string, key: string): void {
    const payload = { team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command, text, response_url: slack.responseUrl(key), trigger_id: `t-${key}`, api_app_id: 'A1' };
    socket.send(JSON.stringify({ envelope_id: `env-${++envelope}`, type: 'slash_commands', payload, accepts_response_payload: true }));
  }

  it('answers with a file on each platform', async () => {
    // Discord: a drive, then /progress (the chart) and /letter (the PDF).
    await answersTo(discord, dispatched(slash('drive', { appeal: 'ua-34-25', goal: 10, deadline: '2030-01-31' }, { userId: DISCORD_MOD, moderator: true }, 'start')));
    const progress = await answersTo(discord, dispatched(slash('progress')));
    const letter = await answersTo(discord, dispatched(slash('letter', { appeal: 'ua-34-25' })));
    expect(progress.flatMap((r) => r.files).join(' '), err.slice(-3000)).toMatch(/\.png/);
    expect(letter.flatMap((r) => r.files).join(' ')).toMatch(/\.pdf/);

    // Slack over Socket Mode: a drive, then /report (the CSV), uploaded through files.* calls.
    slackCommand('UMOD', '/drive', 'start ua-34-25 goal=10 deadline=2030-01-31', 'drive');
    await slack.until(() => slack.answersTo('drive').length > 0, Number.POSITIVE_INFINITY);
    slackCommand('UMOD', '/report', '', 'report');
    await slack.until(() => slack.callsTo('files.completeUploadExternal').length > 0, Number.POSITIVE_INFINITY);
    expect(JSON.stringify(slack.callsTo('files.getUploadURLExternal').map((c) => c.args))).toMatch(/\.csv/);

    // Telegram: a drive, then /progress in the group (the chart as a document or photo).
    telegram.push(messageUpdate(1, TELEGRAM_MOD, '/drive start ua-34-25 goal=10 deadline=2030-01-31'));
    telegram.push(messageUpdate(2, TELEGRAM_MOD, '/progress'));
    await telegram.until(() => telegram.calls.some((c) => c.ok && c.files.length > 0 && Number(c.payload.chat_id) === GROUP.id));
    expect(telegram.calls.find((c) => c.files.length > 0)!.files[0]!.name).toMatch(/\.png/);

    expect(err).not.toMatch(/is not a function/);
  }, 120_000);

  it("reads an /import file in the bundle's importer thread (dist/import-worker.js)", async () => {
    // A text file captioned /import in a private chat, by the operator (MODERATOR_IDS): a private chat
    // makes nobody a moderator, so only the operator may import there.
    const ua = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt');
    telegram.files.set('ua-file', ua);
    const from = { id: TELEGRAM_MOD.id, is_bot: false, first_name: 'M' };
    const document = { file_id: 'ua-file', file_unique_id: 'u-ua-file', file_name: 'ua.txt', mime_type: 'text/plain', file_size: ua.length };
    const update = { update_id: 3, message: { message_id: 3, date: 1_700_000_000, chat: { id: from.id, type: 'private', first_name: 'M' }, from, document, caption: '/import', caption_entities: [{ type: 'bot_command', offset: 0, length: 7 }] } };
    telegram.push(update);
    await telegram.until(() => telegram.textsTo(from.id).some((text) => text.includes('Preview: UA 60/16')));
    expect(err).not.toMatch(/importer stopped|import-worker/);
  }, 120_000);

  function dispatched<T extends Record<string, unknown>>(interaction: T): T {
    discord.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }
});
