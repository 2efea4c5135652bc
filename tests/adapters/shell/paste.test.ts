import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';

const UA = readFileSync('tests/fixtures/ua/honduras-ua-60-16-2017.txt', 'utf8');

async function runLines(app: TestApp, lines: string, interactive = false): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive });
  input.end(`${lines}\n`);
  await done;
  return text;
}

describe('a long Urgent Action pasted into the terminal', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('imports the lines between "/import" alone and a line with a single "." as one text', async () => {
    const out = await runLines(app, ['/import', UA, '.', '/progress ua-34-25'].join('\n'));
    expect(out).toContain('or /import alone on a line, then paste the text, then a line with a single "."');
    expect(out).toContain(`> /import (${UA.split('\n').length} lines pasted)`);
    expect(out).toContain('Preview: UA 60/16');
    expect(out).not.toContain('Commands start with a slash');
    // The line after "." is a command again.
    expect(out).toContain('> /progress ua-34-25');
  });

  it('imports a paste that the input ends before the "."', async () => {
    const out = await runLines(app, ['/import', UA].join('\n'));
    expect(out).toContain('Preview: UA 60/16');
  });

  it('still takes a short text on the same line as /import', async () => {
    const out = await runLines(app, `/import ${UA.replace(/\n/g, ' ')}`);
    expect(out).toContain('Preview: UA 60/16');
  });

  it('shows no prompt between pasted lines in a terminal', async () => {
    const out = await runLines(app, ['/import', 'URGENT ACTION', 'UA 12/24', '.'].join('\n'), true);
    const prompts = out.split('> ').length - 1;
    // One prompt after "/import" (its hint) and one after the import: none for the two pasted lines.
    expect(prompts).toBe(2);
  });
});
