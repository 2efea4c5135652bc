import { describe, expect, it } from 'vitest';
import { publicReply, type Reply } from '../../src/core/reply.js';
import type { ReminderPosts } from '../../src/core/reminders/scheduler.js';
import { Metrics } from '../../src/ops/index.js';
import { RecordingNotifier } from '../support/notifier.js';

const text = (s: string): Reply => publicReply([{ type: 'text', text: s }]);
const posts: ReminderPosts = {
  reminder: () => text('reminder'),
  closed: () => text('closed'),
  milestone: () => text('milestone'),
  member: () => text('member'),
};

/** The fakes above ignore their arguments. */
const build = (tagged: ReminderPosts, kind: keyof ReminderPosts) => (tagged[kind] as () => Reply | Promise<Reply>)();

describe('posts in the metrics', () => {
  it('counts each post the platform accepted by its kind', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const tagged = metrics.tagPosts(posts);
    const notifier = metrics.countPosts(new RecordingNotifier('telegram'));
    await notifier.postToSpace('telegram:-1', await build(tagged, 'milestone'));
    await notifier.postToSpace('telegram:-1', await build(tagged, 'reminder'));
    await notifier.sendToMember('7', await build(tagged, 'member'));
    const out = await metrics.text();
    expect(out).toContain('actionbot_posts_total{platform="telegram",kind="milestone"} 1');
    expect(out).toContain('actionbot_posts_total{platform="telegram",kind="reminder"} 1');
    expect(out).toContain('actionbot_posts_total{platform="telegram",kind="member"} 1');
  });

  it('does not count a post the platform refused', async () => {
    const metrics = new Metrics({ processMetrics: false });
    const refusing = new RecordingNotifier('slack');
    refusing.postToSpace = async () => {
      throw new Error('channel_not_found');
    };
    const notifier = metrics.countPosts(refusing);
    await expect(notifier.postToSpace('slack:T1/C1', await build(metrics.tagPosts(posts), 'closed'))).rejects.toThrow('channel_not_found');
    expect(await metrics.text()).not.toContain('actionbot_posts_total{');
  });
});
