import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { ADMIN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { REDELIVERY_AFTER_MS } from '../../src/commands/pipeline/steps.js';
import { freePort, type BotProcess } from './bot-process.js';
import { actedUpdates, auditStore, deliverRound, postUpdate, seeded, startWebhookBot, waitUntil, webhookEnv, type Update } from './crash-rig.js';

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

  const start = (port: number, crashAt?: string) => startWebhookBot(fake, webhookEnv(fake, dataDir, port, crashAt));

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
    let crashedAt = 0;
    for (const round of rounds) {
      if (pending.length === 0) break;
      bot = await start(port, round.crashAt);
      // Telegram sends a failed update again a while later, not at once: a claim committed just
      // before the crash is then old enough to be told from a twin, and its member is answered.
      await waitUntil(crashedAt, REDELIVERY_AFTER_MS);
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
      crashedAt = Date.now();
    }
    // Every update was answered 200 in the end (Telegram stops sending it), and each crash happened.
    expect(pending).toEqual([]);
    expect(crashes.length).toBeGreaterThanOrEqual(4);

    // Every member was answered, in a private message: "counted" once at most, or "already counted"
    // when the first answer died with the process (or was sent before the update was confirmed).
    const answers = (id: number) => fake.textsTo(id);
    const unanswered = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => !answers(id).some((t) => /is counted|was already counted/.test(t)));
    const countedTwice = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => answers(id).filter((t) => t.includes('is counted')).length > 1);
    expect({ unanswered, countedTwice }).toEqual({ unanswered: [], countedTwice: [] });
    const repeats = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => answers(id).some((t) => t.includes('was already counted'))).length;
    console.info(`telegram webhook crash test: ${repeats} member(s) answered as a repeat after a crash`);

    const audit = await auditStore(`sqlite://${join(dataDir, 'actionbot.sqlite')}`, dataDir);
    const missing = Array.from({ length: MEMBERS }, (_, i) => 10_000 + i).filter((id) => audit.perMember.get(audit.keyOf(id)) !== 1);
    expect({ missing, actions: audit.actions, rows: audit.rows, members: audit.members }).toEqual({ missing: [], actions: MEMBERS, rows: MEMBERS, members: MEMBERS });
  }, 120_000);
});
