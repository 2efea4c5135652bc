import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Keyv from 'keyv';
import { KeyvShortLived } from '../../../src/core/short-lived.js';
import { FormPrompts, formOptions, placeholderOf, promptHtml } from '../../../src/adapters/telegram/form-prompts.js';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
import { messageUpdate, pressUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
});
afterEach(async () => {
  await h.close();
});

const MEMBER = { id: 2, lang: 'en' };
const OTHER = { id: 3, lang: 'en' };

/** The member's /letter asked in the group, which arrives in their DM; the form buttons under it. */
async function letterForms(updateId: number) {
  await h.startDrive();
  await h.feed(messageUpdate(updateId, MEMBER, '/letter'));
  return h.fake
    .callsOf('sendMessage')
    .filter((c) => Number(c.payload.chat_id) === MEMBER.id)
    .flatMap((c) => buttonsOf(c.payload))
    .filter((b) => b.callback_data?.startsWith('F|'));
}

/** Presses a form button in the DM; the force_reply prompt it sent and its message id. */
async function openPrompt(updateId: number, data: string, from: { id: number; lang?: string } = MEMBER) {
  await h.feed(pressUpdate(updateId, from, data));
  const call = h.fake.callsOf('sendMessage').at(-1)!;
  return { payload: call.payload, messageId: call.messageId! };
}

/** A message answering the prompt `promptId`, in `chatId` (default: the sender's own DM). */
const answerTo = (updateId: number, from: { id: number; lang?: string }, promptId: number, text: string, chatId = from.id) =>
  messageUpdate(updateId, from, text, { id: chatId, type: 'private' }, { reply_to_message: { message_id: promptId, date: 1_700_000_000, chat: { id: chatId, type: 'private' }, text: 'prompt' } });

describe('Telegram reply-prompt forms', () => {
  it('shows Personalise as a button that opens a force_reply prompt listing the fields', async () => {
    const forms = await letterForms(10);
    expect(forms.map((b) => b.text)).toEqual(['Personalise', 'Personalise and remember', 'Add my own words']);
    expect(forms[0]!.callback_data).toMatch(/^F\|letter drive=\S+$/);
    const { payload } = await openPrompt(11, forms[0]!.callback_data!);
    expect(h.fake.callsOf('answerCallbackQuery').map((c) => c.payload.callback_query_id)).toEqual(['q11']);
    expect(payload.chat_id).toBe(MEMBER.id);
    expect(payload.reply_markup).toEqual({ force_reply: true, input_field_placeholder: 'Your name for the signature' });
    const text = String(payload.text);
    expect(text.split('\n')).toEqual([
      '<b>Your signature</b>',
      'Reply to this message with one line per item:',
      'Your name for the signature',
      'Your town for the signature',
      'Your country for the signature',
      'Opening line "I am writing from..." (on/off): <i>off</i>',
      'Write - on the line of an item to leave it empty.',
    ]);
  });

  it('signs the letter with the lines of the answer, in the DM', async () => {
    const forms = await letterForms(20);
    const { messageId } = await openPrompt(21, forms[0]!.callback_data!);
    const before = h.fake.textsTo(MEMBER.id).length;
    await h.feed(answerTo(22, MEMBER, messageId, 'Ana\nLyon\nFrance'));
    const letter = h.fake.textsTo(MEMBER.id).slice(before).join('\n');
    expect(letter).toContain('<b>UA 34.25');
    expect(letter).toMatch(/Ana\s*\nLyon/);
    expect(letter).toContain('France');
    // Not remembered: Personalise is for this letter only.
    expect(await h.app.deps.profiles.get(h.app.deps.memberKey('telegram', String(MEMBER.id)))).toBeUndefined();
    // The prompt is used up: answering it again runs nothing.
    const after = h.fake.calls.length;
    await h.feed(answerTo(23, MEMBER, messageId, 'Bo\nParis'));
    expect(h.fake.calls.length).toBe(after);
    // The answer is never logged.
    expect(JSON.stringify(h.logger.entries)).not.toContain('Lyon');
  });

  it('remembers the signature from "Personalise and remember", and shows it as the current value next time', async () => {
    const forms = await letterForms(30);
    const remember = forms.find((b) => b.text === 'Personalise and remember')!;
    expect(remember.callback_data).toMatch(/ remember=on~[A-Za-z0-9_-]{12}$/);
    const { messageId } = await openPrompt(31, remember.callback_data!);
    await h.feed(answerTo(32, MEMBER, messageId, '  Ana María \n-\nFrance\non'));
    const profile = await h.app.deps.profiles.get(h.app.deps.memberKey('telegram', String(MEMBER.id)));
    expect(profile).toMatchObject({ name: 'Ana María', country: 'France', opening: true });
    expect(profile?.town).toBeUndefined();
    expect(h.fake.textsTo(MEMBER.id).join('\n')).toContain('I will sign your next letters as Ana María, France');
    const change = h.fake.callsOf('sendMessage').flatMap((c) => buttonsOf(c.payload)).filter((b) => b.text === 'Change my signature').at(-1)!;
    const prompt = await openPrompt(33, change.callback_data!);
    expect(String(prompt.payload.text)).toContain('Your name for the signature: <i>Ana María</i>');
  });

  it('ignores an answer from another member: nothing runs, and the prompt still waits for its member', async () => {
    const forms = await letterForms(40);
    const { messageId } = await openPrompt(41, forms[1]!.callback_data!);
    const before = h.fake.calls.length;
    // Another member answering in the prompt's chat (as in a group), and the same message id in their own DM.
    await h.feed(answerTo(42, OTHER, messageId, 'Mallory\nNowhere', MEMBER.id));
    await h.feed(answerTo(44, OTHER, messageId, 'Mallory\nNowhere'));
    expect(h.fake.calls.length).toBe(before);
    expect(await h.forms.take(MEMBER.id, messageId, String(OTHER.id))).toBeUndefined();
    expect(await h.app.deps.profiles.get(h.app.deps.memberKey('telegram', String(OTHER.id)))).toBeUndefined();
    await h.feed(answerTo(43, MEMBER, messageId, 'Ana'));
    expect(await h.app.deps.profiles.get(h.app.deps.memberKey('telegram', String(MEMBER.id)))).toMatchObject({ name: 'Ana' });
  });

  it('opens the /import paste form as one multiline answer', async () => {
    // The group's admin asks in the group (a private chat makes nobody a moderator); the form comes privately.
    await h.feed(messageUpdate(50, ADMIN, '/import'));
    const paste = h.fake.callsOf('sendMessage').flatMap((c) => buttonsOf(c.payload)).find((b) => /^F\|import~[A-Za-z0-9_-]{12}$/.test(b.callback_data ?? ''))!;
    const { payload, messageId } = await openPrompt(51, paste.callback_data!, ADMIN);
    expect(String(payload.text)).toBe('<b>Import an Urgent Action</b>\nReply to this message with the text.');
    await h.feed(answerTo(52, ADMIN, messageId, 'not an appeal\nat all'));
    // The whole text reached /import, which read it (and says why it is no appeal).
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain('shows no sign of an appeal');
  });
});

describe('Telegram reply prompts, unit', () => {
  it('maps answer lines to fields in order: trimmed, blank or - left out, extra lines ignored, multiline takes the rest', () => {
    const fields = [
      { name: 'name', label: 'Name', max: 80 },
      { name: 'town', label: 'Town', max: 80 },
      { name: 'country', label: 'Country', max: 60 },
    ];
    expect(formOptions(fields, ' Ana \n\n-\nextra')).toEqual({ name: 'Ana' });
    expect(formOptions(fields, 'Ana\r\nLyon\r\nFrance\r\nmore')).toEqual({ name: 'Ana', town: 'Lyon', country: 'France' });
    expect(formOptions([{ name: 'text', label: 'Text', max: 4000, multiline: true }], 'line 1\n\nline 2\n')).toEqual({ text: 'line 1\n\nline 2' });
  });

  it('expires prompts after an hour, and keeps one for its own member only', async () => {
    let now = 0;
    const prompts = new FormPrompts(new KeyvShortLived(new Keyv(), { now: () => new Date(now) }), (id) => `key-${id}`);
    await prompts.add(1, 5, { command: 'letter', fields: [], userId: '1' });
    await prompts.add(1, 6, { command: 'letter', fields: [], userId: '1' });
    expect(await prompts.take(1, 6, '2')).toBeUndefined();
    expect(await prompts.take(1, 6, '1')).toMatchObject({ command: 'letter' });
    now = 60 * 60 * 1000 + 1;
    expect(await prompts.take(1, 5, '1')).toBeUndefined();
  });

  it('escapes the prompt and caps the placeholder at 64 characters', () => {
    const form = { type: 'form' as const, label: 'P', title: '<Sign> & @all', command: 'letter', fields: [{ name: 'name', label: 'N'.repeat(80), max: 80, value: '<b>x</b>' }] };
    expect(promptHtml(form, 'es')).toContain('<b>&lt;Sign&gt; &amp; @\u2060all</b>\nResponde a este mensaje con una línea por dato:');
    expect(promptHtml(form, 'es')).toContain(': <i>&lt;b&gt;x&lt;/b&gt;</i>');
    expect(Array.from(placeholderOf(form)!)).toHaveLength(64);
  });
});
