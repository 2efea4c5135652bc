import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { BotProcess, freePort } from './bot-process.js';
import { answerOf, audit, burst, inAMonth, members, slackEnv, slash } from './slack-burst.js';

/** The figure; LIFECYCLE_MEMBERS makes it smaller (or larger) on another machine. */
const MEMBERS = Math.round((Number(process.env.LIFECYCLE_MEMBERS ?? 1000) * 3) / 5);

describe('kill -9 of the bot in the middle of a Slack burst', () => {
  let dataDir: string;
  let fake: FakeSlackApi;
  let bot: BotProcess | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-kill-'));
    fake = new FakeSlackApi();
    await fake.start();
  });
  afterEach(async () => {
    bot?.signal('SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // The retry round crosses the drive's 50% milestone: its chart is the first one drawn, so this
  // also proves loading the renderer does not stop the bot (it once stopped it for 15-20 s).
  it(`loses no member told "counted"; once all ${MEMBERS} retry, tally = audit rows = ${MEMBERS}`, async () => {
    const port = await freePort();
    const env = slackEnv(fake, port, dataDir);
    bot = new BotProcess(env, 'node');
    await bot.until(/actionbot is running/);
    expect((await slash(fake, port, 'UMOD', '/drive', `start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`, 'start')).status).toBe(200);
    await fake.until(() => fake.answersTo('start').length > 0);

    const everyone = members(MEMBERS);
    const first = await burst(fake, port, everyone, 64, (_sent, done) => {
      if (done === Math.floor(MEMBERS / 3)) bot!.signal('SIGKILL');
    });
    expect(await bot.exitWithin(5000)).toEqual({ code: null, signal: 'SIGKILL' });
    // Acknowledged before the kill: the answer rode in the ack, or was on its way to the response_url.
    expect(first.filter((s) => s.status === 200).length).toBeGreaterThanOrEqual(Math.floor(MEMBERS / 3) - 64);
    const told = first.filter((s) => /counted/.test(answerOf(fake, s)));
    expect(told.length).toBeGreaterThan(0);

    // After the crash, before anyone retries: everyone told "counted" is in the audit.
    const crashed = await audit(dataDir);
    expect(told.filter((s) => !crashed.keys.has(crashed.keyOf(s.user))).map((s) => s.user)).toEqual([]);
    expect(crashed.actions).toBe(crashed.rows);

    // Restarted, everyone presses again (a new delivery each): each counts once.
    bot = new BotProcess(env, 'node');
    await bot.until(/actionbot is running/);
    const again = await burst(fake, port, everyone, 64, undefined, 2);
    expect(again.filter((s) => s.status !== 200)).toEqual([]);
    // An answer rides in the ack, or follows it on the response_url (when the ack went out first).
    await fake.until(() => again.every((s) => /counted/.test(answerOf(fake, s))), 10_000).catch(() => undefined);
    expect(again.filter((s) => !/counted/.test(answerOf(fake, s)))).toEqual([]);
    bot.signal('SIGTERM');
    expect(await bot.exitWithin(15_000)).toEqual({ code: 0, signal: null });
    const final = await audit(dataDir);
    expect({ actions: final.actions, rows: final.rows, members: final.members }).toEqual({ actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
  }, 120_000);
});
