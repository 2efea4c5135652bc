import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handle } from '../../src/commands/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';
import { RecordingLogger } from '../support/logger.js';

const mod = { userId: 'operator', moderator: true };

describe('bad input gets a clear message and writes nothing', () => {
  let app: TestApp;
  let logger: RecordingLogger;
  let type: ReturnType<typeof typer>;

  beforeEach(async () => {
    app = await testApp();
    logger = new RecordingLogger();
    type = typer(app.deps, 'shell:local', logger);
    await type(mod, '/drive start ua-34-25 goal=10 deadline=2030-01-31');
  });
  afterEach(() => app.close());

  it.each([
    ['/frobnicate', 'I do not know /frobnicate. Type /help'],
    ['/letter ua-99-99', 'There is no appeal "ua-99-99". Known appeals: ua-34-25.'],
    ['/acted carrier-pigeon', 'method is not right: expected one of email, post, phone, social, other, card'],
    ['/drive set goal=-5', 'goal is not right: expected a whole number above 0, such as goal=500. Write it like this: /drive set'],
    ['/drive set goal=lots', 'goal is not right'],
    ['/drive set deadline=yesterday', 'deadline is not right: expected a date such as 2026-12-31'],
    ['/drive set deadline=2026-13-45', 'deadline is not right: expected a date such as 2026-12-31'],
    ['/drive set deadline=2026-11-27', 'The deadline 2026-11-27 has already passed'],
    ['/drive set timezone=Mars/Base', 'timezone is not right: expected a time zone'],
    ['/drive start', '/drive start needs appeal. Write it like this: /drive start APPEAL'],
    ['/drive launch', '/drive takes one of: start, end, list, set'],
    ['/acted email colour=red', '/acted has no option "colour"'],
    ['/acted email post ua-34-25 extra', 'Too many words for /acted'],
    [`/letter name="${'x'.repeat(10_000)}"`, 'name is not right: expected text of at most 80 characters'],
    ['/letter name="Ana\u0007"', 'name is not right'],
  ])('%s', async (line, message) => {
    const reply = await type(mod, line);
    expect(reply.visibility).toBe('private');
    expect(reply.plain).toContain(message);
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 0 });
    const [drive] = await app.deps.drives.openIn('shell:local');
    expect(drive).toMatchObject({ goal: 10, deadline: '2030-01-31', timezone: 'UTC' });
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('refuses a drive in a private chat (nobody there to remind), and starts none', async () => {
    const invocation = { name: 'drive', text: 'start ua-34-25 deadline=2030-01-31', actor: { platform: 'telegram', userId: '7301234567' }, space: { id: 'telegram:7301234567', kind: 'private' as const }, isModerator: async () => true };
    // A private chat makes nobody a moderator (issue 25): the member is told so.
    const member = await handle(invocation, app.deps, logger);
    expect(replyToPlainText(member, stripMarkdown)).toContain('a private chat makes nobody a moderator');
    // The operator may run moderator commands anywhere, and is told why a drive cannot run here.
    const reply = await handle({ ...invocation, operator: true }, app.deps, logger);
    expect(reply.visibility).toBe('private');
    expect(replyToPlainText(reply, stripMarkdown)).toContain('A drive belongs to a group or channel');
    expect(await app.deps.drives.openIn('telegram:7301234567')).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('says it in Spanish for a Spanish member', async () => {
    const reply = await type({ userId: 'eva', locale: 'es' }, '/drive set goal=-5');
    expect(reply.plain).toBe('Solo las personas moderadoras pueden usar /drive set.');
    const bad = await type({ userId: 'eva', locale: 'es' }, '/acted paloma');
    expect(bad.plain).toContain('method no es correcto: se esperaba email, post, phone, social, other o card');
  });

  it('refuses when the moderator check itself fails, and logs nothing as a crash', async () => {
    const reply = await typer(app.deps)({ userId: 'x', moderator: undefined }, '/drive end');
    expect(reply.plain).toContain('Only moderators');
  });
});
