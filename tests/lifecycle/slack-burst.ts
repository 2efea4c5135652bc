import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { BUNDLED_APPEALS, createApp } from '../../src/app/app.js';
import { FakeSlackApi } from '../adapters/slack/fake-web-api.js';
import type { BotProcess } from './bot-process.js';
import { postSigned, slashBody } from '../adapters/slack/sign.js';

export const SECRET = 'lifecycle-signing-secret';
export const MEMBER_KEY_SECRET = 'lifecycle-secret-0123456789abcdef';

/** `at`: when the request was sent (ms since the epoch). */
export type Sent = { user: string; status: number | 'refused'; body: string; key: string; at: number };

/** What the bot needs to run Slack in HTTP mode against the fake, on `port`, with its data in `dataDir`. */
export function slackEnv(fake: FakeSlackApi, port: number, dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    MEMBER_KEY_SECRET,
    MODERATOR_IDS: 'slack:UMOD',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-lifecycle',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: String(port),
  };
}

/** One signed slash command; a refused or reset connection is 'refused' (never acknowledged). */
export async function slash(fake: FakeSlackApi, port: number, user: string, command: string, text: string, key: string): Promise<Sent> {
  const body = slashBody({
    team_id: 'T1',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    command,
    text,
    response_url: fake.responseUrl(key),
    trigger_id: `t-${key}`,
  });
  const at = Date.now();
  try {
    const response = await postSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET });
    return { user, status: response.status, body: await response.text(), key, at };
  } catch {
    return { user, status: 'refused', body: '', key, at };
  }
}

/**
 * Each member sends `/acted email`, `concurrency` at a time; `onSent` sees each answer as it comes.
 * Each `round` is a new delivery (a member typing it again), not Slack replaying the same one.
 */
export async function burst(fake: FakeSlackApi, port: number, users: string[], concurrency: number, onSent?: (sent: Sent, done: number) => void, round = 1): Promise<Sent[]> {
  const results: Sent[] = [];
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      const sent = await slash(fake, port, user, '/acted', 'email', `acted-${round}-${user}`);
      results.push(sent);
      onSent?.(sent, results.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** A deadline a month from now, as a drive takes it. */
export const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Opens the data folder the bot used, as a restart would, and returns who is in the audit. */
export async function audit(dataDir: string): Promise<{ keyOf: (user: string) => string; keys: Set<string>; rows: number; actions: number; members: number }> {
  const app = await createApp({
    storeUrl: `sqlite://${join(dataDir, 'actionbot.sqlite')}`,
    dataDir,
    appealsDir: BUNDLED_APPEALS,
    memberKeySecret: MEMBER_KEY_SECRET,
    moderatorIds: [],
    defaultTimezone: 'UTC',
  });
  try {
    const rows = await app.deps.ledger.export('ua-34-25');
    const tally = await app.deps.ledger.tally('ua-34-25');
    return { keyOf: (user) => app.deps.memberKey('slack', user), keys: new Set(rows.map((r) => r.member)), rows: rows.length, actions: tally.actions, members: tally.members };
  } finally {
    await app.close();
  }
}

/** What the member heard back: the ack's body, or what came on the response_url. */
export const answerOf = (fake: FakeSlackApi, sent: Sent): string => (sent.body.startsWith('{') ? sent.body : JSON.stringify(fake.answersTo(sent.key)));

/** Members U00000, U00001, ... */
export const members = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `U${String(from + i).padStart(5, '0')}`);

/** Each test's data folder and fake Slack, and the bot it starts, killed after it whatever happened. */
export function slackBurstRig(name: string): { dataDir: string; fake: FakeSlackApi; bot?: BotProcess } {
  const rig = {} as { dataDir: string; fake: FakeSlackApi; bot?: BotProcess };
  beforeEach(async () => {
    rig.dataDir = await mkdtemp(join(tmpdir(), `actionbot-${name}-`));
    rig.fake = new FakeSlackApi();
    rig.bot = undefined;
    await rig.fake.start();
  });
  afterEach(async () => {
    rig.bot?.signal('SIGKILL');
    await rig.fake.close();
    await rm(rig.dataDir, { recursive: true, force: true });
  });
  return rig;
}
