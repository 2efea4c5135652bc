import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, freePort } from '../../lifecycle/bot-process.js';
import { testApp } from '../../support/app.js';
import { dueReminderZone } from '../../support/due-reminder.js';
import { typer } from '../../support/invoke.js';
import { FakeDiscord, shardFor, type RecordedRequest } from './fake-discord.js';
import { interact, slash, textOf } from './harness.js';

/** testApp's member-key secret: the bot processes must key members as the test's own app does. */
const SECRET = 'test-secret-0123456789abcdef-0123456789';
const MODERATOR = '3000000000000000009';

/** The first guild id from `from` on that lands on `shard` of `count` ((id >> 22) % count). */
function guildOnShard(shard: number, count: number, from = 1_000_000_000_000_000_001n): string {
  for (let id = from; ; id += 1n << 22n) if (shardFor(String(id), count) === shard) return String(id);
}

const GUILD_A = guildOnShard(0, 2);
const GUILD_B = guildOnShard(1, 2);
const CHANNEL_A = '1000000000000000102';
const CHANNEL_B = '1000000000000000202';

const messagesTo = (fake: FakeDiscord, channel: string): RecordedRequest[] => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`);

describe('Discord with DISCORD_SHARDS=auto: two shard processes on one SQLite store', () => {
  let fake: FakeDiscord;
  let dataDir: string;
  let bot: BotProcess | undefined;
  let web: string;

  /** The manager (`node dist/main.js`), running once it says so; `web` is its HTTP server. */
  async function startBot(): Promise<BotProcess> {
    const port = await freePort();
    web = `http://127.0.0.1:${port}`;
    const started = new BotProcess(
      {
        DATA_DIR: dataDir,
        STORE_URL: `sqlite://${join(dataDir, 'test.sqlite')}`,
        MEMBER_KEY_SECRET: SECRET,
        MODERATOR_IDS: `discord:${MODERATOR}`,
        LOG_LEVEL: 'info',
        DISCORD_TOKEN: 'fake-token',
        DISCORD_API_BASE: fake.apiBase,
        DISCORD_GUILD_ID: GUILD_A,
        DISCORD_SHARDS: 'auto',
        WEB_PORT: String(port),
      },
      'node',
    );
    await started.until(/actionbot is running/, 40_000);
    return started;
  }

  beforeAll(async () => {
    fake = new FakeDiscord();
    fake.recommendedShards = 2;
    // A large bot's identify buckets: the shards start a third of a second apart, not 5.5 s.
    fake.maxConcurrency = 16;
    await fake.start();
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-shards-'));

    // Before the bot starts: a drive in guild A whose reminder fell due ten minutes ago, scheduled
    // half an hour ago. Every process's scheduler finds it due at its start.
    const now = new Date();
    const { zone, date, tenMinutesAgo } = dueReminderZone(now);
    const seed = await testApp({ dataDir, now: new Date(now.getTime() - 30 * 60_000).toISOString() });
    const type = typer(seed.deps, `discord:${GUILD_A}/${CHANNEL_A}`);
    const moderator = { userId: MODERATOR, moderator: true, platform: 'discord' };
    expect((await type(moderator, `/drive start ua-34-25 goal=40 deadline=${date} timezone=${zone}`)).plain).toContain('Stop illegal expulsions');
    expect((await type(moderator, `/remind schedule 0d at=${tenMinutesAgo}`)).plain).not.toMatch(/skipped|already passed/i);
    await seed.close();

    bot = await startBot();
  }, 60_000);

  afterAll(async () => {
    bot?.signal('SIGKILL');
    await fake.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the recommended two shards, each identifying with its id, and registers the commands once', async () => {
    expect([...fake.identifies].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const commandCalls = fake.requests.filter((r) => r.path === `/applications/1100000000000000001/guilds/${GUILD_A}/commands`);
    expect(commandCalls.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const ready = await fetch(`${web}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, checks: { store: { ok: true }, discord: { ok: true } } });
  });

  it('posts the reminder that was due once, across the manager and both shards', async () => {
    await fake.waitFor((r) => r.path === `/channels/${CHANNEL_A}/messages` && textOf(r.body).includes('Reminder: '), 15_000);
    // Every process's scheduler has run its first pass by now: the manager's after both shards were up.
    expect(messagesTo(fake, CHANNEL_A).filter((r) => textOf(r.body).includes('Reminder: '))).toHaveLength(1);
  });

  it('answers interactions in guilds on both shards, counts them exactly, and posts the milestone once', async () => {
    const moderator = { userId: MODERATOR, moderator: true, guild: GUILD_B, channel: CHANNEL_B };
    const started = await interact(fake, slash('drive', { appeal: 'ua-34-25', deadline: '2030-01-31' }, moderator, 'start'), 15_000);
    expect(textOf(started.body)).toContain('Stop illegal expulsions');

    const members = Array.from({ length: 10 }, (_, i) => ({ userId: String(4000000000000000000n + BigInt(i)), ...(i % 2 === 0 ? { guild: GUILD_A, channel: CHANNEL_A } : { guild: GUILD_B, channel: CHANNEL_B }) }));
    const answers = await Promise.all(
      members.map(async (who) => {
        const acted = slash('acted', { method: 'email' }, who);
        const answer = await interact(fake, acted, 15_000);
        // Only the shard its guild belongs to received it, and it was answered once.
        expect(fake.deliveries.get(String(acted.id))).toEqual([shardFor(who.guild, 2)]);
        expect(fake.requests.filter((r) => r.path.endsWith(`/${String(acted.token)}/callback`))).toHaveLength(1);
        return textOf(answer.body);
      }),
    );
    expect(answers.filter((text) => /counted/i.test(text))).toHaveLength(10);
    expect(new Set([...fake.deliveries.values()].flat())).toEqual(new Set([0, 1]));

    const audit = await testApp({ dataDir });
    try {
      const tally = await audit.deps.ledger.tally('ua-34-25');
      expect({ actions: tally.actions, members: tally.members }).toEqual({ actions: 10, members: 10 });
      expect(tally.bySpace).toEqual({ [`discord:${GUILD_A}/${CHANNEL_A}`]: 5, [`discord:${GUILD_B}/${CHANNEL_B}`]: 5 });
      expect(await audit.deps.ledger.export('ua-34-25')).toHaveLength(10);
    } finally {
      await audit.close();
    }

    // 10 members of a goal of 40: the 25% milestone, posted by the manager's relay, once.
    // Within the relay's sweep (30 s) even if a shard's nudge were missed; on a quiet machine it comes in about a second.
    await fake.waitFor((r) => r.path === `/channels/${CHANNEL_A}/messages` && textOf(r.body).includes('of the goal reached'), 40_000).catch((error: Error) => {
      // What the processes said that was not routine: why the milestone did not come.
      const posts = fake.requests.filter((r) => r.path.includes('/messages')).map((r) => `${r.method} ${r.path}: ${textOf(r.body).slice(0, 60)}`);
      throw new Error(`${error.message}\nposts seen:\n${posts.join('\n')}\nthe bot's log:\n${bot!.lines.filter((l) => !/"msg":"command/.test(l)).slice(-40).join('\n')}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(messagesTo(fake, CHANNEL_A).filter((r) => textOf(r.body).includes('of the goal reached'))).toHaveLength(1);
    expect(messagesTo(fake, CHANNEL_B)).toHaveLength(0);

    // /metrics sums what the two shard processes counted.
    const metrics = await (await fetch(`${web}/metrics`)).text();
    expect(metrics).toContain('actionbot_actions_recorded_total{platform="discord",method="email"} 10');
  }, 90_000);

  it('stops the shards with the manager on SIGTERM, each draining on its own', async () => {
    bot!.signal('SIGTERM');
    expect(await bot!.exitWithin(20_000)).toEqual({ code: 0, signal: null });
    const stopped = bot!.lines.filter((line) => /"shard":\[\d\].*stopped \(SIGTERM\)/.test(line));
    expect(stopped).toHaveLength(2);
    expect(fake.sessions).toBe(0);
    bot = undefined;
  }, 30_000);

  it('takes its shards down with it when the manager is killed (no orphan keeps a gateway session)', async () => {
    bot = await startBot();
    expect(fake.sessions).toBe(2);
    bot.signal('SIGKILL');
    await bot.exitWithin(5_000);
    for (let i = 0; fake.sessions > 0 && i < 200; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.sessions).toBe(0);
    bot = undefined;
  }, 60_000);
});
