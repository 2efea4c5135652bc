import { mkdtempSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Running } from '../../src/app/main.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from '../adapters/slack/sign.js';
import { freePort, startRedisServer } from '../support/redis-server.js';

const SECRET = 'service-test-signing-secret';


/**
 * A redis-server of this test's own, so that it can be killed and brought back: with an append-only
 * file synced on every write, as docs/store.md ("Keep the count") asks of production (a Redis that came back empty stops
 * recording, and readiness with it, on purpose).
 */
const redisDir = mkdtempSync(join(tmpdir(), 'actionbot-ops-redis-'));
const startRedis = (port: number) => startRedisServer(port, redisDir);

/** Polls `path` until it answers `status`; returns how long that took, in ms. */
async function becomes(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while ((await fetch(url)).status !== status) {
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('the bot as a service: Slack on a Redis of its own, with WEB_PORT', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let slack: FakeSlackApi;
  let running: Running;
  let dataDir: string;
  let base: string;
  let events: string;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    slack = new FakeSlackApi();
    await slack.start();
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-service-'));
    const slackPort = await freePort();
    running = await main(
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        STORE_URL: `redis://127.0.0.1:${redisPort}`,
        MEMBER_KEY_SECRET: 'service-test-secret-0123456789-abcdef',
        MODERATOR_IDS: 'slack:UMOD',
        SLACK_BOT_TOKEN: 'xoxb-service-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_PORT: String(slackPort),
        WEB_PORT: '0',
      },
      { signals: false },
    );
    base = `http://127.0.0.1:${running.web!.port}`;
    events = `http://127.0.0.1:${slackPort}/slack/events`;
  });

  afterAll(async () => {
    await running?.stop().catch(() => undefined);
    await slack.close();
    redis.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is healthy and ready, and /metrics counts an /acted', { timeout: 60_000 }, async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, checks: { store: { ok: true }, slack: { ok: true } } });
    const command = (user: string, name: string, text: string, key: string) =>
      postSigned(events, slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command: name, text, response_url: slack.responseUrl(key), trigger_id: `t-${key}` }), { secret: SECRET });
    await command('UMOD', '/drive', 'start ua-34-25 goal=10 deadline=2030-01-31', 'start');
    await slack.until(() => slack.answersTo('start').length > 0, 20_000);
    // A new member: acknowledged once committed and answered in the ack (or on the response_url when the ack went first).
    const acted = await command('U1', '/acted', 'email', 'acted');
    expect(acted.status).toBe(200);
    const inAck = await acted.text();
    if (!inAck) await slack.until(() => slack.answersTo('acted').length > 0, 20_000);
    expect(inAck || JSON.stringify(slack.answersTo('acted'))).toContain('1 action by 1 member');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('actionbot_actions_recorded_total{platform="slack",method="email"} 1');
    expect(metrics).toContain('actionbot_commands_total{command="drive",outcome="ok"} 1');
  });

  it('/readyz turns 503 within 5 s of Redis dying and 200 within 10 s of its return', async () => {
    redis.kill('SIGKILL');
    await once(redis, 'exit');
    expect(await becomes(`${base}/readyz`, 503, 5_000)).toBeLessThan(5_000);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    redis = await startRedis(redisPort);
    expect(await becomes(`${base}/readyz`, 200, 10_000)).toBeLessThan(10_000);
  }, 30_000);
});
