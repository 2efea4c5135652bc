import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_APPEALS, createApp } from '../../src/app/app.js';
import { parseConfig } from '../../src/app/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { BOT_MAIN } from '../support/built-bot.js';

/** `npm start`'s entry point in a child process: its exit code and what it printed. */
function start(env: Record<string, string>, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MEMBER_KEY|STORE_URL|DATA_DIR|TELEGRAM|SLACK|DISCORD|LOG_LEVEL)/.test(k)));
    const child = spawn(process.execPath, [BOT_MAIN], { env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const config = (dataDir: string, extra: object = {}) => ({
  storeUrl: `sqlite://${join(dataDir, 'a.sqlite')}`,
  dataDir,
  appealsDir: BUNDLED_APPEALS,
  moderatorIds: [],
  defaultTimezone: 'UTC',
  ...extra,
});

describe('the member-key secret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'actionbot-secret-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('an empty secret file in the data folder stops the start with one line naming it', async () => {
    const dataDir = join(dir, 'data');
    await start({ DATA_DIR: dataDir }, '/help\n');
    await writeFile(join(dataDir, 'member-key.secret'), '');
    const { code, stderr, stdout } = await start({ DATA_DIR: dataDir }, '/help\n');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^actionbot could not start: DATA_DIR: the member-key secret from .*member-key\.secret has 0 bytes/)]);
    expect(stdout).toBe('');
  }, 30_000);

  it('a short secret in the environment stops the start naming the variable', async () => {
    const { code, stderr } = await start({ DATA_DIR: join(dir, 'data'), MEMBER_KEY_SECRET: 'too-short' }, '/help\n');
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^actionbot could not start: MEMBER_KEY_SECRET: /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('refuses a new secret under 32 bytes from any source, naming the source', async () => {
    const file = join(dir, 'credential');
    await writeFile(file, 'y'.repeat(20));
    for (const extra of [{ memberKeySecret: 'x'.repeat(31) }, { memberKeySecretFile: file }]) {
      const error = await createApp(config(join(dir, 'fresh'), extra)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/^MEMBER_KEY_SECRET(_FILE)?: a new member-key secret needs at least 32 bytes; the one from MEMBER_KEY_SECRET/);
    }
    await writeFile(join(dir, 'member-key.secret'), 'z'.repeat(20));
    const error = await createApp(config(dir)).catch((e: unknown) => e);
    expect((error as ConfigError).message).toMatch(/^DATA_DIR: a new member-key secret needs at least 32 bytes; the one from .*member-key\.secret has 20/);
  });

  it('keeps an existing 16-31 byte secret working, with a warning, and refuses a changed one', async () => {
    const dataDir = join(dir, 'old');
    // A store of the previous release: a drive, keyed with a 20-byte secret, no fingerprint yet.
    const first = await createApp(config(dataDir, { memberKeySecret: 'k'.repeat(40) }));
    await first.store.kv.delete('member-key:check');
    await first.deps.drives.start((await first.catalog.get('ua-34-25'))!, 'shell:local', { deadline: '2099-12-31' });
    await first.close();
    const app = await createApp(config(dataDir, { memberKeySecret: 'w'.repeat(20) }));
    expect(app.secretWarning).toMatch(/MEMBER_KEY_SECRET has 20 bytes/);
    await app.close();
    const again = await createApp(config(dataDir, { memberKeySecret: 'w'.repeat(20) }));
    expect(again.secretWarning).toBeDefined();
    await again.close();
    const changed = await createApp(config(dataDir, { memberKeySecret: 'v'.repeat(40) })).catch((e: unknown) => e);
    expect((changed as ConfigError).message).toMatch(/is not the one this store was keyed with/);
  });

  it('reads MEMBER_KEY_SECRET_FILE only from outside the data folder', () => {
    expect(parseConfig({ DATA_DIR: '/srv/data', MEMBER_KEY_SECRET_FILE: '/run/credentials/actionbot/secret' }).memberKeySecretFile).toBe('/run/credentials/actionbot/secret');
    expect(() => parseConfig({ DATA_DIR: '/srv/data', MEMBER_KEY_SECRET_FILE: '/srv/data/secret' })).toThrow(/^MEMBER_KEY_SECRET_FILE: must be outside DATA_DIR/);
    expect(() => parseConfig({ MEMBER_KEY_SECRET_FILE: 'data/member-key.secret' })).toThrow(ConfigError);
    expect(parseConfig({ STORE_URL: 'redis://127.0.0.1:6379', MEMBER_KEY_SECRET_FILE: '/run/secret' }).memberKeySecretFile).toBe('/run/secret');
  });
});
