import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
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

/** The button with this label in the last message sent to a chat. */
function lastButton(chatId: number, label: string): { text: string; callback_data?: string; url?: string } | undefined {
  const sent = h.fake.callsOf('sendMessage').filter((c) => c.ok && Number(c.payload.chat_id) === chatId);
  return sent.flatMap((c) => buttonsOf(c.payload)).reverse().find((b) => b.text === label);
}

describe('Telegram: following an appeal and its news', () => {
  it('follows from the button after /acted, gives a deep link to a member who never opened a chat, and delivers the news once privately with one post in the group', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(10, { id: 2, lang: 'es' }, '/acted email'));
    const follow = lastButton(2, 'Cuéntame qué pasa');
    expect(follow?.callback_data).toMatch(/^follow drive=\S+~[A-Za-z0-9_-]{12}$/);
    // Pressed in the member's private chat, where the answer came.
    await h.feed(pressUpdate(11, { id: 2, lang: 'es' }, follow!.callback_data!));
    expect(h.fake.textsTo(2).join('\n')).toContain('Te contaré en privado qué pasa con UA 34.25');

    // Member 3 never started the bot: the answer says so in the group, with the deep link.
    h.fake.refusedDms.add(3);
    await h.feed(messageUpdate(12, { id: 3 }, '/follow'));
    const notice = h.fake.callsOf('sendMessage').filter((c) => c.ok && Number(c.payload.chat_id) === GROUP.id).at(-1)!;
    expect(String(notice.payload.text)).toMatch(/I cannot write to you privately until you open a chat with me/);
    expect(buttonsOf(notice.payload)[0]!.url).toMatch(/^https:\/\/t\.me\/\w+\?start=k[A-Za-z0-9_-]+$/);

    // A forged follow button (another member's, or altered) changes nothing.
    await h.feed(pressUpdate(13, { id: 4 }, follow!.callback_data!));
    expect(await h.app.deps.followers.store.get('ua-34-25', h.app.deps.memberKey('telegram', '4'))).toBeUndefined();

    const groupBefore = h.fake.postsIn(GROUP.id).length;
    await h.feed(messageUpdate(14, ADMIN, '/news post ua-34-25 text="The expulsions are suspended while the court reviews them."'));
    await events.settle();
    const toMember = h.fake.textsTo(2).filter((t) => t.includes('The expulsions are suspended'));
    expect(toMember).toHaveLength(1);
    expect(toMember[0]).toMatch(/Tu grupo hizo 1 acción/);
    const groupNews = h.fake.postsIn(GROUP.id).slice(groupBefore).filter((p) => String(p.payload.text).includes('The expulsions are suspended'));
    expect(groupNews).toHaveLength(1);
    // The refused member's DM went nowhere; nobody else was messaged.
    const dmChats = new Set(h.fake.callsOf('sendMessage').filter((c) => c.ok && String(c.payload.text).includes('The expulsions are suspended')).map((c) => Number(c.payload.chat_id)));
    expect([...dmChats].sort()).toEqual([GROUP.id, 2].sort());
  });

  it('waits out a 429 on a private message and holds every process for that long', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(30, { id: 6 }, '/follow'));
    h.fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 3', { retry_after: 3 });
    await h.app.deps.pacer!.turn('telegram');
    await h.notifier.sendToMember('6', { visibility: 'private', blocks: [{ type: 'text', text: 'News' }], buttons: [], attachments: [] });
    expect(h.sleeps).toContain(3000);
    expect(h.fake.textsTo(6)).toContain('News');
    expect(await h.app.deps.claims.remaining('pace:telegram:hold')).toBe(3000);
  });

  it('drops a follower who blocked the bot instead of retrying for ever', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(20, { id: 5 }, '/follow'));
    expect(await h.app.deps.followers.store.get('ua-34-25', h.app.deps.memberKey('telegram', '5'))).toBeDefined();
    h.fake.refusedDms.add(5);
    await h.feed(messageUpdate(21, ADMIN, '/news post ua-34-25 text="Closed" outcome=closed'));
    await events.settle();
    expect(await h.app.deps.followers.store.get('ua-34-25', h.app.deps.memberKey('telegram', '5'))).toBeUndefined();
    expect(await h.app.deps.outbox.count()).toBe(0);
    expect((await h.app.deps.drives.listIn(`telegram:${GROUP.id}`))[0]!.status).toBe('ended');
  });
});
