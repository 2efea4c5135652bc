import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../src/adapters/shell/index.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { BOT_MAIN } from '../../support/built-bot.js';

/** The spawned bot runs on the real clock: a deadline a year from today, so that the test does not expire. */
const DEADLINE = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const SCENARIO = [
  `/drive start ua-34-25 goal=10 deadline=${DEADLINE}`,
  '/letter name="Ana" town="Lyon"',
  '/acted email',
  '/as bob',
  '/acted post',
  '/drive end',
  '/progress',
].join('\n');

async function runLines(app: TestApp, lines: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
  input.end(`${lines}\n`);
  await done;
  return text;
}

describe('the shell adapter', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
  });
  afterEach(() => app.close());

  it('runs piped lines in order, as the operator and then as an ordinary member', async () => {
    const out = await runLines(app, SCENARIO);
    expect(out).toContain('Dear Secretary Noem,');
    expect(out).toContain('You are now bob, an ordinary member.');
    expect(out).toContain('Only moderators can use /drive end.');
    expect(out).toContain('2 actions by 2 members (20% of the goal of 10)');
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 2, members: 2 });
  });

  it('presses numbered buttons, keeps going after bad input, and writes attachments to the outbox', async () => {
    const first = await runLines(app, [`/drive start ua-34-25 deadline=${DEADLINE}`, '/letter'].join('\n'));
    const emailed = /\[(\d+)\] I emailed/.exec(first)?.[1];
    expect(emailed).toBeDefined();
    const out = await runLines(app, ['hello', '/letter', '/press 99', `/press ${emailed}`, '/report'].join('\n'));
    expect(out).toContain('Commands start with a slash');
    expect(out).toContain('No such button');
    expect(out).toContain('Thank you! Your email is counted.');
    expect(await readdir(join(app.dataDir, 'outbox'))).toContain('operator-ua-34-25-actions.csv');
  });
});

describe('npm start with piped input', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-start-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('runs the README scenario on the embedded store and exits 0 at the end of input', async () => {
    const child = spawn(process.execPath, [BOT_MAIN], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end(`${SCENARIO}\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Dear Secretary Noem,');
    expect(out).toContain('Only moderators can use /drive end.');
    expect(out).toContain('2 actions by 2 members');
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['actionbot.sqlite', 'member-key.secret']));
  });

  it('stops with a message naming the variable when the configuration is bad', async () => {
    const child = spawn(process.execPath, [BOT_MAIN], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, STORE_URL: 'postgres://x' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toBe('actionbot could not start: STORE_URL: expected sqlite://PATH or redis://HOST:PORT, got "postgres://x"');
  });
});
