import { describe, expect, it } from 'vitest';
import { answersTo, slash as discordSlash, startHarness as discordHarness } from './discord/harness.js';
import { startHarness as slackHarness } from './slack/harness.js';
import { telegramHarness } from './telegram/harness.js';
import { GROUP, messageUpdate } from './telegram/updates.js';

const KIT = ['ua-34-25-letter.pdf', 'ua-34-25-letter.eml'];

describe('the letter kit is delivered privately on every platform', () => {
  it('Telegram: asked in the group, the PDF and the .eml arrive as documents in the member DM', async () => {
    const h = await telegramHarness();
    try {
      await h.startDrive();
      await h.feed(messageUpdate(5001, { id: 77 }, '/letter name="Ana" town="Lyon"'));
      const documents = h.fake.callsOf('sendDocument');
      expect(documents.map((d) => d.payload.chat_id)).toEqual(['77', '77']);
      expect(documents.flatMap((d) => d.files.map((f) => f.name)).sort()).toEqual([...KIT].sort());
      expect(documents.every((d) => d.files[0]!.size > 500)).toBe(true);
      expect(h.fake.callsOf('sendDocument').some((d) => String(d.payload.chat_id) === String(GROUP.id))).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('Discord: the files come with the ephemeral answer', async () => {
    const h = await discordHarness();
    try {
      const interaction = discordSlash('letter', { appeal: 'ua-34-25', name: 'Ana' }, { userId: '3000000000000000009' });
      h.fake.dispatch('INTERACTION_CREATE', interaction);
      // The kit is built after the deferral: wait for the answer that carries files (a loaded machine
      // takes longer than answersTo's quiet window), then for anything after it.
      const withFiles = () => h.fake.requests.some((r) => r.path.includes(`/${String(interaction.token)}`) && r.files.length > 0);
      for (const started = Date.now(); !withFiles() && Date.now() - started < 10_000; ) await new Promise((resolve) => setTimeout(resolve, 20));
      const answers = await answersTo(h.fake, interaction);
      expect(answers.flatMap((a) => a.files).sort()).toEqual([...KIT].sort());
      const flags = answers.map((a) => Number(((a.body?.data as Record<string, unknown> | undefined) ?? a.body ?? {}).flags ?? 0));
      expect(flags.every((f) => (f & 64) === 64)).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('Slack: the files are uploaded to the member direct conversation with the bot', async () => {
    const h = await slackHarness();
    try {
      const { status, key } = await h.slash('UANA', 'letter', 'ua-34-25 name="Ana"');
      expect(status).toBe(200);
      await h.answers(key);
      const uploaded = () => h.fake.callsTo('files.completeUploadExternal').flatMap((c) => c.args.files as Array<{ title?: string }>);
      await h.fake.until(() => uploaded().length >= 2, 10_000);
      const completed = h.fake.callsTo('files.completeUploadExternal');
      expect(completed.every((c) => c.args.channel_id === 'DUANA')).toBe(true);
      const titles = completed.flatMap((c) => (c.args.files as Array<{ title?: string }>).map((f) => f.title));
      const requested = h.fake.callsTo('files.getUploadURLExternal').map((c) => c.args.filename);
      expect([...requested].sort()).toEqual([...KIT].sort());
      expect(titles.length).toBe(2);
    } finally {
      await h.close();
    }
  });
});
