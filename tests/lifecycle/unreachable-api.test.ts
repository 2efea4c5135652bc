import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { freePort } from './bot-process.js';
import { BOT_MAIN } from '../support/built-bot.js';

let child: ChildProcess | undefined;
let relay: Server | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  relay?.close();
});

/**
 * A Telegram API root nothing answers on: the bot says so on every retry and in /readyz, instead of
 * waiting in silence (grammY's start-up retried for ever without a word); once the API answers, it runs.
 */
it('logs each failed start-up attempt, says why in /readyz, and runs once the Bot API answers', async () => {
  const telegram = await FakeBotApi.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-unreachable-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, [BOT_MAIN], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'info', WEB_PORT: String(webPort), TELEGRAM_BOT_TOKEN: '123456:unreachable', TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Array<{ msg: string; attempt?: number }> = [];
  let partial = '';
  const seen: Array<() => void> = [];
  child.stderr!.on('data', (c: Buffer) => {
    const parts = (partial + c.toString()).split('\n');
    partial = parts.pop() ?? '';
    // grammY's runner writes plain lines of its own beside pino's JSON.
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part) as { msg: string; attempt?: number });
    for (const wake of seen.splice(0)) wake();
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => seen.push(resolve));
  };
  try {
    await until(() => lines.some((l) => l.attempt === 2));
    const retries = lines.filter((l) => /cannot reach the Telegram Bot API/.test(l.msg));
    expect(retries.map((l) => l.attempt)).toEqual([1, 2]);
    expect(retries[0]!.msg).toMatch(/ECONNREFUSED.*retrying in 1 s/);
    const ready = await fetch(`http://127.0.0.1:${webPort}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toMatch(/telegram cannot reach the Telegram Bot API \(attempt \d+: ECONNREFUSED\)/);

    // The API comes back (a relay to the fake on the port the bot is configured with).
    const fakePort = Number(new URL(telegram.apiRoot).port);
    relay = createServer((socket) => {
      const upstream = connect(fakePort, '127.0.0.1');
      // Either end goes when the bot or the fake closes: nothing to report.
      for (const end of [socket, upstream]) end.on('error', () => end.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((resolve) => relay!.listen(apiPort, '127.0.0.1', resolve));
    await until(() => lines.some((l) => l.msg === 'actionbot is running'));
    expect((await fetch(`http://127.0.0.1:${webPort}/readyz`)).status).toBe(200);
  } finally {
    await telegram.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

it('does the same for Slack: each failed auth.test is logged and /readyz says why', async () => {
  const slack = new FakeSlackApi();
  await slack.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-unreachable-slack-'));
  const [apiPort, webPort, slackPort] = [await freePort(), await freePort(), await freePort()];
  child = spawn(process.execPath, [BOT_MAIN], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      WEB_PORT: String(webPort),
      SLACK_BOT_TOKEN: 'xoxb-unreachable',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_PORT: String(slackPort),
      SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const messages: string[] = [];
  const seen: Array<() => void> = [];
  let partial = '';
  child.stderr!.on('data', (c: Buffer) => {
    const parts = (partial + c.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) if (part.startsWith('{')) messages.push(String((JSON.parse(part) as { msg: string }).msg));
    for (const wake of seen.splice(0)) wake();
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => seen.push(resolve));
  };
  try {
    await until(() => messages.some((m) => /cannot reach the Slack Web API \(attempt 2: ECONNREFUSED\)/.test(m)));
    expect(await (await fetch(`http://127.0.0.1:${webPort}/readyz`)).text()).toMatch(/slack cannot reach the Slack Web API/);
    const fakePort = Number(new URL(slack.apiUrl).port);
    relay = createServer((socket) => {
      const upstream = connect(fakePort, '127.0.0.1');
      for (const end of [socket, upstream]) end.on('error', () => end.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((resolve) => relay!.listen(apiPort, '127.0.0.1', resolve));
    await until(() => messages.includes('actionbot is running'));
  } finally {
    await slack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
