import { describe, expect, it } from 'vitest';
import { SpacePosts } from '../../../src/core/events/space-posts.js';
import { actionButton, publicReply } from '../../../src/core/reply.js';
import type { Timer } from '../../../src/core/reminders/scheduler.js';
import { RecordingLogger } from '../../support/logger.js';
import { RecordingNotifier } from '../../support/notifier.js';

/** A timer the test fires by hand. */
class ManualTimer implements Timer {
  readonly due: Array<() => void> = [];
  set(fn: () => void): unknown {
    this.due.push(fn);
    return this.due.length;
  }
  clear(): void {}
  fire(): void {
    for (const fn of this.due.splice(0)) fn();
  }
}

const post = (text: string, command = 'letter drive=d1') => publicReply([{ type: 'text', text }], { buttons: [actionButton('Get the letter', command)] });

describe('public posts, coalesced per space', () => {
  it('turns a milestone and a reminder in the same moment into one post, and keeps spaces apart', async () => {
    const timer = new ManualTimer();
    const notifier = new RecordingNotifier('telegram');
    const posts = new SpacePosts(timer, 1500, new RecordingLogger());
    posts.attach(notifier);
    const sent = Promise.all([
      posts.postToSpace('telegram:-1', post('50% of the goal reached')),
      posts.postToSpace('telegram:-1', post('Reminder: 3 days left')),
      posts.postToSpace('telegram:-2', post('Elsewhere')),
    ]);
    expect(notifier.posts).toEqual([]);
    timer.fire();
    await sent;
    expect(notifier.posts.map((p) => [p.to, p.text])).toEqual([
      ['telegram:-1', '50% of the goal reached\nReminder: 3 days left'],
      ['telegram:-2', 'Elsewhere'],
    ]);
    // The same button twice is offered once.
    expect(notifier.posts[0]!.reply.buttons).toHaveLength(1);
  });

  it('tells every caller when the merged post failed, so each can try again', async () => {
    const timer = new ManualTimer();
    const notifier = new RecordingNotifier('telegram');
    notifier.postToSpace = async () => {
      throw new Error('429');
    };
    const posts = new SpacePosts(timer, 1500, new RecordingLogger());
    posts.attach(notifier);
    const results = Promise.allSettled([posts.postToSpace('telegram:-1', post('a')), posts.postToSpace('telegram:-1', post('b'))]);
    timer.fire();
    expect((await results).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drops a post for a platform that is not running, saying so in the log', async () => {
    const logger = new RecordingLogger();
    const posts = new SpacePosts(new ManualTimer(), 0, logger);
    await posts.postToSpace('discord:1/2', post('x'));
    expect(logger.entries.map((e) => e.message)).toEqual(['no adapter running for this space; post dropped']);
  });
});
