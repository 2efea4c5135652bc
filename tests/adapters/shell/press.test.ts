import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';

async function runLines(app: TestApp, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return text;
}

describe('/press in the terminal', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it("never presses another member's private button, such as the operator's Delete everything", async () => {
    await app.deps.drives.start((await app.deps.appeals.get('ua-34-25'))!, 'shell:local', { deadline: '2026-12-31' });
    await runLines(app, ['/acted email']);
    const out = await runLines(app, ['/forgetme', '/as bob', '/press 1']);
    expect(out).toContain('No such button. /press N presses button N of the last reply bob saw.');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('presses a button of the last reply, even when that reply had none', async () => {
    const out = await runLines(app, ['/letter', '/help', '/press 1']);
    expect(out).toContain('No such button');
  });

  it('lets every member press a button posted in the space, and their own private ones after it', async () => {
    const out = await runLines(app, ['/drive start ua-34-25 deadline=2026-12-31', '/as bob', '/press 1']);
    // [1] of the public post gets bob his letter.
    expect(out).toMatch(/── only bob sees this ──\n## UA 34\.25/);
    const emailed = /\[(\d+)\] I emailed/.exec(out.slice(out.indexOf('only bob sees this')))?.[1];
    expect(emailed).toBeDefined();
    expect(await runLines(app, ['/as bob', '/letter', `/press ${emailed}`])).toContain('Thank you! Your email is counted.');
  });

  it('shows toggles as their choices in the Personalise hint', async () => {
    const out = await runLines(app, ['/letter']);
    expect(out).toContain('opening=on|off');
    expect(out).not.toContain('opening="..."');
  });
});
