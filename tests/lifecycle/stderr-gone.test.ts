import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { BOT_MAIN } from '../support/built-bot.js';

/**
 * A supervisor that reads the bot's standard error dies (kill -9 of the parent): the pipe's reading end
 * is gone and every write to it fails with EPIPE. SIGTERM must still stop the bot, within
 * SHUTDOWN_TIMEOUT; pino's synchronous flush at exit used to retry the failed write for ever.
 */
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

it('stops on SIGTERM after the reader of its standard error is gone', async () => {
  const telegram = await FakeBotApi.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'actionbot-stderr-'));
  child = spawn(process.execPath, [BOT_MAIN], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT: '1', TELEGRAM_BOT_TOKEN: '123456:stderr-test', TELEGRAM_API_ROOT: telegram.apiRoot },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child!.on('exit', (code, signal) => resolve({ code, signal })));
  try {
    let err = '';
    await new Promise<void>((resolve, reject) => {
      child!.stderr!.on('data', (c: Buffer) => {
        err += c.toString();
        if (err.includes('"actionbot is running"')) resolve();
      });
      child!.on('exit', () => reject(new Error(`the bot exited before it ran: ${err}`)));
    });
    // The reading end closes: from now on every line the bot logs meets EPIPE.
    child.stderr!.destroy();
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  } finally {
    await telegram.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
