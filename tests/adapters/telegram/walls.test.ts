import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeepLinks } from '../../../src/adapters/telegram/deep-link.js';
import { deliveryClaims, dumpStore, floodClaims } from '../../support/store-dump.js';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

/** UA 34.25 with every email address replaced by the stranger's, as tried on 2026-12-06. */
const HOSTILE = readFileSync('tests/fixtures/ua/ua-34-25.txt', 'utf8').replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, 'stranger@evil.example');
const MEMBER = { id: 2 };
/** In no group at all: only his own private chat with the bot. */
const STRANGER = { id: 66 };
const REFUSED = 'does not work here';

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
  h.fake.members.set(`${GROUP.id}:${STRANGER.id}`, 'left');
});
afterEach(async () => {
  await h.close();
});

/** The store's tables, less the stranger's own rate windows and the de-duplication of his updates (10-99). */
const dump = () => {
  const ignored = floodClaims([h.app.deps.memberKey('telegram', String(STRANGER.id))], h.app.clock.now());
  for (const key of deliveryClaims(Array.from({ length: 90 }, (_, i) => `telegram:update:${10 + i}`))) ignored.add(key);
  return dumpStore(join(h.app.dataDir, 'test.sqlite'), ignored);
};
const saidToStranger = () => h.fake.textsTo(STRANGER.id).join('\n');

describe('Telegram: a stranger in his private chat reaches into no group', () => {
  it('gets no report, saves no import, moves no count and sets no reminder, each with one line, and the store is unchanged', async () => {
    await h.startDrive();
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    await h.feed(messageUpdate(10, MEMBER, '/acted email'));
    const before = dump();
    const sent = h.fake.callsOf('sendDocument').length;

    await h.feed(messageUpdate(20, STRANGER, '/report ua-34-25', 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain('a private chat makes nobody a moderator');
    expect(h.fake.callsOf('sendDocument')).toHaveLength(sent);
    await h.feed(messageUpdate(21, STRANGER, `/import ${HOSTILE}`, 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain('a private chat makes nobody a moderator');
    await h.feed(messageUpdate(22, STRANGER, `/acted email drive=${drive!.id}`, 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain(REFUSED);
    await h.feed(messageUpdate(23, STRANGER, `/remind schedule 7d,3d drive=${drive!.id}`, 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain(REFUSED);
    // Forged buttons: the bare command line (what the group's buttons carried before), and a made-up signature.
    await h.feed(pressUpdate(24, STRANGER, `acted email drive=${drive!.id}`));
    await h.feed(pressUpdate(25, STRANGER, `remind schedule 7d,3d,1d,0d at=09:00 drive=${drive!.id}~AAAAAAAAAAAA`));
    expect(h.fake.callsOf('answerCallbackQuery').map((c) => c.payload.callback_query_id)).toEqual(expect.arrayContaining(['q24', 'q25']));
    expect(h.fake.textsTo(STRANGER.id).slice(-2).every((t) => t.includes(REFUSED))).toBe(true);
    expect(saidToStranger()).not.toContain(String(GROUP.id));

    expect(dump()).toEqual(before);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it("refuses a group's real button pressed by someone it was not given to", async () => {
    await h.startDrive();
    await h.feed(messageUpdate(30, MEMBER, '/letter'));
    const emailed = h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === MEMBER.id).flatMap((c) => buttonsOf(c.payload)).find((b) => b.callback_data?.startsWith('acted email'))!;
    const before = dump();
    await h.feed(pressUpdate(31, STRANGER, emailed.callback_data!));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain(REFUSED);
    expect(dump()).toEqual(before);
    // The member's own press, in her private chat, counts.
    await h.feed(pressUpdate(32, MEMBER, emailed.callback_data!));
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it("takes a group's letter link only from the bot and only for the group's members", async () => {
    await h.startDrive();
    // Made by the stranger: a payload naming the group, without the bot's signature.
    const forged = `l${'A'.repeat(12)}${Buffer.from(`${GROUP.id} `.trim()).toString('base64url')}`;
    await h.feed(messageUpdate(40, STRANGER, `/start ${forged}`, 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain(REFUSED);
    // The bot's own link, tapped by someone Telegram does not count in the group.
    const genuine = h.deepLinks.forLetter(String(GROUP.id), '')!;
    await h.feed(messageUpdate(41, STRANGER, `/start ${genuine}`, 'dm'));
    expect(h.fake.textsTo(STRANGER.id).at(-1)).toContain(REFUSED);
    expect(saidToStranger()).not.toContain('Kristi Noem');
    expect(h.fake.callsOf('getChatMember').some((c) => Number(c.payload.user_id) === STRANGER.id)).toBe(true);
    // A member of the group gets the letter from the same link.
    await h.feed(messageUpdate(42, MEMBER, `/start ${genuine}`, 'dm'));
    expect(h.fake.textsTo(MEMBER.id).join('\n')).toContain('Kristi Noem');
    expect(DeepLinks.url('ActionTestBot', genuine).length).toBeLessThan(100);
  });

  it("keeps the group admin's flow: import in the group, preview and Save in private, saved for the group", async () => {
    await h.feed(messageUpdate(50, ADMIN, `/import ${HOSTILE}`));
    const save = h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN.id).flatMap((c) => buttonsOf(c.payload)).find((b) => b.text === 'Save this appeal')!;
    // The stranger cannot use the admin's Save, even with its data.
    const before = dump();
    await h.feed(pressUpdate(51, STRANGER, save.callback_data!));
    expect(dump()).toEqual(before);
    await h.feed(pressUpdate(52, ADMIN, save.callback_data!));
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toMatch(/Saved ua-34-25-[0-9a-f]{6} for this community/);
    expect((await h.app.deps.appeals.get('ua-34-25'))!.targets.flatMap((t) => t.emails)).not.toContain('stranger@evil.example');
  });
});
