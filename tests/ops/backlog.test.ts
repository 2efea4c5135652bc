import { afterEach, describe, expect, it } from 'vitest';
import { createOps } from '../../src/ops/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { startedEvents } from '../support/events.js';
import { typer } from '../support/invoke.js';
import { RecordingNotifier } from '../support/notifier.js';

const redisUrl = process.env.REDIS_URL;

/** The gauge's value in the Prometheus text. */
function backlog(text: string): number {
  const line = text.split('\n').find((l) => l.startsWith('actionbot_outbox_backlog '));
  if (!line) throw new Error(`no actionbot_outbox_backlog sample in:\n${text}`);
  return Number(line.split(' ')[1]);
}

describe.each([
  ['SQLite', undefined],
  ['Redis', redisUrl],
] as const)('the outbox backlog gauge on %s', (_name, url) => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it.skipIf(_name === 'Redis' && !url)('rises with the events waiting in the outbox and returns to 0 once they are handled', async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z', ...(url ? { redisUrl: url } : {}) });
    const ops = createOps(app, { processMetrics: false });
    expect(backlog(await ops.metrics.text())).toBe(0);

    // No relay runs yet: what the commands raise waits in the outbox.
    const type = typer(app.deps, 'shell:local');
    await type({ userId: 'op', moderator: true }, '/drive start ua-34-25 goal=10 deadline=2026-12-31');
    const afterStart = backlog(await ops.metrics.text());
    for (const user of ['a', 'b', 'c']) await type({ userId: user }, '/acted email');
    expect(backlog(await ops.metrics.text())).toBe(afterStart + 3);
    expect(backlog(await ops.metrics.text())).toBe((await app.deps.outbox.pending(1000)).length);

    const events = await startedEvents(app, [new RecordingNotifier('shell')]);
    await events.settle();
    expect(backlog(await ops.metrics.text())).toBe(0);
    await events.stop();
  });
});
