import { describe, expect, it } from 'vitest';
import { button, customIds, interact, modalSubmit, slash, startHarness as discordHarness, textOf as discordText } from './discord/harness.js';
import { buttonsOf as slackButtons, textOf as slackText } from './slack/blocks.js';
import { startHarness as slackHarness } from './slack/harness.js';
import { buttonsOf, telegramHarness } from './telegram/harness.js';
import { messageUpdate, pressUpdate } from './telegram/updates.js';

type Json = Record<string, unknown>;
const WHO = 'I am a retired Quetzal teacher';
const QUESTION = 'I would like to ask you: who decides these expulsions';

/** The letter carries the member's words once composed, and the sample letter around them. */
function expectComposed(text: string): void {
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(`${WHO}.`);
  expect(flat).toContain(`${QUESTION}?`);
}

describe("the prompts' form on each platform, composed into the letter", () => {
  it('Telegram: "Add my own words" opens a reply prompt; the lines of the answer go into the letter', async () => {
    const h = await telegramHarness();
    const member = { id: 2, lang: 'en' };
    try {
      await h.startDrive();
      await h.feed(messageUpdate(10, member, '/letter'));
      const form = h.fake.callsOf('sendMessage').flatMap((c) => buttonsOf(c.payload)).find((b) => b.text === 'Add my own words')!;
      await h.feed(pressUpdate(11, member, form.callback_data!));
      const prompt = h.fake.callsOf('sendMessage').at(-1)!;
      expect(String(prompt.payload.text)).toContain('Why I care');
      const before = h.fake.textsTo(member.id).length;
      const answer = ['-', WHO, QUESTION].join('\n');
      await h.feed(messageUpdate(12, member, answer, { id: member.id, type: 'private' }, { reply_to_message: { message_id: prompt.messageId!, date: 1_700_000_000, chat: { id: member.id, type: 'private' }, text: 'prompt' } }));
      expectComposed(h.fake.textsTo(member.id).slice(before).join('\n'));
      expect(JSON.stringify(h.logger.entries)).not.toContain('Quetzal');
    } finally {
      await h.close();
    }
  }, 30_000);

  it('Discord: the button opens a modal of the three prompts; its submission answers with the letter, privately', async () => {
    const h = await discordHarness();
    const moderator = { userId: '3000000000000000001', moderator: true };
    const member = { userId: '3000000000000000003' };
    try {
      await interact(h.fake, slash('drive', { appeal: 'ua-34-25', goal: 50, deadline: '2030-01-31' }, moderator, 'start'));
      const letter = await interact(h.fake, slash('letter', {}, member));
      const form = customIds(letter.body).find((id) => id.startsWith('af:') && id.includes(' own=on'))!;
      expect(form).toBeDefined();
      const opened = await interact(h.fake, button(form, member));
      expect(opened.body?.type).toBe(9);
      const modal = opened.body?.data as Json;
      const inputs = (modal.components as Json[]).map((row) => (row.components as Json[])[0]!);
      expect(inputs.map((i) => [i.custom_id, i.label])).toEqual([
        ['why', 'Why I care'],
        ['who', 'Who I am'],
        ['question', 'A question to the official'],
      ]);
      const submitted = await interact(h.fake, modalSubmit(String(modal.custom_id), { why: '', who: WHO, question: QUESTION }, member));
      expect((submitted.body?.data as Json).flags).toBe(64);
      expectComposed(discordText(submitted.body));
    } finally {
      await h.close();
    }
  }, 30_000);

  it('Slack: the button opens a modal; the submitted words come back in the ephemeral letter', async () => {
    const h = await slackHarness();
    try {
      h.fake.admins.add('UADMIN');
      await h.answers((await h.slash('UADMIN', 'drive', 'start ua-34-25 goal=500 deadline=2030-01-31')).key);
      const { key } = await h.slash('UMEMBER', 'letter', '');
      await h.answers(key);
      await h.fake.until(() => h.fake.answersTo(key).flatMap(slackButtons).some((b) => b.action_id.startsWith('af:')), 10_000);
      const forms = h.fake.answersTo(key).flatMap(slackButtons).filter((b) => b.action_id.startsWith('af:'));
      const form = forms.find((b) => b.value!.includes('own=on'))!;
      const press = await h.press('UMEMBER', { action_id: form.action_id, value: form.value! });
      await h.fake.until(() => h.fake.callsTo('views.open').length === 1);
      const view = h.fake.callsTo('views.open')[0]!.args.view as { private_metadata: string; blocks: Array<{ block_id: string }> };
      expect(view.blocks.map((b) => b.block_id)).toEqual(['why', 'who', 'question']);
      expect(await h.submit('UMEMBER', { id: 'V1', private_metadata: view.private_metadata, values: { who: WHO, question: QUESTION } })).toBe(200);
      const answers = await h.answers(press.key);
      expect(answers[0]!.response_type).toBe('ephemeral');
      expectComposed(answers.map(slackText).join('\n'));
    } finally {
      await h.close();
    }
  }, 30_000);
});
