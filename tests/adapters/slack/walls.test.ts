import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryClaims, dumpStore, floodClaims } from '../../support/store-dump.js';
import { buttonsOf, textOf } from './blocks.js';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'UADMIN';
/** A member of the workspace, no admin, in his direct messages with the bot. */
const MEMBER = 'UMEMBER';
const DM = 'D0123';
const REFUSED = 'does not work here';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
});
afterEach(async () => {
  await h.close();
});

describe("Slack: a member's direct messages reach into no channel", () => {
  it('refuses /acted, /undo and /remind naming a channel drive by id, and /report, with one line each; the store is unchanged', async () => {
    await h.answers((await h.slash(ADMIN, 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31')).key);
    const [drive] = await h.app.deps.drives.openIn('slack:T1/C1');
    await h.answers((await h.slash('UANA', 'acted', 'email')).key);
    // His language is looked up and kept once, by his first command (his own setting, no group's data).
    await h.answers((await h.slash(MEMBER, 'help', '', { channel: DM })).key);
    const triggers = ['w1', 'w2', 'w3', 'w4', 'w5'];
    const ignored = floodClaims([h.app.deps.memberKey('slack', MEMBER)], h.app.clock.now());
    for (const key of deliveryClaims(triggers.map((t) => `slack:cmd:${t}`))) ignored.add(key);
    const before = dumpStore(join(h.app.dataDir, 'test.sqlite'), ignored);

    const said = async (command: string, text: string, trigger: string) => textOf((await h.answers((await h.slash(MEMBER, command, text, { channel: DM, trigger })).key))[0]!);
    expect(await said('acted', `email drive=${drive!.id}`, 'w1')).toContain(REFUSED);
    expect(await said('undo', `email drive=${drive!.id}`, 'w2')).toContain(REFUSED);
    expect(await said('remind', `schedule 7d drive=${drive!.id}`, 'w3')).toContain(REFUSED);
    expect(await said('report', 'ua-34-25', 'w4')).toContain('a private chat makes nobody a moderator');
    expect(await said('acted', 'email drive=AAAAAAAA', 'w5')).toContain(REFUSED);

    expect(dumpStore(join(h.app.dataDir, 'test.sqlite'), ignored)).toEqual(before);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it("keeps the legitimate flow: a member's letter in the channel, its button pressed there, counted once", async () => {
    await h.answers((await h.slash(ADMIN, 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31')).key);
    const { key } = await h.slash(MEMBER, 'letter');
    await h.answers(key);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const letter = h.fake.answersTo(key);
    const emailed = letter.flatMap(buttonsOf).find((b) => b.value?.startsWith('acted email'))!;
    const [answer] = await h.answers((await h.press(MEMBER, { action_id: emailed.action_id, value: emailed.value! })).key);
    expect(textOf(answer!)).toMatch(/1 action/);
    // The same button altered (another method under the email button's signature) is refused.
    const forged = emailed.value!.replace('acted email', 'acted phone');
    const [refused] = await h.answers((await h.press('UOTHER', { action_id: emailed.action_id, value: forged })).key);
    expect(textOf(refused!)).toContain(REFUSED);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it("says the refusal in the member's Slack language", async () => {
    await h.answers((await h.slash(ADMIN, 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31')).key);
    const [drive] = await h.app.deps.drives.openIn('slack:T1/C1');
    h.fake.locales.set('UMARIA', 'es-ES');
    const [answer] = await h.answers((await h.slash('UMARIA', 'acted', `email drive=${drive!.id}`, { channel: 'D0456' })).key);
    expect(textOf(answer!)).toContain('no sirve aquí');
  });
});
