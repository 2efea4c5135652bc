import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
import { communityAppealId } from '../../../src/core/appeal-view.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt');
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array<number>(200).fill(0)]);
const MEMBER = { id: 2 };
/** What an import by the group's admin is saved as: the group's own id for UA 60/16. */
const ID = communityAppealId('ua-60-16', `telegram:${GROUP.id}`);

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
});
afterEach(async () => {
  await h.close();
});

/** A document message as Telegram sends it; the caption's command is a bot_command entity. */
function documentUpdate(updateId: number, from: { id: number }, fileId: string, size: number, caption?: string) {
  const document = { file_id: fileId, file_unique_id: `u${fileId}`, file_name: 'ua.txt', mime_type: 'text/plain', file_size: size };
  const captioned = caption ? { caption, caption_entities: [{ type: 'bot_command', offset: 0, length: caption.split(/\s/)[0]!.length }] } : {};
  return { update_id: updateId, message: { message_id: updateId, date: 1_700_000_000, chat: GROUP, from: { id: from.id, is_bot: false, first_name: `M${from.id}` }, document, ...captioned } };
}

/** Everything the bot said to one chat since `from`, as one string. */
const saidTo = (chat: number, from = 0) => h.fake.textsTo(chat).slice(from).join('\n');

async function pressLast(updateId: number, who: { id: number }, label: RegExp): Promise<void> {
  const dm = h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === who.id);
  const button = dm.flatMap((c) => buttonsOf(c.payload)).filter((b) => label.test(b.text)).at(-1);
  expect(button?.callback_data).toBeDefined();
  expect(Buffer.byteLength(button!.callback_data!)).toBeLessThanOrEqual(64);
  await h.feed(pressUpdate(updateId, who, button!.callback_data!));
}

describe('Telegram /import', () => {
  it('imports a text file sent with the caption /import: preview with its details, Save, and the appeal exists', async () => {
    h.fake.files.set('doc1', UA);
    await h.feed(documentUpdate(100, ADMIN, 'doc1', UA.length, '/import'));
    expect(h.fake.downloads).toEqual(['doc1']);
    const preview = saidTo(ADMIN.id);
    expect(preview).toContain('Preview: UA 60/16');
    expect(preview).toContain('ua-60-16');
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();

    await pressLast(101, ADMIN, /Save this appeal/);
    // Saved for the group's community, under its own id; the shared catalog is unchanged.
    expect(saidTo(ADMIN.id)).toContain(`Saved ${ID} for this community`);
    expect((await h.app.deps.appeals.get(ID))?.reference).toBe('UA 60/16');
    expect(await h.app.deps.appeals.get('ua-60-16')).toBeUndefined();
  });

  it('asks before replacing an appeal with the same id, and replaces it on confirmation', async () => {
    h.fake.files.set('doc1', UA);
    await h.feed(documentUpdate(100, ADMIN, 'doc1', UA.length, '/import'));
    await pressLast(101, ADMIN, /Save this appeal/);
    const before = h.fake.textsTo(ADMIN.id).length;
    await h.feed(documentUpdate(102, ADMIN, 'doc1', UA.length, '/import'));
    await pressLast(103, ADMIN, /Save this appeal/);
    expect(saidTo(ADMIN.id, before)).toContain('exists already. Replace it?');
    await pressLast(104, ADMIN, /Replace the existing appeal/);
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain(`Saved ${ID}`);
  });

  it('imports the document a moderator answers with /import', async () => {
    h.fake.files.set('doc2', UA);
    const original = documentUpdate(110, MEMBER, 'doc2', UA.length).message;
    await h.feed(messageUpdate(111, ADMIN, '/import', GROUP, { reply_to_message: original }));
    expect(saidTo(ADMIN.id)).toContain('Preview: UA 60/16');
  });

  it('keeps the line breaks of a text pasted after /import in the same message', async () => {
    await h.feed(messageUpdate(120, ADMIN, `/import ${UA.toString('utf8')}`));
    expect(saidTo(ADMIN.id)).toContain('Preview: UA 60/16');
    expect(saidTo(ADMIN.id)).toContain('Dear Minister');
  });

  it('refuses a member who is not a moderator and saves nothing', async () => {
    h.fake.files.set('doc1', UA);
    await h.feed(documentUpdate(130, MEMBER, 'doc1', UA.length, '/import'));
    expect(saidTo(MEMBER.id)).toMatch(/moderator/i);
    expect(saidTo(MEMBER.id)).not.toContain('Preview');
    expect(await h.app.deps.appeals.list()).toHaveLength(1);
  });

  it('refuses a binary file with a clear message and saves nothing', async () => {
    h.fake.files.set('png', BINARY);
    await h.feed(documentUpdate(140, ADMIN, 'png', BINARY.length, '/import'));
    expect(saidTo(ADMIN.id)).toContain('That is not text');
    expect(buttonsOf(h.fake.callsOf('sendMessage').at(-1)!.payload)).toEqual([]);
    expect(await h.app.deps.appeals.list()).toHaveLength(1);
  });

  it('refuses a file over 1 MB before downloading it', async () => {
    h.fake.files.set('big', Buffer.alloc(10));
    await h.feed(documentUpdate(150, ADMIN, 'big', 3_000_000, '/import'));
    expect(saidTo(ADMIN.id)).toContain('That file is 3.0 MB');
    expect(h.fake.downloads).toEqual([]);
    expect(h.fake.callsOf('getFile')).toEqual([]);
  });

  it('ignores a file whose caption is another command or no command', async () => {
    h.fake.files.set('doc1', UA);
    await h.feed(documentUpdate(160, ADMIN, 'doc1', UA.length, '/letter'));
    await h.feed(documentUpdate(161, ADMIN, 'doc1', UA.length));
    expect(h.fake.callsOf('sendMessage')).toEqual([]);
  });

  it('/import alone explains how to send the text on Telegram, with a button for the paste form', async () => {
    await h.feed(messageUpdate(170, ADMIN, '/import'));
    const text = saidTo(ADMIN.id);
    expect(text).toContain('with the caption /import');
    expect(text).not.toContain('/import text=');
    const buttons = h.fake.callsOf('sendMessage').flatMap((c) => buttonsOf(c.payload));
    expect(buttons).toContainEqual({ text: 'Paste the Urgent Action', callback_data: expect.stringMatching(/^F\|import~[A-Za-z0-9_-]{12}$/) });
  });
});
