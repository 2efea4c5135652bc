import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderPosts } from '../../../src/commands/posts.js';
import type { Drive } from '../../../src/core/drive.js';
import type { Notifier } from '../../../src/core/notifier.js';
import type { Reply } from '../../../src/core/reply.js';
import { ReminderScheduler } from '../../../src/core/reminders/scheduler.js';
import { DEFAULT_SCHEDULE, slotsFor } from '../../../src/core/reminders/slots.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer } from '../../support/notifier.js';

const DRIVES = 1_000;
const LAST_REMINDER = Date.parse('2026-12-19T09:00:00Z');

/** Notes the fake clock's time of every post, per space. */
class TimedNotifier implements Notifier {
  readonly platform = 'telegram';
  readonly posts = new Map<string, string[]>();
  constructor(private readonly now: () => Date) {}
  async postToSpace(space: string, _reply: Reply): Promise<void> {
    this.posts.set(space, [...(this.posts.get(space) ?? []), this.now().toISOString()]);
  }
  async sendToMember(): Promise<void> {}
}

describe('1,000 drives in 1,000 spaces with four scheduled reminders each', () => {
  let app: TestApp;
  const drives: Drive[] = [];

  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T00:00:00Z' });
    const appeal = (await app.deps.appeals.get('ua-34-25'))!;
    for (let i = 0; i < DRIVES; i++) {
      // Ten deadlines, 10 to 19 December: reminders of different drives fall at the same and at different instants.
      const started = await app.deps.drives.start(appeal, `telegram:-${1000 + i}`, { deadline: `2026-12-${10 + (i % 10)}`, timezone: 'UTC' });
      drives.push(await app.deps.drives.update(started, { reminders: { offsets: [...DEFAULT_SCHEDULE.offsets], at: DEFAULT_SCHEDULE.at } }));
    }
  }, 120_000);
  afterEach(async () => {
    drives.length = 0;
    await app.close();
  });

  it('posts every reminder and close once, at its time, sleeping from one due instant to the next', async () => {
    const timer = new FakeTimer();
    const notifier = new TimedNotifier(() => app.clock.now());
    const scheduler = new ReminderScheduler({ ...app.deps, timer, notifiers: [notifier], posts: reminderPosts, logger: new RecordingLogger() });
    await scheduler.start();
    let wakes = 0;
    for (;;) {
      const next = app.clock.now().getTime() + timer.lastDelay!;
      if (next > LAST_REMINDER) break;
      app.clock.set(new Date(next));
      await scheduler.tick();
      wakes++;
    }
    scheduler.stop();
    for (const drive of drives) {
      const due = slotsFor(drive).filter((s) => s.at.getTime() <= LAST_REMINDER).map((s) => s.at.toISOString());
      expect(notifier.posts.get(drive.space) ?? [], drive.space).toEqual(due);
    }
    const posted = [...notifier.posts.values()].reduce((n, list) => n + list.length, 0);
    // Four reminders each, and the closes of the drives whose deadline day ended by the last reminder.
    expect(posted).toBe(DRIVES * 4 + (DRIVES / 10) * 9);
    // One wake per distinct instant (reminders at 09:00 on the 3rd to the 19th, closes at the end of 9 days), never polling.
    expect(wakes).toBe(17 + 9);
  }, 300_000);
});
