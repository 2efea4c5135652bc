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

export type TokenCheck = { ok: true; appealId: string; community?: string } | { ok: false; reason: 'invalid' | 'expired' };

/** Signs and checks export tokens; stateless, so any process holding the secret can serve a link. */
export interface ExportTokens {
  /** `community`: the link gives that community's rows only (a moderator's); without it, every row (the operator's). */
  sign(appealId: string, community?: string): ExportGrant;
  check(token: string): TokenCheck;
}

/**
 * `<appeal id>.<expiry, Unix seconds in base 36>[.<community, base64url>].<HMAC-SHA256, base64url>`:
 * appeal ids are URL-safe already; the community is part of what is signed.
 */
const TOKEN = /^([a-z0-9][a-z0-9-]{0,39})\.([0-9a-z]{1,11})(?:\.([A-Za-z0-9_-]{1,200}))?\.([A-Za-z0-9_-]{43})$/;

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
  return {
    sign(appealId, community) {
      // Whole seconds keep the token short.
      const expiresAt = new Date(Math.ceil((clock.now().getTime() + ttlMs) / 1000) * 1000);
      const expires = (expiresAt.getTime() / 1000).toString(36);
      const scope = community === undefined ? undefined : Buffer.from(community, 'utf8').toString('base64url');
      const token = `${appealId}.${expires}${scope === undefined ? '' : `.${scope}`}.${signature(appealId, expires, scope)}`;
      return { appealId, expiresAt, token, ...(community === undefined ? {} : { community }) };
    },
    check(token) {
      const match = TOKEN.exec(token);
      if (!match) return INVALID;
      const [, appealId, expires, scope, given] = match as unknown as [string, string, string, string | undefined, string];
      // The text, not decoded bytes, is compared: base64url decoding ignores a last character's spare
      // bits, so an altered token could otherwise still pass. Constant time: no byte-by-byte guessing.
      if (!timingSafeEqual(Buffer.from(given), Buffer.from(signature(appealId, expires, scope)))) return INVALID;
      // Only a genuine token learns that it expired; a forged one is just not found.
      if (parseInt(expires, 36) * 1000 <= clock.now().getTime()) return { ok: false, reason: 'expired' };
      return scope === undefined ? { ok: true, appealId } : { ok: true, appealId, community: Buffer.from(scope, 'base64url').toString('utf8') };
    },
  };
}
