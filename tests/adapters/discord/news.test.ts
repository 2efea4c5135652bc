import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { CHANNEL, interact, slash, startHarness, textOf, type Harness } from './harness.js';

const MODERATOR = { userId: '3000000000000000001', moderator: true };
const MEMBER = { userId: '3000000000000000002' };
const OTHER = { userId: '3000000000000000003' };
let h: Harness;
let events: TestEvents;

beforeEach(async () => {
  h = await startHarness();
  events = await startedEvents(h.app, [h.adapter.notifier]);
});
afterEach(async () => {
  await events.stop();
  await h.close();
});

type Json = Record<string, unknown>;
const carrying = (text: string) => h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages') && JSON.stringify(r.body ?? {}).includes(text));

describe('Discord: following an appeal and its news', () => {
  it('opens a DM with the follower only and sends the news there once, with one post in the channel', async () => {
    await interact(h.fake, slash('drive', { appeal: 'ua-34-25', deadline: '2030-01-31' }, MODERATOR, 'start'));
    await interact(h.fake, slash('acted', { method: 'email' }, MEMBER));
    const follow = await interact(h.fake, slash('follow', {}, MEMBER));
    expect(textOf(follow.body)).toContain('I will tell you privately what becomes of UA 34.25');
    await interact(h.fake, slash('acted', { method: 'post' }, OTHER));
    const posted = await interact(h.fake, slash('news', { appeal: 'ua-34-25', text: 'Charges were dropped.', outcome: 'good' }, MODERATOR, 'post'));
    expect(textOf(posted.body)).toMatch(/goes out now/);
    await events.settle();
    const dmOpened = h.fake.requests.filter((r) => r.path === '/users/@me/channels').map((r) => String((r.body as Json).recipient_id));
    expect(dmOpened).toEqual([MEMBER.userId]);
    const sent = carrying('Charges were dropped.');
    expect(sent.map((r) => r.path).sort()).toEqual([`/channels/${CHANNEL}/messages`, '/channels/1200000000000000001/messages'].sort());
    expect(JSON.stringify(sent.find((r) => r.path === `/channels/${CHANNEL}/messages`)!.body)).toMatch(/Final tally: 2 actions/);
    expect((await h.app.deps.drives.listIn(`discord:1000000000000000001/${CHANNEL}`))[0]!.status).toBe('ended');
  });
});
