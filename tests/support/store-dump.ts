import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { MEMBER_LIMITS } from '../../src/commands/pipeline/limits.js';
import { deliveryKey } from '../../src/commands/pipeline/steps.js';

/**
 * Every row of every table of a SQLite store, as one comparable value: a test takes it before and
 * after something that must change nothing. Generic (tables are listed from the schema), so a table
 * added later is compared too. Left out: the rate-limit windows of `members` (`floodClaims`), which
 * an attempt spends by design and which hold no group's data.
 */
export function dumpStore(path: string, ignoredClaims: ReadonlySet<string> = new Set()): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).all() as Array<Record<string, unknown>>;
      const kept = name === 'claims' ? rows.filter((r) => !ignoredClaims.has(String(r.key))) : rows;
      dump[name] = kept.map((r) => JSON.stringify(r)).sort();
    }
    return dump;
  } finally {
    db.close();
  }
}

/** The stored keys (SHA-256, as the claim store keeps them) of these members' rate-limit windows at `now`. */
export function floodClaims(members: readonly string[], now: Date): Set<string> {
  const keys = new Set<string>();
  for (const [name, { limit, windowMs }] of Object.entries(MEMBER_LIMITS)) {
    const window = Math.floor(now.getTime() / windowMs);
    for (const member of members) {
      for (let slot = 0; slot < limit; slot++) keys.add(createHash('sha256').update(`flood:${name}:${member}:${window}:${slot}`).digest('hex'));
    }
  }
  return keys;
}

/** The stored keys of these deliveries' de-duplication claims (a delivery is recorded once, whatever it asked). */
export function deliveryClaims(deliveries: readonly string[]): Set<string> {
  return new Set(deliveries.map((d) => createHash('sha256').update(deliveryKey(d)).digest('hex')));
}
