import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../src/app/config.js';
import { loadEnvFile } from '../src/app/env-file.js';
import { BOT_MAIN } from './support/built-bot.js';

/** The variables named in the first column of the table under "## Variables" in docs/configuration.md, as often as they appear. */
async function documented(): Promise<string[]> {
  const doc = await readFile('docs/configuration.md', 'utf8');
  const section = doc.split(/^## Variables$/m)[1]?.split(/^## /m)[0] ?? '';
  const firstCells = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]!).filter((cell) => cell.trim() !== 'variable');
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

describe('configuration', () => {
  it('reads more than a handful of variables (the schema is where the names come from)', () => {
    expect(ENV_VARIABLES.length).toBeGreaterThan(15);
    expect(ENV_VARIABLES).toContain('METRICS_TOKEN');
  });

  it('.env.example lists every variable the schema reads, and no other', async () => {
    const example = await readFile('.env.example', 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
  });

  it("docs/configuration.md's table documents every variable exactly once, and no other", async () => {
    const names = await documented();
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect([...names].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});

describe('.env', () => {
  it('fills in what the environment does not set; what the environment sets wins; empty lines and no file change nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-env-'));
    try {
      const file = join(dir, '.env');
      await writeFile(file, '# a comment\nLOG_LEVEL=debug\nTZ_DEFAULT="Europe/Paris"\nWEB_PORT=\n');
      const env: Record<string, string | undefined> = { LOG_LEVEL: 'warn' };
      expect(loadEnvFile(env, file)).toEqual(['TZ_DEFAULT']);
      expect(env).toEqual({ LOG_LEVEL: 'warn', TZ_DEFAULT: 'Europe/Paris' });
      expect(loadEnvFile(env, join(dir, 'missing.env'))).toEqual([]);
      expect(() => loadEnvFile({}, dir)).toThrow('is a folder, not a file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is read by the bot started from the folder it sits in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'actionbot-env-'));
    try {
      // .env.example as a newcomer copies it, with one line changed.
      const example = await readFile('.env.example', 'utf8');
      await writeFile(join(dir, '.env'), example.replace(/^DATA_DIR=.*$/m, 'DATA_DIR=./from-dotenv'));
      const child = spawn(process.execPath, [BOT_MAIN], { cwd: dir, env: { PATH: process.env.PATH }, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stdin.end('/progress ua-34-25\n');
      expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
      expect(out).toContain('0 actions');
      expect(await readdir(join(dir, 'from-dotenv'))).toContain('actionbot.sqlite');
      expect(await readdir(dir)).not.toContain('data');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
