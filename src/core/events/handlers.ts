// What each domain event leads to: milestones, cancelling a member's reminder, live progress, news.
import type { NewsDelivery } from '../news/delivery.js';
import type { MemberReminderStore } from '../reminders/member-reminders.js';
import type { StoredEvent } from './events.js';
import type { Milestones } from './milestones.js';
import type { EventHandler } from './relay.js';

export type EventHandlerDeps = {
  memberReminders: MemberReminderStore;
  milestones: Milestones;
  /** Live progress messages (Telegram groups), refreshed after any change to a drive's tally. */
  refreshProgress?: (driveId: string) => Promise<void>;
  /** News to its spaces and followers. */
  news?: NewsDelivery;
};

/** What each domain event sets off, after the member has their answer. */
export function eventHandler(deps: EventHandlerDeps): EventHandler {
  return async ({ event, attempts }: StoredEvent) => {
    switch (event.type) {
      case 'recorded':
        // A plain read first: the removal takes a lock that most events need not wait for.
        if (await deps.memberReminders.get(event.driveId, event.member)) await deps.memberReminders.remove(event.driveId, event.member);
        if (event.created) {
          await deps.milestones.check(event.driveId);
          await deps.milestones.checkAppealOf(event.driveId);
        }
        await deps.refreshProgress?.(event.driveId);
        return;
      case 'undone':
        await deps.refreshProgress?.(event.driveId);
        return;
      case 'drive-changed':
        await deps.milestones.rearm(event.driveId);
        return;
      case 'news':
        await deps.news?.deliver(event, attempts);
        return;
    }
  };
}
