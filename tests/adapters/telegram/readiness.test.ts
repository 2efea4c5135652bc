import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../../src/adapters/telegram/index.js';
import type { PlatformAdapter } from '../../../src/adapters/types.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeBotApi } from './fake-bot-api.js';
import { TOKEN } from './harness.js';
import { messageUpdate } from './updates.js';

let fake: FakeBotApi;
let app: TestApp;
let adapter: PlatformAdapter | undefined;

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await fake.close();
  await app.close();
});

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Telegram readiness', () => {
  it('is ready while getUpdates answers, says why when it fails, and is ready again once it answers', async () => {
    fake = await FakeBotApi.start();
    app = await testApp();
    adapter = await startTelegram({ token: TOKEN, apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger: new RecordingLogger() }, { pollTimeoutSec: 1, retry: { sleep: async () => undefined } });
    expect(adapter.ready()).toEqual({ ok: true });

    // The next getUpdates calls fail (more than the 5xx retries); an update ends the poll in flight.
    for (let i = 0; i < 3; i++) fake.failNext('getUpdates', 502, 'Bad Gateway');
    fake.push(messageUpdate(1, { id: 5 }, 'hello'));
    await until(() => !adapter!.ready().ok, 'polling to be reported down');
    expect(adapter.ready()).toEqual({ ok: false, reason: expect.stringContaining('getUpdates') });

    await until(() => adapter!.ready().ok, 'polling to be reported up again', 15_000);
  }, 30_000);

  it('is not ready once stopped', async () => {
    fake = await FakeBotApi.start();
    app = await testApp();
    const stopped = await startTelegram({ token: TOKEN, apiRoot: fake.apiRoot, webhookPort: 0 }, { deps: app.deps, logger: new RecordingLogger() }, { pollTimeoutSec: 1 });
    await stopped.stop();
    expect(stopped.ready()).toEqual({ ok: false, reason: 'polling stopped' });
  });
});
