// The SQLite store: opens (creating or migrating) the file and builds the ledger, claims, locks,
// outbox and documents on it.
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import { SqliteClaims, SqliteLocks } from '../claims.js';
import { ConfigError, StoreError } from '../errors.js';
import { SharedMutex } from '../guard.js';
import { systemClock, type Clock } from '../time.js';
import { SqliteLedger } from '../ledger/sqlite-ledger.js';
import { SqliteTallyBook } from './sqlite-tally-book.js';
import type { Store, StoreOptions } from './types.js';
import { createPrivateFile, makePrivateDir } from '../private-files.js';
import { KEYV_NAMESPACE } from './sqlite-migrate.js';
import { ensureSchema } from './sqlite-schema.js';
import { SqliteFile } from './sqlite-file.js';
import { SqliteKeyvStore } from './sqlite-kv.js';
import { SqliteOutbox } from './sqlite-outbox.js';
import { SqliteFollowers } from './sqlite-followers.js';
import { SqliteNewsLog } from './sqlite-news-log.js';
import { SqliteAppealScopes, SqliteDrives, SqliteMemberReminders, SqliteProfiles, SqliteSavedAppeals } from './sqlite-repositories.js';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Opens (creating or migrating) the SQLite store: one file, one connection, for every part. */
export async function openSqlite(url: string, options: StoreOptions = {}): Promise<Store> {
  const path = url.slice('sqlite://'.length);
  if (path === '') throw new ConfigError('STORE_URL', 'sqlite:// needs a file path, such as sqlite://./data/actionbot.sqlite');
  if (path !== ':memory:') {
    // 0600 before SQLite opens it: its -wal and -shm files take the database's mode (0644 otherwise).
    await makePrivateDir(dirname(resolve(path)))
      .then(() => createPrivateFile(path))
      .catch((error: unknown) => {
        throw new StoreError(`the SQLite store at ${path} cannot be created: ${(error as Error).message}`, { cause: error });
      });
  }
  const file = new SqliteFile(path, options.onFault, options.syncWal);
  try {
    // Another process migrating the file holds its lock: wait for it (up to two minutes), then find it current.
    const { upgraded } = file.runWaiting('open', 120_000, () => ensureSchema(file.db, path));
    // Release 0.1 deleted without secure_delete: its free pages still hold old documents. Rewriting
    // the file once, at the upgrade, leaves none.
    if (upgraded && path !== ':memory:') file.runNow('rewrite the upgraded file', () => file.db.exec('VACUUM'));
  } catch (error) {
    file.close();
    throw error instanceof StoreError ? error : new StoreError(`the SQLite store at ${path} cannot be opened: ${(error as Error).message}`, { cause: error });
  }
  const kv = new Keyv({ store: new SqliteKeyvStore(file), namespace: KEYV_NAMESPACE, throwOnErrors: true });
  const scrub = async () => {
    // Deleted rows are zeroed in the database (secure_delete); the WAL still holds the pages that
    // carried them until it is checkpointed and truncated.
    if (path !== ':memory:') await file.run('checkpoint the WAL', () => file.db.pragma('wal_checkpoint(TRUNCATE)'));
  };
  const clock = options.clock ?? systemClock;
  const purge = () => purgeExpired(file, clock);
  await purge().catch(() => undefined);
  const sweeper = setInterval(() => void purge().catch(() => undefined), PURGE_EVERY_MS).unref();
  let closed = false;
  return {
    kind: 'sqlite',
    kv,
    ledger: new SqliteLedger(file, clock, scrub),
    claims: new SqliteClaims(file, clock),
    tallyBook: new SqliteTallyBook(file),
    mutex: new SharedMutex(new SqliteLocks(file, clock)),
    outbox: new SqliteOutbox(file),
    drives: new SqliteDrives(file),
    profiles: new SqliteProfiles(file),
    memberReminders: new SqliteMemberReminders(file, clock),
    appealScopes: new SqliteAppealScopes(file),
    savedAppeals: new SqliteSavedAppeals(file),
    followers: new SqliteFollowers(file),
    newsLog: new SqliteNewsLog(file),
    scrub,
    health: async () => {
      if (closed) return { ok: false, reason: 'the store is closed' };
      if (file.fault) {
        const reason = `the SQLite store is damaged (${file.fault.reason}): run "npx actionbot check" and restore a backup`;
        return { ok: false, reason, detail: `the SQLite store at ${path} is damaged (${file.fault.reason})` };
      }
      if (file.syncFault) {
        // Asked again here, so that a disk that healed is seen even when nothing is being written.
        await file.synced().catch(() => undefined);
        if (file.syncFault) return { ok: false, reason: 'the SQLite store could not sync to disk', detail: file.syncFault };
      }
      try {
        file.runNow('answer', () => file.statement('SELECT n FROM ledger_counters LIMIT 1').get());
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: 'the SQLite store does not answer', detail: `the SQLite store at ${path}: ${(error as Error).message}` };
      }
    },
    purgeExpired: purge,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      file.close();
    },
  };
}

/**
 * Claims and locks carry their expiry in a column; import previews and short-lived adapter state
 * are keyv documents with one in their JSON, members' reminders rows with theirs. Nothing reads an expired claim again, so without a sweep they would stay in the file.
 */
function purgeExpired(file: SqliteFile, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  return file.run('sweep expired entries', () =>
    file.db
      .transaction(() => {
        let removed = file.statement('DELETE FROM claims WHERE expires < ?').run(now).changes;
        removed += file.statement('DELETE FROM locks WHERE expires < ?').run(now).changes;
        // A reminder past its expiry will not be sent: the platform id in it goes.
        removed += file.statement('DELETE FROM member_reminders WHERE expires <= ?').run(clock.now().toISOString()).changes;
        const expiring = file.statement("DELETE FROM keyv WHERE substr(key, 1, ?) = ? AND json_valid(value) AND json_extract(value, '$.expires') < ?");
        // Import previews, and short-lived adapter state (deep links, reply prompts, platform languages).
        for (const prefix of [`${KEYV_NAMESPACE}:import:`, `${KEYV_NAMESPACE}:tmp:`]) removed += expiring.run(prefix.length, prefix, now).changes;
        return removed;
      })
      .immediate(),
  );
}
