// Moves a release 0.1 ledger from keyv documents into the ledger tables, once, and rebuilds
// counters.
import type Database from 'better-sqlite3';

/** keyv's namespace in the file: every key of release 0.1 starts with it. */
export const KEYV_NAMESPACE = 'actionbot';

type MemberRecord = { acts?: Record<string, { at: string; space: string }> };

/**
 * Release 0.1 kept the ledger in keyv documents (`ledger:appeals`, `ledger:<appeal>:m:<member>` with
 * the member's acts, chunk lists and a tally). The member records are the truth: they become rows,
 * the counters are computed from the rows, and the old documents are deleted. Runs inside the
 * schema transaction; returns how many actions were moved.
 */
export function migrateKeyvLedger(db: Database.Database): number {
  const prefix = `${KEYV_NAMESPACE}:ledger:`;
  const appeals = readValue<string[]>(db, `${prefix}appeals`) ?? [];
  const insert = db.prepare('INSERT OR IGNORE INTO ledger_actions(appeal, member, method, at, space) VALUES (?, ?, ?, ?, ?)');
  const records = db.prepare('SELECT key, value FROM keyv WHERE substr(key, 1, ?) = ?');
  let moved = 0;
  for (const appeal of appeals) {
    const memberPrefix = `${prefix}${appeal}:m:`;
    for (const row of records.all(memberPrefix.length, memberPrefix) as Array<{ key: string; value: string }>) {
      const member = row.key.slice(memberPrefix.length);
      const record = parse<MemberRecord>(row.value);
      for (const [method, act] of Object.entries(record?.acts ?? {})) moved += insert.run(appeal, member, method, act.at, act.space).changes;
    }
    rebuildCounters(db, appeal);
  }
  db.prepare('DELETE FROM keyv WHERE substr(key, 1, ?) = ?').run(prefix.length, prefix);
  // Release 0.1's claims were keyv documents whose keys held platform ids: claims now live hashed in
  // their own table, and these go (they lived an hour at most).
  const claims = `${KEYV_NAMESPACE}:claim:`;
  db.prepare('DELETE FROM keyv WHERE substr(key, 1, ?) = ?').run(claims.length, claims);
  return moved;
}

/** Computes an appeal's counters from its rows: used by the migration (and the benchmark's bulk fill). */
export function rebuildCounters(db: Database.Database, appeal: string): void {
  db.prepare('DELETE FROM ledger_counters WHERE appeal = ?').run(appeal);
  db.prepare('DELETE FROM ledger_hours WHERE appeal = ?').run(appeal);
  const platform = "CASE WHEN instr(space, ':') > 0 THEN substr(space, 1, instr(space, ':') - 1) ELSE space END";
  db.prepare(
    `INSERT INTO ledger_counters(appeal, kind, key, n)
       SELECT appeal, 'total', 'actions', count(*) FROM ledger_actions WHERE appeal = @appeal GROUP BY appeal
       UNION ALL SELECT appeal, 'total', 'members', count(DISTINCT member) FROM ledger_actions WHERE appeal = @appeal GROUP BY appeal
       UNION ALL SELECT appeal, 'method', method, count(*) FROM ledger_actions WHERE appeal = @appeal GROUP BY method
       UNION ALL SELECT appeal, 'space', space, count(*) FROM ledger_actions WHERE appeal = @appeal GROUP BY space
       UNION ALL SELECT appeal, 'platform', ${platform}, count(*) FROM ledger_actions WHERE appeal = @appeal GROUP BY ${platform}`,
  ).run({ appeal });
  db.prepare(
    `INSERT INTO ledger_hours(appeal, space, hour, method, n)
       SELECT appeal, space, substr(at, 1, 13), method, count(*) FROM ledger_actions WHERE appeal = ? GROUP BY space, substr(at, 1, 13), method`,
  ).run(appeal);
}

function readValue<T>(db: Database.Database, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM keyv WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? parse<T>(row.value) : undefined;
}

/** keyv stored `{"value": ..., "expires": ...}` as JSON. */
function parse<T>(text: string): T | undefined {
  try {
    return (JSON.parse(text) as { value?: T }).value;
  } catch {
    return undefined;
  }
}
