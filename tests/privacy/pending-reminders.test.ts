import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderPosts } from '../../src/commands/posts.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { ReminderScheduler } from '../../src/core/reminders/scheduler.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';
import { FakeTimer, RecordingNotifier } from '../support/notifier.js';

const mod = { userId: 'operator', moderator: true };
const zelda = { userId: 'zelda-platform-id-42', platform: 'telegram' };

describe('a pending reminder keeps its platform id only while it can still be sent', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  const stored = async () => JSON.stringify(await app.deps.memberReminders.forMember(app.deps.memberKey('telegram', zelda.userId)));

  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 deadline=2026-12-20 timezone=Europe/Madrid');
    await type(zelda, '/remindme');
    expect(await stored()).toContain(zelda.userId);
  });
  afterEach(() => app.close());

  it('is deleted when the drive ends', async () => {
    await type(mod, '/drive end');
    expect(await stored()).toBe('[]');
  });

  it('is deleted when the deadline moves before it, and kept when it moves later', async () => {
    await type(mod, '/drive set deadline=2026-12-25');
    expect(await stored()).toContain(zelda.userId);
    // Due on 4 December at 10:00 UTC; a drive closing at the end of 3 December can no longer send it.
    await type(mod, '/drive set deadline=2026-12-03');
    expect(await stored()).toBe('[]');
  });

  it('expires 12 hours after it was due when no adapter of its platform ran to send it', async () => {
    const scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [new RecordingNotifier('shell')], posts: reminderPosts, logger: new RecordingLogger() });
    app.clock.set('2026-12-04T10:00:00Z');
    await scheduler.tick();
    expect(await stored()).toContain(zelda.userId);
    app.clock.set('2026-12-04T22:00:01Z');
    await scheduler.tick();
    expect(await stored()).toBe('[]');
  });

  it('/privacy lists it with its time in the drive\'s zone, when its id goes, and how long things are kept', async () => {
    const reply = await type(zelda, '/privacy');
    expect(reply.plain).toMatch(/Your pending reminders: UA 34\.25: Friday, December 4 at 11:00 AM \(Europe\/Madrid\)\. Your Telegram account id is kept until it is sent or cancelled, and deleted by Friday, December 4 at 11:00 PM at the latest\./);
    expect(reply.plain).toMatch(/actions stay while their appeal runs and 90 days after its last drive has closed/);
    const es = await type({ ...zelda, locale: 'es' }, '/privacy');
    expect(es.plain).toMatch(/Tus recordatorios pendientes: UA 34\.25: viernes, 4 de diciembre, 11:00 \(Europe\/Madrid\)/);
  });
});

describe('/privacy', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('shows a member key with underscores as it is, on every renderer', async () => {
    app = await testApp();
    const type = typer(app.deps);
    // Find a member whose key's first 8 characters hold an underscore between other characters.
    let userId = '';
    for (let i = 0; i < 5000 && !userId; i++) if (/^.+_.+$/.test(app.deps.memberKey('shell', `m${i}`).slice(0, 8))) userId = `m${i}`;
    const key = app.deps.memberKey('shell', userId).slice(0, 8);
    expect(key).toContain('_');
    const reply = await type({ userId }, '/privacy');
    const body = reply.blocks.find((b) => b.type === 'text')!;
    const spans = parseMarkdown((body as { text: string }).text);
    expect(spans.some((s) => s.italic)).toBe(false);
    expect(spans.map((s) => s.text).join('')).toContain(`(${key}...)`);
  });
});
