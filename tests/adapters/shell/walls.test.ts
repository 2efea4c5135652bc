import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { dumpStore, floodClaims } from '../../support/store-dump.js';

const DRAFT = readFileSync('tests/fixtures/ua/corpus/es-2025-colombia-au-105-25.txt', 'utf8').replace(/\n/g, ' ');

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

describe('walls in the terminal', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it("keeps an ordinary member from the operator's commands and from the operator's own form lines", async () => {
    const preview = await runLines(app, [`/import ${DRAFT}`]);
    // The operator's "Fill in" form, as the terminal shows it: its signed line, then the fields to type.
    const form = /\((\/import edit=\S+ step=1~[\w-]{12})/.exec(preview)?.[1];
    expect(form).toBeDefined();
    const before = dumpStore(join(app.dataDir, 'test.sqlite'), floodClaims([app.deps.memberKey('shell', 'bob')], app.clock.now()));
    const bob = await runLines(app, ['/as bob', `${form} deadline=2030-01-31`, '/report ua-34-25', `/import ${DRAFT}`, '/drive start ua-34-25 deadline=2030-01-31']);
    expect(bob).toContain('does not work here');
    expect(bob).toContain('Only moderators can use /report');
    expect(bob).toContain('Only moderators can use /import');
    expect(bob).toContain('Only moderators can use /drive start');
    expect(dumpStore(join(app.dataDir, 'test.sqlite'), floodClaims([app.deps.memberKey('shell', 'bob')], app.clock.now()))).toEqual(before);
    // The operator types the same line with the field, and the draft takes it.
    const own = await runLines(app, [`${form} deadline=2030-01-31`]);
    expect(own).toContain('2030-01-31');
    // A line naming what the button acts on is refused even to its owner.
    expect(await runLines(app, [`${form} save=x`])).toContain('does not work here');
  });
});
