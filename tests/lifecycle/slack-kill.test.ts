import { describe, expect, it } from 'vitest';
import { BotProcess, freePort } from './bot-process.js';
import { answerOf, audit, burst, inAMonth, members, slackBurstRig, slackEnv, slash } from './slack-burst.js';

/** The figure; LIFECYCLE_MEMBERS makes it smaller (or larger) on another machine. */
const MEMBERS = Math.round((Number(process.env.LIFECYCLE_MEMBERS ?? 1000) * 3) / 5);

describe('kill -9 of the bot in the middle of a Slack burst', () => {
  const rig = slackBurstRig('kill');

  // The retry round crosses the drive's 50% milestone: its chart is the first one drawn, so this
  // also proves loading the renderer does not stop the rig.bot (it once stopped it for 15-20 s).
  it(`loses no member told "counted"; once all ${MEMBERS} retry, tally = audit rows = ${MEMBERS}`, async () => {
    const port = await freePort();
    const env = slackEnv(rig.fake, port, rig.dataDir);
    rig.bot = new BotProcess(env, 'node');
    await rig.bot.until(/actionbot is running/);
    expect((await slash(rig.fake, port, 'UMOD', '/drive', `start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`, 'start')).status).toBe(200);
    await rig.fake.until(() => rig.fake.answersTo('start').length > 0);

    const everyone = members(MEMBERS);
    // Killed past a third of the burst, once members are being told (in the ack's body, or on the
    // response_url when the ack went out first).
    let killed = false;
    const first = await burst(rig.fake, port, everyone, 64, (sent, done) => {
      if (killed || done < Math.floor(MEMBERS / 3) || !(/counted/.test(sent.body) || rig.fake.responses.some((r) => /counted/.test(JSON.stringify(r.body))))) return;
      killed = true;
      rig.bot!.signal('SIGKILL');
    });
    expect(await rig.bot.exitWithin(5000)).toEqual({ code: null, signal: 'SIGKILL' });
    // Acknowledged before the kill: the answer rode in the ack, or was on its way to the response_url.
    expect(killed).toBe(true);
    expect(first.filter((s) => s.status === 200).length).toBeGreaterThanOrEqual(Math.floor(MEMBERS / 3) - 64);
    const told = first.filter((s) => /counted/.test(answerOf(rig.fake, s)));
    expect(told.length).toBeGreaterThan(0);

    // After the crash, before anyone retries: everyone told "counted" is in the audit.
    const crashed = await audit(rig.dataDir);
    expect(told.filter((s) => !crashed.keys.has(crashed.keyOf(s.user))).map((s) => s.user)).toEqual([]);
    expect(crashed.actions).toBe(crashed.rows);

    // Restarted, everyone presses again (a new delivery each): each counts once.
    rig.bot = new BotProcess(env, 'node');
    await rig.bot.until(/actionbot is running/);
    const again = await burst(rig.fake, port, everyone, 64, undefined, 2);
    expect(again.filter((s) => s.status !== 200)).toEqual([]);
    // An answer rides in the ack, or follows it on the response_url (when the ack went out first).
    await rig.fake.until(() => again.every((s) => /counted/.test(answerOf(rig.fake, s))), 10_000).catch(() => undefined);
    expect(again.filter((s) => !/counted/.test(answerOf(rig.fake, s)))).toEqual([]);
    rig.bot.signal('SIGTERM');
    expect(await rig.bot.exitWithin(15_000)).toEqual({ code: 0, signal: null });
    const final = await audit(rig.dataDir);
    expect({ actions: final.actions, rows: final.rows, members: final.members }).toEqual({ actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
  }, 120_000);
});
