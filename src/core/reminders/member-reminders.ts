// Members' own reminders ("Remind me later"): kept until sent, cancelled or expired.
import type Keyv from 'keyv';
import { closesAt, isOpen, type Drive } from '../drive.js';
import { guarded, type Mutex } from '../guard.js';

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

export class MemberReminderStore {
  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async add(reminder: MemberReminder, now: Date): Promise<void> {
    const stored: MemberReminder = { ...reminder, expires: reminder.expires ?? reminderExpiry(new Date(reminder.due)).toISOString() };
    await this.serially(async () => {
      // The store expires it by itself too (Redis does it exactly; SQLite on the next read or sweep).
      await this.kv.set(key(stored.driveId, stored.member), stored, Math.max(1, Date.parse(stored.expires!) - now.getTime()));
      await this.index(`mr:drive:${stored.driveId}`, (list) => add(list, stored.member));
      await this.index(`mr:member:${stored.member}`, (list) => add(list, stored.driveId));
    });
  }

  async forDrive(driveId: string): Promise<MemberReminder[]> {
    const members = await this.guard(() => this.kv.get(`mr:drive:${driveId}`) as Promise<string[] | undefined>);
    const found = await Promise.all((members ?? []).map((m) => this.get(driveId, m)));
    return found.filter((r): r is MemberReminder => r !== undefined);
  }

  /** Which of these drives have reminders listed: one batched read, for the scheduler's pass. */
  async drivesWithReminders(driveIds: readonly string[]): Promise<Set<string>> {
    if (driveIds.length === 0) return new Set();
    const lists = (await this.guard(() => this.kv.getMany(driveIds.map((id) => `mr:drive:${id}`)))) as Array<string[] | undefined | null>;
    return new Set(driveIds.filter((_, i) => (lists[i]?.length ?? 0) > 0));
  }

  /** A member's pending reminders (for /privacy). */
  async forMember(member: string): Promise<MemberReminder[]> {
    const drives = await this.guard(() => this.kv.get(`mr:member:${member}`) as Promise<string[] | undefined>);
    const found = await Promise.all((drives ?? []).map((d) => this.get(d, member)));
    return found.filter((r): r is MemberReminder => r !== undefined);
  }

  async get(driveId: string, member: string): Promise<MemberReminder | undefined> {
    return this.guard(() => this.kv.get(key(driveId, member)) as Promise<MemberReminder | undefined>);
  }

  /** Deletes one reminder; true when there was one. */
  async remove(driveId: string, member: string): Promise<boolean> {
    return this.serially(async () => {
      const existed = await this.kv.delete(key(driveId, member));
      await this.index(`mr:drive:${driveId}`, (list) => list.filter((m) => m !== member));
      await this.index(`mr:member:${member}`, (list) => list.filter((d) => d !== driveId));
      return existed;
    });
  }

  /** Deletes every reminder of a member (for /forgetme); returns how many. */
  async forget(member: string): Promise<number> {
    const drives = (await this.guard(() => this.kv.get(`mr:member:${member}`) as Promise<string[] | undefined>)) ?? [];
    let removed = 0;
    for (const driveId of drives) if (await this.remove(driveId, member)) removed += 1;
    await this.guard(() => this.kv.delete(`mr:member:${member}`));
    return removed;
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
    const members = await this.guard(() => this.kv.get(`mr:drive:${drive.id}`) as Promise<string[] | undefined>);
    // Entries the store expired by itself leave their name in the index: tidy it.
    if (!open && members !== undefined) await this.serially(() => this.kv.delete(`mr:drive:${drive.id}`));
    return removed;
  }

  private async index(name: string, change: (list: string[]) => string[]): Promise<void> {
    const list = ((await this.kv.get(name)) as string[] | undefined) ?? [];
    const next = change(list);
    if (next.length === 0) await this.kv.delete(name);
    else await this.kv.set(name, next);
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    return this.mutex.run('member-reminders', () => this.guard(fn));
  }

  private guard<T>(fn: () => Promise<T>): Promise<T> {
    return guarded('reminders', fn);
  }
}

const key = (driveId: string, member: string) => `mr:${driveId}:${member}`;
const add = (list: string[], item: string) => (list.includes(item) ? list : [...list, item]);
