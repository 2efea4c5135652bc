import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN, TOKEN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { BotProcess } from './bot-process.js';
import { actedUpdates, auditStore, CRASH_SECRET, seeded } from './crash-rig.js';

const MEMBERS = Number(process.env.LIFECYCLE_CRASH_MEMBERS ?? 400);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
const GROUP_ID = -1001;
const FIRST_ID = 100;
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function until(done: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Telegram long polling through kill -9 in the middle of a burst', () => {
  let fake: FakeBotApi;
  let dataDir: string;
  let bot: BotProcess | undefined;

  beforeEach(async () => {
    fake = await FakeBotApi.start();
    fake.members.set(`${GROUP_ID}:${ADMIN.id}`, 'administrator');
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-tg-poll-'));
  });
  afterEach(async () => {
    bot?.signal('SIGKILL');
    await bot?.exited;
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async (crashAt?: string): Promise<BotProcess> => {
    const polls = fake.getUpdatesCalls;
    const started = new BotProcess(
      {
        DATA_DIR: dataDir,
        MEMBER_KEY_SECRET: CRASH_SECRET,
        LOG_LEVEL: 'warn',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        ...(crashAt ? { ACTIONBOT_CRASH_AT: crashAt } : {}),
      },
      'node',
    );
    await until(() => fake.getUpdatesCalls > polls || started.lines.some((l) => l.includes('could not start')), 'the first getUpdates');
    return started;
  };
  const answeredMembers = () => fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) >= 10_000).length;

  it(`counts each of ${MEMBERS} members once and answers each: updates fetched but not handled come back after each crash`, async () => {
    const random = seeded(SEED);
    console.info(`telegram polling crash test: CRASH_SEED=${SEED}`);
    bot = await start();
    fake.push(messageUpdate(1, ADMIN, `/drive start ua-34-25 goal=${MEMBERS} deadline=${inAMonth()}`));
    await until(() => fake.textsTo(GROUP_ID).some((t) => t.includes('Drive started')), 'the drive');
    bot.signal('SIGKILL');
    await bot.exited;

    fake.push(...actedUpdates(MEMBERS, FIRST_ID));
    const last = FIRST_ID + MEMBERS - 1;
    const crashes: string[] = [];
    // Two crashes from inside (at a seeded pass of a named point: a pass is one ledger batch, and a
    // fetch of 100 updates makes few), one seeded kill from outside, then none.
    const rounds: Array<{ crashAt?: string; killAfter?: number }> = [
      { crashAt: `after-ledger-commit@${1 + Math.floor(random() * 2)}` },
      { crashAt: `before-ledger-commit@${1 + Math.floor(random() * 2)}` },
      { killAfter: 10 + Math.floor(random() * 40) },
      {},
    ];
    for (const round of rounds) {
      bot = await start(round.crashAt);
      if (round.crashAt) {
        const exit = await bot.exitWithin(30_000);
        if (exit?.signal === 'SIGKILL') crashes.push(round.crashAt);
        else bot.signal('SIGKILL');
      } else if (round.killAfter !== undefined) {
        const from = answeredMembers();
        await until(() => answeredMembers() >= from + round.killAfter! || fake.confirmedOffset > last, 'answers before the kill');
        bot.signal('SIGKILL');
        crashes.push(`kill after ${round.killAfter}`);
      } else {
        // Everything is confirmed only once handled.
        await until(() => fake.confirmedOffset > last, 'every update confirmed');
        bot.signal('SIGTERM');
      }
      await bot.exited;
    }
    expect(crashes).toHaveLength(3);
    // A member whose action committed just before a crash hears "already counted" after it: nobody is left without an answer.
    const told = new Set(fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) >= 10_000).map((c) => Number(c.payload.chat_id)));
    expect(told.size).toBe(MEMBERS);
    const audit = await auditStore(`sqlite://${join(dataDir, 'actionbot.sqlite')}`, dataDir);
    const missing = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => audit.perMember.get(audit.keyOf(id)) !== 1);
    expect({ missing, actions: audit.actions, rows: audit.rows, members: audit.members }).toEqual({ missing: [], actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
  }, 120_000);
});
