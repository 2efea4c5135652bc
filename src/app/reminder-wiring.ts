// Wires the reminder scheduler to the running adapters' notifiers.
import type pino from 'pino';
import type { App } from './app.js';
import { chartedPosts, reminderPosts } from '../commands/posts.js';
import type { Notifier } from '../core/notifier.js';
import { ReminderScheduler, systemTimer, type ReminderPosts, type Timer } from '../core/reminders/scheduler.js';
import type { Events } from './event-wiring.js';

/** Reminders and final tallies, wired to whatever adapters run; public posts go through `events` (coalesced). */
export function startReminders(app: App, notifiers: Notifier[], logger: pino.Logger, timer: Timer = systemTimer, events?: Events, posts: ReminderPosts = chartedPosts(reminderPosts, app.deps)): ReminderScheduler {
  const { deps } = app;
  const scheduler = new ReminderScheduler({ ...deps, timer, notifiers, poster: events?.posts, posts, logger: logger.child({ part: 'reminders' }) });
  deps.drives.onChange(() => void scheduler.tick());
  return scheduler;
}
