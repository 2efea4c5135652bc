import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/commands/index.js';
import { expectWithinLimits, textOf } from './blocks.js';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'UADMIN';
const START = 'start ua-34-25 goal=500 deadline=2030-01-31';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  h.fake.admins.add(ADMIN);
});

afterEach(async () => {
  await h.close();
});

async function startDrive(): Promise<void> {
  const { status, key } = await h.slash(ADMIN, 'drive', START);
  expect(status).toBe(200);
  await h.answers(key);
}

const tally = () => h.app.deps.ledger.tally('ua-34-25');

describe('Slack adapter: slash commands', () => {
  it('acks every command with a 200: recording ones answer in the ack once committed, the others on their response_url', async () => {
    await startDrive();
    const lines: Record<string, string> = { drive: 'list', remind: 'now', acted: 'email', undo: 'email', forgetme: '' };
    for (const command of commands) {
      const { status, body, key } = await h.slash(ADMIN, command.name, lines[command.name] ?? '');
      expect(status, command.name).toBe(200);
      if (['acted', 'undo'].includes(command.name)) expect(JSON.parse(body).text, command.name).toMatch(command.name === 'acted' ? /Thank you/ : /taken back|removed|undone/i);
      else expect(body, command.name).toBe('');
      const answers = await h.answers(key);
      for (const answer of answers) expectWithinLimits(answer);
      expect(textOf(answers[0]!).trim().length, command.name).toBeGreaterThan(0);
      expect(h.logger.entries.filter((e) => e.level === 'error'), command.name).toEqual([]);
    }
  });

  it('answers private replies ephemerally and public ones in the channel', async () => {
    const started = await h.slash(ADMIN, 'drive', START);
    const [startAnswer] = await h.answers(started.key);
    expect(startAnswer!.response_type).toBe('in_channel');
    const letter = await h.slash('UMEMBER', 'letter');
    const [letterAnswer] = await h.answers(letter.key);
    expect(letterAnswer!.response_type).toBe('ephemeral');
    expect(letterAnswer!.replace_original).toBe(false);
  });

  it('refuses /drive start to a member who is not a workspace admin, and lets an admin start it', async () => {
    const refused = await h.slash('UMEMBER', 'drive', START);
    const [refusal] = await h.answers(refused.key);
    expect(refusal!.response_type).toBe('ephemeral');
    expect(textOf(refusal!)).toMatch(/moderator/i);
    expect(await h.app.deps.drives.listIn('slack:T1/C1')).toEqual([]);
    expect(h.fake.callsTo('users.info').map((c) => c.args.user)).toContain('UMEMBER');

    await startDrive();
    const acted = await h.slash('UMEMBER', 'acted', 'email');
    await h.answers(acted.key);
    expect((await tally()).actions).toBe(1);
  });

  it('refuses a moderator command clearly when users.info fails', async () => {
    h.fake.failUsersInfo = true;
    const { key } = await h.slash(ADMIN, 'drive', START);
    const [answer] = await h.answers(key);
    expect(answer!.response_type).toBe('ephemeral');
    expect(textOf(answer!)).toMatch(/moderator/i);
    const progress = await h.slash('UMEMBER', 'acted', 'email');
    const [noDrive] = await h.answers(progress.key);
    expect(textOf(noDrive!)).not.toMatch(/recorded/i);
  });

  it('takes MODERATOR_IDS entries as moderators without asking Slack', async () => {
    await h.close();
    h = await startHarness({ moderatorIds: ['slack:UOPS'] });
    const { key } = await h.slash('UOPS', 'drive', START);
    const [answer] = await h.answers(key);
    expect(answer!.response_type).toBe('in_channel');
    // users.info is asked for the member's language only, never for moderator rights.
    expect(h.fake.callsTo('users.info').filter((c) => !c.args.include_locale)).toEqual([]);
  });

  it('counts a retried slash command (X-Slack-Retry-Num: 1) once and answers it once', async () => {
    await startDrive();
    const first = await h.slash('UMEMBER', 'acted', 'email', { trigger: 'same-trigger' });
    const retry = await h.slash('UMEMBER', 'acted', 'email', { trigger: 'same-trigger', retryNum: 1 });
    // The same delivery without a retry header (a proxy replaying it) is stopped by the claim.
    const replay = await h.slash('UMEMBER', 'acted', 'email', { trigger: 'same-trigger' });
    expect([first.status, retry.status, replay.status]).toEqual([200, 200, 200]);
    expect([retry.body, replay.body]).toEqual(['', '']);
    await h.answers(first.key);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.answersTo(retry.key)).toEqual([]);
    expect(h.fake.answersTo(replay.key)).toEqual([]);
    expect((await tally()).actions).toBe(1);
  });

  it('acknowledges 100 concurrent slash commands and counts all 100 members', async () => {
    await startDrive();
    const sent = await Promise.all(Array.from({ length: 100 }, (_, i) => h.slash(`U${String(i).padStart(4, '0')}`, 'acted', 'email')));
    expect(sent.map((s) => s.status)).toEqual(Array(100).fill(200));
    await Promise.all(sent.map((s) => h.answers(s.key)));
    const t = await tally();
    expect(t.actions).toBe(100);
    expect(t.members).toBe(100);
  }, 20_000);
});

describe('Slack adapter: acks before answers', () => {
  /** A request whose headers have arrived and whose body never will: open until the socket goes. */
  async function openRequest(): Promise<Socket> {
    const { port } = new URL(h.eventsUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntoken=');
    await new Promise((resolve) => setTimeout(resolve, 20));
    return socket;
  }

  it('holds an answer for the response_url while another request is still waiting for its ack, and sends it when that one is done', async () => {
    await startDrive();
    const open = await openRequest();
    const sent = Date.now();
    const { status, body, key } = await h.slash('U1', 'help');
    expect({ status, body }).toEqual({ status: 200, body: '' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closedAt = Date.now();
    open.destroy();
    expect(textOf((await h.answers(key))[0]!)).toMatch(/letter/i);
    // Sent once the other request closed (or, on a machine slow enough, at the 500 ms bound), never at once.
    const answered = h.fake.responses.find((r) => r.key === key)!.at;
    expect(answered).toBeGreaterThanOrEqual(Math.min(closedAt, sent + 500));
  });

  it('holds it half a second at most, however long requests keep coming', async () => {
    await startDrive();
    const open = await openRequest();
    try {
      const sent = Date.now();
      const { key } = await h.slash('U1', 'help');
      await h.answers(key);
      expect(Date.now() - sent).toBeGreaterThanOrEqual(450);
      expect(Date.now() - sent).toBeLessThan(3000);
    } finally {
      open.destroy();
    }
  });
});

describe('Slack adapter: requests that are not from Slack', () => {
  it('rejects a forged signature and a stale timestamp with 401 and records nothing', async () => {
    await startDrive();
    const forged = await h.slash('UMEMBER', 'acted', 'email', { signature: `v0=${'0'.repeat(64)}` });
    const wrongSecret = await h.slash('UMEMBER', 'acted', 'email', { secret: 'not-the-secret' });
    const stale = await h.slash('UMEMBER', 'acted', 'email', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const r of [forged, wrongSecret, stale]) expect(h.fake.answersTo(r.key)).toEqual([]);
    expect((await tally()).actions).toBe(0);
  });
});
