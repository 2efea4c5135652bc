// The keys, signatures and ids computed on every /acted, made cheaper (issue 31's bench), stay exactly what they were.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimHash } from '../../src/core/claims.js';
import { newEventId } from '../../src/core/events/outbox.js';
import { memberKeyer } from '../../src/core/member-key.js';
import { buttonSigner } from '../../src/core/walls.js';

const SECRET = 'hot-path-secret-ünïcode-0123456789abcdef';

describe('keys and ids on the /acted path', () => {
  it('member keys are HMAC-SHA256 of "platform:userId" with the secret as text: a stored key still matches', () => {
    const key = memberKeyer(SECRET);
    for (const [platform, userId] of [['telegram', '123'], ['slack', 'T1/U0ÄB'], ['discord', '']]) {
      expect(key(platform!, userId!)).toBe(createHmac('sha256', SECRET).update(`${platform}:${userId}`).digest('base64url'));
    }
  });

  it('claims are stored under the SHA-256 of their key in hex, as before', () => {
    for (const k of ['delivery:abc', 'telegram:update:42', 'ünï', '']) expect(claimHash(k)).toBe(createHash('sha256').update(k).digest('hex'));
  });

  it('a button signed by one process verifies in another holding the same secret, and not with another secret', () => {
    const signer = buttonSigner(memberKeyer(SECRET));
    // Kept per keyer: the same signer for the same keyer, a signer of its own for another.
    const keyer = memberKeyer(SECRET);
    expect(buttonSigner(keyer)).toBe(buttonSigner(keyer));
    const signed = signer.sign('follow drive=d1', { member: 'm-ana' });
    const derived = createHmac('sha256', memberKeyer(SECRET)('actionbot-walls', 'button-signatures-v1'));
    expect(signed).toBe(`follow drive=d1~${derived.update('button\nmember\nm-ana\nfollow drive=d1').digest().subarray(0, 9).toString('base64url')}`);
    expect(buttonSigner(keyer).verify(signed, [{ space: 'telegram:-1' }, { member: 'm-ana' }])).toEqual({ line: 'follow drive=d1', binding: { member: 'm-ana' } });
    expect(buttonSigner(keyer).verify(signed, [{ member: 'm-bea' }])).toBeUndefined();
    expect(buttonSigner(memberKeyer(`${SECRET}-other`)).verify(signed, [{ member: 'm-ana' }])).toBeUndefined();
  });

  it('event ids stay unique and in time order across many batches of random bytes', () => {
    const at = new Date('2026-12-07T06:00:00Z');
    const ids = Array.from({ length: 5000 }, (_, i) => newEventId(new Date(at.getTime() + Math.floor(i / 10))));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9}-[0-9a-z]{6}-[A-Za-z0-9_-]{8}$/);
    // The random parts are not one repeated value (a pool used without refilling would show it).
    expect(new Set(ids.map((id) => id.slice(-8))).size).toBe(ids.length);
  });
});
