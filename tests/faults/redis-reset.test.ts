import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { testApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { freePort, startRedisServer } from '../support/redis-server.js';

const hasRedis = await new Promise<boolean>((resolve) => spawn('redis-server', ['--version']).on('error', () => resolve(false)).on('close', (code) => resolve(code === 0)));

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('close');
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

const moderator = { userId: 'mod', moderator: true };
const member = { userId: 'm1' };

describe.skipIf(!hasRedis)('a Redis that comes back empty', () => {
  it('is refused for reads and writes alike: no "0 actions" posted, no new drive, no report of zero', async () => {
    const port = await freePort();
    let redis = await startRedisServer(port);
    const app = await testApp({ redisUrl: `redis://127.0.0.1:${port}`, storePrefix: 'reset-test:' });
    try {
      const type = typer(app.deps, 'telegram:-500');
      await type(moderator, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
      expect((await type(member, '/acted email')).plain).toMatch(/1 action/);

      // Redis restarts without its data (no AOF): nothing recorded is asked of it before the reads.
      await stop(redis);
      redis = await startRedisServer(port);
      // Until the client is back, the store is merely away; once back, it must be found reset.
      let tally: unknown;
      for (;;) {
        tally = await app.deps.ledger.tally('ua-34-25').then((t) => t, (e: unknown) => e);
        if (tally instanceof StoreError && tally.stopped) break;
        expect(tally).toBeInstanceOf(StoreError);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await expect(app.deps.drives.listIn('telegram:-500')).rejects.toMatchObject({ stopped: true });

      const progress = await type(member, '/progress');
      expect(progress.plain).not.toMatch(/0 actions/);
      expect(progress.plain).toMatch(/organisers' attention/);
      expect((await type(moderator, '/drive start ua-34-25 goal=5 deadline=2030-01-31')).plain).toMatch(/organisers' attention/);
      expect((await type(moderator, '/report')).plain).not.toMatch(/Total: 0/);
      // What was refused wrote nothing: the reset Redis holds no drive and no marker of a new store.
      const keys = await new Promise<string>((resolve) => {
        const cli = spawn('redis-cli', ['-p', String(port), 'keys', 'reset-test:*']);
        let out = '';
        cli.stdout.on('data', (c: Buffer) => (out += c.toString()));
        cli.on('close', () => resolve(out.trim()));
      });
      expect(keys).toBe('');
    } finally {
      await app.close();
      await stop(redis);
    }
  }, 60_000);
});
