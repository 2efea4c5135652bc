// actionbot against the bare-SDK bots of bench/bare/, each in its own process, driven by the same
// loopback fake and the same load in the same run. Latencies are measured from this process.
import { Worker } from 'node:worker_threads';
import { FakeSlackApi } from '../tests/adapters/slack/fake-web-api.js';
import { FakeDiscord } from '../tests/adapters/discord/fake-discord.js';
import { GUILD, slash } from '../tests/adapters/discord/harness.js';
import { slackSignature, slashBody } from '../tests/adapters/slack/sign.js';
import { FakeBotApi } from '../tests/adapters/telegram/fake-bot-api.js';
import { GROUP, messageUpdate } from '../tests/adapters/telegram/updates.js';
import { freePort, startBot, until, type BotKind, type BotProcess } from './bot-process.js';
import { summarize, type BenchLine } from './lib.js';

const BURST = 100;
const DEADLINE = 'deadline=2030-01-31';
const prefix = (kind: BotKind) => (kind === 'bare' ? 'bare.' : '');

/** Sends every request at once; each one's time to its HTTP answer (ms) and the answer's body. */
async function burst(requests: Array<() => Promise<Response>>): Promise<Array<{ ms: number; body: string }>> {
  return Promise.all(
    requests.map(async (send) => {
      const t0 = performance.now();
      const response = await send();
      const body = await response.text();
      if (response.status !== 200) throw new Error(`answered ${response.status}`);
      return { ms: performance.now() - t0, body };
    }),
  );
}

/** A Slack ack that carries the answer itself (actionbot answers a recording command in its ack once committed). */
const answeredInAck = (body: string) => /"text"|"blocks"/.test(body);

const TELEGRAM_SECRET = 'bench-webhook-secret';

/** `telegram.group_burst`: 100 members type /acted in one group; time until all are counted, and the posts the group saw. */
export async function telegramGroupBurst(kind: BotKind): Promise<BenchLine> {
  const fake = await FakeBotApi.start();
  fake.members.set(`${GROUP.id}:1`, 'administrator');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/tg`;
  const bot = await startBot(kind, { TELEGRAM_BOT_TOKEN: '123456:bench', TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_PORT: String(port), TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET });
  const post = (update: object) => () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }, body: JSON.stringify(update) });
  const groupPosts = () => fake.calls.filter((c) => /^send(Message|Photo|Document)$/.test(c.method) && Number(c.payload.chat_id) === GROUP.id).length;
  try {
    await burst([post(messageUpdate(1, { id: 1 }, `/drive start ua-34-25 goal=500 ${DEADLINE}`))]);
    await until(() => groupPosts() > 0, 10_000, 'the drive to start');
    const before = groupPosts();
    const started = performance.now();
    const latencies = burst(Array.from({ length: BURST }, (_, i) => post(messageUpdate(100 + i, { id: 10_000 + i }, '/acted email'))));
    // A failed request ends the measurement (below) rather than going unhandled while we wait.
    const counted = await Promise.race([until(async () => (await bot.counted('telegram')) >= BURST, 60_000, 'every /acted to be counted'), latencies.then(() => new Promise<never>(() => undefined))]);
    const answered = (await latencies).map((a) => a.ms);
    // Posts that follow the burst (coalesced progress, milestones) belong to it: wait for them.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return summarize(`${prefix(kind)}telegram.group_burst`, answered, counted - started, { all_counted_ms: Math.round(counted - started), group_posts: groupPosts() - before, counted: await bot.counted('telegram') });
  } finally {
    await bot.stop();
    await fake.close();
  }
}

const SLACK_SECRET = 'bench-signing-secret';

/** The fake Slack on its own thread: the answers it has taken whose key starts with a prefix. */
async function slackFakeThread(): Promise<{ apiUrl: string; responseUrl(key: string): string; answered(prefix: string): Promise<number>; close(): Promise<number> }> {
  const worker = new Worker(new URL('./ts-thread.js', import.meta.url), { workerData: { file: new URL('./slack-fake-thread.ts', import.meta.url).href } });
  const { apiUrl, responseBase } = await new Promise<{ apiUrl: string; responseBase: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<number, (count: number) => void>();
  worker.on('message', (message: { id?: number; count?: number }) => {
    if (message.id !== undefined) waiting.get(message.id)?.(message.count!);
    waiting.delete(message.id!);
  });
  return {
    apiUrl,
    responseUrl: (key) => `${responseBase}${key}`,
    answered: (prefix) =>
      new Promise((resolve) => {
        const id = next++;
        waiting.set(id, resolve);
        worker.postMessage({ id, prefix });
      }),
    close: () => worker.terminate(),
  };
}

/**
 * `slack.ack`: the first burst of 100 /acted after the start (cold), then another 100 (warm). The
 * fake Slack runs on its own thread, so the bot's calls to it (users.info, response_url) take no
 * time from the load's event loop, for either bot.
 */
export async function slackAck(kind: BotKind): Promise<BenchLine[]> {
  const fake = await slackFakeThread();
  const port = await freePort();
  const events = `http://127.0.0.1:${port}/slack/events`;
  const bot = await startBot(kind, { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: fake.apiUrl, SLACK_PORT: String(port), MODERATOR_IDS: 'slack:UMOD' });
  const command = (user: string, name: string, text: string, key: string) => () => {
    const body = slashBody({ team_id: 'T1', channel_id: 'C1', channel_name: 'general', user_id: user, command: name, text, response_url: fake.responseUrl(key), trigger_id: `t-${key}` });
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(events, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SLACK_SECRET, timestamp, body) }, body });
  };
  const lines: BenchLine[] = [];
  try {
    await burst([command('UMOD', '/drive', `start ua-34-25 goal=500 ${DEADLINE}`, 'start')]);
    await until(async () => (await fake.answered('start')) > 0, 10_000, 'the drive to start');
    for (const phase of ['cold', 'warm'] as const) {
      const offset = phase === 'cold' ? 0 : BURST;
      const started = performance.now();
      const acks = await burst(Array.from({ length: BURST }, (_, i) => command(`U${offset + i}`, '/acted', 'email', `${phase}${i}`)));
      const counted = await until(async () => (await bot.counted('slack')) >= offset + BURST, 60_000, 'every /acted to be counted');
      // Every member has an answer: in the ack, or on the response_url.
      const inAck = acks.filter((a) => answeredInAck(a.body)).length;
      await until(async () => inAck + (await fake.answered(phase)) >= BURST, 60_000, 'every member to have an answer');
      const answered = performance.now() - started;
      lines.push(summarize(`${prefix(kind)}slack.ack.${phase}`, acks.map((a) => a.ms), answered, { all_counted_ms: Math.round(counted - started), all_answered_ms: Math.round(answered), answered_in_ack: inAck }));
    }
    return lines;
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/** `discord.interaction`: 100 /acted slash commands at once from the gateway; time to each first answer. */
export async function discordInteraction(kind: BotKind): Promise<BenchLine> {
  const fake = new FakeDiscord();
  await fake.start();
  const bot = await startBot(kind, { DISCORD_TOKEN: 'bench-token', DISCORD_GUILD_ID: GUILD, DISCORD_API_BASE: fake.apiBase });
  const callback = (i: Record<string, unknown>) => (r: { path: string }) => r.path === `/interactions/${String(i.id)}/${String(i.token)}/callback`;
  try {
    const start = slash('drive', { appeal: 'ua-34-25', goal: 500, deadline: '2030-01-31' }, { userId: '1', moderator: true }, 'start');
    fake.dispatch('INTERACTION_CREATE', start);
    await fake.waitFor(callback(start), 10_000);
    const commands = Array.from({ length: BURST }, (_, i) => slash('acted', { method: 'email' }, { userId: String(7000000000000000000n + BigInt(i)) }));
    const began = performance.now();
    const sentAt = commands.map((c) => {
      const at = performance.now();
      fake.dispatch('INTERACTION_CREATE', c);
      return at;
    });
    const answers = await Promise.all(commands.map((c) => fake.waitFor(callback(c), 30_000)));
    const latencies = answers.map((a, i) => a.at - sentAt[i]!);
    const counted = await until(async () => (await bot.counted('discord')) >= BURST, 30_000, 'every /acted to be counted');
    return summarize(`${prefix(kind)}discord.interaction`, latencies, Math.max(...answers.map((a) => a.at)) - began, { all_counted_ms: Math.round(counted - began) });
  } finally {
    await bot.stop();
    await fake.stop();
  }
}

/**
 * `start.first_answer` and `rss.idle`: the bot with all three platforms (actionbot also with its
 * HTTP server): spawn to the first Slack answer, then resident memory after 2 s idle.
 */
export async function startAndMemory(kind: BotKind): Promise<BenchLine[]> {
  const telegram = await FakeBotApi.start();
  const slack = new FakeSlackApi();
  await slack.start();
  const discord = new FakeDiscord();
  await discord.start();
  const [slackPort, webPort] = [await freePort(), await freePort()];
  let bot: BotProcess | undefined;
  try {
    bot = await startBot(kind, {
      TELEGRAM_BOT_TOKEN: '123456:bench',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: String(slackPort),
      DISCORD_TOKEN: 'bench-token',
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_BASE: discord.apiBase,
      WEB_PORT: String(webPort),
    });
    const body = slashBody({ team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/help', text: '', response_url: slack.responseUrl('first'), trigger_id: 't-first' });
    const timestamp = Math.floor(Date.now() / 1000);
    await fetch(`http://127.0.0.1:${slackPort}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SLACK_SECRET, timestamp, body) }, body });
    const answered = await until(() => slack.answersTo('first').length > 0, 10_000, 'the first answer');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = await bot.rssMb();
    const firstMs = Math.round(answered - bot.spawnedAt);
    return [
      { name: `${prefix(kind)}start.first_answer`, n: 1, ops_per_s: 0, p50_ms: firstMs, p99_ms: firstMs, up_ms: Math.round(bot.readyAt - bot.spawnedAt), platforms: 3 },
      { name: `${prefix(kind)}rss.idle`, n: 1, ops_per_s: 0, p50_ms: 0, p99_ms: 0, rss_mb: Number(rss.toFixed(1)), platforms: 3, http_server: kind === 'actionbot' },
    ];
  } finally {
    await bot?.stop();
    await Promise.all([telegram.close(), slack.close(), discord.stop()]);
  }
}
