// The one migration runner's rules, shared by both stores: numbered steps, run in order once, and a
// store newer than this code refused in one line.
import { StoreError } from '../../errors.js';

/**
 * One numbered change to a store's layout. `version` is 1, 2, 3... with no gap; the store records the
 * last one applied, so each runs once. `up` runs under the store's lock (SQLite: inside one
 * BEGIN IMMEDIATE; Redis: while the migration lock is held by its owner) and must be safe to run
 * again on data it already moved (Redis records each step after it, so a crash repeats at most one).
 */
export type Migration<Context> = {
  version: number;
  /** What it does, for the log and for docs/store.md. */
  name: string;
  up(context: Context): void | Promise<void>;
};

/** The last version a list of migrations brings a store to; throws if the list is not numbered 1..n. */
export function latestVersion<C>(migrations: ReadonlyArray<Migration<C>>): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" is numbered ${m.version}, expected ${i + 1}`);
  });
  return migrations.length;
}

/** The migrations a store at `found` still needs, oldest first; a store newer than the code is refused. */
export function pendingMigrations<C>(migrations: ReadonlyArray<Migration<C>>, found: number, store: string): Array<Migration<C>> {
  const latest = latestVersion(migrations);
  if (found > latest) throw newerStore(store, found, latest);
  return migrations.slice(found);
}

/** The one line said when a store was written by a newer actionbot. */
export function newerStore(store: string, found: number, latest: number): StoreError {
  return new StoreError(`${store} was written by a newer actionbot (schema ${found}, this one knows up to ${latest}): upgrade actionbot, or restore a backup made before the upgrade`);
}
