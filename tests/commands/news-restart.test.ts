import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { wireEvents } from '../../src/app/event-wiring.js';
import { startedEvents, type TestEvents } from '../support/events.js';
import { RecordingLogger } from '../support/logger.js';
import { FakeTimer } from '../support/notifier.js';
import { typer } from '../support/invoke.js';
import { RecordingNotifier } from '../support/notifier.js';

const group = 'telegram:-100111';

/** A Telegram notifier whose `hangAt`-th private message never finishes: the process stops there. */
class HangingNotifier extends RecordingNotifier {
  private sends = 0;
  release?: (error: Error) => void;
  reached?: Promise<void>;
  private reachedNow?: () => void;

  constructor(private readonly hangAt: number) {
    super('telegram');
    this.reached = new Promise((resolve) => (this.reachedNow = resolve));
  }

  override async sendToMember(userId: string, reply: Reply): Promise<void> {
    this.sends += 1;
    if (this.sends === this.hangAt) {
      this.reachedNow!();
      await new Promise<void>((_, reject) => (this.release = reject));
    }
    await super.sendToMember(userId, reply);
  }
}

describe('a restart in the middle of a news delivery', () => {
  const apps: TestApp[] = [];
  const events: TestEvents[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const e of events.splice(0)) await e.stop().catch(() => undefined);
    for (const a of apps.splice(0)) await a.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers each follower once: what the first process sent is not sent again, the rest is', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-news-restart-'));
    const first = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    apps.push(first);
    const hanging = new HangingNotifier(3);
    const firstEvents = await startedEvents(first, [hanging]);
    events.push(firstEvents);
    const type = typer(first.deps, group);
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/drive start ua-34-25 deadline=2026-12-20');
    const members = ['6001', '6002', '6003', '6004', '6005', '6006'];
    for (const userId of members) {
      await type({ userId, platform: 'telegram' }, '/acted email');
      await type({ userId, platform: 'telegram' }, '/follow');
    }
    await firstEvents.settle();
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/news post ua-34-25 text="Update"');
    // The first process sends two, then stops in the middle of the third.
    void firstEvents.settle();
    await hanging.reached;
    const sentBefore = hanging.posts.filter((p) => p.kind === 'member').map((p) => p.to);
    expect(sentBefore).toHaveLength(2);

    // Another process on the same store, six minutes later: the first one's leases have run out.
    const second = await testApp({ dataDir, now: '2026-12-01T10:06:00Z' });
    apps.push(second);
    const after = new RecordingNotifier('telegram');
    events.push(await startedEvents(second, [after]));
    const sentAfter = after.posts.filter((p) => p.kind === 'member').map((p) => p.to);
    expect([...sentBefore, ...sentAfter].sort()).toEqual(members);
    // The group's one post was made before the stop, and is not made again.
    expect(after.posts.filter((p) => p.kind === 'space')).toHaveLength(0);
    expect(await second.deps.outbox.count()).toBe(0);
    hanging.release!(new Error('the process was gone'));
  });

  it('leaves a follower and a group on a platform this process does not run for a process that runs it', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-news-platforms-'));
    const shellOnly = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    apps.push(shellOnly);
    const terminal = new RecordingNotifier('shell');
    const terminalEvents = await startedEvents(shellOnly, [terminal]);
    events.push(terminalEvents);
    const type = typer(shellOnly.deps, group);
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/drive start ua-34-25 deadline=2026-12-20');
    await type({ userId: '7001', platform: 'telegram' }, '/follow');
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/news post ua-34-25 text="Update"');
    await terminalEvents.settle();
    expect(terminal.posts).toHaveLength(0);
    expect(await shellOnly.deps.outbox.count()).toBe(1);
    await terminalEvents.stop();

    const withTelegram = await testApp({ dataDir, now: '2026-12-01T10:01:00Z' });
    apps.push(withTelegram);
    const telegram = new RecordingNotifier('telegram');
    events.push(await startedEvents(withTelegram, [telegram]));
    expect(telegram.posts.filter((p) => p.kind === 'member').map((p) => p.to)).toEqual(['7001']);
    expect(telegram.posts.filter((p) => p.kind === 'space').map((p) => p.to)).toEqual([group]);
    expect(await withTelegram.deps.outbox.count()).toBe(0);
  });

  it('cuts a long delivery in slices that each move on, resume from 8 characters of a key, and send each follower once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-news-slices-'));
    const app = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    apps.push(app);
    const telegram = new RecordingNotifier('telegram');
    // Every message ends its slice: the rest is always a new event.
    const wired = wireEvents(app, new RecordingLogger(), { timer: new FakeTimer(), coalesceMs: 0, newsSliceMs: 0 });
    await wired.start([telegram]);
    events.push({ ...wired, timer: new FakeTimer(), logger: new RecordingLogger(), settle: () => wired.relay.drain() });
    const type = typer(app.deps, group);
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/drive start ua-34-25 deadline=2026-12-20');
    const members = ['8001', '8002', '8003', '8004', '8005'];
    for (const userId of members) await type({ userId, platform: 'telegram' }, '/follow');
    await type({ userId: 'mod', moderator: true, platform: 'telegram' }, '/news post ua-34-25 text="Update"');
    const cursors: string[] = [];
    for (let i = 0; i < 20 && (await app.deps.outbox.count()) > 0; i++) {
      for (const item of await app.deps.outbox.pending(10)) if (item.event.type === 'news' && item.event.after) cursors.push(item.event.after);
      await wired.relay.drain();
    }
    expect(await app.deps.outbox.count()).toBe(0);
    expect(telegram.posts.filter((p) => p.kind === 'member').map((p) => p.to).sort()).toEqual(members);
    expect(cursors.length).toBeGreaterThanOrEqual(members.length - 1);
    expect(cursors.every((c) => c.length === 8)).toBe(true);
  });
});
