import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret, memberKeyer } from '../../src/core/member-key.js';

describe('member keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('generates the secret once, private to its owner, and reuses it', async () => {
    const first = await loadOrCreateSecret(dir);
    expect((await stat(join(dir, 'member-key.secret'))).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateSecret(dir)).toBe(first);
    const [a, b] = await Promise.all([loadOrCreateSecret(join(dir, 'x')), loadOrCreateSecret(join(dir, 'x'))]);
    expect(a).toBe(b);
  });

  it('prefers the configured secret', async () => {
    expect(await loadOrCreateSecret(dir, 'configured-secret-123456')).toBe('configured-secret-123456');
  });

  it('is stable per platform and user, differs across them, and does not contain the id', () => {
    const key = memberKeyer('s'.repeat(32));
    expect(key('telegram', '123')).toBe(key('telegram', '123'));
    expect(key('telegram', '123')).not.toBe(key('slack', '123'));
    expect(key('telegram', '123')).not.toBe(memberKeyer('t'.repeat(32))('telegram', '123'));
    expect(key('discord', '123456789012345678')).not.toContain('123456789012345678');
    expect(key('telegram', '123')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
