// Drives, profiles, member reminders, saved appeals and appeal scopes with their history, in their
// tables of the SQLite file: one statement or one transaction per change.
import type { AppealChange, AppealScopeRepository, SavedAppealRepository } from '../appeal-scopes.js';
import type { Drive } from '../drive.js';
import type { DriveRepository } from '../drives.js';
import { appealsOf } from './drive-cases.js';
import type { Profile, ProfileRepository } from '../profiles.js';
import type { MemberReminder, MemberReminderRepository } from '../reminders/member-reminders.js';
import type { Clock } from '../time.js';
import type { SqliteFile } from './sqlite-file.js';

type ProfileRow = { name: string | null; town: string | null; country: string | null; opening: number | null };

export class SqliteProfiles implements ProfileRepository {
  constructor(private readonly file: SqliteFile) {}

  async get(member: string): Promise<Profile | undefined> {
    const row = await this.file.run('read a profile', () => this.file.statement('SELECT name, town, country, opening FROM profiles WHERE member = ?').get(member) as ProfileRow | undefined);
    if (!row) return undefined;
    const profile: Profile = {};
    if (row.name !== null) profile.name = row.name;
    if (row.town !== null) profile.town = row.town;
    if (row.country !== null) profile.country = row.country;
    if (row.opening !== null) profile.opening = row.opening === 1;
    return profile;
  }

  async put(member: string, profile: Profile): Promise<void> {
    await this.file.run('write a profile', () =>
      this.file
        .statement('INSERT OR REPLACE INTO profiles(member, name, town, country, opening) VALUES (?, ?, ?, ?, ?)')
        .run(member, profile.name ?? null, profile.town ?? null, profile.country ?? null, profile.opening === undefined ? null : Number(profile.opening)),
    );
  }

  delete(member: string): Promise<boolean> {
    return this.file.run('delete a profile', () => this.file.statement('DELETE FROM profiles WHERE member = ?').run(member).changes > 0);
  }
}

type ReminderRow = { drive_id: string; member: string; platform: string; user_id: string; due: string; expires: string };
const REMINDER = 'SELECT drive_id, member, platform, user_id, due, expires FROM member_reminders';
const toReminder = (r: ReminderRow): MemberReminder => ({ driveId: r.drive_id, member: r.member, platform: r.platform, userId: r.user_id, due: r.due, expires: r.expires });

/** Reminders past their expiry read as absent here, and the store's hourly sweep deletes them. */
export class SqliteMemberReminders implements MemberReminderRepository {
  constructor(
    private readonly file: SqliteFile,
    private readonly clock: Clock,
  ) {}

  async put(r: MemberReminder & { expires: string }): Promise<void> {
    await this.file.run('write a reminder', () =>
      this.file.statement('INSERT OR REPLACE INTO member_reminders(drive_id, member, platform, user_id, due, expires) VALUES (?, ?, ?, ?, ?, ?)').run(r.driveId, r.member, r.platform, r.userId, r.due, r.expires),
    );
  }

  async get(driveId: string, member: string): Promise<MemberReminder | undefined> {
    const row = await this.file.run('read a reminder', () => this.file.statement(`${REMINDER} WHERE drive_id = ? AND member = ? AND expires > ?`).get(driveId, member, this.now()) as ReminderRow | undefined);
    return row && toReminder(row);
  }

  async forDrive(driveId: string): Promise<MemberReminder[]> {
    const rows = await this.file.run('read reminders', () => this.file.statement(`${REMINDER} WHERE drive_id = ? AND expires > ? ORDER BY due, member`).all(driveId, this.now()) as ReminderRow[]);
    return rows.map(toReminder);
  }

  async forMember(member: string): Promise<MemberReminder[]> {
    const rows = await this.file.run('read reminders', () => this.file.statement(`${REMINDER} WHERE member = ? AND expires > ? ORDER BY due, drive_id`).all(member, this.now()) as ReminderRow[]);
    return rows.map(toReminder);
  }

  async drivesWith(driveIds: readonly string[]): Promise<Set<string>> {
    const found = await this.file.run('read reminders', () =>
      this.file.statement('SELECT DISTINCT drive_id FROM member_reminders WHERE drive_id IN (SELECT value FROM json_each(?)) AND expires > ?').pluck().all(JSON.stringify(driveIds), this.now()) as string[],
    );
    return new Set(found);
  }

  remove(driveId: string, member: string): Promise<boolean> {
    // Expired or not, it goes: the platform id in it has no more use.
    return this.file.run('delete a reminder', () => this.file.statement('DELETE FROM member_reminders WHERE drive_id = ? AND member = ? RETURNING expires').all(driveId, member) as Array<{ expires: string }>).then((rows) => rows.some((r) => r.expires > this.now()));
  }

  async removeMember(member: string): Promise<number> {
    const rows = await this.file.run('delete reminders', () => this.file.statement('DELETE FROM member_reminders WHERE member = ? RETURNING expires').all(member) as Array<{ expires: string }>);
    return rows.filter((r) => r.expires > this.now()).length;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

type ChangeRow = { appeal_id: string; at: string; who: string; place: string; action: AppealChange['action']; changed: string; community: string | null };

/** Entries kept per appeal: older ones fall off (the newest say what the appeal is now). */
const MAX_HISTORY = 200;

export class SqliteAppealScopes implements AppealScopeRepository {
  constructor(private readonly file: SqliteFile) {}

  async scopeOf(id: string): Promise<string | undefined> {
    return this.file.run('read an appeal scope', () => this.file.statement('SELECT community FROM appeal_scopes WHERE appeal_id = ?').pluck().get(id) as string | undefined);
  }

  scopedIds(community?: string): Promise<string[]> {
    return this.file.run('read appeal scopes', () =>
      community === undefined
        ? (this.file.statement('SELECT appeal_id FROM appeal_scopes ORDER BY appeal_id').pluck().all() as string[])
        : (this.file.statement('SELECT appeal_id FROM appeal_scopes WHERE community = ? ORDER BY appeal_id').pluck().all(community) as string[]),
    );
  }

  async setScope(id: string, community: string | undefined): Promise<void> {
    await this.file.run('write an appeal scope', () =>
      community === undefined
        ? this.file.statement('DELETE FROM appeal_scopes WHERE appeal_id = ?').run(id)
        : this.file.statement('INSERT OR REPLACE INTO appeal_scopes(appeal_id, community) VALUES (?, ?)').run(id, community),
    );
  }

  async record(change: AppealChange): Promise<void> {
    await this.file.run('record an appeal change', () =>
      this.file.db
        .transaction(() => {
          this.file
            .statement('INSERT INTO appeal_history(appeal_id, at, who, place, action, changed, community) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(change.id, change.at, change.who, change.where, change.action, JSON.stringify(change.changed), change.community ?? null);
          this.file
            .statement('DELETE FROM appeal_history WHERE appeal_id = ? AND seq <= (SELECT seq FROM appeal_history WHERE appeal_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)')
            .run(change.id, change.id, MAX_HISTORY);
        })
        .immediate(),
    );
  }

  async history(id?: string): Promise<AppealChange[]> {
    const rows = await this.file.run('read appeal history', () =>
      id === undefined
        ? (this.file.statement('SELECT appeal_id, at, who, place, action, changed, community FROM appeal_history ORDER BY at, seq').all() as ChangeRow[])
        : (this.file.statement('SELECT appeal_id, at, who, place, action, changed, community FROM appeal_history WHERE appeal_id = ? ORDER BY at, seq').all(id) as ChangeRow[]),
    );
    return rows.map((r) => ({
      at: r.at,
      id: r.appeal_id,
      who: r.who,
      where: r.place,
      action: r.action,
      changed: JSON.parse(r.changed) as string[],
      ...(r.community !== null ? { community: r.community } : {}),
    }));
  }
}

/** Saved appeals: one row each, the appeal as JSON; `listed` orders the shared catalog's (null: not listed). */
export class SqliteSavedAppeals implements SavedAppealRepository {
  constructor(private readonly file: SqliteFile) {}

  async get(id: string): Promise<unknown> {
    const text = await this.file.run('read an appeal', () => this.file.statement('SELECT appeal FROM saved_appeals WHERE id = ?').pluck().get(id) as string | undefined);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  ids(): Promise<string[]> {
    return this.file.run('read appeals', () => this.file.statement('SELECT id FROM saved_appeals WHERE listed IS NOT NULL ORDER BY listed').pluck().all() as string[]);
  }

  async put(id: string, appeal: unknown, list: boolean): Promise<void> {
    await this.file.run('write an appeal', () =>
      this.file
        .statement(
          `INSERT INTO saved_appeals(id, appeal, listed) VALUES (@id, @appeal, CASE WHEN @list THEN (SELECT coalesce(max(listed), 0) + 1 FROM saved_appeals) END)
             ON CONFLICT(id) DO UPDATE SET appeal = excluded.appeal, listed = coalesce(saved_appeals.listed, excluded.listed)`,
        )
        .run({ id, appeal: JSON.stringify(appeal), list: Number(list) }),
    );
  }

  async delete(id: string): Promise<void> {
    await this.file.run('delete an appeal', () => this.file.statement('DELETE FROM saved_appeals WHERE id = ?').run(id));
  }
}

/** The drive as stored, in the space its row says (the row is what `moveSpace` changes). */
const DRIVE = "SELECT json_set(drive, '$.space', space) FROM drives";

/**
 * Drives in three tables: `spaces` (every space that had a drive), `drives` (the columns queries use,
 * and the whole drive as JSON) and `drive_cases` (the appeals it runs, indexed by appeal). One
 * transaction per change.
 */
export class SqliteDrives implements DriveRepository {
  constructor(private readonly file: SqliteFile) {}

  get(id: string): Promise<unknown> {
    return this.file.run('read a drive', () => parsed(this.file.statement(`${DRIVE} WHERE id = ?`).pluck().get(id)));
  }

  getMany(ids: readonly string[]): Promise<unknown[]> {
    return this.file.run('read drives', () => (this.file.statement(`${DRIVE} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[]).map(parsed));
  }

  byPage(pageId: string): Promise<unknown> {
    return this.file.run('read a drive', () => parsed(this.file.statement(`${DRIVE} WHERE page_id = ?`).pluck().get(pageId)));
  }

  listIn(space: string): Promise<unknown[]> {
    return this.file.run('read drives', () => (this.file.statement(`${DRIVE} WHERE space = ? ORDER BY position`).pluck().all(space) as string[]).map(parsed));
  }

  active(): Promise<unknown[]> {
    return this.file.run('read drives', () => (this.file.statement(`${DRIVE} WHERE status = 'active' ORDER BY position`).pluck().all() as string[]).map(parsed));
  }

  all(): Promise<unknown[]> {
    return this.file.run('read drives', () => (this.file.statement(`${DRIVE} ORDER BY space, position`).pluck().all() as string[]).map(parsed));
  }

  any(): Promise<boolean> {
    return this.file.run('read drives', () => this.file.statement('SELECT 1 FROM drives LIMIT 1').get() !== undefined);
  }

  runningAppeal(appealId: string): Promise<string[]> {
    return this.file.run('read drives', () => this.file.statement('SELECT DISTINCT drive_id FROM drive_cases WHERE appeal_id = ? ORDER BY drive_id').pluck().all(appealId) as string[]);
  }

  async put(drive: Drive): Promise<void> {
    await this.file.run('write a drive', () =>
      this.file.db
        .transaction(() => {
          this.file.statement('INSERT OR IGNORE INTO spaces(id) VALUES (?)').run(drive.space);
          this.file
            .statement(
              `INSERT INTO drives(id, space, status, page_id, started_at, position, drive)
                 VALUES (@id, @space, @status, @pageId, @startedAt, (SELECT coalesce(max(position), 0) + 1 FROM drives), @drive)
               ON CONFLICT(id) DO UPDATE SET status = excluded.status, page_id = excluded.page_id, drive = excluded.drive`,
            )
            .run({ id: drive.id, space: drive.space, status: drive.status, pageId: drive.pageId, startedAt: drive.startedAt, drive: JSON.stringify(drive) });
          this.file.statement('DELETE FROM drive_cases WHERE drive_id = ?').run(drive.id);
          const insert = this.file.statement('INSERT INTO drive_cases(drive_id, position, appeal_id) VALUES (?, ?, ?)');
          appealsOf(drive).forEach((appealId, i) => insert.run(drive.id, i + 1, appealId));
        })
        .immediate(),
    );
  }

  moveSpace(from: string, to: string): Promise<unknown[]> {
    return this.file.run('move drives', () =>
      this.file.db
        .transaction(() => {
          const ids = this.file.statement('SELECT id FROM drives WHERE space = ? ORDER BY position').pluck().all(from) as string[];
          if (ids.length === 0) return [];
          this.file.statement('INSERT OR IGNORE INTO spaces(id) VALUES (?)').run(to);
          const move = this.file.statement('UPDATE drives SET space = ?, position = (SELECT max(position) + 1 FROM drives) WHERE id = ?');
          for (const id of ids) move.run(to, id);
          this.file.statement('DELETE FROM spaces WHERE id = ?').run(from);
          return (this.file.statement(`${DRIVE} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position`).pluck().all(JSON.stringify(ids)) as string[]).map(parsed);
        })
        .immediate(),
    );
  }
}

const parsed = (text: unknown): unknown => (typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined);
