// The SQLite schema: creates and upgrades the tables, by PRAGMA user_version.
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { TALLY_ENTRIES_SQL } from '../tally-book.js';
import { migrateKeyvLedger } from './sqlite-migrate.js';

/**
 * `PRAGMA user_version` of a file with the tables below; 0 is a release-0.1 file (ledger in keyv),
 * 1 one without the outbox table, 2 one without tally_entries and followers.
 */
export const SCHEMA_VERSION = 3;

const TABLES = ['keyv', 'ledger_actions', 'ledger_counters', 'ledger_hours', 'claims', 'locks', 'outbox', 'tally_entries', 'followers'];

const SCHEMA = `
-- keyv's documents (drives, appeals, profiles, reminders), in the layout @keyv/sqlite used.
CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT);
-- One row per action: the audit. The unique key makes a retried record count once, and serves
-- methodsOf (member, appeal) and forget (member).
CREATE TABLE IF NOT EXISTS ledger_actions(
  appeal TEXT NOT NULL, member TEXT NOT NULL, method TEXT NOT NULL, at TEXT NOT NULL, space TEXT NOT NULL,
  UNIQUE (member, appeal, method));
-- Exports read in time order through this index, a page at a time.
CREATE INDEX IF NOT EXISTS ledger_actions_time ON ledger_actions(appeal, at);
-- Tally counters, kept in the same transaction as the actions: kind is total (key actions or members),
-- method, space or platform. A tally read is one range of this table, never a scan of the actions.
CREATE TABLE IF NOT EXISTS ledger_counters(
  appeal TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (appeal, kind, key)) WITHOUT ROWID;
-- Actions per UTC hour ('YYYY-MM-DDTHH'), space and method: the drive page's chart.
CREATE TABLE IF NOT EXISTS ledger_hours(
  appeal TEXT NOT NULL, space TEXT NOT NULL, hour TEXT NOT NULL, method TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (appeal, space, hour, method)) WITHOUT ROWID;
-- "Handled once" claims: key is a SHA-256 of the caller's key, never a platform id.
CREATE TABLE IF NOT EXISTS claims(key TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
-- Shared-list locks across processes: released only by their owner.
CREATE TABLE IF NOT EXISTS locks(name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS claims_expiry ON claims(expires);
-- Domain events waiting to be handled (milestones, live progress): one row each, oldest id first;
-- member is the member key of a 'recorded' event, so /forgetme finds them.
CREATE TABLE IF NOT EXISTS outbox(
  id TEXT PRIMARY KEY, at TEXT NOT NULL, due TEXT NOT NULL, attempts INTEGER NOT NULL, member TEXT, event TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS outbox_member ON outbox(member) WHERE member IS NOT NULL;
-- Members following an appeal's news (/follow): sealed is their platform id, encrypted with a key
-- derived from the member-key secret; a row goes at its expiry, by /unfollow or by /forgetme.
CREATE TABLE IF NOT EXISTS followers(
  appeal TEXT NOT NULL, member TEXT NOT NULL, space TEXT NOT NULL, platform TEXT NOT NULL, sealed TEXT NOT NULL,
  locale TEXT NOT NULL, expires TEXT NOT NULL, PRIMARY KEY (appeal, member)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS followers_member ON followers(member);
CREATE INDEX IF NOT EXISTS followers_expiry ON followers(expires);
`;

/**
 * Makes the file current. The cheap path (every start of a current file) reads the version and the
 * table names only, so start-up does not grow with the data. An older file is brought up to date in
 * one BEGIN IMMEDIATE transaction: two processes starting at once migrate it once.
 */
export function ensureSchema(db: Database.Database, path: string): { upgraded: boolean; migrated: number } {
  if (version(db) === SCHEMA_VERSION) {
    const present = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    const missing = TABLES.filter((t) => !present.has(t));
    if (missing.length > 0) throw new StoreError(`the SQLite store at ${path} lacks the table(s) ${missing.join(', ')}: it is damaged; restore a backup (docs/store.md, "Restoring the store")`);
    return { upgraded: false, migrated: 0 };
  }
  return db
    .transaction(() => {
      const found = version(db);
      if (found === SCHEMA_VERSION) return { upgraded: false, migrated: 0 };
      if (found > SCHEMA_VERSION) throw new StoreError(`the SQLite store at ${path} was written by a newer actionbot (schema ${found}); upgrade actionbot`);
      db.exec(SCHEMA);
      // Version 3 (issue 28): table entries, additive; its own block so it moves into a numbered migration as is.
      db.exec(TALLY_ENTRIES_SQL);
      const migrated = migrateKeyvLedger(db);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      // Only a release-0.1 file had its ledger in keyv documents, whose pages want rewriting.
      return { upgraded: found === 0, migrated };
    })
    .immediate();
}

function version(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
