import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundKey } from '../../src/core/drive.js';
import { sweepRetention } from '../../src/core/retention.js';
import { testApp, type TestApp } from '../support/app.js';
import { typer } from '../support/invoke.js';

const mod = { userId: 'operator', moderator: true };

describe('retention: actions are kept until their appeal is archived plus RETENTION_DAYS', () => {
  let app: TestApp;
  let type: ReturnType<typeof typer>;
  const sweep = () => sweepRetention({ ...app.deps, retentionDays: 30 });

  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=10 deadline=2026-12-20');
    await type({ userId: 'ana' }, '/acted email');
    await type({ userId: 'bob' }, '/acted post');
    await type({ userId: 'bob' }, '/acted email');
  });
  afterEach(() => app.close());

  it('keeps them while a drive runs and for the period after it closes, then deletes every one and keeps the counts', async () => {
    expect(await sweep()).toBe(0);
    app.clock.set('2027-01-19T10:00:00Z'); // 29 days after the close at the end of 20 December
    expect(await sweep()).toBe(0);
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(3);
    app.clock.set('2027-01-20T00:00:01Z');
    expect(await sweep()).toBe(3);
    expect(await app.deps.ledger.export('ua-34-25')).toEqual([]);
    // The counts stay (a report months later still says what the group did); no member key does.
    expect(await app.deps.ledger.tally('ua-34-25')).toMatchObject({ actions: 3, members: 2, byMethod: { email: 2, post: 1 } });
    expect(await app.deps.ledger.methodsOf('ua-34-25', app.deps.memberKey('shell', 'bob'))).toEqual([]);
    expect(await sweep()).toBe(0);
  });

  it("deletes a drive's table counts with its actions, keeping their totals", async () => {
    await type(mod, '/tally add 12 post note="Library"');
    const drive = (await app.deps.drives.resolve('shell:local'))!;
    app.clock.set('2027-01-19T10:00:00Z');
    expect(await sweep()).toBe(0);
    expect(await app.deps.tallyBook.list(drive.id)).toHaveLength(1);
    app.clock.set('2027-01-20T00:00:01Z');
    expect(await sweep()).toBe(4);
    expect(await app.deps.tallyBook.list(drive.id)).toEqual([]);
    expect(await app.deps.tallyBook.ofModerator(app.deps.memberKey('shell', 'operator'))).toEqual([]);
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(12);
  });

  it('counts from the day a moderator ended the drive, and never while another drive of the appeal runs', async () => {
    await type(mod, '/drive end');
    app.clock.set('2026-12-31T10:00:01Z');
    const started = await typer(app.deps, 'telegram:-100200')(mod, '/drive start ua-34-25 deadline=2027-03-01');
    expect(started.plain).toContain('Drive started');
    expect(await sweep()).toBe(0);
    app.clock.set('2027-03-31T23:59:59Z'); // the second drive closed at the end of 1 March: 30 days less a second
    expect(await sweep()).toBe(0);
    app.clock.set('2027-04-01T00:00:01Z');
    expect(await sweep()).toBe(3);
  });

  it('deletes every round of the appeal with the first, after the new round\'s deadline plus the period', async () => {
    await type(mod, '/news post ua-34-25 text="Round two" deadline=2027-01-10');
    await type({ userId: 'ana' }, '/acted email');
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);
    app.clock.set('2027-01-20T00:00:01Z'); // 30 days after the old deadline: the drive now runs to 10 January
    expect(await sweep()).toBe(0);
    app.clock.set('2027-02-10T00:00:01Z');
    expect(await sweep()).toBe(4);
    expect(await app.deps.ledger.export(roundKey('ua-34-25', 2))).toEqual([]);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);
  });
});
