import { afterEach, describe, expect, it } from 'vitest';
import { reminderPosts } from '../../src/commands/posts.js';
import { ReminderScheduler } from '../../src/core/reminders/scheduler.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';
import { FakeTimer, RecordingNotifier } from '../support/notifier.js';

const mod = { userId: 'operator', moderator: true };

describe('reminder schedules near the deadline', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('says which slots were already past, lists what remains the same way twice, and posts nothing unlisted', async () => {
    // The deadline day, 14:00 in Paris: the 7d, 1d and 0d-at-09:00 slots have all passed.
    app = await testApp({ now: '2026-12-10T13:00:00Z' });
    const type = typer(app.deps);
    const notifier = new RecordingNotifier('shell');
    const scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [notifier], posts: reminderPosts, logger: new RecordingLogger() });
    const started = await type(mod, '/drive start ua-34-25 deadline=2026-12-10 timezone=Europe/Paris');
    expect(started.buttons.map((b) => b.label)).not.toContainEqual(expect.stringContaining('Schedule reminders'));
    const reply = await type(mod, '/remind schedule 7d,1d,0d,6h at=09:00');
    expect(reply.plain).toContain('- Thursday, December 10 at 06:00 PM (Europe/Paris)');
    expect(reply.plain).toContain('- the end of Thursday, December 10 (Europe/Paris): final tally');
    expect(reply.plain).toContain('Already past when scheduled, so not posted: Thursday, December 3 at 09:00 AM (Europe/Paris); Wednesday, December 9 at 09:00 AM (Europe/Paris); Thursday, December 10 at 09:00 AM (Europe/Paris).');
    expect(reply.plain).not.toContain('12:00 AM');
    const list = await type(mod, '/remind list');
    const listed = list.plain.split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toEqual(reply.plain.split('\n').filter((l) => l.startsWith('- ')));
    await scheduler.start();
    expect(notifier.posts).toEqual([]);
    app.clock.set('2026-12-10T17:00:00Z');
    await scheduler.tick();
    expect(notifier.posts.map((p) => p.text.split('\n')[0])).toEqual(['# Reminder: Stop illegal expulsions to El Salvador']);
    scheduler.stop();
  });

  it('offers the default schedule with only the reminders still to come', async () => {
    app = await testApp({ now: '2026-12-08T10:00:00Z' });
    const type = typer(app.deps);
    const started = await type(mod, '/drive start ua-34-25 deadline=2026-12-10');
    const schedule = started.buttons.find((b) => b.label.startsWith('Schedule reminders'));
    expect(schedule).toMatchObject({ label: 'Schedule reminders (1d, 0d at 09:00)', command: expect.stringMatching(/^remind schedule 1d,0d at=09:00 drive=/) });
  });

  it('lists the final tally even with no reminders scheduled, and says how to schedule some', async () => {
    app = await testApp({ now: '2026-12-08T10:00:00Z' });
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-12-10');
    const list = await type(mod, '/remind list');
    expect(list.plain).toContain('- the end of Thursday, December 10 (UTC): final tally');
    expect(list.plain).toContain('No reminders scheduled: only the final tally is posted.');
  });
});
