// The SQLite file: one connection with its pragmas, busy retries, damage detection, batched commits
// and WAL syncs.
import Database from 'better-sqlite3';
import { open, type FileHandle } from 'node:fs/promises';
import { BatchQueue } from '../batch-queue.js';
import { StoreError } from '../errors.js';

/**
 * The waits SQLite does synchronously while another process holds the write lock. Kept small so that
 * the event loop is never blocked long; beyond it, `SqliteFile.run` waits asynchronously and retries.
 */
const BUSY_TIMEOUT_MS = 20;
/** How long a write keeps retrying while other processes hold the lock before it gives up. */
const BUSY_GIVE_UP_MS = 10_000;
/** WAL: checkpoint every 1,000 pages (about 4 MB) and cut the file back to 4 MB after each. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;
const JOURNAL_SIZE_LIMIT_BYTES = 4 * 1024 * 1024;

/** A write waiting for the next group commit, with its caller's answer. */
type QueuedWrite = { what: string; fn: () => unknown; done: (value: unknown) => void; fail: (error: unknown) => void };

/** Why the store cannot serve: corruption found while running. */
export type Fault = { reason: string };

/**
 * One better-sqlite3 connection shared by the ledger, claims, locks and keyv: one native binding,
 * one file, real transactions. `run` turns SQLite's errors into StoreErrors, retries on a lock held
 * by another process without blocking the event loop, and notes corruption once.
 */
export class SqliteFile {
  readonly db: Database.Database;
  fault: Fault | undefined;
  /**
   * Set when a WAL sync failed: commits since the last good sync may be lost in a power cut. Cleared
   * by the next sync that succeeds, which runs on a freshly opened handle (a failed one is closed:
   * on Linux, an fsync on the handle that saw the error may report success without the data).
   */
  syncFault: string | undefined;
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * `syncWal`: puts every commit made so far on disk; by default an fdatasync of the WAL file on
   * libuv's thread pool (tests pass their own to hold it).
   */
  constructor(
    readonly path: string,
    private readonly onFault: (line: string) => void = () => undefined,
    syncWal?: () => Promise<void>,
  ) {
    this.syncWal = syncWal ?? (() => this.datasyncWal());
    try {
      this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (path !== ':memory:') {
        // Another process opening the same file at the same moment holds the lock this change needs, and SQLite
        // answers SQLITE_BUSY at once instead of waiting: retried, as a write is (a start, before anything is served).
        retryWhileBusy(() => this.db.pragma('journal_mode = WAL'));
        this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
        this.db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
      }
      // Deleted rows are overwritten with zeros, so what /forgetme removes is gone from the file.
      this.db.pragma('secure_delete = ON');
      // The schema's references (a drive's space, a case's drive) are kept, not only declared.
      this.db.pragma('foreign_keys = ON');
      // WAL with NORMAL survives any crash of the process (kill -9 included); only a power cut may
      // lose the last commits. What members are told is counted (the ledger's transaction, with the
      // delivery's claim and its events) waits for `synced`; other claims, caches and events can
      // afford the loss (a lost claim runs a command again; milestones are checked again at start).
      // An fsync in the commit (SQLite's FULL) stops the event loop for each batch.
      this.db.pragma('synchronous = NORMAL');
    } catch (error) {
      throw new StoreError(`the SQLite store at ${path} cannot be opened: ${codeOf(error) ?? (error as Error).message}`, { cause: error });
    }
  }

  /** Runs `fn` (synchronous SQL) now, or again after short asynchronous waits while the file is locked. */
  async run<T>(what: string, fn: () => T): Promise<T> {
    // The time of a real wait (real sleeps below), so the monotonic clock, not the injected one.
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      if (this.fault) throw new StoreError(`the SQLite store at ${this.path} is damaged: ${this.fault.reason}`, { stopped: true });
      try {
        return fn();
      } catch (error) {
        const code = codeOf(error);
        if (code?.startsWith('SQLITE_BUSY') && performance.now() - started < BUSY_GIVE_UP_MS) {
          await new Promise((resolve) => setTimeout(resolve, Math.min(50, 2 + attempt * 2) * (0.5 + Math.random())));
          continue;
        }
        throw this.wrap(what, error);
      }
    }
  }

  /** Same as `run` for code that cannot wait (opening, migrations): SQLite's own busy wait only. */
  runNow<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.wrap(what, error);
    }
  }

  /**
   * `runNow` with SQLite's busy wait lengthened to `waitMs` meanwhile: at open, before anything else
   * runs, a process waits for another one's migration (which may take a while on a large file).
   */
  runWaiting<T>(what: string, waitMs: number, fn: () => T): T {
    this.db.pragma(`busy_timeout = ${waitMs}`);
    try {
      return this.runNow(what, fn);
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  /**
   * Runs `fn` (synchronous SQL) in the next group commit: every write asked for in this turn of the
   * event loop shares one transaction (a burst of claims and events costs one commit, not one
   * each). Each runs in its own savepoint, so one that fails fails alone.
   */
  batch<T>(what: string, fn: () => T): Promise<T> {
    return new Promise<T>((done, fail) => this.queued.add({ what, fn, done: done as (value: unknown) => void, fail }));
  }

  /**
   * The flush is not awaited: a group that waits for another process's lock does not hold up the
   * next one, which retries on its own.
   */
  private readonly queued = new BatchQueue<QueuedWrite>((items) => void this.commitQueued(items), { nextTurn: true });

  private async commitQueued(items: QueuedWrite[]): Promise<void> {
    let outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      // On a lock held by another process the whole group runs again (it was rolled back).
      await this.run(items.length === 1 ? items[0]!.what : `${items.length} writes`, () => {
        outcomes = [];
        this.db
          .transaction(() => {
            for (const item of items) {
              try {
                outcomes.push({ ok: true, value: this.db.transaction(item.fn)() });
              } catch (error) {
                outcomes.push({ ok: false, error });
              }
            }
          })
          .immediate();
      });
    } catch (error) {
      for (const item of items) item.fail(error);
      return;
    }
    items.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.done(outcome.value);
      else item.fail(this.wrap(item.what, outcome.error));
    });
  }

  /**
   * Resolves once every commit made before the call is on disk, so that it survives a power cut
   * too (WAL with NORMAL: SQLite syncs the WAL only before a checkpoint). The sync runs off the
   * event loop, and callers share it: while one is running, every commit made meanwhile waits for
   * the single next one (group commit).
   */
  synced(): Promise<void> {
    if (this.path === ':memory:') return Promise.resolve();
    if (!this.syncing) {
      this.syncing = this.syncWal()
        .then(() => {
          this.syncFault = undefined;
        })
        .catch((error: unknown) => {
          const reason = `the SQLite store could not sync ${this.path} to disk: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
          if (!this.syncFault) this.onFault(`${reason}; actions recorded since the last good sync may be lost in a power cut (members were told theirs may not be saved); check the disk, /readyz says so until a sync succeeds`);
          this.syncFault = reason;
          throw new StoreError(reason, { cause: error, unsynced: true });
        })
        .finally(() => (this.syncing = undefined));
      return this.syncing;
    }
    // The sync running may have begun before this commit: the next one covers it.
    this.nextSync ??= this.syncing
      .catch(() => undefined)
      .then(() => {
        this.nextSync = undefined;
        return this.synced();
      });
    return this.nextSync;
  }

  private readonly syncWal: () => Promise<void>;
  private syncing: Promise<void> | undefined;
  private nextSync: Promise<void> | undefined;
  private wal: Promise<FileHandle> | undefined;

  /** fdatasync of the WAL file (kept open: SQLite truncates and reuses it, never replaces it while this connection is open). */
  private async datasyncWal(): Promise<void> {
    const wal = (this.wal ??= open(`${this.path}-wal`, 'r+'));
    try {
      await (await wal).datasync();
    } catch (error) {
      // Opened again for the next sync.
      if (this.wal === wal) this.wal = undefined;
      void wal.then((handle) => handle.close()).catch(() => undefined);
      throw error;
    }
  }

  /** A prepared statement, prepared once per connection. */
  statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  close(): void {
    if (this.db.open) this.db.close();
    void this.wal?.then((handle) => handle.close()).catch(() => undefined);
    this.wal = undefined;
  }

  private wrap(what: string, error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const code = codeOf(error);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      if (!this.fault) {
        this.fault = { reason: `${code} while ${what}` };
        this.onFault(
          `the SQLite store at ${this.path} is damaged (${code}); stop the bot, run "npx actionbot check", then restore the latest backup ("npx actionbot backup FILE" makes one; docs/store.md, "Restoring the store")`,
        );
      }
      return new StoreError(`the SQLite store at ${this.path} is damaged: ${code}`, { cause: error, stopped: true });
    }
    return new StoreError(`the SQLite store could not ${what}: ${code ?? (error as Error).message}`, { cause: error });
  }
}

/** Runs `fn` again while another process holds the file's lock, for up to BUSY_GIVE_UP_MS; only while opening. */
function retryWhileBusy<T>(fn: () => T): T {
  const started = performance.now();
  for (;;) {
    try {
      return fn();
    } catch (error) {
      if (!codeOf(error)?.startsWith('SQLITE_BUSY') || performance.now() - started > BUSY_GIVE_UP_MS) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.floor(Math.random() * 40));
    }
  }
}

/** better-sqlite3's SqliteError carries SQLite's extended code, such as SQLITE_BUSY or SQLITE_CORRUPT. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}
