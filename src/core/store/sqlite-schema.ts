// The SQLite schema: made current at open by the migration runner (migrations/sqlite.ts).
import type Database from 'better-sqlite3';
import { migrateSqlite } from './migrations/sqlite-run.js';
import { SQLITE_VERSION } from './migrations/sqlite.js';

/** `PRAGMA user_version` of a current file; 0 is a new file or a release-0.1 file (ledger in keyv). */
export const SCHEMA_VERSION = SQLITE_VERSION;

/**
 * Makes the file current. The cheap path (every start of a current file) reads the version and the
 * table names only, so start-up does not grow with the data. An older file is brought up to date in
 * one BEGIN IMMEDIATE transaction: two processes starting at once migrate it once.
 */
export function ensureSchema(db: Database.Database, path: string): { upgraded: boolean } {
  const { from, to } = migrateSqlite(db, path);
  // Only a release-0.1 file had its ledger in keyv documents, whose pages want rewriting.
  return { upgraded: from === 0 && to > 0 };
}
