// Moves keyv documents out of the keyv table inside a migration's transaction.
import type Database from 'better-sqlite3';
import { KEYV_NAMESPACE } from '../sqlite-migrate.js';

/**
 * Takes the keyv documents whose key (after the namespace) starts with `prefix`: returns [rest of
 * key, value] pairs and deletes them, in the migration's transaction. keyv stored `{"value": ...}`.
 */
export function takeDocuments<T>(db: Database.Database, prefix: string): Array<[string, T]> {
  const full = `${KEYV_NAMESPACE}:${prefix}`;
  const rows = db.prepare('SELECT key, value FROM keyv WHERE substr(key, 1, ?) = ? ORDER BY key').all(full.length, full) as Array<{ key: string; value: string }>;
  db.prepare('DELETE FROM keyv WHERE substr(key, 1, ?) = ?').run(full.length, full);
  const found: Array<[string, T]> = [];
  for (const row of rows) {
    try {
      const value = (JSON.parse(row.value) as { value?: T }).value;
      if (value !== undefined && value !== null) found.push([row.key.slice(full.length), value]);
    } catch {
      // A document keyv could not have read either: nothing to move.
    }
  }
  return found;
}
