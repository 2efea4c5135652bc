import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, quietOnClosedPipe, SUBCOMMANDS } from '../src/app/cli.js';
import { manifestUrlProblem } from '../src/app/cli-commands.js';
import { testApp } from './support/app.js';
import { typer } from './support/invoke.js';

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
    expect(seen.err).toBe(`actionbot check: no store at ${join(dataDir, 'empty')}/actionbot.sqlite: check DATA_DIR or STORE_URL\n`);
    expect(seen.err).not.toMatch(/damaged|backup/);
  });

  it('reports a known appeal and exits 0', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['report', 'ua-34-25'], io)).toBe(0);
    expect(seen.out).toContain('ua-34-25: 0 actions by 0 members');
  });

  it('reports every round an update opened, each apart and summed, and the CSV names each row\'s round', async () => {
    const app = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    const type = typer(app.deps);
    await type({ userId: 'mod', moderator: true }, '/drive start ua-34-25 deadline=2026-12-20');
    await type({ userId: 'ana' }, '/acted email');
    await type({ userId: 'mod', moderator: true }, '/news post ua-34-25 text="Round two" deadline=2027-01-10');
    await type({ userId: 'ana' }, '/acted email');
    await type({ userId: 'bob' }, '/acted post');
    await app.close();
    const env = { STORE_URL: `sqlite://${join(dataDir, 'test.sqlite')}`, DATA_DIR: dataDir, MEMBER_KEY_SECRET: 'test-secret-0123456789abcdef-0123456789' };
    const text = capture(env);
    expect(await cli(['report', 'ua-34-25'], text.io)).toBe(0);
    expect(text.seen.out).toContain('ua-34-25: 3 actions');
    expect(text.seen.out).toContain('  round 1: 1\n  round 2: 2\n');
    const csv = capture(env);
    expect(await cli(['report', 'ua-34-25', '--csv'], csv.io)).toBe(0);
    const rows = csv.seen.out.trim().split('\r\n');
    expect(rows[0]).toBe('kind,time,space,platform,appeal,method,count,member_key,date,note,round');
    expect(rows.slice(1).map((r) => `${r.split(',')[4]} ${r.split(',')[5]} ${r.split(',').at(-1)}`).sort()).toEqual(['ua-34-25 email 1', 'ua-34-25 email 2', 'ua-34-25 post 2']);
  });

  it('previews an import without chat wording and gives each warning once', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['import', 'tests/fixtures/ua/old-labelled-ua-123-19.txt'], io)).toBe(0);
    expect(seen.out).toContain('## Preview: UA 123/19');
    expect(seen.out).not.toContain('sees this');
    const all = seen.out + seen.err;
    expect(all.split('No email address was found for Ebrahim Raisi').length - 1).toBe(1);
  });

  it('never saves news of an appeal as a live appeal file', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir, APPEALS_DIR: join(dataDir, 'appeals') });
    expect(await cli(['import', 'tests/fixtures/ua/corpus-2/en-2018-japan-further-information-ua-213-16.txt', '--save'], io)).toBe(1);
    expect(seen.err).toContain('not saved: this text is an update of UA 213/16, not a new appeal');
  });

  it('saves an update that asks for letters again as the appeal, saying what it is', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir, APPEALS_DIR: join(dataDir, 'second') });
    expect(await cli(['import', 'tests/fixtures/ua/further-information-ua-53-14.txt', '--save'], io)).toBe(0);
    expect(seen.err).toContain('this text is an update of UA 53/14 that asks for letters again: saved as the appeal');
    expect(JSON.parse(await readFile(join(dataDir, 'second', 'ua-53-14.json'), 'utf8'))).toMatchObject({ id: 'ua-53-14', number: '53/14' });
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

  it('answers --help for every subcommand on standard output with its usage, and exits 0', async () => {
    for (const command of SUBCOMMANDS) {
      const { seen, io } = capture({ DATA_DIR: dataDir });
      expect(await cli([...command.name.split(' '), '--help'], io)).toBe(0);
      expect(seen.out.split('\n')[0]).toBe(`usage: actionbot ${command.name}${command.args ? ` ${command.args}` : ''}`);
      expect(seen.err).toBe('');
    }
    const { seen, io } = capture({});
    expect(await cli(['--help'], io)).toBe(0);
    for (const command of SUBCOMMANDS) expect(seen.out).toContain(command.summary);
  });

  it("is documented: docs/cli.md shows every subcommand's usage line, and the exit codes", async () => {
    const page = await readFile('docs/cli.md', 'utf8');
    for (const command of SUBCOMMANDS) expect(page).toContain(`| \`actionbot ${command.name}${command.args ? ` ${command.args}` : ''}\` |`);
    expect(page).toMatch(/\| 2 \| it was asked wrongly/);
  });

  it('exits 2 with one line naming the problem and the usage when it is asked wrongly, and does nothing', async () => {
    const wrong = [
      [['report'], 'missing APPEAL'],
      [['report', 'ua-34-25', 'extra'], 'unexpected argument "extra"'],
      [['report', 'ua-34-25', '--json'], 'unknown option --json'],
      [['backup'], 'missing FILE'],
      [['check', 'now'], 'unexpected argument "now"'],
      [['slack-manifest'], 'missing URL'],
      [['slack-manifest', 'https://bot.example.org?x=1'], 'query'],
      [['frobnicate'], 'unknown command "frobnicate"'],
    ] as const;
    for (const [argv, problem] of wrong) {
      const { seen, io } = capture({ DATA_DIR: dataDir });
      expect(await cli([...argv], io), argv.join(' ')).toBe(2);
      expect(seen.err).toContain(problem);
      expect(seen.err).toMatch(/--help/);
      expect(seen.err.trimEnd().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(seen.out).toBe('');
    }
    // Nothing was opened or written for a wrong command line: not even the store.
    expect(await stat(join(dataDir, 'actionbot.sqlite')).catch(() => undefined)).toBeUndefined();
  });

  it('says a failure in one line and exits 1', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['validate', join(dataDir, 'nothing.json')], io)).toBe(1);
    expect(seen.err).toMatch(/^actionbot validate: .*does not exist\n$/);
    const redis = capture({ DATA_DIR: dataDir, STORE_URL: 'redis://127.0.0.1:1', MEMBER_KEY_SECRET: 'x'.repeat(32) });
    expect(await cli(['backup', join(dataDir, 'b.sqlite')], redis.io)).toBe(1);
    expect(redis.seen.err).toMatch(/^actionbot backup: backup copies the SQLite store.*\n$/);
  });

  it('backs up into a folder that does not exist yet, creating it', async () => {
    const { seen, io } = capture({ DATA_DIR: dataDir });
    expect(await cli(['report', 'ua-34-25'], io)).toBe(0);
    const file = join(dataDir, 'backups', 'nested', 'copy.sqlite');
    expect(await cli(['backup', file], io)).toBe(0);
    expect(seen.out).toContain(`copied to ${file}`);
    expect((await readFile(file)).subarray(0, 15).toString()).toBe('SQLite format 3');
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
