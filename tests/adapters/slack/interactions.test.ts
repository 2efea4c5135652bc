import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../src/adapters/slack/index.js';
import { SocketModeReceiver } from '@slack/bolt';
import { publicReply } from '../../../src/core/reply.js';
import { buttonsOf, expectWithinLimits, textOf } from './blocks.js';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'UADMIN';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
  const { key } = await h.slash(ADMIN, 'drive', 'start ua-34-25 goal=500 deadline=2030-01-31');
  await h.answers(key);
});

afterEach(async () => {
  await h.close();
});

const tally = () => h.app.deps.ledger.tally('ua-34-25');

async function letterFor(user: string, text = ''): Promise<Array<Record<string, unknown>>> {
  const { key } = await h.slash(user, 'letter', text);
  await h.answers(key);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return h.fake.answersTo(key);
}

describe('Slack adapter: buttons and forms', () => {
  it('records "I emailed" from the letter\'s button, and a double click counts and answers once', async () => {
    const messages = await letterFor('UMEMBER');
    const emailed = messages.flatMap(buttonsOf).find((b) => b.value?.startsWith('acted email'));
    expect(emailed?.value).toMatch(/^acted email drive=\S+~[\w-]{12}$/);
    const press = await h.press('UMEMBER', { action_id: emailed!.action_id, value: emailed!.value! }, '1700000001.000100');
    const again = await h.press('UMEMBER', { action_id: emailed!.action_id, value: emailed!.value! }, '1700000001.000100');
    expect([press.status, again.status]).toEqual([200, 200]);
    const [answer] = await h.answers(press.key);
    expect(answer!.response_type).toBe('ephemeral');
    expect(textOf(answer!)).toMatch(/1/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.answersTo(again.key)).toEqual([]);
    expect((await tally()).actions).toBe(1);

    // The button was made for UMEMBER's private letter: another member's press of it changes nothing (issue 25).
    const other = await h.press('UOTHER', { action_id: emailed!.action_id, value: emailed!.value! }, '1700000001.000200');
    expect(textOf((await h.answers(other.key))[0]!)).toContain('does not work here');
    expect((await tally()).actions).toBe(1);
  });

  it('opens a modal for "Personalise" and runs the letter with the submitted fields', async () => {
    const messages = await letterFor('UMEMBER');
    const form = messages.flatMap(buttonsOf).find((b) => b.action_id.startsWith('af:'));
    expect(form).toBeDefined();
    const press = await h.press('UMEMBER', { action_id: form!.action_id, value: form!.value! });
    expect(press.status).toBe(200);
    await h.fake.until(() => h.fake.callsTo('views.open').length === 1);
    const view = h.fake.callsTo('views.open')[0]!.args.view as { private_metadata: string; blocks: Array<{ block_id: string; type: string }>; title: { text: string } };
    expect(h.fake.callsTo('views.open')[0]!.args.trigger_id).toMatch(/^trigger-press-/);
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['name', 'town', 'country']));
    expect(view.blocks.every((b) => b.type === 'input')).toBe(true);
    expect(view.title.text.length).toBeLessThanOrEqual(24);

    const status = await h.submit('UMEMBER', { id: 'V1', private_metadata: view.private_metadata, values: { name: 'Ana Ruiz', town: 'Lyon', country: '' } });
    expect(status).toBe(200);
    const answers = await h.answers(press.key);
    expect(answers[0]!.response_type).toBe('ephemeral');
    expect(answers.map(textOf).join('\n')).toContain('Ana Ruiz');
    expect(answers.map(textOf).join('\n')).toContain('Lyon');
  });

  it('splits the long letter into messages within every Block Kit limit', async () => {
    const messages = await letterFor('UMEMBER', `name="${'Ana '.repeat(19)}" town="Lyon"`);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const message of messages) expectWithinLimits(message);
    const all = messages.map(textOf).join('\n');
    expect(all).toContain('```');
    // The mailto draft is dropped when it is over 3,000 characters; the copy blocks carry its text.
    for (const b of messages.flatMap(buttonsOf)) if (b.url) expect(b.url.length).toBeLessThanOrEqual(3000);
  });

  it('escapes <!everyone> and user mentions in member-provided text', async () => {
    const messages = await letterFor('UMEMBER', 'name="<!everyone> <@U999>" town="<!channel>"');
    // What Slack renders as mrkdwn: fallback text, headers, sections and fields (button values are data).
    const all = messages.map(textOf).join('\n');
    expect(all).toContain('&lt;!everyone&gt; &lt;@U999&gt;');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).not.toMatch(/<!everyone>|<@U999>|<!channel>/);
  });

  it('sends the /report CSV as a file to the member\'s DM with the bot', async () => {
    const { key } = await h.slash(ADMIN, 'report');
    await h.answers(key);
    await h.fake.until(() => h.fake.callsTo('files.completeUploadExternal').length === 1);
    expect(h.fake.callsTo('conversations.open')[0]!.args.users).toBe(ADMIN);
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.args.channel_id).toBe(`D${ADMIN}`);
    expect(h.fake.uploads[0]!.bytes).toBeGreaterThan(0);
  });
});

describe('Slack adapter: notifier', () => {
  it('posts to a space and to a member with mentions and unfurls off', async () => {
    const reply = publicReply([{ type: 'text', text: 'Two days left <!everyone>' }]);
    await h.slack.notifier.postToSpace('slack:T1/C42', reply);
    await h.slack.notifier.sendToMember('U7', reply);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((p) => p.args.channel)).toEqual(['C42', 'U7']);
    for (const post of posts) {
      expect(post.args.link_names).toBe('false');
      expect(post.args.unfurl_links).toBe('false');
      expect(JSON.stringify(post.args.blocks)).toContain('&lt;!everyone&gt;');
      expect(String(post.args.text)).not.toContain('<!everyone>');
    }
    await expect(h.slack.notifier.postToSpace('telegram:-100', reply)).rejects.toThrow(/not a Slack space/);
  });
});

describe('Slack adapter: modes', () => {
  it('selects Socket Mode when an app token is set', async () => {
    const slack = await createSlackApp(
      { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: h.fake.apiUrl, port: 0 },
      { deps: h.app.deps, logger: h.logger },
      { listen: false },
    );
    expect(slack.mode).toBe('socket');
    expect(slack.receiver).toBeInstanceOf(SocketModeReceiver);
    expect(h.fake.callsTo('apps.connections.open')).toEqual([]);
  });

  it('answers a DM slash command as a private space', async () => {
    const { key } = await h.slash('UMEMBER', 'privacy', '', { channel: 'D0123' });
    const [answer] = await h.answers(key);
    expect(answer!.response_type).toBe('ephemeral');
    expectWithinLimits(answer!);
  });
});
