import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOps, type Ops } from '../../src/ops/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';
import { freePort, startRedisServer } from '../support/redis-server.js';


/**
 * A redis-server of this test's own, so that it can be killed and brought back: with an append-only
 * file synced on every write, as docs/store.md ("Keep the count") asks of production (a Redis that came back empty stops
 * recording, and readiness with it, on purpose).
 */
const redisDir = mkdtempSync(join(tmpdir(), 'actionbot-ops-redis-'));
const startRedis = (port: number) => startRedisServer(port, redisDir);

async function readyStatus(base: string): Promise<number> {
  return (await fetch(`${base}/readyz`)).status;
}

/** Polls /readyz until it answers `status`; returns how long that took, in ms. */
async function readyzBecomes(base: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while ((await readyStatus(base)) !== status) {
    if (Date.now() - started > timeoutMs) throw new Error(`/readyz did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('readiness and metrics on a Redis store', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let app: TestApp;
  let ops: Ops;
  let server: Server;
  let base: string;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    app = await testApp({ redisUrl: `redis://127.0.0.1:${redisPort}` });
    ops = createOps(app, { processMetrics: false, logger });
    ops.watch([]);
    server = createServer((req, res) => {
      void Promise.resolve(ops.route(req, res, new URL(req.url ?? '/', 'http://localhost'))).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close().catch(() => undefined);
    redis.kill('SIGKILL');
  });

  it('counts an /acted in actionbot_actions_recorded_total', async () => {
    const type = typer(app.deps, 'slack:T1/C1');
    await type({ userId: 'UMOD', moderator: true, platform: 'slack' }, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
    expect((await type({ userId: 'U1', platform: 'slack' }, '/acted email')).plain).toContain('1 action by 1 member');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('actionbot_actions_recorded_total{platform="slack",method="email"} 1');
    expect(metrics).toContain('actionbot_commands_total{command="acted",outcome="ok"} 1');
  });

  it('answers 503 within 5 s of Redis dying, and 200 within 10 s of its return', async () => {
    expect(await readyStatus(base)).toBe(200);
    redis.kill('SIGKILL');
    await once(redis, 'exit');
    expect(await readyzBecomes(base, 503, 5_000)).toBeLessThan(5_000);
    const text = await (await fetch(`${base}/readyz`)).text();
    const body = JSON.parse(text) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks.store!.ok).toBe(false);
    // /readyz is public: the reason only; where Redis is goes to the log.
    expect(text).not.toContain(String(redisPort));
    expect(JSON.stringify(logger.entries.filter((e) => e.message === 'store not ready'))).toContain(`127.0.0.1:${redisPort}`);

    redis = await startRedis(redisPort);
    expect(await readyzBecomes(base, 200, 10_000)).toBeLessThan(10_000);
  }, 30_000);
});
