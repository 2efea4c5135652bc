import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'UADMIN';
let h: Harness;
let events: TestEvents;

beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
  events = await startedEvents(h.app, [h.slack.notifier]);
});
afterEach(async () => {
  await events.stop();
  await h.close();
});

const run = async (user: string, command: string, text: string) => {
  const { key } = await h.slash(user, command, text);
  return JSON.stringify(await h.answers(key));
};
const posted = (text: string) => h.fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.args).includes(text));

describe('Slack: following an appeal and its news', () => {
  it('sends the news once to the follower\'s DM and posts it once in the channel; a member who did not follow hears nothing', async () => {
    await run(ADMIN, 'drive', 'start ua-34-25 deadline=2030-01-31');
    await run('UMEMBER', 'acted', 'email');
    expect(await run('UMEMBER', 'follow', '')).toContain('I will tell you privately what becomes of UA 34.25');
    await run('UOTHER', 'acted', 'post');
    expect(await run(ADMIN, 'news', 'post ua-34-25 text="The court suspended the expulsions."')).toContain('goes out now');
    await events.settle();
    const calls = posted('The court suspended the expulsions.');
    expect(calls.map((c) => String(c.args.channel)).sort()).toEqual(['C1', 'UMEMBER']);
    expect(JSON.stringify(calls.find((c) => c.args.channel === 'UMEMBER')!.args)).toContain('Your group took 2 actions');
  });

  it('refuses /news post to a member who is no admin, and sends nothing', async () => {
    await run(ADMIN, 'drive', 'start ua-34-25 deadline=2030-01-31');
    await run('UMEMBER', 'follow', '');
    expect(await run('UMEMBER', 'news', 'post ua-34-25 text="Fake news"')).toMatch(/moderator/i);
    await events.settle();
    expect(posted('Fake news')).toHaveLength(0);
  });
});
