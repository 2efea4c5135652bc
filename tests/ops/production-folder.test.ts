import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = process.cwd();

/**
 * What the Dockerfile's last stage holds, built the way its build stage builds it: the bundle, the
 * bundled appeals, package.json and node_modules pruned to production dependencies (native modules
 * as the build compiled them). No src/, no tsx at run time, no dev dependency.
 */
describe('the compiled bot in a folder with production dependencies only', () => {
  let folder: string;
  let dataDir: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'actionbot-image-'));
    dataDir = join(folder, 'data');
    await run(process.execPath, ['scripts/build.js', '--outdir', join(folder, 'dist')], { cwd: ROOT });
    await run('cp', ['-a', 'package.json', 'package-lock.json', 'appeals', 'node_modules', folder], { cwd: ROOT });
    await run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: folder });
  }, 120_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('holds no dev dependency and no TypeScript source', async () => {
    const modules = await readdir(join(folder, 'node_modules'));
    expect(modules).toContain('better-sqlite3');
    expect(modules).not.toContain('vitest');
    expect(modules).not.toContain('typescript');
    expect(await readdir(folder)).not.toContain('src');
  });

  it('starts from dist/main.js and answers, on the embedded store', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: folder, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end('/drive start ua-34-25 goal=10 deadline=2030-01-31\n/acted email\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Drive started');
    expect(out).toContain('1 action by 1 member');
    expect(await readdir(dataDir)).toContain('actionbot.sqlite');
  });
});
