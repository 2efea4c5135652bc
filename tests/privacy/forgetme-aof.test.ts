import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { freePort, startRedisServer } from '../support/redis-server.js';

const hasRedis = await new Promise<boolean>((resolve) => spawn('redis-server', ['--version']).on('error', () => resolve(false)).on('close', (code) => resolve(code === 0)));
const NAMES = ['Quillfeather', 'Yarrowmere'];

/** Which of `needles` the append-only files under `dir` (Redis 7 keeps them in appendonlydir/) still hold. */
async function aofHolding(dir: string, needles: string[]): Promise<string[]> {
  const folder = join(dir, 'appendonlydir');
  // A rewrite in progress renames its temporary files away between the listing and the reading:
  // the folder is read again, whole, until one listing's files were all read.
  for (let attempt = 0; ; attempt++) {
    try {
      const bytes = Buffer.concat(await Promise.all((await readdir(folder)).map((name) => readFile(join(folder, name)))));
      return needles.filter((needle) => bytes.includes(needle));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(!hasRedis)("/forgetme on Redis: the name leaves the append-only file", () => {
  let redis: ChildProcess | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    if (redis) await stop(redis);
    if (dir) await rm(dir, { recursive: true, force: true });
    redis = undefined;
    dir = undefined;
  });

  async function ownRedis(): Promise<string> {
    const port = await freePort();
    dir = await mkdtemp(join(tmpdir(), 'actionbot-aof-'));
    redis = await startRedisServer(port, dir);
    return `redis://127.0.0.1:${port}`;
  }

  it('two members forget within a minute, the bot stops at once: neither name is left in the files', async () => {
    const redisUrl = await ownRedis();
    const app = await testApp({ redisUrl, storePrefix: 'aof-test:' });
    const type = typer(app.deps);
    for (const [userId, name] of [['7301111111', 'Quillfeather'], ['7302222222', 'Yarrowmere']] as const) {
      await type({ userId, platform: 'telegram' }, `/letter ua-34-25 name="Zelda ${name}" town="Xanthorpe" remember=on`);
    }
    expect(await aofHolding(dir!, NAMES)).toEqual(NAMES);
    for (const userId of ['7301111111', '7302222222']) await type({ userId, platform: 'telegram' }, '/forgetme yes');
    // The second rewrite is owed (the first was just now); the stop does it instead of dropping it.
    await app.close();
    expect(await aofHolding(dir!, NAMES)).toEqual([]);
  });

  it('a process that died owing the rewrite has it done by the next start', async () => {
    const redisUrl = await ownRedis();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/workers/forget-and-die.ts', redisUrl, 'aof-test:'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise((resolve) => child.on('exit', resolve));
    expect(out).toContain('forgotten');
    // Killed within the minute: the second member's name is still in the files.
    expect(await aofHolding(dir!, NAMES)).toContain('Yarrowmere');
    const app = await testApp({ redisUrl, storePrefix: 'aof-test:' });
    try {
      // The start asked Redis for the rewrite; it finishes in the background.
      while ((await aofHolding(dir!, NAMES)).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await app.close();
    }
  });
});
