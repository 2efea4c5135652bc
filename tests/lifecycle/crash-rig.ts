import { BUNDLED_APPEALS, createApp } from '../../src/app/app.js';
import type { FakeBotApi } from '../adapters/telegram/fake-bot-api.js';
import { TOKEN } from '../adapters/telegram/harness.js';
import { messageUpdate } from '../adapters/telegram/updates.js';
import { BotProcess } from './bot-process.js';

/** The member-key secret the bot processes of these tests share with their audit. */
export const CRASH_SECRET = 'crash-tests-secret-0123456789abcdef';
export const WEBHOOK_SECRET = 'crash-tests-webhook-secret';

/** The bot's environment behind a webhook on `port`, its store in `dataDir`, a crash point armed or not. */
export function webhookEnv(fake: FakeBotApi, dataDir: string, port: number, crashAt?: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    MEMBER_KEY_SECRET: CRASH_SECRET,
    LOG_LEVEL: 'warn',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg`,
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...(crashAt ? { ACTIONBOT_CRASH_AT: crashAt } : {}),
  };
}

/** Starts the bot as a bare Node process and waits until Telegram's setWebhook call shows it listens. */
export async function startWebhookBot(fake: FakeBotApi, env: Record<string, string>): Promise<BotProcess> {
  const calls = fake.callsOf('setWebhook').length;
  const started = new BotProcess(env, 'node');
  const deadline = Date.now() + 30_000;
  while (fake.callsOf('setWebhook').length === calls) {
    if (Date.now() > deadline) throw new Error(`the bot did not start:\n${started.lines.join('\n')}`);
    if ((await started.exitWithin(25)) !== undefined) throw new Error(`the bot exited at start:\n${started.lines.join('\n')}`);
  }
  return started;
}

/** Resolves once `at + ms` has passed: Telegram sends an update again only a while after it failed. */
export async function waitUntil(at: number, ms: number): Promise<void> {
  const left = at + ms - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

/** A small seeded generator (mulberry32): a failing run is repeated with the seed it printed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Update = { update_id: number };

/** POSTs one update as Telegram does; true only for an HTTP 200 (anything else is sent again later). */
export async function postUpdate(port: number, update: Update): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/tg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(20_000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Telegram's side of a webhook: every update is sent, `concurrency` at a time, and those not
 * answered 200 (the bot died, or refused) are returned, to be sent again once it is back.
 * `onAnswered` sees the count of 200s as they come (a test kills the bot from there).
 */
export async function deliverRound(port: number, updates: readonly Update[], concurrency: number, onAnswered?: (answered: number) => void): Promise<Update[]> {
  const left: Update[] = [];
  let next = 0;
  let answered = 0;
  const worker = async () => {
    while (next < updates.length) {
      const update = updates[next++]!;
      if (await postUpdate(port, update)) onAnswered?.(++answered);
      else left.push(update);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return left.sort((a, b) => a.update_id - b.update_id);
}

/** `/acted email` typed in the group by each of `count` members (ids 10,000 on), as update ids `from` on. */
export function actedUpdates(count: number, from: number): Array<ReturnType<typeof messageUpdate>> {
  return Array.from({ length: count }, (_, i) => messageUpdate(from + i, { id: 10_000 + i }, '/acted email'));
}

/**
 * Opens the store the bots used, as a restart would: the tally, the audit rows, and how many times
 * each member appears in them.
 */
export async function auditStore(storeUrl: string, dataDir: string, storePrefix?: string): Promise<{ actions: number; members: number; rows: number; perMember: Map<string, number>; keyOf: (id: number) => string }> {
  const app = await createApp(
    { storeUrl, dataDir, appealsDir: BUNDLED_APPEALS, memberKeySecret: CRASH_SECRET, moderatorIds: [], defaultTimezone: 'UTC' },
    { storePrefix },
  );
  try {
    const rows = await app.deps.ledger.export('ua-34-25');
    const tally = await app.deps.ledger.tally('ua-34-25');
    const perMember = new Map<string, number>();
    for (const row of rows) perMember.set(row.member, (perMember.get(row.member) ?? 0) + 1);
    return { actions: tally.actions, members: tally.members, rows: rows.length, perMember, keyOf: (id) => app.deps.memberKey('telegram', String(id)) };
  } finally {
    await app.close();
  }
}
