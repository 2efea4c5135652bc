import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../src/adapters/slack/index.js';
import { telegramNotifier } from '../../src/adapters/telegram/send.js';
import { reminderPosts } from '../../src/commands/posts.js';
import type { Notifier } from '../../src/core/notifier.js';
import { ReminderScheduler, RETRY_MS } from '../../src/core/reminders/scheduler.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { ADMIN, telegramHarness, type Harness } from '../adapters/telegram/harness.js';
import { GROUP, messageUpdate } from '../adapters/telegram/updates.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';
import { FakeTimer } from '../support/notifier.js';

const OLD = { id: -500, type: 'group' } as const;
const NEW = { id: -100500, type: 'supergroup' } as const;

/** A service message (no text) in `chat`, as Telegram sends on an upgrade. */
const serviceMessage = (updateId: number, chat: { id: number; type: string }, extra: object) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1_700_000_000, chat, from: { id: ADMIN.id, is_bot: false, first_name: 'Admin' }, ...extra },
});

function schedulerWith(h: Harness, notifier: Notifier) {
  const logger = new RecordingLogger();
  const timer = new FakeTimer();
  const scheduler = new ReminderScheduler({ ...h.app.deps, timer, notifiers: [notifier], posts: reminderPosts, logger });
  return { scheduler, logger, timer };
}

describe('spaces that change or go away', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await telegramHarness();
    h.fake.members.set(`${OLD.id}:${ADMIN.id}`, 'administrator');
    h.fake.members.set(`${NEW.id}:${ADMIN.id}`, 'administrator');
  });
  afterEach(() => h.close());

  it('keeps a Telegram group\'s drive and tally when it becomes a supergroup', async () => {
    await h.feed(messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=10 deadline=2030-01-31', OLD));
    await h.feed(messageUpdate(2, { id: 7 }, '/acted email', OLD));
    await h.feed(serviceMessage(3, OLD, { migrate_to_chat_id: NEW.id }));
    await h.feed(serviceMessage(4, NEW, { migrate_from_chat_id: OLD.id }));

    expect(await h.app.deps.drives.listIn(`telegram:${OLD.id}`)).toEqual([]);
    const [drive] = await h.app.deps.drives.listIn(`telegram:${NEW.id}`);
    expect(drive).toMatchObject({ cases: [expect.objectContaining({ appealId: 'ua-34-25' })], status: 'active', goal: 10 });
    await h.feed(messageUpdate(5, { id: 8 }, '/acted post', NEW));
    await h.feed(messageUpdate(6, { id: 7 }, '/acted email', NEW));
    const tally = await h.app.deps.ledger.tally('ua-34-25');
    expect({ actions: tally.actions, members: tally.members }).toEqual({ actions: 2, members: 2 });
    // The per-space counters keep the label an action was recorded under.
    expect(tally.bySpace).toEqual({ [`telegram:${OLD.id}`]: 1, [`telegram:${NEW.id}`]: 1 });
    expect(h.fake.textsTo(7).join('\n')).toContain('already counted');
    expect(h.logger.entries.filter((e) => /upgraded to a supergroup/.test(e.message))).toHaveLength(1);
  });

  it('follows the upgrade when a reminder is refused with migrate_to_chat_id', async () => {
    await h.feed(messageUpdate(1, ADMIN, '/drive start ua-34-25 goal=10 deadline=2030-01-31', OLD));
    await h.feed(messageUpdate(2, ADMIN, '/remind schedule 0d at=09:00', OLD));
    const { scheduler } = schedulerWith(h, telegramNotifier(h.bot.api));
    h.fake.failNext('sendMessage', 400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: NEW.id });
    h.app.clock.set('2030-01-31T09:30:00Z');
    await scheduler.start();
    await scheduler.stop();
    expect(h.fake.textsTo(NEW.id).join('\n')).toMatch(/Last day|Reminder/);
    expect((await h.app.deps.drives.listIn(`telegram:${NEW.id}`)).map((d) => d.status)).toEqual(['active']);
  });

  it('ends the reminders of a group the bot was removed from, once, and keeps its count', async () => {
    await h.startDrive(10);
    await h.feed(messageUpdate(2, { id: 7 }, '/acted email'));
    await h.feed({
      update_id: 3,
      my_chat_member: {
        chat: GROUP,
        from: { id: ADMIN.id, is_bot: false, first_name: 'Admin' },
        date: 1_700_000_000,
        old_chat_member: { status: 'member', user: { id: 42, is_bot: true, first_name: 'Action' } },
        new_chat_member: { status: 'kicked', until_date: 0, user: { id: 42, is_bot: true, first_name: 'Action' } },
      },
    });
    expect((await h.app.deps.drives.listIn(`telegram:${GROUP.id}`)).map((d) => d.status)).toEqual(['ended']);
    expect((await h.app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    expect(h.logger.entries.filter((e) => e.level === 'warn' && /removed from telegram:-1001 \(kicked\)/.test(e.message))).toHaveLength(1);
  });

  it('stops retrying a Telegram reminder refused with 403 (kicked): the drive ends, no retry in 5 minutes', async () => {
    await h.startDrive(10);
    await h.feed(messageUpdate(2, ADMIN, '/remind schedule 0d at=09:00'));
    const { scheduler, logger, timer } = schedulerWith(h, telegramNotifier(h.bot.api));
    h.fake.failNext('sendMessage', 403, 'Forbidden: bot was kicked from the supergroup chat');
    h.app.clock.set('2030-01-31T09:30:00Z');
    await scheduler.start();
    await scheduler.tick();
    await scheduler.stop();
    // One refused call, no second attempt, nothing armed for a retry.
    expect(h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === GROUP.id && !c.ok)).toHaveLength(1);
    expect(timer.delays).not.toContain(RETRY_MS);
    expect((await h.app.deps.drives.listIn(`telegram:${GROUP.id}`)).map((d) => d.status)).toEqual(['ended']);
    expect(logger.entries.filter((e) => /can no longer post in telegram:-1001/.test(e.message))).toHaveLength(1);
  });

  it('stops retrying a Slack reminder when the channel is gone or the app uninstalled', async () => {
    const fake = new FakeSlackApi();
    await fake.start();
    try {
      const slack = await createSlackApp({ botToken: 'xoxb-test', signingSecret: 's', apiUrl: fake.apiUrl, port: 0 }, { deps: h.app.deps, logger: new RecordingLogger() }, { listen: false });
      const space = 'slack:T1/C1';
      const type = typer(h.app.deps, space);
      await type({ userId: 'UADMIN', moderator: true, platform: 'slack' }, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
      await type({ userId: 'UADMIN', moderator: true, platform: 'slack' }, '/remind schedule 0d at=09:00');
      const { scheduler, logger, timer } = schedulerWith(h, slack.notifier);
      fake.refusals.set('chat.postMessage', 'account_inactive');
      h.app.clock.set('2030-01-31T09:30:00Z');
      await scheduler.start();
      await scheduler.stop();
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
      expect(timer.delays).not.toContain(RETRY_MS);
      expect((await h.app.deps.drives.listIn(space)).map((d) => d.status)).toEqual(['ended']);
      expect(logger.entries.filter((e) => /can no longer post in slack:T1\/C1 \(account_inactive\)/.test(e.message))).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
