import { describe, expect, it } from 'vitest';
import { answersTo, interact, slash as discordSlash, startHarness as discordHarness } from './discord/harness.js';
import { CHANNEL, startHarness as slackHarness } from './slack/harness.js';
import { telegramHarness } from './telegram/harness.js';
import { GROUP, messageUpdate } from './telegram/updates.js';

const CHART = 'ua-34-25-chart.png';

describe('/progress carries the chart as a PNG on every platform', () => {
  it('Telegram: the chart is sent to the group with the progress post', async () => {
    const h = await telegramHarness();
    try {
      await h.startDrive(10);
      await h.feed(messageUpdate(6001, { id: 71 }, '/acted email'));
      await h.feed(messageUpdate(6002, { id: 72 }, '/progress'));
      const charts = h.fake.callsOf('sendDocument').filter((c) => c.files.some((f) => f.name === CHART));
      expect(charts).toHaveLength(1);
      expect(String(charts[0]!.payload.chat_id)).toBe(String(GROUP.id));
      expect(charts[0]!.files[0]!.size).toBeGreaterThan(5_000);
    } finally {
      await h.close();
    }
  });

  it('Discord: the chart rides on the public answer', async () => {
    const h = await discordHarness();
    try {
      await interact(h.fake, discordSlash('drive', { appeal: 'ua-34-25', goal: 10, deadline: '2030-01-31' }, { moderator: true }, 'start'));
      await interact(h.fake, discordSlash('acted', { method: 'email' }, { userId: '2000000000000000071' }));
      const progress = discordSlash('progress', {}, { userId: '2000000000000000072' });
      h.fake.dispatch('INTERACTION_CREATE', progress);
      // Drawing the chart may outlast the defer window: wait for the answer that carries it.
      const withChart = await h.fake.waitFor((r) => r.path.includes(`/${String(progress.token)}`) && r.files.length > 0, 10_000);
      expect(withChart.files).toEqual([CHART]);
      const answers = await answersTo(h.fake, progress);
      expect(answers.flatMap((a) => a.files)).toEqual([CHART]);
      const flags = answers.map((a) => Number(((a.body?.data as Record<string, unknown> | undefined) ?? a.body ?? {}).flags ?? 0));
      expect(flags.some((f) => (f & 64) === 64)).toBe(false);
    } finally {
      await h.close();
    }
  });

  it('Slack: the chart is uploaded into the channel the progress was asked in', async () => {
    const h = await slackHarness({ moderatorIds: ['slack:UMOD'] });
    try {
      await h.answers((await h.slash('UMOD', 'drive', 'start ua-34-25 goal=10 deadline=2030-01-31')).key);
      await h.answers((await h.slash('UANA', 'acted', 'email')).key);
      await h.answers((await h.slash('UBOB', 'progress')).key);
      await h.fake.until(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 10_000);
      const requested = h.fake.callsTo('files.getUploadURLExternal').map((c) => c.args.filename);
      expect(requested).toEqual([CHART]);
      expect(Number(h.fake.callsTo('files.getUploadURLExternal')[0]!.args.length)).toBeGreaterThan(5_000);
      expect(h.fake.callsTo('files.completeUploadExternal').map((c) => c.args.channel_id)).toEqual([CHANNEL]);
    } finally {
      await h.close();
    }
  });
});
