import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics, opsRoutes, type Readiness, type ReadinessCheck } from '../../src/ops/index.js';

let server: Server | undefined;

/** Serves the ops route alone on node:http, as the bot's HTTP server would (404 for the rest). */
async function serve(checks: () => readonly ReadinessCheck[], options: { metricsToken?: string; metrics?: Metrics; timeoutMs?: number } = {}): Promise<string> {
  const route = opsRoutes({ checks, metrics: options.metrics ?? new Metrics({ processMetrics: false }), metricsToken: options.metricsToken, timeoutMs: options.timeoutMs });
  server = createServer((req, res) => {
    void Promise.resolve(route(req, res, new URL(req.url ?? '/', 'http://localhost'))).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('/healthz and /readyz', () => {
  it('says the process serves even while a part is down, and /readyz names the part and why', async () => {
    const base = await serve(() => [
      { name: 'store', check: () => ({ ok: true }) },
      { name: 'discord', check: () => ({ ok: false, reason: 'gateway: shard 0 Reconnecting' }) },
    ]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, checks: { store: { ok: true }, discord: { ok: false, reason: 'gateway: shard 0 Reconnecting' } } });
  });

  it('turns 503 when a part stops answering, within the check timeout, and 200 again when it answers', async () => {
    let store: () => Promise<Readiness> = async () => ({ ok: true });
    const base = await serve(() => [{ name: 'store', check: () => store() }], { timeoutMs: 300 });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    store = () => new Promise(() => undefined);
    const started = Date.now();
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(await down.json())).toContain('no answer within 300 ms');

    store = async () => {
      throw new Error('ECONNREFUSED 127.0.0.1:6390');
    };
    expect(JSON.stringify(await (await fetch(`${base}/readyz`)).json())).toContain('ECONNREFUSED');

    store = async () => ({ ok: true });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('is not ready with nothing to ask', async () => {
    const base = await serve(() => []);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });

  it('leaves other paths and methods to the next route', async () => {
    const base = await serve(() => []);
    expect((await fetch(`${base}/drive/x`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(404);
  });
});

describe('/metrics', () => {
  it('wants the bearer token when METRICS_TOKEN is set', async () => {
    const base = await serve(() => [], { metricsToken: 's3cret-token' });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    expect(await ok.text()).toContain('# TYPE actionbot_actions_recorded_total counter');
  });

  it('shows what this bot counted, and another bot\'s metrics start from zero', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.actionRecorded('telegram', 'email');
    metrics.actionRecorded('telegram', 'email');
    metrics.commandDone({ platform: 'slack', command: 'acted', outcome: 'ok', seconds: 0.02 });
    metrics.commandDone({ platform: 'slack', command: 'acted', outcome: 'store_error', seconds: 0.5 });
    const base = await serve(() => [], { metrics });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('actionbot_actions_recorded_total{platform="telegram",method="email"} 2');
    expect(text).toContain('actionbot_commands_total{command="acted",outcome="ok"} 1');
    expect(text).toContain('actionbot_store_errors_total 1');
    expect(text).toContain('actionbot_answer_seconds_count{platform="slack"} 2');
    expect(await new Metrics({ processMetrics: false }).text()).not.toContain('platform="telegram"');
  });

  it('includes process metrics', async () => {
    expect(await new Metrics().text()).toContain('process_resident_memory_bytes');
  });
});
