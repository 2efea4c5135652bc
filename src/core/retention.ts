// Deletes actions RETENTION_DAYS after their appeal's last drive closed.
import { closesAt, driveAppealIds, isOpen, type Drive } from './drive.js';
import type { DriveService } from './drives.js';
import type { ActionLedger } from './ledger/ledger.js';
import type { Clock } from './time.js';

const DAY_MS = 86_400_000;

export type RetentionDeps = { drives: DriveService; ledger: ActionLedger; clock: Clock; retentionDays: number };

/** When a drive stopped taking actions: ended by a moderator, or closed at its deadline. */
function stoppedAt(drive: Drive): number {
  const closes = closesAt(drive).getTime();
  return drive.endedAt ? Math.min(Date.parse(drive.endedAt), closes) : closes;
}

/**
 * Deletes the actions of every appeal whose drives have all stopped more than `retentionDays` ago
 * (the appeal is archived: nothing can be recorded for it until a new drive starts), in chunks, in
 * the store. Its counts stay: a report or news months later still says what the groups did; no
 * member key does. Returns how many actions were deleted. Runs hourly and at start.
 */
export async function sweepRetention(deps: RetentionDeps): Promise<number> {
  const now = deps.clock.now();
  const byAppeal = new Map<string, Drive[]>();
  for (const drive of await deps.drives.all()) {
    for (const appealId of driveAppealIds(drive)) byAppeal.set(appealId, [...(byAppeal.get(appealId) ?? []), drive]);
  }
  let deleted = 0;
  for (const [appealId, drives] of byAppeal) {
    if (drives.some((d) => isOpen(d, now))) continue;
    const last = drives.reduce((a, b) => (stoppedAt(b) > stoppedAt(a) ? b : a));
    if (now.getTime() - stoppedAt(last) < deps.retentionDays * DAY_MS) continue;
    deleted += await deps.ledger.purge(appealId);
  }
  return deleted;
}
