import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesHolding } from './bytes.js';
import { BOT_MAIN } from '../support/built-bot.js';

/** `npm start`'s entry point with piped lines, in the terminal mode anyone tries first. */
function session(dataDir: string, lines: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MEMBER_KEY|STORE_URL|DATA_DIR|TELEGRAM|SLACK|DISCORD|LOG_LEVEL)/.test(k)));
    const child = spawn(process.execPath, [BOT_MAIN], { env: { ...env, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

const TRACES = ['zelda-secret-42', 'Quillfeather', 'Xanthorpe'];

describe('the terminal session of issue 13', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-session-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('leaves nothing findable with grep -a in the data folder outside the outbox', async () => {
    const before = await session(dataDir, [
      '/drive start ua-34-25 goal=10 deadline=2030-01-31',
      '/as zelda-secret-42',
      '/letter name="Zelda Quillfeather" town="Xanthorpe" remember=on',
      '/remindme',
      '/privacy',
      '/acted email',
    ]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/Your saved signature: Zelda Quillfeather, Xanthorpe/);
    expect(before.stdout).toMatch(/Your pending reminders: UA 34\.25: /);
    // The traces are there while she wants them: the test below can fail.
    expect(await filesHolding(dataDir, TRACES)).not.toEqual([]);

    const after = await session(dataDir, ['/as zelda-secret-42', '/forgetme yes', '/privacy']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/1 action deleted/);
    expect(after.stdout).toMatch(/No saved signature\./);
    expect(after.stdout).toMatch(/No pending reminders\./);
    expect(await filesHolding(dataDir, TRACES)).toEqual([]);
    // The outbox (her letter, as a private message would have carried it) is hers, and outside the rule.
    expect((await readdir(join(dataDir, 'outbox'))).length).toBeGreaterThan(0);
  }, 60_000);
});
