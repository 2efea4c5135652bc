import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { BotProcess, freePort } from './bot-process.js';
import { answerOf, audit, burst, inAMonth, members, slackEnv, slash } from './slack-burst.js';

/** The figure; LIFECYCLE_MEMBERS makes it smaller (or larger) on another machine. */
const MEMBERS = Number(process.env.LIFECYCLE_MEMBERS ?? 1000);

describe('SIGTERM to npm start in the middle of a Slack burst', () => {
  let dataDir: string;
  let fake: FakeSlackApi;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-sigterm-'));
    fake = new FakeSlackApi();
    await fake.start();
  });
  afterEach(async () => {
    bot?.signal('SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(`exits by itself with 0 within 15 s, and every one of ${MEMBERS} members acknowledged is in the audit and was answered`, async () => {
    const port = await freePort();
    bot = new BotProcess(slackEnv(fake, port, dataDir));
    await bot.until(/actionbot is running/);
    const started = await slash(fake, port, 'UMOD', '/drive', `start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`, 'start');
    expect(started.status).toBe(200);
    await fake.until(() => fake.answersTo('start').length > 0);

    let signalledAt = 0;
    const sent = await burst(fake, port, members(MEMBERS), 64, (_sent, done) => {
      if (done === Math.floor(MEMBERS / 3)) {
        signalledAt = Date.now();
        bot!.signal('SIGTERM');
      }
    });
    const exit = await bot.exitWithin(15_000 - (Date.now() - signalledAt));
    expect(exit, 'still running 15 s after SIGTERM').toEqual({ code: 0, signal: null });
    expect(bot.messages().find((m) => m.startsWith('stopped (SIGTERM)'))).toMatch(/^stopped \(SIGTERM\): \d+ commands? drained$/);

    const acknowledged = sent.filter((s) => s.status === 200);
    const refused = sent.filter((s) => s.status !== 200);
    // The burst went on after the signal: some were taken before it, the rest found the door closed.
    expect(acknowledged.length).toBeGreaterThanOrEqual(Math.floor(MEMBERS / 3));
    expect(refused.length).toBeGreaterThan(0);
    // Nothing sent well after the signal is taken, even on a connection kept alive from before it.
    const lateButTaken = acknowledged.filter((s) => s.at > signalledAt + 1500);
    expect(lateButTaken.map((s) => s.user)).toEqual([]);
    const after = await audit(dataDir);
    expect(acknowledged.filter((s) => !after.keys.has(after.keyOf(s.user))).map((s) => s.user)).toEqual([]);
    expect(acknowledged.filter((s) => !/counted/.test(answerOf(fake, s))).map((s) => s.user)).toEqual([]);
    expect(after.actions).toBe(after.rows);
    expect(after.rows).toBeGreaterThanOrEqual(acknowledged.length);
  }, 90_000);
});
