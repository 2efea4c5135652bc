import { afterEach, describe, expect, it } from 'vitest';
import { handleOnce, type Invocation } from '../../src/commands/index.js';
import { deliveryKey } from '../../src/commands/pipeline/index.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

const mod = { userId: 'operator', moderator: true };

function invocation(userId: string, name: string, text = '', delivery?: string): Invocation {
  return {
    name,
    text,
    actor: { platform: 'telegram', userId },
    space: { id: 'telegram:-1001', kind: 'group' },
    isModerator: async () => userId === 'operator',
    ...(delivery ? { delivery } : {}),
  };
}

describe('the command pipeline', () => {
  const apps: TestApp[] = [];
  afterEach(async () => Promise.all(apps.splice(0).map((a) => a.close())));
  const open = async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    apps.push(app);
    await typer(app.deps, 'telegram:-1001')({ ...mod, platform: 'telegram' }, '/drive start ua-34-25 goal=10 deadline=2026-12-31');
    return app;
  };

  it('answers 50 /progress from one member with at most 3 public posts, every request answered', async () => {
    const app = await open();
    const replies = [];
    for (let i = 0; i < 50; i++) {
      replies.push(await handleOnce(invocation('ana', 'progress', '', `telegram:update:${i}`), app.deps, new RecordingLogger()));
      app.clock.advance(60); // 50 requests in 3 s
    }
    expect(replies.every((r) => r !== undefined && r.blocks.length > 0)).toBe(true);
    expect(replies.filter((r) => r!.visibility === 'public').length).toBeLessThanOrEqual(3);
    expect(replies.filter((r) => r!.visibility === 'public').length).toBeGreaterThanOrEqual(1);
    const texts = replies.map((r) => r!.blocks.map((b) => ('text' in b ? b.text : '')).join(' '));
    expect(texts.filter((t) => t.includes('Shown only to you')).length).toBeGreaterThan(0);
    expect(texts.at(-1)).toContain('try again in a minute');
  });

  it('answers a second member\'s /progress within 30 s privately, saying why', async () => {
    const app = await open();
    const first = await handleOnce(invocation('ana', 'progress'), app.deps, new RecordingLogger());
    const second = await handleOnce(invocation('bo', 'progress'), app.deps, new RecordingLogger());
    expect([first!.visibility, second!.visibility]).toEqual(['public', 'private']);
    expect(second!.blocks.at(-1)).toEqual({ type: 'text', text: '_Shown only to you: this was posted here less than 30 seconds ago._' });
  });

  it('lets a member have a few letters a minute, then answers one polite line and nothing else', async () => {
    const app = await open();
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await handleOnce(invocation('ana', 'letter'), app.deps, new RecordingLogger()));
    expect(replies.slice(0, 5).every((r) => r!.attachments.length > 0)).toBe(true);
    for (const refused of replies.slice(5)) {
      expect(refused!.attachments).toEqual([]);
      expect(refused!.buttons).toEqual([]);
      expect(refused!.blocks).toHaveLength(1);
    }
    // Another member is not held back by ana.
    expect((await handleOnce(invocation('bo', 'letter'), app.deps, new RecordingLogger()))!.attachments.length).toBeGreaterThan(0);
  });

  it('runs a redelivered delivery once and answers it once', async () => {
    const app = await open();
    const first = await handleOnce(invocation('ana', 'acted', 'email', 'slack:cmd:T1'), app.deps, new RecordingLogger());
    const again = await handleOnce(invocation('ana', 'acted', 'post', 'slack:cmd:T1'), app.deps, new RecordingLogger());
    expect(first).toBeDefined();
    expect(again).toBeUndefined();
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    // One key scheme, and the key holds no platform id.
    const key = deliveryKey('slack:cmd:T1');
    expect(key).toMatch(/^delivery:[\w-]{22}$/);
    expect(await app.deps.claims.claim(key, 1000)).toBe(false);
  });

  it('offers only the methods the appeal\'s targets allow when /acted has no method: no phone or social without one', async () => {
    const app = await open();
    const reply = await handleOnce(invocation('ana', 'acted'), app.deps, new RecordingLogger());
    const commands = reply!.buttons.map((b) => (b.type === 'action' ? b.command.split(' ')[1] : b.type));
    expect(commands).toEqual(['email', 'post', 'other']);
  });

  it('never says "nothing was recorded" when the reminder lookup fails after the write', async () => {
    const app = await open();
    app.deps.memberReminders.get = async () => {
      throw new Error('store hiccup');
    };
    const first = await handleOnce(invocation('ana', 'acted', 'email'), app.deps, new RecordingLogger());
    const again = await handleOnce(invocation('ana', 'acted', 'email'), app.deps, new RecordingLogger());
    expect(first!.receipt).toContain('is counted');
    expect(again!.receipt).toContain('already counted');
    expect((await app.deps.outbox.pending(10)).map((e) => e.event.type)).toEqual(['recorded', 'recorded']);
  });

  it('commits the recorded event with the action: a redelivery adds neither an action nor an event', async () => {
    const app = await open();
    const first = await handleOnce(invocation('ana', 'acted', 'email', 'telegram:update:7'), app.deps, new RecordingLogger());
    const again = await handleOnce(invocation('ana', 'acted', 'email', 'telegram:update:7'), app.deps, new RecordingLogger());
    expect(first!.receipt).toContain('is counted');
    expect(again).toBeUndefined();
    expect((await app.deps.outbox.pending(10)).map((e) => e.event)).toEqual([expect.objectContaining({ type: 'recorded', created: true })]);
  });

  it('tells the member "already counted" even when the event of a repeat cannot be written, and logs it', async () => {
    const app = await open();
    await handleOnce(invocation('ana', 'acted', 'email'), app.deps, new RecordingLogger());
    // The reminder lookup fails, so the repeat raises an event (its handler looks again later).
    app.deps.memberReminders.get = async () => {
      throw new Error('store hiccup');
    };
    app.deps.outbox.append = async () => {
      throw new Error('disk full');
    };
    const logger = new RecordingLogger();
    const reply = await handleOnce(invocation('ana', 'acted', 'email'), app.deps, logger);
    expect(reply!.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain('already counted');
    expect(logger.entries.some((e) => e.level === 'error' && e.message.startsWith('events not written'))).toBe(true);
  });
});
