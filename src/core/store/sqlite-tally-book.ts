// Table entries as a table of the SQLite file; an entry and its delivery's claim commit together.
import { crashPoint } from '../crash-points.js';
import type { Method } from '../drive.js';
import { AlreadyHandled } from '../errors.js';
import type { WriteUnit } from '../ledger/ledger.js';
import { newEntryId, totalsOf, type NewTableEntry, type TableEntry, type TableTotals, type TallyBook } from '../tally-book.js';
import type { SqliteFile } from './sqlite-file.js';
import { claimFree, commitUnit, HANDLED_BEFORE } from './write-unit.js';

// The `tally_entries` table is made by SQLite migration 8 (src/core/store/migrations/sqlite.ts):
// indexed by drive (lists and totals) and by moderator (/forgetme); `tally_archived`, the counts of
// entries the retention sweep deleted, by migration 11.
type Row = { id: string; drive_id: string; space: string; appeal: string; count: number; method: Method; note: string | null; moderator: string | null; date: string; recorded_at: string };

const fromRow = (r: Row): TableEntry => ({ id: r.id, driveId: r.drive_id, space: r.space, appealId: r.appeal, count: r.count, method: r.method, note: r.note, moderator: r.moderator, date: r.date, recordedAt: r.recorded_at });

/** The claim's answer, once the transaction is over: a delivery handled before changed nothing. */
function settled<T>(result: T | typeof HANDLED_BEFORE): T {
  if (result === HANDLED_BEFORE) throw new AlreadyHandled();
  return result;
}

export class SqliteTallyBook implements TallyBook {
  constructor(private readonly file: SqliteFile) {}

  async add(entry: NewTableEntry, at: Date, unit?: WriteUnit): Promise<TableEntry> {
    const stored: TableEntry = { ...entry, id: newEntryId(), recordedAt: at.toISOString() };
    crashPoint('before-write-commit');
    const result = await this.file.batch('enter a table count', () => {
      if (!claimFree(this.file, unit, at.getTime())) return HANDLED_BEFORE;
      this.file
        .statement('INSERT INTO tally_entries(id, drive_id, space, appeal, count, method, note, moderator, date, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(stored.id, stored.driveId, stored.space, stored.appealId, stored.count, stored.method, stored.note, stored.moderator, stored.date, stored.recordedAt);
      commitUnit(this.file, unit, at);
      return stored;
    });
    crashPoint('after-write-commit');
    const added = settled(result);
    // Told "entered" once it is on disk, as an action is (a failed sync: "may not have been saved").
    await this.file.synced();
    unit?.changed?.();
    return added;
  }

  async get(id: string): Promise<TableEntry | undefined> {
    const row = await this.file.run('read a table count', () => this.file.statement('SELECT * FROM tally_entries WHERE id = ?').get(id) as Row | undefined);
    return row && fromRow(row);
  }

  async remove(id: string, at: Date, unit?: WriteUnit): Promise<boolean> {
    crashPoint('before-write-commit');
    const result = await this.file.batch('undo a table count', () => {
      if (!claimFree(this.file, unit, at.getTime())) return HANDLED_BEFORE;
      const removed = this.file.statement('DELETE FROM tally_entries WHERE id = ?').run(id).changes > 0;
      if (removed) commitUnit(this.file, unit, at);
      return removed;
    });
    crashPoint('after-write-commit');
    const removed = settled(result);
    if (removed) await this.file.synced();
    if (removed) unit?.changed?.();
    return removed;
  }

  async list(driveId: string): Promise<TableEntry[]> {
    const rows = await this.file.run('list table counts', () => this.file.statement('SELECT * FROM tally_entries WHERE drive_id = ? ORDER BY recorded_at, id').all(driveId) as Row[]);
    return rows.map(fromRow);
  }

  async totals(driveId: string): Promise<TableTotals> {
    type Sum = Pick<TableEntry, 'appealId' | 'method' | 'count'>;
    const rows = await this.file.run(
      'sum table counts',
      () =>
        this.file
          .statement(
            `SELECT appeal AS appealId, method, sum(count) AS count FROM (
               SELECT appeal, method, count FROM tally_entries WHERE drive_id = ?
               UNION ALL SELECT appeal, method, count FROM tally_archived WHERE drive_id = ?)
             GROUP BY appeal, method`,
          )
          .all(driveId, driveId) as Sum[],
    );
    return totalsOf(rows);
  }

  async forgetModerator(member: string): Promise<number> {
    return this.file.run('forget a moderator in table counts', () => this.file.statement('UPDATE tally_entries SET moderator = NULL WHERE moderator = ?').run(member).changes);
  }

  async ofModerator(member: string): Promise<TableEntry[]> {
    const rows = await this.file.run("list a moderator's table counts", () => this.file.statement('SELECT * FROM tally_entries WHERE moderator = ? ORDER BY recorded_at, id').all(member) as Row[]);
    return rows.map(fromRow);
  }

  /** Folds the counts into `tally_archived` and deletes the rows, in one transaction. */
  async purge(driveId: string, appealId: string): Promise<number> {
    return this.file.batch('delete archived table counts', () => {
      this.file
        .statement(
          `INSERT INTO tally_archived(drive_id, appeal, method, count)
           SELECT drive_id, appeal, method, sum(count) FROM tally_entries WHERE drive_id = ? AND appeal = ? GROUP BY method
           ON CONFLICT(drive_id, appeal, method) DO UPDATE SET count = count + excluded.count`,
        )
        .run(driveId, appealId);
      return this.file.statement('DELETE FROM tally_entries WHERE drive_id = ? AND appeal = ?').run(driveId, appealId).changes;
    });
  }
}
