import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundKey } from '../../src/core/drive.js';
import { testApp, type TestApp } from '../support/app.js';
import { startedEvents, type TestEvents } from '../support/events.js';
import { typer } from '../support/invoke.js';
import { RecordingNotifier } from '../support/notifier.js';

const groupA = 'telegram:-100111';
const groupB = 'telegram:-100222';
const modA = { userId: 'mod-a', moderator: true, platform: 'telegram' };
const modB = { userId: 'mod-b', moderator: true, platform: 'telegram' };
const ana = { userId: '5001', platform: 'telegram' };
const ben = { userId: '5002', platform: 'telegram' };
const dan = { userId: '5004', platform: 'telegram' };

const REDIS_URL = process.env.REDIS_URL;
const stores = [{ name: 'SQLite' }, ...(REDIS_URL ? [{ name: 'Redis', redisUrl: REDIS_URL }] : [])];

describe.each(stores)('rounds of an appeal on $name (command layer, fake clock)', ({ redisUrl }) => {
  let app: TestApp;
  let events: TestEvents;
  let telegram: RecordingNotifier;
  let inA: ReturnType<typeof typer>;
  let inB: ReturnType<typeof typer>;
  const settle = async () => {
    for (let i = 0; i < 10 && (await app.deps.outbox.count()) > 0; i++) await events.settle();
  };
  const driveIn = async (space: string) => (await app.deps.drives.listIn(space))[0]!;

  beforeEach(async () => {
    app = await testApp({ redisUrl, now: '2026-12-01T10:00:00Z' });
    telegram = new RecordingNotifier('telegram');
    events = await startedEvents(app, [telegram]);
    inA = typer(app.deps, groupA);
    inB = typer(app.deps, groupB);
    await inA(modA, '/drive start ua-34-25 deadline=2026-12-20');
    await inB(modB, '/drive start ua-34-25 deadline=2026-12-20');
    await settle();
    telegram.posts.length = 0;
  });
  afterEach(async () => {
    await events.stop();
    await app.close();
  });

  it('an update with a new deadline opens round 2: a member who acted acts again, counted once in each round; the total is the sum', async () => {
    await inA(ana, '/acted email');
    await inA(ben, '/acted post');
    await inA(ana, '/follow');
    const reply = await inA(modA, '/news post ua-34-25 text="Write to the new minister." deadline=2027-02-15');
    expect(reply.plain).toMatch(/Round 2 opens in 1 drive: members can act again, until 2027-02-15/);
    const drive = await driveIn(groupA);
    expect(drive.deadline).toBe('2027-02-15');
    expect(drive.cases[0]!.round).toBe(2);

    const again = await inA(ana, '/acted email');
    expect(again.plain).toMatch(/Your Email is counted/i);
    expect(again.plain).toMatch(/Round 2: 1 action/);
    // Twice in round 2 is once.
    expect((await inA(ana, '/acted email')).plain).toMatch(/already counted/);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 1))).actions).toBe(2);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);

    const progress = await inA(ana, '/progress');
    expect(progress.plain).toMatch(/3 actions/);
    expect(progress.plain).toMatch(/Round 1: 2 actions/);
    expect(progress.plain).toMatch(/Round 2: 1 action · now/);

    const report = await inA(modA, '/report');
    expect(report.plain).toMatch(/Round 1: 2 actions/);
    const csv = Buffer.from(report.attachments!.find((a) => a.name.endsWith('.csv'))!.data).toString();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]!.endsWith(',round')).toBe(true);
    expect(rows.slice(1).map((r) => `${r.split(',')[5]}:${r.split(',').at(-1)}`).sort()).toEqual(['email:1', 'email:2', 'post:1']);

    // The group hears it may act again; the follower too.
    await settle();
    const post = telegram.posts.find((p) => p.kind === 'space' && p.to === groupA)!;
    expect(post.text).toMatch(/Round 2: act again by 2027-02-15/);
    const dm = telegram.posts.find((p) => p.kind === 'member' && p.to === '5001')!;
    expect(dm.text).toMatch(/A new round: you can act again/);
    expect(dm.text).toMatch(/Your group took 3 actions/);
  });

  it('another community\'s update opens no round here: its members stay in round 1 and act once', async () => {
    await inA(dan, '/acted email');
    await inB(modB, '/news post ua-34-25 text="Only for B" deadline=2027-02-15');
    expect((await driveIn(groupA)).cases[0]!.round).toBe(1);
    expect((await driveIn(groupA)).deadline).toBe('2026-12-20');
    expect((await driveIn(groupB)).cases[0]!.round).toBe(2);
    expect((await inA(dan, '/acted email')).plain).toMatch(/already counted/);
    expect((await inA(dan, '/progress')).plain).not.toMatch(/Round/);
  });

  it('round=new opens a round without a new deadline; a bad round, or a round with good news, is refused and nothing is written', async () => {
    const bad = await inA(modA, '/news post ua-34-25 text="x" round=3');
    expect(bad.plain).toMatch(/"3" is not a round/);
    const good = await inA(modA, '/news post ua-34-25 text="x" outcome=good round=new');
    expect(good.plain).toMatch(/is not a round/);
    expect(await app.deps.outbox.count()).toBe(0);
    expect((await driveIn(groupA)).cases[0]!.round).toBe(1);
    expect((await driveIn(groupA)).status).toBe('active');
    const opened = await inA(modA, '/news post ua-34-25 text="A new letter, to the new minister." round=new');
    expect(opened.plain).toMatch(/Round 2 opens in 1 drive: members can act again, until 2026-12-20/);
    expect((await driveIn(groupA)).cases[0]!.round).toBe(2);
    // A plain update (no deadline, no round) opens none.
    await inA(modA, '/news post ua-34-25 text="Still waiting."');
    expect((await driveIn(groupA)).cases[0]!.round).toBe(2);
  });

  it('/undo takes back this round\'s action only; /privacy lists each round; /forgetme deletes every round', async () => {
    await inA(ana, '/acted email');
    await inA(modA, '/news post ua-34-25 text="Round two" deadline=2027-02-15');
    await inA(ana, '/acted email');
    await inA(ana, '/acted post');
    const privacy = await inA(ana, '/privacy');
    expect(privacy.plain).toMatch(/UA 34\.25: email\n/);
    expect(privacy.plain).toMatch(/UA 34\.25 \(Round 2\): email, posted letter/);
    await inA(ana, '/undo post');
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    const member = app.deps.memberKey('telegram', '5001');
    await inA(ana, '/forgetme yes');
    expect(await app.deps.ledger.methodsOf('ua-34-25', member)).toEqual([]);
    expect(await app.deps.ledger.methodsOf(roundKey('ua-34-25', 2), member)).toEqual([]);
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(0);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(0);
  });

  it('an imported update with a deadline is offered with it, and sending that line opens a new round', async () => {
    const text = (await readFile(new URL('../fixtures/ua/further-information-ua-53-14.txt', import.meta.url), 'utf8')).replace('17 July 2014', '17 July 2099');
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    await app.catalog.saveShared({ ...base, id: 'ua-53-14', reference: 'UA 53/14', number: '53/14' }, { who: 'operator', where: 'test' }, app.clock.now());
    await inA(modA, '/drive start ua-53-14 deadline=2026-12-20');
    const offered = await inA(modA, `/import ${text}`);
    const line = /\/news post ua-53-14 outcome=update text="[^"]+" deadline=2099-07-17/.exec(offered.plain)?.[0];
    expect(line).toBeDefined();
    expect((await inA(modA, line!)).plain).toMatch(/Round 2 opens in 1 drive: members can act again, until 2099-07-17/);
    const drive = (await app.deps.drives.listIn(groupA)).find((d) => d.cases[0]!.appealId === 'ua-53-14')!;
    expect(drive.cases[0]!.round).toBe(2);
  });
});
