// Rate limits as numbered claims in the store: exact across processes (the /import text limit lives
// here).
import type { ClaimStore } from '../core/claims.js';

/** At most `limit` calls in each window of `windowMs`. */
export type Limit = { limit: number; windowMs: number };

/**
 * Per member: texts given to /import to read (not its Save and Fill in presses). A text can be
 * seconds of the importer's one thread: a member's pastes wait on their own limit, not on everyone's.
 * Ten in ten minutes lets a moderator bring in a whole Write for Rights campaign at once.
 */
export const IMPORT_TEXT_LIMIT = { limit: 10, windowMs: 10 * 60_000 } as const satisfies Limit;

/**
 * True while fewer than `limit` calls were let through in this window. Each call takes one of
 * `limit` numbered claims, so the count is exact across processes on any store.
 */
export async function takeSlot(claims: ClaimStore, key: string, { limit, windowMs }: Limit, now: Date): Promise<boolean> {
  const window = Math.floor(now.getTime() / windowMs);
  for (let slot = 0; slot < limit; slot++) {
    if (await claims.claim(`${key}:${window}:${slot}`, windowMs)) return true;
  }
  return false;
}
