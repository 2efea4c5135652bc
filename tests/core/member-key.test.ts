import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { loadSecret, memberKeyer } from '../../src/core/member-key.js';

describe('member keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('generates the secret once, private to its owner, and reuses it', async () => {
    const first = await loadSecret({ dataDir: dir });
    expect((await stat(join(dir, 'member-key.secret'))).mode & 0o777).toBe(0o600);
    expect(Buffer.byteLength(first.secret)).toBeGreaterThanOrEqual(32);
    expect((await loadSecret({ dataDir: dir })).secret).toBe(first.secret);
    const [a, b] = await Promise.all([loadSecret({ dataDir: join(dir, 'x') }), loadSecret({ dataDir: join(dir, 'x') })]);
    expect(a.secret).toBe(b.secret);
  });

  it('prefers the configured secret, then the secret file', async () => {
    const file = join(dir, 'outside.secret');
    await writeFile(file, `${'f'.repeat(40)}\n`);
    const dataDir = join(dir, 'data');
    expect(await loadSecret({ dataDir, configured: 'c'.repeat(32) })).toEqual({ secret: 'c'.repeat(32), source: 'MEMBER_KEY_SECRET' });
    expect((await loadSecret({ dataDir, file })).secret).toBe('f'.repeat(40));
  });

  it.each([
    ['an empty data-folder secret', async (d: string) => writeFile(join(d, 'member-key.secret'), '\n').then(() => ({ dataDir: d })), 'DATA_DIR'],
    ['a 15-byte data-folder secret', async (d: string) => writeFile(join(d, 'member-key.secret'), 'x'.repeat(15)).then(() => ({ dataDir: d })), 'DATA_DIR'],
    ['an empty secret file', async (d: string) => writeFile(join(d, 's'), '').then(() => ({ dataDir: join(d, 'data'), file: join(d, 's') })), 'MEMBER_KEY_SECRET_FILE'],
    ['a missing secret file', async (d: string) => ({ dataDir: join(d, 'data'), file: join(d, 'nope') }), 'MEMBER_KEY_SECRET_FILE'],
  ])('refuses %s, naming where it came from', async (_name, setup, variable) => {
    const options = await setup(dir);
    const error = await loadSecret(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
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
