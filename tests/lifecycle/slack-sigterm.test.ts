import { describe, expect, it } from 'vitest';
import { BotProcess, freePort } from './bot-process.js';
import { answerOf, audit, burst, inAMonth, members, slackBurstRig, slackEnv, slash } from './slack-burst.js';

/** The figure; LIFECYCLE_MEMBERS makes it smaller (or larger) on another machine. */
const MEMBERS = Number(process.env.LIFECYCLE_MEMBERS ?? 1000);

describe('SIGTERM to npm start in the middle of a Slack burst', () => {
  const rig = slackBurstRig('sigterm');

  it(`exits by itself with 0 within 15 s, and every one of ${MEMBERS} members acknowledged is in the audit and was answered`, async () => {
    const port = await freePort();
    rig.bot = new BotProcess(slackEnv(rig.fake, port, rig.dataDir));
    await rig.bot.until(/actionbot is running/);
    const started = await slash(rig.fake, port, 'UMOD', '/drive', `start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`, 'start');
    expect(started.status).toBe(200);
    await rig.fake.until(() => rig.fake.answersTo('start').length > 0);

    let signalledAt = 0;
    const sent = await burst(rig.fake, port, members(MEMBERS), 64, (_sent, done) => {
      if (done === Math.floor(MEMBERS / 3)) {
        signalledAt = Date.now();
        rig.bot!.signal('SIGTERM');
      }
    });
    const exit = await rig.bot.exitWithin(15_000 - (Date.now() - signalledAt));
    expect(exit, 'still running 15 s after SIGTERM').toEqual({ code: 0, signal: null });
    expect(rig.bot.messages().find((m) => m.startsWith('stopped (SIGTERM)'))).toMatch(/^stopped \(SIGTERM\): \d+ commands? drained$/);

    const acknowledged = sent.filter((s) => s.status === 200);
    const refused = sent.filter((s) => s.status !== 200);
    // The burst went on after the signal: some were taken before it, the rest found the door closed.
    expect(acknowledged.length).toBeGreaterThanOrEqual(Math.floor(MEMBERS / 3));
    expect(refused.length).toBeGreaterThan(0);
    // Nothing sent well after the signal is taken, even on a connection kept alive from before it.
    const lateButTaken = acknowledged.filter((s) => s.at > signalledAt + 1500);
    expect(lateButTaken.map((s) => s.user)).toEqual([]);
    const after = await audit(rig.dataDir);
    expect(acknowledged.filter((s) => !after.keys.has(after.keyOf(s.user))).map((s) => s.user)).toEqual([]);
    expect(acknowledged.filter((s) => !/counted/.test(answerOf(rig.fake, s))).map((s) => s.user)).toEqual([]);
    expect(after.actions).toBe(after.rows);
    expect(after.rows).toBeGreaterThanOrEqual(acknowledged.length);
  }, 90_000);
});
