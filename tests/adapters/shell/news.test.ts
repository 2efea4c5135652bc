import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell, shellNotifier } from '../../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { startedEvents } from '../../support/events.js';
import { RecordingLogger } from '../../support/logger.js';

/** One terminal session with the event relay running, as `npm start` runs it without a token. */
async function session(app: TestApp, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const events = await startedEvents(app, [shellNotifier(output)]);
  const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  for (let i = 0; i < 5 && (await app.deps.outbox.count()) > 0; i++) await events.settle();
  await events.stop();
  return text;
}

describe('news in the terminal', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
  });
  afterEach(() => app.close());

  it('follows, posts the operator\'s good news once, ends the drive with its final tally, and lists and forgets the following', async () => {
    const out = await session(app, [
      '/drive start ua-34-25 deadline=2026-12-20',
      '/acted email',
      '/follow',
      '/privacy',
      '/news post ua-34-25 text="Released on 3 December." outcome=good',
    ]);
    expect(out).toContain('I will tell you privately what becomes of UA 34.25');
    expect(out).toMatch(/Appeals you follow: UA 34\.25: your Shell account id, encrypted/);
    // The post and the private message (the typed line aside).
    expect(out.match(/^Released on 3 December\.$/gm)).toHaveLength(2);
    expect(out).toMatch(/Final tally: 1 action by 1 member/);
    expect(out).toMatch(/Your group took 1 action for this appeal/);
    const after = await session(app, ['/forgetme yes', '/privacy']);
    expect(after).toMatch(/Appeals you follow: No appeals followed\./);
  });
});
