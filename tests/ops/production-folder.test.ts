import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../adapters/discord/fake-discord.js';
import { GUILD, slash } from '../adapters/discord/harness.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import { postSigned, slashBody } from '../adapters/slack/sign.js';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { freePort } from '../support/ports.js';

const run = promisify(execFile);
const ROOT = process.cwd();

/**
 * What the Dockerfile's last stage holds, built the way its build stage builds it: the bundle, the
 * bundled appeals, package.json and node_modules pruned to production dependencies (native modules
 * as the build compiled them). No src/, no tsx at run time, no dev dependency.
 */
describe('the compiled bot in a folder with production dependencies only', () => {
  let folder: string;
  let dataDir: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'actionbot-image-'));
    dataDir = join(folder, 'data');
    await run(process.execPath, ['scripts/build.js', '--outdir', join(folder, 'dist')], { cwd: ROOT });
    await run('cp', ['-a', 'package.json', 'package-lock.json', 'appeals', folder], { cwd: ROOT });
    // The real folder, even when node_modules is a link: prune must only ever touch the copy.
    await run('cp', ['-a', `${await realpath(join(ROOT, 'node_modules'))}/.`, join(folder, 'node_modules')]);
    await run('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: folder });
  }, 240_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('holds no dev dependency and no TypeScript source', async () => {
    const modules = await readdir(join(folder, 'node_modules'));
    expect(modules).toContain('better-sqlite3');
    expect(modules).not.toContain('vitest');
    expect(modules).not.toContain('typescript');
    // Build tools are dev dependencies: the image runs dist/ and never compiles.
    expect(modules).not.toContain('tsx');
    expect(modules).not.toContain('esbuild');
    expect(await readdir(folder)).not.toContain('src');
  });

  it('starts from dist/main.js and answers, on the embedded store', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: folder, env: { PATH: process.env.PATH, DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.end('/drive start ua-34-25 goal=10 deadline=2030-01-31\n/acted email\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Drive started');
    expect(out).toContain('1 action by 1 member');
    expect(await readdir(dataDir)).toContain('actionbot.sqlite');
  });

  it('answers on Telegram, Slack and Discord from the bundle', async () => {
    const telegram = await FakeBotApi.start();
    const slack = new FakeSlackApi();
    await slack.start();
    const discord = new FakeDiscord();
    await discord.start();
    const slackPort = await freePort();
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: join(folder, 'data-platforms'),
        TELEGRAM_BOT_TOKEN: '123456:bundle-test',
        TELEGRAM_API_ROOT: telegram.apiRoot,
        SLACK_BOT_TOKEN: 'xoxb-bundle-test',
        SLACK_SIGNING_SECRET: 'bundle-test-secret',
        SLACK_API_URL: slack.apiUrl,
        SLACK_PORT: String(slackPort),
        DISCORD_TOKEN: 'bundle-test',
        DISCORD_GUILD_ID: GUILD,
        DISCORD_API_BASE: discord.apiBase,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    try {
      await until(() => err.includes('"actionbot is running"'), 30_000, () => err);
      telegram.push(messageUpdate(1, { id: 5 }, '/help', 'dm'));
      const body = slashBody({ team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/help', text: '', response_url: slack.responseUrl('help'), trigger_id: 't-help' });
      expect((await postSigned(`http://127.0.0.1:${slackPort}/slack/events`, body, { secret: 'bundle-test-secret' })).status).toBe(200);
      const help = slash('help');
      discord.dispatch('INTERACTION_CREATE', help);
      await discord.waitFor((r) => r.path === `/interactions/${String(help.id)}/${String(help.token)}/callback`, 10_000);
      await slack.until(() => slack.answersTo('help').length > 0);
      await until(() => telegram.textsTo(5).length > 0, 10_000, () => err);
      expect(telegram.textsTo(5)[0]).toContain('/letter');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await Promise.all([telegram.close(), slack.close(), discord.stop()]);
    }
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs: number, detail: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; the bot said: ${detail().slice(-1000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
