// What a store is, apart from how one is opened (store.ts), so that each driver can name its own
// type without importing the module that imports it.
import type Keyv from 'keyv';
import type { AppealScopeRepository, SavedAppealRepository } from '../appeal-scopes.js';
import type { DriveRepository } from '../drives.js';
import type { ProfileRepository } from '../profiles.js';
import type { MemberReminderRepository } from '../reminders/member-reminders.js';
import type { ClaimStore } from '../claims.js';
import type { Mutex } from '../guard.js';
import type { Outbox } from '../events/outbox.js';
import type { ActionLedger } from '../ledger/ledger.js';
import type { TallyBook } from '../tally-book.js';
import type { FollowerStore } from '../news/followers.js';
import type { NewsLogRepository } from '../news/log.js';
import type { Clock } from '../time.js';

/**
 * `reason` is what /readyz answers (public on WEB_PORT): no file path, no host. `detail` is for the
 * operator's log: where the store is and what it said.
 */
export type Health = { ok: true } | { ok: false; reason: string; detail?: string };

/** Everything that persists, opened from one `STORE_URL`. */
export type Store = {
  kind: 'sqlite' | 'redis';
  /** What is truly key-value with a lifetime: import previews, short-lived answers, caches, announced milestones. */
  kv: Keyv;
  /** Drives, the spaces they run in and the appeals they run. */
  drives: DriveRepository;
  /** Remembered signatures: a table (SQLite), a hash per member (Redis). */
  profiles: ProfileRepository;
  /** Members' own reminders: a table (SQLite), hashes with their indexes (Redis). */
  memberReminders: MemberReminderRepository;
  /** Where saved appeals are offered and every change made to them. */
  appealScopes: AppealScopeRepository;
  /** Appeals saved in the store (imported, or the operator's). */
  savedAppeals: SavedAppealRepository;
  ledger: ActionLedger;
  claims: ClaimStore;
  /** Letters written at event tables, entered by moderators: a table on SQLite, hashes and sorted sets on Redis. */
  tallyBook: TallyBook;
  /** Serialises changes to shared lists across every process on the store. */
  mutex: Mutex;
  /** The store's own outbox: a table on SQLite, native structures on Redis. */
  outbox: Outbox;
  /** Members following appeals' news: a table on SQLite, native structures on Redis. */
  followers: FollowerStore;
  /** Appeals' latest news for their pages: a table on SQLite, a hash per item and a sorted set per appeal on Redis. */
  newsLog: NewsLogRepository;
  /**
   * Makes deleted data leave the files: SQLite checkpoints and truncates its WAL; Redis asks for an
   * AOF rewrite (at most once a minute, nothing when AOF is off; one owed is done at the latest when
   * the store closes, or at the next start). Run after all of a member's deletions.
   */
  scrub(): Promise<void>;
  /** Whether the store can serve now, within about a second: unreachable, reset or damaged says why. */
  health(): Promise<Health>;
  close(): Promise<void>;
  /** SQLite only: deletes expired claims, locks and previews now (it also runs every hour); returns how many. */
  purgeExpired?: () => Promise<number>;
};

export type StoreOptions = {
  /** Redis key prefix (default `actionbot:`). */
  prefix?: string;
  /** Told once, in one line, when the store finds itself damaged or reset while running, or cannot sync to disk. */
  onFault?: (line: string) => void;
  /** SQLite: how the WAL is synced to disk (tests pass one that fails); an fdatasync by default. */
  syncWal?: () => Promise<void>;
  /** What claims, locks and expiries are timed by (tests pass a fake one); the system's clock by default. */
  clock?: Clock;
  /** How long `close` may wait for work it owes the files (Redis: an AOF rewrite after /forgetme); default 5 s. */
  closeBoundMs?: number;
};
