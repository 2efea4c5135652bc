import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, manifestUrlProblem, quietOnClosedPipe } from '../src/app/cli.js';

function capture(env: Record<string, string | undefined>) {
  const seen = { out: '', err: '' };
  return { seen, io: { out: (s: string) => void (seen.out += s), err: (s: string) => void (seen.err += s), env } };
}

describe('the operator CLI', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-cli-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('exits 1 and says which appeals exist when the report names an unknown one', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['report', 'nope'], io)).toBe(1);
    expect(seen.err).toBe('actionbot report: there is no appeal "nope". Known appeals: ua-34-25.\n');
    expect(seen.out).toBe('');
  });

  it('says there is no store, not that it is damaged, when the folder holds none', async () => {
    const { seen, io } = capture({ DATA_DIR: join(dataDir, 'empty') });
    expect(await cli(['check'], io)).toBe(1);
    expect(seen.err).toBe(`no store at ${join(dataDir, 'empty')}/actionbot.sqlite: check DATA_DIR or STORE_URL\n`);
    expect(seen.err).not.toMatch(/damaged|backup/);
  });

  it('reports a known appeal and exits 0', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['report', 'ua-34-25'], io)).toBe(0);
    expect(seen.out).toContain('ua-34-25: 0 actions by 0 members');
  });

  it('previews an import without chat wording and gives each warning once', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['import', 'tests/fixtures/ua/old-labelled-ua-123-19.txt'], io)).toBe(0);
    expect(seen.out).toContain('## Preview: UA 123/19');
    expect(seen.out).not.toContain('sees this');
    const all = seen.out + seen.err;
    expect(all.split('No email address was found for Ebrahim Raisi').length - 1).toBe(1);
  });

  it('says what is wrong with a file to import in words, not error codes', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['import', dataDir], io)).toBe(1);
    expect(seen.err).toBe(`actionbot import: ${dataDir}: is a folder, not a file\n`);
    expect(await cli(['import', join(dataDir, 'nothing.txt')], io)).toBe(1);
    expect(seen.err).toContain(`${join(dataDir, 'nothing.txt')}: does not exist`);
    expect(seen.err).not.toMatch(/EISDIR|ENOENT/);
  });

  it('refuses a Slack manifest URL that is not https or has a query or fragment', async () => {
    expect(manifestUrlProblem('http://bot.example.org')).toContain('only to https');
    expect(manifestUrlProblem('https://bot.example.org/?x=1')).toContain('query');
    expect(manifestUrlProblem('https://bot.example.org/#top')).toContain('query');
    expect(manifestUrlProblem('bot.example.org')).toContain('not a URL');
    expect(manifestUrlProblem('https://bot.example.org/base')).toBeUndefined();
    const { seen, io } = capture({});
    expect(await cli(['slack-manifest', 'https://bot.example.org?x=1'], io)).toBe(2);
    expect(seen.out).toBe('');
    expect(await cli(['slack-manifest', 'https://bot.example.org/'], io)).toBe(0);
    expect(seen.out).toContain('https://bot.example.org/slack/events');
  });

  it('ends quietly with 0 when the reader closes the pipe, and still fails on other write errors', () => {
    const stream = new PassThrough();
    const codes: number[] = [];
    quietOnClosedPipe(stream, (code) => codes.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk'), { code: 'EIO' }))).toThrow('disk');
  });
});
