// Followers of an appeal ("tell me what happens"): the port, the record, and the sealing of the
// platform ids a private message needs.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { MemberKeyer } from '../member-key.js';

/**
 * One member following one appeal. `sealed` is their platform id, encrypted (AES-256-GCM) with a key
 * derived from the member-key secret: a data folder without the secret reveals no account. `space`
 * is where they followed (their group): its community decides whose news reaches them, and its
 * count is "what your group did". Kept until `expires` (closing news delivered or the last deadline
 * passed, plus FOLLOW_KEEP_DAYS).
 */
export type Follower = { appealId: string; member: string; space: string; platform: string; sealed: string; locale: string; expires: string };

/** Where followers are kept: a table on SQLite, a hash and sorted sets per appeal on Redis. */
export interface FollowerStore {
  /** Adds or replaces the member's following of the appeal. */
  put(follower: Follower): Promise<void>;
  get(appealId: string, member: string): Promise<Follower | undefined>;
  /** True when there was one. */
  remove(appealId: string, member: string): Promise<boolean>;
  /** The member's followings (for /privacy), expired ones left out. */
  forMember(member: string, now: Date): Promise<Follower[]>;
  /** The appeal's followers in member-key order after `after` (exclusive), at most `limit`, expired ones left out. */
  page(appealId: string, after: string, limit: number, now: Date): Promise<Follower[]>;
  /** /forgetme: every following of the member; returns how many. */
  forget(member: string): Promise<number>;
  /** Deletes every following past its expiry; returns how many. */
  purge(now: Date): Promise<number>;
}

/** Seals and opens followers' platform ids. */
export type IdSealer = { seal(platform: string, userId: string): string; open(platform: string, sealed: string): string };

/**
 * The key comes from the member keyer itself (a "platform" no member has), like the walls' button
 * key: no second secret to keep. The platform is bound in as associated data, so a sealed id moved
 * to another platform's row does not open.
 */
export function idSealer(memberKey: MemberKeyer): IdSealer {
  const key = createHash('sha256').update(memberKey('actionbot-news', 'follower-ids-v1')).digest();
  return {
    seal(platform, userId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(platform));
      const body = Buffer.concat([cipher.update(userId, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(platform, sealed) {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(platform));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const DAY_MS = 86_400_000;
/** Followers are kept this many days after the closing news or the last deadline, unless FOLLOW_KEEP_DAYS says otherwise. */
export const DEFAULT_FOLLOW_KEEP_DAYS = 30;

export type FollowRequest = { appealId: string; member: string; space: string; platform: string; userId: string; locale: string; lastDeadline: Date };

/** Following and unfollowing, with the platform id sealed on the way in and opened only to send. */
export class Followers {
  constructor(
    readonly store: FollowerStore,
    private readonly sealer: IdSealer,
    readonly keepDays = DEFAULT_FOLLOW_KEEP_DAYS,
  ) {}

  /** When a following made or reached at `from` goes. */
  keepUntil(from: Date): Date {
    return new Date(from.getTime() + this.keepDays * DAY_MS);
  }

  /** Follows (or follows again from another group); the expiry never moves earlier. */
  async follow(request: FollowRequest, now: Date): Promise<{ created: boolean; expires: Date }> {
    const existing = await this.store.get(request.appealId, request.member);
    const live = existing && Date.parse(existing.expires) > now.getTime() ? existing : undefined;
    const expires = new Date(Math.max(this.keepUntil(request.lastDeadline).getTime(), live ? Date.parse(live.expires) : 0));
    const { userId, lastDeadline: _, ...rest } = request;
    await this.store.put({ ...rest, sealed: this.sealer.seal(request.platform, userId), expires: expires.toISOString() });
    return { created: !live, expires };
  }

  /** The platform id a private message goes to. */
  userIdOf(follower: Follower): string {
    return this.sealer.open(follower.platform, follower.sealed);
  }

  /** Moves one following's expiry (a closing news delivered: sooner; a new deadline: later). */
  async expireAt(follower: Follower, expires: Date): Promise<void> {
    await this.store.put({ ...follower, expires: expires.toISOString() });
  }
}
