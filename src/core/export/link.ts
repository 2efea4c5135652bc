// Signed, expiring export download links: tokens made and checked with a key derived from the
// member-key secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../time.js';

/**
 * How long an export link works: long enough to start a large download, short enough that a link
 * forwarded or left in a chat log soon opens nothing.
 */
export const EXPORT_LINK_TTL_MS = 60 * 60 * 1000;

/** A signed grant: one appeal's CSV (one community's rows, or all), until `expiresAt`. The token is the whole credential. */
export type ExportGrant = { appealId: string; expiresAt: Date; token: string; community?: string };

/** A signed grant for a drive's CSV: every case's member rows and its table entries (or one case's). */
export type DriveExportGrant = { driveId: string; appealId?: string; expiresAt: Date; token: string; community?: string };

export type TokenCheck =
  | { ok: true; appealId: string; community?: string }
  | { ok: true; driveId: string; appealId?: string; community?: string }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Signs and checks export tokens; stateless, so any process holding the secret can serve a link. */
export interface ExportTokens {
  /** `community`: the link gives that community's rows only (a moderator's); without it, every row (the operator's). */
  sign(appealId: string, community?: string): ExportGrant;
  /** A drive's link: its cases' rows and table entries, or one case's when `appealId` is given. */
  signDrive(driveId: string, community?: string, appealId?: string): DriveExportGrant;
  check(token: string): TokenCheck;
}

/**
 * `<appeal id>.<expiry, Unix seconds in base 36>[.<community, base64url>].<HMAC-SHA256, base64url>`:
 * appeal ids are URL-safe already; the community is part of what is signed.
 */
const TOKEN = /^([a-z0-9][a-z0-9-]{0,39})\.([0-9a-z]{1,11})(?:\.([A-Za-z0-9_-]{1,200}))?\.([A-Za-z0-9_-]{43})$/;

/**
 * A drive's: `~<drive id>[~<appeal id>].<expiry>[.<community>].<HMAC>`; `~` is in neither kind of
 * id, and the signed text starts with another label, so neither kind of token passes for the other.
 */
const DRIVE_TOKEN = /^~([A-Za-z0-9_-]{1,40})(?:~([a-z0-9][a-z0-9-]{0,39}))?\.([0-9a-z]{1,11})(?:\.([A-Za-z0-9_-]{1,200}))?\.([A-Za-z0-9_-]{43})$/;

const INVALID: TokenCheck = { ok: false, reason: 'invalid' };

/**
 * The key links are signed with, derived from the member-key secret: no second secret to keep, and
 * (another label in the HMAC) a link's signature can never be a member key or the other way round.
 */
export function exportLinkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('actionbot export links v1').digest();
}

export function exportTokens(key: Buffer, clock: Clock, ttlMs = EXPORT_LINK_TTL_MS): ExportTokens {
  const signature = (appealId: string, expires: string, scope: string | undefined) =>
    createHmac('sha256', key).update(`export\n${appealId}\n${expires}${scope === undefined ? '' : `\ncommunity\n${scope}`}`).digest('base64url');
  const driveSignature = (driveId: string, appealId: string | undefined, expires: string, scope: string | undefined) =>
    createHmac('sha256', key)
      .update(`export-drive\n${driveId}\n${appealId ?? ''}\n${expires}${scope === undefined ? '' : `\ncommunity\n${scope}`}`)
      .digest('base64url');
  /** Whole seconds keep the token short. */
  const expiry = () => {
    const expiresAt = new Date(Math.ceil((clock.now().getTime() + ttlMs) / 1000) * 1000);
    return { expiresAt, expires: (expiresAt.getTime() / 1000).toString(36) };
  };
  const scopeOf = (community: string | undefined) => (community === undefined ? undefined : Buffer.from(community, 'utf8').toString('base64url'));
  /**
   * The text, not decoded bytes, is compared: base64url decoding ignores a last character's spare
   * bits, so an altered token could otherwise still pass. Constant time: no byte-by-byte guessing.
   * Only a genuine token learns that it expired; a forged one is just not found.
   */
  const verdict = (given: string, expected: string, expires: string): TokenCheck | undefined => {
    if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return INVALID;
    if (parseInt(expires, 36) * 1000 <= clock.now().getTime()) return { ok: false, reason: 'expired' };
    return undefined;
  };
  const communityOf = (scope: string | undefined) => (scope === undefined ? {} : { community: Buffer.from(scope, 'base64url').toString('utf8') });
  return {
    sign(appealId, community) {
      const { expiresAt, expires } = expiry();
      const scope = scopeOf(community);
      const token = `${appealId}.${expires}${scope === undefined ? '' : `.${scope}`}.${signature(appealId, expires, scope)}`;
      return { appealId, expiresAt, token, ...(community === undefined ? {} : { community }) };
    },
    signDrive(driveId, community, appealId) {
      const { expiresAt, expires } = expiry();
      const scope = scopeOf(community);
      const token = `~${driveId}${appealId === undefined ? '' : `~${appealId}`}.${expires}${scope === undefined ? '' : `.${scope}`}.${driveSignature(driveId, appealId, expires, scope)}`;
      return { driveId, expiresAt, token, ...(appealId === undefined ? {} : { appealId }), ...(community === undefined ? {} : { community }) };
    },
    check(token) {
      const drive = DRIVE_TOKEN.exec(token);
      if (drive) {
        const [, driveId, appealId, expires, scope, given] = drive as unknown as [string, string, string | undefined, string, string | undefined, string];
        return verdict(given, driveSignature(driveId, appealId, expires, scope), expires) ?? { ok: true, driveId, ...(appealId === undefined ? {} : { appealId }), ...communityOf(scope) };
      }
      const match = TOKEN.exec(token);
      if (!match) return INVALID;
      const [, appealId, expires, scope, given] = match as unknown as [string, string, string, string | undefined, string];
      return verdict(given, signature(appealId, expires, scope), expires) ?? { ok: true, appealId, ...communityOf(scope) };
    },
  };
}
