import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderPosts } from '../../../src/commands/posts.js';
import { MAX_DELAY_MS, ReminderScheduler, RETRY_MS } from '../../../src/core/reminders/scheduler.js';
import { testApp, type TestApp } from '../../support/app.js';
import { typer } from '../../support/invoke.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer, RecordingNotifier } from '../../support/notifier.js';

const mod = { userId: 'operator', moderator: true };

function schedulerFor(app: TestApp, notifier = new RecordingNotifier('shell'), logger = new RecordingLogger(), timer = new FakeTimer()) {
  const scheduler = new ReminderScheduler({ ...app.deps, timer, notifiers: [notifier], posts: reminderPosts, logger });
  app.deps.drives.onChange(() => void scheduler.tick());
  return { scheduler, notifier, logger, timer };
}

describe('scheduled reminders', () => {
  let dataDir: string;
  const apps: TestApp[] = [];
  const open = async (now: string) => {
    const app = await testApp({ now, dataDir });
    apps.push(app);
    return app;
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-reminders-'));
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sleeps until the next slot instead of polling, and posts it once when due', async () => {
    const app = await open('2026-12-01T10:00:00Z');
    const { scheduler, notifier, timer } = schedulerFor(app);
    await scheduler.start();
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=10 deadline=2026-12-10 timezone=Europe/Paris');
    await type(mod, '/remind schedule 3d,1d at=09:00');
    await scheduler.tick();
    // 3 days before 10 December, 09:00 in Paris = 08:00 UTC on the 7th.
    expect(timer.lastDelay).toBe(Date.parse('2026-12-07T08:00:00Z') - Date.parse('2026-12-01T10:00:00Z'));
    app.clock.set('2026-12-07T08:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(notifier.posts).toHaveLength(1);
    expect(notifier.posts[0]).toMatchObject({ to: 'shell:local', kind: 'space' });
    expect(notifier.posts[0]!.text).toContain('3 days left: until Thursday, December 10');
    expect(timer.lastDelay).toBe(Date.parse('2026-12-09T08:00:00Z') - Date.parse('2026-12-07T08:00:00Z'));
  });

  it('keeps 09:00 local across a daylight-saving change', async () => {
    const app = await open('2026-10-20T10:00:00Z');
    const { scheduler, notifier } = schedulerFor(app);
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-10-27 timezone=Europe/Paris');
    await type(mod, '/remind schedule 3d,1d at=09:00');
    app.clock.set('2026-10-24T07:00:00Z'); // 09:00 CEST, before the change
    await scheduler.tick();
    app.clock.set('2026-10-26T07:59:00Z');
    await scheduler.tick();
    expect(notifier.posts).toHaveLength(1);
    app.clock.set('2026-10-26T08:00:00Z'); // 09:00 CET, after the change
    await scheduler.tick();
    expect(notifier.posts).toHaveLength(2);
  });

  it('sends a reminder missed during a restart once, and skips one more than 12 hours late', async () => {
    const first = await open('2026-12-01T10:00:00Z');
    const type = typer(first.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-12-10');
    await type(mod, '/remind schedule 3d,2d at=09:00');
    await first.close();

    // Down from 1 December to 7 December 11:00: the 7th, 09:00 is 2 h late, and the 8th is still to come.
    const second = await open('2026-12-07T11:00:00Z');
    const { scheduler, notifier } = schedulerFor(second);
    await scheduler.start();
    expect(notifier.posts.map((p) => p.text.split('\n')[0])).toEqual(['# Reminder: Stop illegal expulsions to El Salvador']);
    await second.close();

    const third = await open('2026-12-09T10:00:00Z');
    const again = schedulerFor(third);
    await again.scheduler.start();
    expect(again.notifier.posts).toEqual([]);
    expect(again.logger.entries.some((e) => e.message.includes('more than 12 hours late'))).toBe(true);
  });

  it('posts the final tally once when the drive closes, and nothing for a drive ended early', async () => {
    const app = await open('2026-12-01T10:00:00Z');
    const { scheduler, notifier } = schedulerFor(app);
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=2 deadline=2026-12-02');
    await type({ userId: 'ana' }, '/acted email');
    app.clock.set('2026-12-03T00:00:01Z');
    await scheduler.tick();
    await scheduler.tick();
    const finals = notifier.posts.filter((p) => p.text.includes('Drive closed'));
    expect(finals).toHaveLength(1);
    expect(finals[0]!.text).toContain('Final tally: 1 action by 1 member (50% of the goal of 2)');

    await type(mod, '/drive start ua-34-25 deadline=2026-12-20');
    await type(mod, '/remind schedule 5d,1d');
    await type(mod, '/drive end');
    const before = notifier.posts.length;
    app.clock.set('2026-12-21T00:00:01Z');
    await scheduler.tick();
    expect(notifier.posts).toHaveLength(before);
  });

  it('never reminds for an expired appeal: no drive starts without a later deadline', async () => {
    const app = await open('2026-11-28T10:00:00Z');
    const { scheduler, notifier, timer } = schedulerFor(app);
    expect((await typer(app.deps)(mod, '/drive start ua-34-25')).plain).toContain('has passed');
    await scheduler.start();
    expect(notifier.posts).toEqual([]);
    expect(timer.armed).toBe(0);
  });

  it('gives a slot back when the platform refuses the post, and posts it once on the retry', async () => {
    const app = await open('2026-12-01T10:00:00Z');
    const flaky = new RecordingNotifier('shell');
    let refusals = 3;
    const post = flaky.postToSpace.bind(flaky);
    flaky.postToSpace = async (space, reply) => {
      if (refusals-- > 0) throw new Error('platform down');
      return post(space, reply);
    };
    const { scheduler, timer, logger } = schedulerFor(app, flaky);
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-12-10');
    await type(mod, '/remind schedule 3d at=09:00');
    app.clock.set('2026-12-07T09:00:00Z');
    await scheduler.tick();
    expect(flaky.posts).toEqual([]);
    expect(logger.entries.some((e) => e.message === 'post failed after 3 attempts')).toBe(true);
    expect(timer.lastDelay).toBe(RETRY_MS);
    app.clock.set('2026-12-07T09:05:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(flaky.posts.map((p) => p.text.split('\n')[0])).toEqual(['# Reminder: Stop illegal expulsions to El Salvador']);
  });

  it('waits in steps no longer than setTimeout allows for a far deadline', async () => {
    const app = await open('2026-11-28T10:00:00Z');
    const { scheduler, timer } = schedulerFor(app);
    await typer(app.deps)(mod, '/drive start ua-34-25 deadline=2027-06-30');
    await scheduler.tick();
    expect(timer.lastDelay).toBe(MAX_DELAY_MS);
  });
});
