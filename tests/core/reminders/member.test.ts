import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle, splitCommandLine } from '../../../src/commands/index.js';
import { reminderPosts } from '../../../src/commands/posts.js';
import { stripMarkdown } from '../../../src/core/markdown.js';
import { replyToPlainText } from '../../../src/core/reply.js';
import { memberReminderDue } from '../../../src/commands/remindme.js';
import { ReminderScheduler } from '../../../src/core/reminders/scheduler.js';
import { testApp, type TestApp } from '../../support/app.js';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { buttonCommand, typer, unsigned } from '../../support/invoke.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer, RecordingNotifier } from '../../support/notifier.js';

const mod = { userId: 'operator', moderator: true };
const ana = { userId: 'ana-telegram-id' };

describe('"remind me later"', () => {
  let app: TestApp;
  let notifier: RecordingNotifier;
  let scheduler: ReminderScheduler;
  let type: ReturnType<typeof typer>;
  let events: TestEvents;

  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    notifier = new RecordingNotifier('shell');
    scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [notifier], posts: reminderPosts, logger: new RecordingLogger() });
    events = await startedEvents(app, [notifier]);
    type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-12-20');
  });
  afterEach(async () => {
    await events.stop();
    await app.close();
  });

  it('says when up front, sends one private reminder then, and keeps the platform id only until then', async () => {
    const reply = await type(ana, '/remindme');
    expect(reply.plain).toMatch(/I will remind you privately on Friday, December 4 at 10:00.* Until then I keep your Shell account id/);
    const [drive] = await app.deps.drives.openIn('shell:local');
    expect(await app.deps.memberReminders.forDrive(drive!.id)).toEqual([expect.objectContaining({ userId: 'ana-telegram-id', platform: 'shell' })]);
    app.clock.set('2026-12-04T10:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(notifier.posts).toEqual([expect.objectContaining({ kind: 'member', to: 'ana-telegram-id' })]);
    expect(notifier.posts[0]!.text).toContain('Your reminder: Stop illegal expulsions to El Salvador');
    const button = buttonCommand(notifier.posts[0]!.reply, /letter/);
    expect(unsigned(button)).toBe(`/letter drive=${drive!.id}`);
    // Pressed in a private chat, the button is Ana's alone: it gives her the letter, and nobody else anything.
    const pressBy = (userId: string) => {
      const { name, text } = splitCommandLine(button.slice(1));
      return handle({ name, text, actor: { platform: 'shell', userId }, space: { id: `shell:dm-${userId}`, kind: 'private' }, isModerator: async () => false }, app.deps, new RecordingLogger());
    };
    expect(replyToPlainText(await pressBy(ana.userId), stripMarkdown)).toContain('Dear Secretary');
    expect(replyToPlainText(await pressBy('bob'), stripMarkdown)).toContain('does not work here');
    expect(await app.deps.memberReminders.forDrive(drive!.id)).toEqual([]);
  });

  it('is cancelled by /acted and by /forgetme', async () => {
    await type(ana, '/remindme');
    await type({ userId: 'bob' }, '/remindme');
    expect((await type(ana, '/remindme')).plain).toContain('You already have a reminder');
    await type(ana, '/acted email');
    await events.settle();
    await type({ userId: 'bob' }, '/forgetme yes');
    const [drive] = await app.deps.drives.openIn('shell:local');
    expect(await app.deps.memberReminders.forDrive(drive!.id)).toEqual([]);
    expect(await app.store.kv.get(`mr:member:${app.deps.memberKey('shell', 'bob')}`)).toBeUndefined();
    app.clock.set('2026-12-10T10:00:00Z');
    await scheduler.tick();
    expect(notifier.posts.filter((p) => p.kind === 'member')).toEqual([]);
  });

  it('picks a time between an hour from now and two days before the close', () => {
    const close = new Date('2026-12-21T00:00:00Z');
    expect(memberReminderDue(new Date('2026-12-01T10:00:00Z'), close).toISOString()).toBe('2026-12-04T10:00:00.000Z');
    expect(memberReminderDue(new Date('2026-12-18T10:00:00Z'), close).toISOString()).toBe('2026-12-19T00:00:00.000Z');
    expect(memberReminderDue(new Date('2026-12-20T22:30:00Z'), close).toISOString()).toBe('2026-12-20T23:00:00.000Z');
  });
});
