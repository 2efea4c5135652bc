// Followers of appeals as a table of the SQLite file, a row per member and appeal.
import type { Follower, FollowerStore } from '../news/followers.js';
import type { SqliteFile } from './sqlite-file.js';

type Row = [appeal: string, member: string, space: string, platform: string, sealed: string, locale: string, expires: string];
const COLUMNS = 'appeal, member, space, platform, sealed, locale, expires';
const follower = ([appealId, member, space, platform, sealed, locale, expires]: Row): Follower => ({ appealId, member, space, platform, sealed, locale, expires });

/** Pages by primary key (appeal, member): a delivery to 100,000 followers reads them a page at a time. */
export class SqliteFollowers implements FollowerStore {
  constructor(private readonly file: SqliteFile) {}

  async put(f: Follower): Promise<void> {
    await this.file.batch('follow', () =>
      this.file
        .statement(`INSERT OR REPLACE INTO followers(${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(f.appealId, f.member, f.space, f.platform, f.sealed, f.locale, f.expires),
    );
  }

  async get(appealId: string, member: string): Promise<Follower | undefined> {
    const row = await this.file.run('read a follower', () => this.file.statement(`SELECT ${COLUMNS} FROM followers WHERE appeal = ? AND member = ?`).raw(true).get(appealId, member) as Row | undefined);
    return row ? follower(row) : undefined;
  }

  async remove(appealId: string, member: string): Promise<boolean> {
    const result = await this.file.batch('unfollow', () => this.file.statement('DELETE FROM followers WHERE appeal = ? AND member = ?').run(appealId, member));
    return result.changes > 0;
  }

  async forMember(member: string, now: Date): Promise<Follower[]> {
    const rows = await this.file.run('read followings', () => this.file.statement(`SELECT ${COLUMNS} FROM followers WHERE member = ? AND expires > ? ORDER BY appeal`).raw(true).all(member, now.toISOString()) as Row[]);
    return rows.map(follower);
  }

  async page(appealId: string, after: string, limit: number, now: Date): Promise<Follower[]> {
    const rows = await this.file.run('read followers', () =>
      this.file.statement(`SELECT ${COLUMNS} FROM followers WHERE appeal = ? AND member > ? AND expires > ? ORDER BY member LIMIT ?`).raw(true).all(appealId, after, now.toISOString(), limit) as Row[],
    );
    return rows.map(follower);
  }

  async forget(member: string): Promise<number> {
    return this.file.run('forget followings', () => this.file.statement('DELETE FROM followers WHERE member = ?').run(member).changes);
  }

  async purge(now: Date): Promise<number> {
    return this.file.run('purge followers', () => this.file.statement('DELETE FROM followers WHERE expires <= ?').run(now.toISOString()).changes);
  }
}
