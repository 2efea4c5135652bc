import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonsOf, telegramHarness, ADMIN, type Harness } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';
import { addCampaignCases } from '../../support/campaign.js';

let h: Harness;
let update = 5000;
beforeEach(async () => {
  h = await telegramHarness();
  await addCampaignCases(h.app.deps, h.app.clock.now());
});
afterEach(() => h.close());

const say = (from: { id: number }, text: string) => h.feed(messageUpdate(update++, from, text));
const lastDmTo = (id: number) => h.fake.callsOf('sendMessage').filter((c) => c.ok && Number(c.payload.chat_id) === id).at(-1)!;

describe('a Write for Rights campaign on Telegram (grammY against the fake Bot API)', () => {
  it('asks which case privately, never in the group, with buttons within 64 bytes, and counts the press', async () => {
    await say(ADMIN, '/drive start ua-34-25,ua-1-26,ua-2-26 goal=500 deadline=2030-01-31');
    const posts = h.fake.postsIn(GROUP.id).length;
    await say({ id: 2 }, '/acted email');
    // At most the usual "answered you privately" notice: no picker, no button, in the group.
    for (const post of h.fake.postsIn(GROUP.id).slice(posts)) {
      expect(buttonsOf(post.payload)).toEqual([]);
      expect(String(post.payload.text)).not.toContain('Which case');
    }
    const ask = lastDmTo(2);
    expect(String(ask.payload.text)).toContain('Which case did you act on?');
    const buttons = buttonsOf(ask.payload);
    expect(buttons.map((b) => b.text)).toEqual(['1. Stop illegal expulsions to El Salvador', '2. Second case', '3. Third case']);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
    await h.feed(pressUpdate(update++, { id: 2 }, buttons[1]!.callback_data!));
    expect(await h.app.deps.ledger.tally('ua-1-26')).toMatchObject({ actions: 1, byMethod: { email: 1 } });
    expect(await h.app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 0 });

    await say({ id: 3 }, '/letter');
    const pick = buttonsOf(lastDmTo(3).payload);
    expect(pick.map((b) => b.text)).toEqual(['1', '2', '3']);
    await h.feed(pressUpdate(update++, { id: 3 }, pick[2]!.callback_data!));
    expect(String(lastDmTo(3).payload.text)).toContain('UA 2.26');
  });

  it("enters a table's count, keeps its note out of the group, and undoes it", async () => {
    await say(ADMIN, '/drive start ua-34-25,ua-1-26,ua-2-26 deadline=2030-01-31');
    await say(ADMIN, '/tally add 37 post 2 note="Library on Calle Mayor"');
    const drive = (await h.app.deps.drives.resolve(`telegram:${GROUP.id}`))!;
    const [entry] = await h.app.deps.tallyBook.list(drive.id);
    expect(entry).toMatchObject({ count: 37, appealId: 'ua-1-26', method: 'post', note: 'Library on Calle Mayor' });
    // A member cannot enter counts.
    await say({ id: 4 }, '/tally add 5 post 1');
    expect((await h.app.deps.tallyBook.totals(drive.id)).total).toBe(37);
    await say({ id: 4 }, '/progress');
    const group = h.fake.postsIn(GROUP.id).map((p) => String(p.payload.text)).join('\n');
    expect(group).toContain('37 letters at events');
    expect(group).not.toContain('Calle Mayor');
    await say(ADMIN, `/tally undo ${entry!.id}`);
    expect((await h.app.deps.tallyBook.totals(drive.id)).total).toBe(0);
  });
});
