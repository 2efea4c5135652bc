import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_EDIT_MS } from '../../../src/core/events/live-progress.js';
import { publicReply } from '../../../src/core/reply.js';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { telegramHarness, type Harness } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

let h: Harness;
let events: TestEvents;
beforeEach(async () => {
  h = await telegramHarness();
  events = await startedEvents(h.app, [h.notifier]);
});
afterEach(async () => {
  await events.stop();
  await h.close();
});

const groupPosts = () => h.fake.postsIn(GROUP.id).length;

describe('Telegram group etiquette', () => {
  it('acknowledges /acted in a group with a reaction and a private answer, posting nothing in the group', async () => {
    await h.startDrive();
    const before = groupPosts();
    await h.feed(messageUpdate(10, { id: 2 }, '/acted email'));
    expect(h.fake.callsOf('setMessageReaction')).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ chat_id: GROUP.id, message_id: 10, reaction: [{ type: 'emoji', emoji: '👍' }] }) }),
    ]);
    expect(h.fake.textsTo(2).join('\n')).toContain('Your email is counted');
    // A member who never started the bot: the reaction alone, no deep link and no notice in the group.
    h.fake.refusedDms.add(3);
    await h.feed(messageUpdate(11, { id: 3 }, '/acted post'));
    expect(h.fake.callsOf('setMessageReaction')).toHaveLength(2);
    expect(groupPosts()).toBe(before);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(2);
  });

  it('answers a press of "I emailed" in a group with a toast that says the tally, and nothing else', async () => {
    await h.startDrive();
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    const before = h.fake.calls.length;
    await h.feed(pressUpdate(20, { id: 4 }, `acted email drive=${drive!.id}`, GROUP));
    const calls = h.fake.calls.slice(before).filter((c) => c.method !== 'getChatMember');
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(String(calls[0]!.payload.text)).toMatch(/^Thank you! Your email is counted\. 1 action by 1 member/);
    expect(String(calls[0]!.payload.text).length).toBeLessThanOrEqual(200);
  });

  it('counts 100 /acted in one group with at most 20 posts there: one live progress message, edited in place', { timeout: 60_000 }, async () => {
    await h.startDrive(200);
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    await Promise.all(Array.from({ length: 100 }, (_, i) => h.feed(messageUpdate(100 + i, { id: 1000 + i }, '/acted email'))));
    await events.settle();
    expect((await h.app.deps.ledger.tally('ua-34-25')).members).toBe(100);
    // The burst's later changes wait for the next edit, a few seconds on.
    h.app.clock.advance(LIVE_EDIT_MS);
    await events.live.refresh(drive!.id);
    const posts = h.fake.postsIn(GROUP.id);
    expect(posts.length).toBeLessThanOrEqual(20);
    const sent = posts.filter((p) => p.method === 'sendMessage').map((p) => String(p.payload.text));
    expect(sent.filter((t) => t.includes('Progress:'))).toHaveLength(1);
    expect(sent.filter((t) => t.includes('of the goal reached'))).toEqual([expect.stringContaining('50% of the goal reached')]);
    const edits = posts.filter((p) => p.method === 'editMessageText');
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(String(edits.at(-1)!.payload.text)).toContain('100 actions by 100 members');
    expect(h.fake.callsOf('setMessageReaction')).toHaveLength(100);
  });

  it('serves the members of one group at once: a slow answer to one member does not hold up another', async () => {
    await h.startDrive();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    // Member 5's /drive list waits on its moderator check; member 6's /acted must not wait behind it.
    h.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === 'getChatMember' && (payload as { user_id?: number }).user_id === 5) await slow;
      return prev(method, payload, signal);
    });
    const first = h.feed(messageUpdate(30, { id: 5 }, '/drive list'));
    await h.feed(messageUpdate(31, { id: 6 }, '/acted email'));
    expect(h.fake.textsTo(6).join('\n')).toContain('counted');
    release();
    await first;
    expect(h.fake.textsTo(5).join('\n')).toContain('Only moderators can use /drive list');
  });

  it('is answered 429 with retry_after past 20 posts a minute in one group, and the bot waits as told', async () => {
    for (let i = 0; i < 21; i++) await h.notifier.postToSpace(`telegram:${GROUP.id}`, publicReply([{ type: 'text', text: `post ${i}` }])).catch(() => undefined);
    expect(h.fake.postsIn(GROUP.id)).toHaveLength(20);
    const refused = h.fake.calls.filter((c) => !c.ok && c.method === 'sendMessage');
    expect(refused.length).toBeGreaterThan(0);
    expect(h.sleeps.length).toBeGreaterThan(0);
    expect(h.sleeps.every((ms) => ms >= 1000 && ms <= 60_000)).toBe(true);
  });
});
