import { memberButton } from '../../support/buttons.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_NAME, MAX_DESCRIPTION, registerCommands } from '../../../src/adapters/telegram/register.js';
import { publicReply } from '../../../src/core/reply.js';
import { telegramHarness, type Harness } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
});
afterEach(() => h.close());

const MEMBER = { id: 2 };

describe('Telegram API failures', () => {
  it('retries a 500 and then a 429 after retry_after, and delivers once', async () => {
    await h.startDrive();
    h.fake.failNext('sendMessage', 500, 'Internal Server Error');
    h.fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    await h.feed(messageUpdate(10, MEMBER, '/progress'));
    const progress = h.fake.callsOf('sendMessage').filter((c) => String(c.payload.text).includes('Progress'));
    expect(progress.map((c) => c.ok)).toEqual([false, false, true]);
    expect(h.sleeps).toEqual([250, 1000]);
    expect(h.logger.entries.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual(['telegram server error: retrying', 'telegram rate limit: waiting']);
  });

  it('logs a call that keeps failing, answers the press anyway, and records the action once', async () => {
    await h.startDrive();
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    for (let i = 0; i < 3; i++) h.fake.failNext('sendMessage', 502, 'Bad Gateway');
    await h.feed(pressUpdate(11, MEMBER, memberButton(h.app.deps, 'telegram', String(MEMBER.id), `acted email drive=${drive!.id}`)));
    expect(h.fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(h.logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'telegram call failed', context: expect.objectContaining({ method: 'sendMessage', code: 502 }) }));
    expect(h.logger.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'button press failed' }));
    await h.feed(pressUpdate(12, MEMBER, memberButton(h.app.deps, 'telegram', String(MEMBER.id), `acted email drive=${drive!.id}`)));
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('retries a document upload with the same bytes', async () => {
    await h.startDrive();
    h.fake.failNext('sendDocument', 500, 'Internal Server Error');
    await h.feed(messageUpdate(13, { id: 1 }, '/report'));
    // The CSV is the first upload; the chart follows it.
    const uploads = h.fake.callsOf('sendDocument').filter((c) => c.files[0]?.name === 'ua-34-25-actions.csv');
    expect(uploads.map((c) => c.ok)).toEqual([false, true]);
    expect(uploads[1]!.files[0]!.size).toBe(uploads[0]!.files[0]!.size);
    expect(uploads[1]!.files[0]!.size).toBeGreaterThan(0);
  });

  it('does not wait out a flood limit longer than the cap: the call fails and is logged', async () => {
    h.fake.failNext('sendMessage', 429, 'Too Many Requests: retry after 3600', { retry_after: 3600 });
    await h.notifier.postToSpace(`telegram:${GROUP.id}`, publicReply([{ type: 'text', text: 'Reminder' }])).catch(() => undefined);
    expect(h.sleeps).toEqual([]);
    expect(h.logger.entries).toContainEqual(expect.objectContaining({ message: 'telegram call failed', context: expect.objectContaining({ code: 429 }) }));
  });
});

describe('Telegram notifier and menus', () => {
  it('posts to a chat and to a member DM, with link previews off', async () => {
    await h.notifier.postToSpace(`telegram:${GROUP.id}`, publicReply([{ type: 'text', text: '**3 days left**' }]));
    await h.notifier.sendToMember('7', publicReply([{ type: 'text', text: 'Your reminder' }]));
    expect(h.fake.callsOf('sendMessage').map((c) => [c.payload.chat_id, c.payload.text, c.payload.parse_mode, c.payload.link_preview_options])).toEqual([
      [String(GROUP.id), '<b>3 days left</b>', 'HTML', { is_disabled: true }],
      ['7', 'Your reminder', 'HTML', { is_disabled: true }],
    ]);
    await expect(h.notifier.postToSpace('slack:T1/C1', publicReply([]))).rejects.toThrow(/not a Telegram space/);
  });

  it('sets a member menu and a larger administrator menu in each language; a refused menu is logged, not fatal', async () => {
    h.fake.failNext('setMyCommands', 400, 'Bad Request: BOT_COMMAND_INVALID');
    await registerCommands(h.bot.api, h.logger);
    const calls = h.fake.callsOf('setMyCommands');
    expect(calls.map((c) => [(c.payload.scope as { type: string }).type, c.payload.language_code])).toEqual([
      ['default', undefined],
      ['all_chat_administrators', undefined],
      ['default', 'es'],
      ['all_chat_administrators', 'es'],
    ]);
    const names = (i: number) => (calls[i]!.payload.commands as Array<{ command: string; description: string }>).map((c) => c.command);
    expect(names(1)).toEqual(expect.arrayContaining(['letter', 'acted', 'progress', 'drive', 'report', 'remind']));
    expect(names(0)).toContain('letter');
    expect(names(0)).not.toContain('report');
    expect(names(1).length).toBeGreaterThan(names(0).length);
    for (const call of calls) {
      for (const entry of call.payload.commands as Array<{ command: string; description: string }>) {
        expect(entry.command).toMatch(COMMAND_NAME);
        expect(entry.description.length).toBeGreaterThanOrEqual(1);
        expect(entry.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      }
    }
    expect(h.logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'telegram command menu not set' }));
  });
});
