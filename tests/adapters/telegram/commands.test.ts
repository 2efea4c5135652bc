import { memberButton, spaceButton } from '../../support/buttons.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../src/adapters/telegram/render.js';
import { ADMIN, buttonsOf, telegramHarness, type Harness } from './harness.js';
import { GROUP, messageUpdate, pressUpdate } from './updates.js';

let h: Harness;
beforeEach(async () => {
  h = await telegramHarness();
});
afterEach(async () => {
  // Every message the bot ever sent is HTML within Telegram's limit, with link previews off.
  for (const call of h.fake.callsOf('sendMessage')) {
    expect(String(call.payload.text).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(call.payload.link_preview_options).toEqual({ is_disabled: true });
  }
  await h.close();
});

const MEMBER = { id: 2, lang: 'en' };

async function letterInDm(updateId: number, member = MEMBER) {
  await h.feed(messageUpdate(updateId, member, '/letter name="Ana" town="Lyon"'));
  return h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === member.id);
}

describe('Telegram commands', () => {
  it('sends a /letter asked in a group to the member by DM and posts a one-line notice in the group', async () => {
    await h.startDrive();
    const before = h.fake.textsTo(GROUP.id).length;
    const dm = await letterInDm(10);
    const text = dm.map((c) => String(c.payload.text)).join('\n');
    expect(text).toContain('<b>UA 34.25: Stop illegal expulsions to El Salvador</b>');
    expect(text).toContain('<pre>The Honorable Kristi Noem');
    expect(dm.every((c) => c.payload.parse_mode === 'HTML')).toBe(true);
    const buttons = dm.flatMap((c) => buttonsOf(c.payload));
    expect(buttons.map((b) => b.callback_data).filter(Boolean)).toEqual(expect.arrayContaining([expect.stringMatching(/^acted email drive=/)]));
    // mailto: cannot be a Telegram button; the address is in a copy block instead.
    expect(buttons.some((b) => b.url?.startsWith('mailto:'))).toBe(false);
    // Personalise is a button that opens a reply prompt (tests/adapters/telegram/forms.test.ts).
    expect(buttons.find((b) => b.text === 'Personalise')?.callback_data).toMatch(/^F\|letter drive=/);
    expect(text).not.toContain('<code>/letter drive=');
    const group = h.fake.textsTo(GROUP.id).slice(before);
    expect(group).toEqual(['I have sent you the letter in a private message.']);
  });

  it('gives a deep-link button when the DM is refused, and the letter arrives after /start', async () => {
    await h.startDrive();
    h.fake.refusedDms.add(3);
    await h.feed(messageUpdate(11, { id: 3 }, '/letter name="Bo"'));
    const groupCall = h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === GROUP.id).at(-1)!;
    expect(String(groupCall.payload.text)).not.toContain('Kristi Noem');
    const url = buttonsOf(groupCall.payload)[0]!.url!;
    expect(url).toMatch(/^https:\/\/t\.me\/ActionTestBot\?start=[A-Za-z0-9_-]{1,64}$/);
    // The member taps the button: Telegram opens the DM and sends /start <payload>.
    h.fake.refusedDms.delete(3);
    await h.feed(messageUpdate(12, { id: 3 }, `/start ${new URL(url).searchParams.get('start')}`, 'dm'));
    const dm = h.fake.textsTo(3).join('\n');
    expect(dm).toContain('Kristi Noem');
    expect(dm).toContain('Bo');
    expect(dm).toContain('of the goal of 500');
  });

  it('records a press of "I emailed", answers the query, and says the new tally in the DM', async () => {
    await h.startDrive();
    const dm = await letterInDm(13);
    const emailed = dm.flatMap((c) => buttonsOf(c.payload)).find((b) => b.callback_data?.startsWith('acted email'))!;
    await h.feed(pressUpdate(14, MEMBER, emailed.callback_data!));
    expect(h.fake.callsOf('answerCallbackQuery').map((c) => c.payload.callback_query_id)).toEqual(['q14']);
    expect(h.fake.textsTo(MEMBER.id).at(-1)).toContain('1 action by 1 member');
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('lets a chat administrator start a drive and refuses an ordinary member', async () => {
    await h.feed(messageUpdate(20, { id: 5 }, '/drive start ua-34-25 goal=50 deadline=2030-01-31'));
    expect(h.fake.textsTo(5).join('\n')).toContain('Only moderators can use /drive start');
    expect(await h.app.deps.drives.resolve(`telegram:${GROUP.id}`)).toBeUndefined();
    await h.feed(messageUpdate(21, ADMIN, '/drive start ua-34-25 goal=50 deadline=2030-01-31'));
    expect(h.fake.textsTo(GROUP.id).at(-1)).toContain('Drive started');
    expect(h.fake.callsOf('getChatMember').map((c) => c.payload.user_id)).toEqual([5, ADMIN.id]);
  });

  it('treats an anonymous admin (posting as the group) as a moderator and answers in the group', async () => {
    const anonymous = { id: 1087968824 };
    await h.feed(messageUpdate(22, anonymous, '/drive start ua-34-25 goal=50 deadline=2030-01-31', GROUP, { sender_chat: GROUP }));
    expect(h.fake.textsTo(GROUP.id).at(-1)).toContain('Drive started');
    await h.feed(messageUpdate(23, anonymous, '/drive list', GROUP, { sender_chat: GROUP }));
    expect(h.fake.textsTo(GROUP.id).at(-1)).toContain('ua-34-25');
    expect(h.fake.textsTo(anonymous.id)).toEqual([]);
  });

  it('refuses a moderator command clearly when Telegram cannot say who is an admin', async () => {
    h.fake.failNext('getChatMember', 400, 'Bad Request: chat not found');
    await h.feed(messageUpdate(24, ADMIN, '/drive start ua-34-25 goal=50 deadline=2030-01-31'));
    expect(h.fake.textsTo(ADMIN.id).join('\n')).toContain('could not check whether you are a moderator');
    expect(await h.app.deps.drives.resolve(`telegram:${GROUP.id}`)).toBeUndefined();
  });

  it('answers /cmd@thisbot and ignores commands addressed to another bot', async () => {
    await h.startDrive();
    const before = h.fake.calls.length;
    await h.feed(messageUpdate(30, MEMBER, '/progress@OtherBot'));
    expect(h.fake.calls.length).toBe(before);
    await h.feed(messageUpdate(31, MEMBER, '/progress@ActionTestBot'));
    expect(h.fake.textsTo(GROUP.id).at(-1)).toContain('Progress');
    // Another bot's command typed without @: not ours, no "unknown command" noise in the group.
    const quiet = h.fake.calls.length;
    await h.feed(messageUpdate(32, MEMBER, '/weather Paris'));
    expect(h.fake.calls.length).toBe(quiet);
    await h.feed(messageUpdate(33, MEMBER, '/weather@ActionTestBot'));
    expect(h.fake.textsTo(MEMBER.id).at(-1)).toContain('I do not know /weather');
  });

  it('shows help for /start without a payload, in the member language', async () => {
    await h.feed(messageUpdate(34, { id: 6, lang: 'es' }, '/start', 'dm'));
    expect(h.fake.textsTo(6).join('\n')).toContain('cartas para llamamientos');
  });

  it('handles a redelivered update once: one reply, one answer, one action', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(40, MEMBER, '/progress'));
    await h.feed(messageUpdate(40, MEMBER, '/progress'));
    expect(h.fake.textsTo(GROUP.id).filter((t) => t.includes('Progress'))).toHaveLength(1);
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    const press = pressUpdate(41, MEMBER, memberButton(h.app.deps, 'telegram', String(MEMBER.id), `acted post drive=${drive!.id}`));
    await h.feed(press);
    await h.feed(press);
    expect(h.fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(h.fake.textsTo(MEMBER.id)).toHaveLength(1);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('escapes member text in HTML', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(51, { id: 7 }, '/letter name="<script>alert(1)</script>" town="A&B"'));
    const text = h.fake.textsTo(7).join('\n');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(text).toContain('A&amp;B');
  });

  it('sends a report CSV and the chart as documents to the moderator', async () => {
    await h.startDrive();
    await h.feed(messageUpdate(60, ADMIN, '/report'));
    const documents = h.fake.callsOf('sendDocument');
    expect(documents).toHaveLength(2);
    expect(documents.map((d) => d.payload.chat_id)).toEqual([String(ADMIN.id), String(ADMIN.id)]);
    expect(documents[0]!.files[0]).toMatchObject({ name: 'ua-34-25-actions.csv' });
    expect(documents[0]!.files[0]!.size).toBeGreaterThan(0);
    expect(documents[1]!.files[0]).toMatchObject({ name: 'ua-34-25-chart.png' });
    expect(documents[1]!.files[0]!.size).toBeGreaterThan(5_000);
  });

  it('presses a button in a group with a private answer: DM and a toast, or a deep link when refused', async () => {
    await h.startDrive();
    const drive = await h.app.deps.drives.resolve(`telegram:${GROUP.id}`);
    await h.feed(pressUpdate(70, { id: 8 }, spaceButton(h.app.deps, `telegram:${GROUP.id}`, `letter drive=${drive!.id}`), GROUP));
    expect(h.fake.textsTo(8).join('\n')).toContain('Kristi Noem');
    expect(h.fake.callsOf('answerCallbackQuery').at(-1)!.payload.text).toBeTruthy();
    h.fake.refusedDms.add(9);
    await h.feed(pressUpdate(71, { id: 9 }, spaceButton(h.app.deps, `telegram:${GROUP.id}`, `letter drive=${drive!.id}`), GROUP));
    const answer = h.fake.callsOf('answerCallbackQuery').at(-1)!.payload;
    expect(String(answer.url)).toMatch(/^https:\/\/t\.me\/ActionTestBot\?start=k/);
    h.fake.refusedDms.delete(9);
    await h.feed(messageUpdate(72, { id: 9 }, `/start ${new URL(String(answer.url)).searchParams.get('start')}`, 'dm'));
    expect(h.fake.textsTo(9).join('\n')).toContain('Kristi Noem');
    // The link was for member 9 only.
    await h.feed(messageUpdate(73, { id: 10 }, `/start ${new URL(String(answer.url)).searchParams.get('start')}`, 'dm'));
    expect(h.fake.textsTo(10).join('\n')).toContain('expired');
  });
});
