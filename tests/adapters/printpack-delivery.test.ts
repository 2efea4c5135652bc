import { describe, expect, it } from 'vitest';
import { answersTo, interact, slash as discordSlash, startHarness as discordHarness } from './discord/harness.js';
import { startHarness as slackHarness } from './slack/harness.js';
import { ADMIN, telegramHarness } from './telegram/harness.js';
import { GROUP, messageUpdate } from './telegram/updates.js';

const PACK = 'ua-34-25-printpack.pdf';

describe('the print pack is delivered privately to the moderator', () => {
  it('Discord: the answer is deferred privately at once, then carries the PDF', async () => {
    // The adapter's usual deferral waits a minute here: the deferral seen is /printpack's own, at once.
    const h = await discordHarness({ deferAfterMs: 60_000 });
    const moderator = { userId: '3000000000000000001', moderator: true };
    try {
      await interact(h.fake, discordSlash('drive', { appeal: 'ua-34-25', goal: 50, deadline: '2030-01-31' }, moderator, 'start'));
      const interaction = discordSlash('printpack', {}, moderator);
      h.fake.dispatch('INTERACTION_CREATE', interaction);
      const withFiles = () => h.fake.requests.some((r) => r.path.includes(`/${String(interaction.token)}`) && r.files.length > 0);
      for (const started = Date.now(); !withFiles() && Date.now() - started < 15_000; ) await new Promise((resolve) => setTimeout(resolve, 20));
      const answers = await answersTo(h.fake, interaction);
      // The first answer is the deferral (type 5, ephemeral), sent before the pack is made.
      expect(answers[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
      expect(answers.flatMap((a) => a.files)).toEqual([PACK]);
    } finally {
      await h.close();
    }
  }, 30_000);

  it('Telegram: asked in the group, the PDF arrives in the moderator DM, not in the group', async () => {
    const h = await telegramHarness();
    try {
      await h.startDrive();
      await h.feed(messageUpdate(5001, ADMIN, '/printpack'));
      const documents = h.fake.callsOf('sendDocument');
      expect(documents.map((d) => String(d.payload.chat_id))).toEqual([String(ADMIN.id)]);
      expect(documents.flatMap((d) => d.files.map((f) => f.name))).toEqual([PACK]);
      expect(documents.some((d) => String(d.payload.chat_id) === String(GROUP.id))).toBe(false);
    } finally {
      await h.close();
    }
  }, 30_000);

  it('Slack: the PDF is uploaded to the moderator direct conversation with the bot', async () => {
    const h = await slackHarness();
    try {
      h.fake.admins.add('UADMIN');
      await h.answers((await h.slash('UADMIN', 'drive', 'start ua-34-25 goal=500 deadline=2030-01-31')).key);
      const { status, key } = await h.slash('UADMIN', 'printpack', '');
      expect(status).toBe(200);
      await h.answers(key);
      await h.fake.until(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 15_000);
      expect(h.fake.callsTo('files.getUploadURLExternal').map((c) => c.args.filename)).toEqual([PACK]);
      expect(h.fake.callsTo('files.completeUploadExternal').every((c) => c.args.channel_id === 'DUADMIN')).toBe(true);
    } finally {
      await h.close();
    }
  }, 30_000);
});
