import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runShell, shellNotifier } from '../../../src/adapters/shell/index.js';
import { reminderPosts } from '../../../src/commands/posts.js';
import { ReminderScheduler } from '../../../src/core/reminders/scheduler.js';
import { testApp, type TestApp } from '../../support/app.js';
import { RecordingLogger } from '../../support/logger.js';
import { FakeTimer } from '../../support/notifier.js';

/** One run of the terminal bot: the scheduler started as `npm start` starts it, then the lines. */
async function run(app: TestApp, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const scheduler = new ReminderScheduler({ ...app.deps, timer: new FakeTimer(), notifiers: [shellNotifier(output)], posts: reminderPosts, logger: new RecordingLogger() });
  app.deps.drives.onChange(() => void scheduler.tick());
  await scheduler.start();
  const done = runShell({ deps: app.deps, logger: new RecordingLogger(), input, output, outboxDir: join(app.dataDir, 'outbox'), interactive: false });
  input.end(`${lines.join('\n')}\n`);
  await done;
  await scheduler.tick();
  scheduler.stop();
  return text;
}

describe('reminders in the terminal', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'actionbot-shell-reminders-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('prints /remind now, and a schedule set in one run fires after a restart with the clock past it', async () => {
    const first = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    const out = await run(first, ['/drive start ua-34-25 goal=10 deadline=2026-12-10', '/remind now Write today!', '/remind schedule 3d at=09:00']);
    await first.close();
    expect(out).toContain('## Reminder: Stop illegal expulsions to El Salvador');
    expect(out).toContain('From the moderators: Write today!');
    expect(out.match(/## Reminder:/g)).toHaveLength(1);

    // The bot was down over the 7 December 09:00 slot and comes back an hour later.
    const second = await testApp({ dataDir, now: '2026-12-07T10:00:00Z' });
    const after = await run(second, []);
    await second.close();
    expect(after).toContain('## Reminder: Stop illegal expulsions to El Salvador');
    expect(after).toContain('3 days left: until Thursday, December 10');

    const third = await testApp({ dataDir, now: '2026-12-07T11:00:00Z' });
    expect(await run(third, [])).not.toContain('## Reminder:');
    await third.close();
  });

  it('an update with a new deadline opens round 2: acting again counts in it, /progress shows each round and the total, reminders follow the new deadline', async () => {
    const first = await testApp({ dataDir, now: '2026-12-01T10:00:00Z' });
    const out = await run(first, [
      '/drive start ua-34-25 goal=10 deadline=2026-12-10',
      '/remind schedule 3d at=09:00',
      '/acted email',
      '/news post ua-34-25 text="Write to the new minister." deadline=2027-01-20',
      '/acted email',
      '/acted email',
      '/progress',
    ]);
    await first.close();
    expect(out).toContain('Round 2 opens in 1 drive: members can act again, until 2027-01-20');
    expect(out).toMatch(/Round 2: 1 action/);
    expect(out.match(/already counted/g)).toHaveLength(1);
    expect(out).toMatch(/2 actions/);
    expect(out).toMatch(/Round 1: 1 action/);
    expect(out).toMatch(/Round 2: 1 action · now/);

    // The old deadline's slot (7 December 09:00) is no longer a reminder: the drive runs to 20 January.
    const second = await testApp({ dataDir, now: '2026-12-07T10:00:00Z' });
    expect(await run(second, [])).not.toContain('## Reminder:');
    await second.close();

    const third = await testApp({ dataDir, now: '2027-01-17T10:00:00Z' });
    const after = await run(third, []);
    await third.close();
    expect(after).toContain('## Reminder: Stop illegal expulsions to El Salvador');
    expect(after).toContain('3 days left: until Wednesday, January 20');
  });
});
