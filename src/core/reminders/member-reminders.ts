import type Keyv from 'keyv';
import { guarded, type Mutex } from '../guard.js';

/**
 * "Remind me later": the one place a platform user id is kept, because a private message needs
 * it; it is deleted as soon as the reminder is sent, cancelled by /acted, or by /forgetme.
 */
export type MemberReminder = { driveId: string; member: string; platform: string; userId: string; due: string };

export class MemberReminderStore {
  constructor(
    private readonly kv: Keyv,
    private readonly mutex: Mutex,
  ) {}

  async add(reminder: MemberReminder): Promise<void> {
    await this.serially(async () => {
      await this.kv.set(key(reminder.driveId, reminder.member), reminder);
      await this.index(`mr:drive:${reminder.driveId}`, (list) => add(list, reminder.member));
      await this.index(`mr:member:${reminder.member}`, (list) => add(list, reminder.driveId));
    });
  }

  async forDrive(driveId: string): Promise<MemberReminder[]> {
    const members = await this.guard(() => this.kv.get(`mr:drive:${driveId}`) as Promise<string[] | undefined>);
    const found = await Promise.all((members ?? []).map((m) => this.guard(() => this.kv.get(key(driveId, m)) as Promise<MemberReminder | undefined>)));
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
