import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { dropPrefix } from '../support/redis.js';
import { filesHolding, redisHolding } from './bytes.js';

const REDIS_URL = process.env.REDIS_URL;
const ZELDA = { userId: '7301234567', platform: 'telegram' };
const MOD = { userId: 'operator', moderator: true };
const TRACES = ['Quillfeather', 'Xanthorpe', 'Freedonia', ZELDA.userId];

/** A member who leaves every kind of trace: a remembered signature, a reminder, actions. */
async function leaveTraces(app: TestApp): Promise<void> {
  const type = typer(app.deps);
  await type(MOD, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
  await type(ZELDA, '/letter name="Zelda Quillfeather" town="Xanthorpe" country="Freedonia" remember=on');
  await type(ZELDA, '/remindme');
  await type(ZELDA, '/acted email');
  await type(ZELDA, '/acted post');
  // Other members keep writing, so the deleted pages are not simply the last ones.
  for (let i = 0; i < 30; i++) await type({ userId: `other-${i}` }, '/acted email');
}

describe('after /forgetme and a stop, nothing about the member is in the store', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('SQLite: no file of the data folder holds the name, town, country or platform id', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-forget-'));
    const app = await testApp({ dataDir });
    await leaveTraces(app);
    expect(await filesHolding(dataDir, TRACES)).not.toEqual([]);
    const reply = await typer(app.deps)(ZELDA, '/forgetme yes');
    expect(reply.plain).toContain('2 actions deleted');
    await app.close();
    expect(await filesHolding(dataDir, TRACES)).toEqual([]);
  });

  it('SQLite: a pending reminder leaves no platform id once its drive has ended', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-ended-'));
    const app = await testApp({ dataDir });
    const type = typer(app.deps);
    await type(MOD, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    await type(ZELDA, '/remindme');
    for (let i = 0; i < 30; i++) await type({ userId: `other-${i}` }, '/acted email');
    expect(await filesHolding(dataDir, [ZELDA.userId])).not.toEqual([]);
    await type(MOD, '/drive end');
    await app.close();
    expect(await filesHolding(dataDir, [ZELDA.userId])).toEqual([]);
  });

  it.runIf(REDIS_URL)('Redis: no key or value under the prefix holds them', async () => {
    const prefix = `test-forget-${Date.now()}-${Math.random().toString(36).slice(2)}:`;
    const app = await testApp({ redisUrl: REDIS_URL, storePrefix: prefix });
    try {
      await leaveTraces(app);
      expect(await redisHolding(REDIS_URL!, prefix, TRACES)).not.toEqual([]);
      await typer(app.deps)(ZELDA, '/forgetme yes');
      expect(await redisHolding(REDIS_URL!, prefix, TRACES)).toEqual([]);
      await typer(app.deps)({ userId: '7309999999', platform: 'telegram' }, '/remindme');
      expect(await redisHolding(REDIS_URL!, prefix, ['7309999999'])).not.toEqual([]);
      await typer(app.deps)(MOD, '/drive end');
      expect(await redisHolding(REDIS_URL!, prefix, ['7309999999'])).toEqual([]);
    } finally {
      await app.close();
      await dropPrefix(REDIS_URL!, prefix);
    }
  });
});
