// Runs the SQLite file's migrations (./sqlite.ts) in one BEGIN IMMEDIATE, and reads the version a file has reached.
import type Database from 'better-sqlite3';
import { StoreError } from '../../errors.js';
import { pendingMigrations } from './runner.js';
import { SQLITE_MIGRATIONS, SQLITE_VERSION, TABLES } from './sqlite.js';

/**
 * Brings the file to SQLITE_VERSION in one BEGIN IMMEDIATE transaction (two processes opening at once
 * migrate it once: the second finds it current). Returns the version found and the one left.
 */
export function migrateSqlite(db: Database.Database, path: string): { from: number; to: number } {
  const store = `the SQLite store at ${path}`;
  if (versionOf(db) === SQLITE_VERSION) {
    const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    const missing = TABLES.filter((t) => !present.has(t));
    if (missing.length > 0) throw new StoreError(`${store} lacks the table(s) ${missing.join(', ')}: it is damaged; restore a backup (docs/store.md, "Restoring the store")`);
    return { from: SQLITE_VERSION, to: SQLITE_VERSION };
  }
  return db
    .transaction(() => {
      const from = versionOf(db);
      for (const migration of pendingMigrations(SQLITE_MIGRATIONS, from, store)) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      return { from, to: SQLITE_VERSION };
    })
    .immediate();
}

function version(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The migration a file has reached. Before this runner, main's code numbered its own schema: its
 * version 3 (ledger, outbox, `tally_entries` and `followers`, drives still keyv documents) is this
 * runner's 2 plus the tables of 8 and 9, which create them only if missing. Our own 3 has `profiles`
 * and no `tally_entries` (that comes at 8), so the two cannot be mistaken.
 */
function versionOf(db: Database.Database): number {
  const found = version(db);
  if (found !== 3) return found;
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('profiles', 'tally_entries')").pluck().all() as string[]);
  return tables.has('tally_entries') && !tables.has('profiles') ? 2 : found;
}
