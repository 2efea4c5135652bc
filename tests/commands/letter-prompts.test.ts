import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';
import { typer } from '../support/invoke.js';
import { readPdf } from '../core/kit/read-pdf.js';

/** Every byte of the data folder (the SQLite file, its WAL, the outbox): where stored words would be. */
async function dataBytes(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name))));
  return Buffer.concat(texts).toString('latin1');
}

const decodeQp = (eml: string) => Buffer.from(eml.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe('/letter in the member\'s own words', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('composes the words into the letter, its PDF and its .eml, and stores none of them', async () => {
    const group = typer(app.deps, 'telegram:-100');
    await group({ userId: 'admin', moderator: true, platform: 'telegram' }, '/drive start ua-34-25 goal=100 deadline=2030-01-31');
    const sample = await group({ userId: 'ana', platform: 'telegram' }, '/letter');
    expect(sample.plain).toContain('Make it your own');
    expect(sample.buttons.find((b) => b.type === 'form' && b.label === 'Add my own words')).toMatchObject({ fields: [{ name: 'why' }, { name: 'who' }, { name: 'question' }] });

    const reply = await group({ userId: 'ana', platform: 'telegram' }, '/letter who="I am a Quetzalcoatl nurse" mine="My grandmother crossed the Zanzibarquux border" question="I would like to ask you: will the Xylophonic families be heard"');
    expect(reply.plain).toContain('Your own words are in the letter');
    expect(reply.plain).toContain('I am a Quetzalcoatl nurse. My grandmother crossed the Zanzibarquux border.');
    expect(reply.plain).toContain('will the Xylophonic families be heard?');
    const pdf = reply.attachments.find((a) => a.name.endsWith('.pdf'))!;
    expect((await readPdf(pdf.data)).pages[0]!.replace(/\s+/g, ' ')).toContain('My grandmother crossed the Zanzibarquux border.');
    const eml = reply.attachments.find((a) => a.name.endsWith('.eml'))!;
    expect(decodeQp(Buffer.from(eml.data).toString('utf8')).replace(/\s+/g, ' ')).toContain('My grandmother crossed the Zanzibarquux border.');
    // The sample letter stays the default: a later /letter has none of it.
    expect((await group({ userId: 'ana', platform: 'telegram' }, '/letter')).plain).not.toContain('Zanzibarquux');

    await app.deps.scrub();
    const bytes = await dataBytes(app.dataDir);
    for (const word of ['Quetzalcoatl', 'Zanzibarquux', 'Xylophonic']) expect(bytes).not.toContain(word);
  });

  it('refuses words over 300 characters with a clear message, and writes nothing', async () => {
    const reply = await typer(app.deps)({ userId: 'ana' }, `/letter mine="${'a'.repeat(301)}"`);
    expect(reply.attachments).toHaveLength(0);
    expect(reply.plain).toMatch(/mine is not right: expected text of at most 300 characters/);
  });

  it('in the terminal: the form is offered and its fields typed as options', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
    input.end('/drive start ua-34-25 deadline=2030-01-31\n/letter why="This matters to me because my town took in families from El Salvador"\n');
    await done;
    expect(text).toMatch(/Add my own words \(\/letter .*why="\.\.\." who="\.\.\." question="\.\.\."\)/);
    expect(text).toContain('This matters to me because my town took in families from El Salvador.');
  });
});
