import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN, TOKEN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { BotProcess, freePort } from './bot-process.js';
import { actedUpdates, auditStore, CRASH_SECRET, deliverRound, postUpdate, seeded, WEBHOOK_SECRET, type Update } from './crash-rig.js';

/** Members in the burst; LIFECYCLE_CRASH_MEMBERS changes it on another machine. */
const MEMBERS = Number(process.env.LIFECYCLE_CRASH_MEMBERS ?? 400);
/** A run is repeated exactly with the seed it printed (CRASH_SEED=...). */
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const GROUP_ID = -1001;
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('Telegram webhook redelivery after kill -9 in the middle of a burst', () => {
  let fake: FakeBotApi;
  let dataDir: string;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    fake = await FakeBotApi.start();
    fake.members.set(`${GROUP_ID}:${ADMIN.id}`, 'administrator');
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-tg-crash-'));
  });
  afterEach(async () => {
    bot?.signal('SIGKILL');
    await bot?.exited;
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const envFor = (port: number, crashAt?: string): Record<string, string> => ({
    DATA_DIR: dataDir,
    MEMBER_KEY_SECRET: CRASH_SECRET,
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...(crashAt ? { ACTIONBOT_CRASH_AT: crashAt } : {}),
  });

  /** Starts the bot and waits until Telegram's setWebhook call shows it listens. */
  async function start(port: number, crashAt?: string): Promise<BotProcess> {
    const calls = fake.callsOf('setWebhook').length;
    const started = new BotProcess(envFor(port, crashAt), 'node');
    const deadline = Date.now() + 30_000;
    while (fake.callsOf('setWebhook').length === calls) {
      if (Date.now() > deadline) throw new Error(`the bot did not start:\n${started.lines.join('\n')}`);
      if ((await started.exitWithin(25)) !== undefined) throw new Error(`the bot exited at start:\n${started.lines.join('\n')}`);
    }
    return started;
  }

  it(`counts each of ${MEMBERS} members once through a crash at each named point and a seeded kill`, async () => {
    const random = seeded(SEED);
    console.info(`telegram webhook crash test: CRASH_SEED=${SEED}`);
    const port = await freePort();
    bot = await start(port);
    expect(await postUpdate(port, messageUpdate(1, ADMIN, `/drive start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`))).toBe(true);
    expect(fake.textsTo(GROUP_ID).some((t) => t.includes('Drive started'))).toBe(true);
    bot.signal('SIGKILL');
    await bot.exited;

    let pending: Update[] = actedUpdates(MEMBERS, 100);
    // One round per named point (the kill comes from inside, at a seeded pass), one seeded kill from outside, then none.
    const rounds: Array<{ crashAt?: string; killAfter?: number }> = [
      { crashAt: `before-ledger-commit@${2 + Math.floor(random() * 8)}` },
      { crashAt: `after-ledger-commit@${2 + Math.floor(random() * 8)}` },
      { crashAt: `after-answer@${5 + Math.floor(random() * 30)}` },
      { killAfter: 10 + Math.floor(random() * 40) },
      {},
    ];
    const crashes: string[] = [];
    for (const round of rounds) {
      if (pending.length === 0) break;
      bot = await start(port, round.crashAt);
      const current = bot;
      let killed = false;
      pending = await deliverRound(port, pending, 16, (answered) => {
        if (round.killAfter !== undefined && !killed && answered >= round.killAfter) {
          killed = true;
          current.signal('SIGKILL');
        }
      });
      const exit = await current.exitWithin(round.crashAt || round.killAfter !== undefined ? 10_000 : 0);
      if (exit?.signal === 'SIGKILL') crashes.push(round.crashAt ?? `kill after ${round.killAfter}`);
      current.signal('SIGKILL');
      await current.exited;
    }
    // Every update was answered 200 in the end (Telegram stops sending it), and each crash happened.
    expect(pending).toEqual([]);
    expect(crashes.length).toBeGreaterThanOrEqual(4);

    const audit = await auditStore(`sqlite://${join(dataDir, 'actionbot.sqlite')}`, dataDir);
    const missing = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => audit.perMember.get(audit.keyOf(id)) !== 1);
    expect({ missing, actions: audit.actions, rows: audit.rows, members: audit.members }).toEqual({ missing: [], actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
  }, 120_000);
});
