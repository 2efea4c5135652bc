import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Running } from '../../src/app/main.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from '../adapters/slack/sign.js';
import { freePort } from '../support/redis-server.js';

const SECRET = 'stopping-test-signing-secret';

describe('/readyz during a shutdown', () => {
  let slack: FakeSlackApi;
  let running: Running | undefined;
  let dataDir: string;

  beforeAll(async () => {
    slack = new FakeSlackApi();
    await slack.start();
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-stopping-'));
  });
  afterAll(async () => {
    await running?.stop().catch(() => undefined);
    await slack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 "stopping" from the moment the stop begins, while /healthz stays 200 until the server closes', async () => {
    const slackPort = await freePort();
    running = await main(
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        MEMBER_KEY_SECRET: 'stopping-test-secret-0123456789-abcdef',
        SLACK_BOT_TOKEN: 'xoxb-stopping-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_PORT: String(slackPort),
        WEB_PORT: '0',
      },
      { signals: false },
    );
    const base = `http://127.0.0.1:${running.web!.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // A command held in flight (Slack's users.info does not answer yet) keeps the shutdown draining.
    let release = () => undefined as void;
    slack.holds.set('users.info', new Promise<void>((resolve) => (release = resolve)));
    const body = slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: 'U1', command: '/progress', text: '', response_url: slack.responseUrl('p'), trigger_id: 't-p' });
    const command = postSigned(`http://127.0.0.1:${slackPort}/slack/events`, body, { secret: SECRET });
    await slack.until(() => slack.callsTo('users.info').length > 0, 10_000);

    const stopped = running.stop();
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, checks: { process: { ok: false, reason: 'stopping' } } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    release();
    expect((await command).status).toBe(200);
    await stopped;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    running = undefined;
  }, 30_000);
});
