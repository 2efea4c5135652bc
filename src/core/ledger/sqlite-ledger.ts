// The action ledger on SQLite: operations queued and committed in batches, tallies served from
// counters.
import { BatchQueue } from '../batch-queue.js';
import { crashPoint } from '../crash-points.js';
import { assertOpen, platformOf, type CaseRef, type Method } from '../drive.js';
import type { SqliteFile } from '../store/sqlite-file.js';
import type { Clock } from '../time.js';
import { applyBatch, readTally, tallyFrom, type Op, type StoredTally } from './sqlite-batch.js';
import { collectRows, type ActionLedger, type ActionRow, type RecordResult, type SeriesPoint, type Tally, type UndoResult, type WriteUnit } from './ledger.js';

/** Operations per transaction: a burst is written in few commits, and the event loop breathes between them. */
const MAX_BATCH = 1000;
const PAGE_SIZE = 1000;
type ExportRow = { id: number; at: string; space: string; method: Method; member: string };

/** Rows deleted per transaction by `purge`: short write locks, other work between them. */
const PURGE_CHUNK = 1000;

/**
 * The embedded ledger: its own tables in the SQLite file, every batch one BEGIN IMMEDIATE
 * transaction. SQLite's write lock makes several processes on one file exact, and a crash leaves a
 * whole batch or none. Operations waiting in this process go in one transaction, to keep the rate
 * of a burst; callers are answered only after the commit and its sync.
 */
export class SqliteLedger implements ActionLedger {
  /** Operations waiting in this process go in one transaction, up to MAX_BATCH, the callers of a turn together. */
  private readonly queue = new BatchQueue<Op>((batch) => this.commit(batch), { max: MAX_BATCH, nextTurn: true });
  private readonly transaction: (batch: Op[]) => Array<() => void>;
  /**
   * The last tally read per appeal and the file's `data_version` then. A drive of a thousand groups
   * has a thousand space counters, and turning them into JavaScript is most of a read;
   * while nothing changed, the read is one PRAGMA and a copy. `data_version` moves when another
   * connection (another process) commits; this connection's own commits empty the map.
   */
  private readonly tallies = new Map<string, { version: number; tally: StoredTally }>();

  /** `scrub` runs after a forget, so the deleted rows leave the WAL too; `clock` times the deliveries' claims. */
  constructor(
    private readonly file: SqliteFile,
    clock: Clock,
    private readonly scrub: () => Promise<void> = async () => undefined,
  ) {
    const transaction = file.db.transaction((batch: Op[]) => applyBatch(file, batch, clock.now().getTime()));
    this.transaction = (batch) => {
      const answers = transaction.immediate(batch);
      // In the same synchronous step as the commit: no read can come between and find the old counts.
      this.tallies.clear();
      return answers;
    };
  }

  record(input: { drive: CaseRef; member: string; method: Method; at: Date }, unit?: WriteUnit): Promise<RecordResult> {
    return this.submit(input, (done, fail) => ({ kind: 'record', ...input, unit, done, fail }));
  }

  undo(input: { drive: CaseRef; member: string; method: Method; at: Date }, unit?: WriteUnit): Promise<UndoResult> {
    return this.submit(input, (done, fail) => ({ kind: 'undo', ...input, unit, done, fail }));
  }

  async forget(member: string): Promise<number> {
    const removed = await new Promise<number>((done, fail) => this.queue.add({ kind: 'forget', member, done, fail }));
    await this.scrub();
    return removed;
  }

  async purge(appealId: string): Promise<number> {
    let removed = 0;
    for (;;) {
      const changes = await this.file.run('delete archived actions', () =>
        this.file.statement('DELETE FROM ledger_actions WHERE rowid IN (SELECT rowid FROM ledger_actions WHERE appeal = ? LIMIT ?)').run(appealId, PURGE_CHUNK).changes,
      );
      removed += changes;
      if (changes < PURGE_CHUNK) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (removed > 0) await this.scrub();
    return removed;
  }

  tally(appealId: string): Promise<Tally> {
    return this.file.run('read a tally', () => {
      const version = this.file.statement('PRAGMA data_version').pluck().get() as number;
      const known = this.tallies.get(appealId);
      if (known?.version === version) return tallyFrom(known.tally);
      const tally = readTally(this.file, appealId);
      this.tallies.set(appealId, { version, tally });
      return tallyFrom(tally);
    });
  }

  methodsOf(appealId: string, member: string): Promise<Method[]> {
    return this.file.run('read a member', () =>
      (this.file.statement('SELECT method FROM ledger_actions WHERE member = ? AND appeal = ?').all(member, appealId) as Array<{ method: Method }>).map((r) => r.method),
    );
  }

  series(appealId: string, space?: string): Promise<SeriesPoint[]> {
    return this.file.run('read a series', () => {
      const rows = space === undefined
        ? this.file.statement('SELECT hour, method, sum(n) AS count FROM ledger_hours WHERE appeal = ? GROUP BY hour, method ORDER BY hour, method').all(appealId)
        : this.file.statement('SELECT hour, method, n AS count FROM ledger_hours WHERE appeal = ? AND space = ? ORDER BY hour, method').all(appealId, space);
      return rows as SeriesPoint[];
    });
  }

  /**
   * Pages in (time, rowid) order through the (appeal, at) index, which holds the rowid after `at`:
   * the rest of the last row's timestamp (`at = ? AND rowid > ?`), then the times after it
   * (`at > ?`), each a seek, however many rows share one timestamp (a bulk entry, an import, a
   * burst within a millisecond). SQLite does not seek a row value `(at, rowid) > (?, ?)` into the
   * rowid: it scans the shared timestamp from its first row on every page, as did
   * `at >= ? AND (at > ? OR rowid > ?)`.
   */
  async *exportRows(appealId: string, options: { pageSize?: number } = {}): AsyncIterable<ActionRow> {
    const size = Math.max(1, options.pageSize ?? PAGE_SIZE);
    const columns = 'SELECT rowid AS id, at, space, method, member FROM ledger_actions WHERE appeal = ?';
    let after: { at: string; id: number } | undefined;
    for (;;) {
      const page = await this.file.run('export actions', () => {
        const same = after ? (this.file.statement(`${columns} AND at = ? AND rowid > ? ORDER BY rowid LIMIT ?`).all(appealId, after.at, after.id, size) as ExportRow[]) : [];
        if (same.length === size) return same;
        const later = this.file.statement(`${columns} AND at > ? ORDER BY at, rowid LIMIT ?`).all(appealId, after?.at ?? '', size - same.length) as ExportRow[];
        return [...same, ...later];
      });
      for (const { at, space, method, member } of page) yield { at, space, platform: platformOf(space), method, member };
      if (page.length < size) return;
      const last = page[page.length - 1]!;
      after = { at: last.at, id: last.id };
    }
  }

  export(appealId: string): Promise<ActionRow[]> {
    return collectRows(this.exportRows(appealId));
  }

  private submit<R>(input: { drive: CaseRef; at: Date }, make: (done: (r: R) => void, fail: (e: unknown) => void) => Op): Promise<R> {
    try {
      assertOpen(input.drive, input.at);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<R>((done, fail) => this.queue.add(make(done, fail)));
  }

  /** One transaction; a batch that fails as a whole fails each of its operations (the queue does that). */
  private async commit(batch: Op[]): Promise<void> {
    crashPoint('before-ledger-commit');
    const answers = await this.file.run('record actions', () => this.transaction(batch));
    crashPoint('after-ledger-commit');
    // Members are told "counted" once the commit is on disk (it survives a power cut too). The
    // next batch commits meanwhile; its sync follows this one.
    this.file.synced().then(
      () => answers.forEach((answer) => answer()),
      (error: unknown) => batch.forEach((op) => op.fail(error)),
    );
  }
}
