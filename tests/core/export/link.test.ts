import { describe, expect, it } from 'vitest';
import { EXPORT_LINK_TTL_MS, exportLinkKey, exportTokens } from '../../../src/core/export/link.js';
import { memberKeyer } from '../../../src/core/member-key.js';
import { FakeClock } from '../../support/clock.js';

const SECRET = 'test-secret-0123456789abcdef-0123456789';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('export link tokens', () => {
  const clock = new FakeClock('2026-11-28T10:00:00Z');
  const tokens = exportTokens(exportLinkKey(SECRET), clock);

  it('grants one appeal for an hour, and says so once the hour is over', () => {
    const start = clock.now().getTime();
    const grant = tokens.sign('ua-34-25');
    expect(grant.expiresAt.getTime() - start).toBe(EXPORT_LINK_TTL_MS);
    expect(grant.token).toMatch(/^ua-34-25\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.check(grant.token)).toEqual({ ok: true, appealId: 'ua-34-25' });
    clock.advance(EXPORT_LINK_TTL_MS - 1_000);
    expect(tokens.check(grant.token)).toEqual({ ok: true, appealId: 'ua-34-25' });
    clock.advance(1_000);
    expect(tokens.check(grant.token)).toEqual({ ok: false, reason: 'expired' });
    clock.set('2026-11-28T10:00:00Z');
  });

  it('refuses a token whose appeal, expiry or any character of the signature was changed', () => {
    const { token } = tokens.sign('ua-34-25');
    const [appeal, expires, signature] = token.split('.') as [string, string, string];
    expect(tokens.check(`ua-34-26.${expires}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    // A later expiry, to keep a link working for longer.
    const later = (parseInt(expires, 36) + 86_400).toString(36);
    expect(tokens.check(`${appeal}.${later}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    // Every other character in every position, including the last one's spare bits that base64url decoding ignores.
    for (let i = 0; i < signature.length; i++) {
      for (const c of BASE64URL) {
        if (c === signature[i]) continue;
        const altered = `${signature.slice(0, i)}${c}${signature.slice(i + 1)}`;
        expect(tokens.check(`${appeal}.${expires}.${altered}`).ok).toBe(false);
      }
    }
  });

  it('refuses tokens signed with another secret, member keys used as signatures, and anything malformed', () => {
    const other = exportTokens(exportLinkKey('another-secret-0123456789abcdef-012345'), clock);
    expect(tokens.check(other.sign('ua-34-25').token)).toEqual({ ok: false, reason: 'invalid' });
    const { token } = tokens.sign('ua-34-25');
    const [appeal, expires] = token.split('.') as [string, string];
    expect(tokens.check(`${appeal}.${expires}.${memberKeyer(SECRET)('telegram', '42')}`).ok).toBe(false);
    for (const bad of ['', 'ua-34-25', `${token}.x`, token.toUpperCase(), `../${token}`, `${token.slice(0, -1)}`, `${token}A`]) {
      expect(tokens.check(bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('says "invalid", not "expired", for an expired token that was also altered', () => {
    const { token } = tokens.sign('ua-34-25');
    clock.advance(2 * EXPORT_LINK_TTL_MS);
    expect(tokens.check(token)).toEqual({ ok: false, reason: 'expired' });
    expect(tokens.check(token.replace('ua-34-25', 'ua-34-24'))).toEqual({ ok: false, reason: 'invalid' });
    clock.set('2026-11-28T10:00:00Z');
  });
});
