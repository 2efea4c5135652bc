import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
import { communityAppealId } from '../../../src/core/appeal-view.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

/** AU 105/25 from Amnesty Spain's site, cut before its deadline: a draft that only lacks the deadline. */
const DRAFT = readFileSync('tests/fixtures/ua/corpus/es-2025-colombia-au-105-25.txt', 'utf8');

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
});
afterEach(async () => {
  await h.close();
});

const lastButtons = () => h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN.id).flatMap((c) => buttonsOf(c.payload));
const answerTo = (updateId: number, promptId: number, text: string) =>
  messageUpdate(updateId, ADMIN, text, { id: ADMIN.id, type: 'private' }, { reply_to_message: { message_id: promptId, date: 1_700_000_000, chat: { id: ADMIN.id, type: 'private' }, text: 'prompt' } });

describe('Telegram: finishing an imported draft', () => {
  it('Fill in opens a reply prompt; the answered deadline makes the draft savable, and Save stores it', async () => {
    // A group's admin imports in the group (a private chat makes nobody a moderator); the preview
    // and its buttons come privately, and act for the group.
    await h.feed(messageUpdate(60, ADMIN, `/import ${DRAFT}`, GROUP));
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain('Still missing: a deadline');
    const fill = lastButtons().find((b) => b.callback_data?.startsWith('F|import edit='))!;
    expect(fill.text).toBe('Fill in');

    // Save before filling in is refused with what to add.
    const earlySave = lastButtons().find((b) => b.callback_data?.startsWith('import save='))!;
    await h.feed(pressUpdate(61, ADMIN, earlySave.callback_data!, { id: ADMIN.id, type: 'private' }));
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain('cannot be saved yet. Add a deadline with Fill in');

    await h.feed(pressUpdate(62, ADMIN, fill.callback_data!, { id: ADMIN.id, type: 'private' }));
    const prompt = h.fake.callsOf('sendMessage').at(-1)!;
    expect(String(prompt.payload.text)).toContain('Finish the appeal');
    await h.feed(answerTo(63, prompt.messageId!, '2026-02-15'));
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain('2026-02-15');

    const save = lastButtons().filter((b) => b.callback_data?.startsWith('import save=')).at(-1)!;
    await h.feed(pressUpdate(64, ADMIN, save.callback_data!, { id: ADMIN.id, type: 'private' }));
    const id = communityAppealId('ua-105-25', `telegram:${GROUP.id}`);
    expect(h.fake.textsTo(ADMIN.id).at(-1)).toContain(`Saved ${id} for this community`);
    expect((await h.app.deps.appeals.get(id))?.deadline).toBe('2026-02-15');
    expect(await h.app.deps.appeals.get('ua-105-25')).toBeUndefined();
  });
});
