// Members' own reminders ("Remind me later"): kept until sent, cancelled or expired.
import { closesAt, isOpen, type Drive } from '../drive.js';
import { guarded } from '../guard.js';

/**
 * "Remind me later": the one place a platform user id is kept, because a private message needs
 * it. It carries an expiry (its due time plus the 12 hours a late reminder may still be sent) and is
 * deleted when it is sent, cancelled by /acted or /forgetme, expired, when its drive ends, or when
 * the drive's deadline moves before it.
 */
export type MemberReminder = { driveId: string; member: string; platform: string; userId: string; due: string; expires?: string };

/** A reminder more than this late is never sent, so its platform id has no more use. */
export const MEMBER_REMINDER_GRACE_MS = 12 * 3_600_000;

export function reminderExpiry(due: Date): Date {
  return new Date(due.getTime() + MEMBER_REMINDER_GRACE_MS);
}

/**
 * Where reminders are kept: a table on SQLite, a hash each with sorted-set and set indexes on Redis
 * (src/core/store/). Each call is one atomic change; a reminder past its expiry reads as absent.
 */
export interface MemberReminderRepository {
  /** Inserts or replaces the member's reminder for the drive (`expires` is set). */
  put(reminder: MemberReminder & { expires: string }, now: Date): Promise<void>;
  get(driveId: string, member: string): Promise<MemberReminder | undefined>;
  forDrive(driveId: string): Promise<MemberReminder[]>;
  forMember(member: string): Promise<MemberReminder[]>;
  /** Which of these drives have a reminder: one query. */
  drivesWith(driveIds: readonly string[]): Promise<Set<string>>;
  /** True when there was one. */
  remove(driveId: string, member: string): Promise<boolean>;
  /** Every reminder of the member; how many there were. */
  removeMember(member: string): Promise<number>;
}

export class MemberReminderStore {
  constructor(private readonly repository: MemberReminderRepository) {}

  async add(reminder: MemberReminder, now: Date): Promise<void> {
    const expires = reminder.expires ?? reminderExpiry(new Date(reminder.due)).toISOString();
    await this.guard(() => this.repository.put({ ...reminder, expires }, now));
  }

  async forDrive(driveId: string): Promise<MemberReminder[]> {
    return this.guard(() => this.repository.forDrive(driveId));
  }

  /** Which of these drives have reminders listed: one batched read, for the scheduler's pass. */
  async drivesWithReminders(driveIds: readonly string[]): Promise<Set<string>> {
    if (driveIds.length === 0) return new Set();
    return this.guard(() => this.repository.drivesWith(driveIds));
  }

  /** A member's pending reminders (for /privacy). */
  async forMember(member: string): Promise<MemberReminder[]> {
    return this.guard(() => this.repository.forMember(member));
  }

  async get(driveId: string, member: string): Promise<MemberReminder | undefined> {
    return this.guard(() => this.repository.get(driveId, member));
  }

  /** Deletes one reminder; true when there was one. */
  async remove(driveId: string, member: string): Promise<boolean> {
    return this.guard(() => this.repository.remove(driveId, member));
  }

  /** Deletes every reminder of a member (for /forgetme); returns how many. */
  async forget(member: string): Promise<number> {
    return this.guard(() => this.repository.removeMember(member));
  }

  /**
   * Deletes the drive's reminders that can no longer be sent: all of them once the drive has ended
   * or closed, otherwise those due at or after its (moved) deadline and those past their expiry.
   * Returns how many. Runs on every drive change and on every scheduler pass.
   */
  async prune(drive: Drive, now: Date): Promise<number> {
    const closes = closesAt(drive).getTime();
    const open = isOpen(drive, now);
    let removed = 0;
    for (const reminder of await this.forDrive(drive.id)) {
      const expired = Date.parse(reminder.expires ?? reminderExpiry(new Date(reminder.due)).toISOString()) <= now.getTime();
      if (!open || expired || Date.parse(reminder.due) >= closes) {
        if (await this.remove(drive.id, reminder.member)) removed += 1;
      }
    }
    return removed;
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('reminders', fn);
  }
}
