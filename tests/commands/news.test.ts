import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundKey } from '../../src/core/drive.js';
import { filesHolding, redisHolding } from '../privacy/bytes.js';
import { testApp, type TestApp } from '../support/app.js';
import { startedEvents, type TestEvents } from '../support/events.js';
import { buttonCommand, typer, unsigned } from '../support/invoke.js';
import { RecordingNotifier } from '../support/notifier.js';

const groupA = 'telegram:-100111';
const groupB = 'telegram:-100222';
const modA = { userId: 'mod-a', moderator: true, platform: 'telegram' };
const modB = { userId: 'mod-b', moderator: true, platform: 'telegram' };
const ana = { userId: '5001', platform: 'telegram', locale: 'es' };
const ben = { userId: '5002', platform: 'telegram' };
const cat = { userId: '5003', platform: 'telegram' };
const dan = { userId: '5004', platform: 'telegram' };
/** Ana again, writing in English. */
const eva = { userId: '5001', platform: 'telegram' };

const REDIS_URL = process.env.REDIS_URL;
const stores = [{ name: 'SQLite' }, ...(REDIS_URL ? [{ name: 'Redis', redisUrl: REDIS_URL }] : [])];

describe.each(stores)('following an appeal and its news on $name (command layer, fake clock)', ({ redisUrl }) => {
  let app: TestApp;
  let events: TestEvents;
  let telegram: RecordingNotifier;
  let inA: ReturnType<typeof typer>;
  let inB: ReturnType<typeof typer>;
  const settle = async () => {
    // A long delivery hands its rest on as a new event: drain until nothing is left.
    for (let i = 0; i < 10 && (await app.deps.outbox.count()) > 0; i++) await events.settle();
  };
  const dms = (userId: string) => telegram.posts.filter((p) => p.kind === 'member' && p.to === userId);
  const postsIn = (space: string) => telegram.posts.filter((p) => p.kind === 'space' && p.to === space);

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

  it('after /acted, "Tell me what happens" follows; the news reaches the member once, privately, in their language, with their group\'s count; the group sees one post', async () => {
    const acted = await inA(ana, '/acted email');
    const follow = await inA(ana, unsigned(buttonCommand(acted, 'Cuéntame qué pasa')));
    expect(follow.plain).toMatch(/Te contaré en privado qué pasa con UA 34\.25/);
    await inA(ben, '/acted post');
    await inA(ben, '/follow');
    await inA(cat, '/acted email'); // acted, did not ask to hear back
    const answer = await inA(modA, '/news post ua-34-25 text="The authorities answered: the expulsions are under review."');
    expect(answer.plain).toMatch(/News of UA 34\.25 goes out now/);
    await settle();
    await settle();
    expect(dms('5001')).toHaveLength(1);
    expect(dms('5001')[0]!.text).toMatch(/Noticias de UA 34\.25/);
    expect(dms('5001')[0]!.text).toMatch(/Tu grupo hizo 3 acciones/);
    expect(dms('5001')[0]!.text).toContain('The authorities answered');
    expect(dms('5002')).toHaveLength(1);
    expect(dms('5002')[0]!.text).toMatch(/Your group took 3 actions/);
    expect(dms('5003')).toHaveLength(0);
    expect(postsIn(groupA)).toHaveLength(1);
    expect(postsIn(groupA)[0]!.text).toContain('The authorities answered');
    // The moderator's news stays in their community: group B sees nothing.
    expect(postsIn(groupB)).toHaveLength(0);
  });

  it('a moderator\'s news never reaches another community\'s followers; the operator\'s reaches every one', async () => {
    await inA(ana, '/follow');
    await inB(ben, '/follow');
    await inB(modB, '/news post ua-34-25 text="Only for B"');
    await settle();
    expect(dms('5001')).toHaveLength(0);
    expect(dms('5002')).toHaveLength(1);
    expect(postsIn(groupA)).toHaveLength(0);
    const operator = typer(app.deps, 'shell:local');
    await operator({ userId: 'local', operator: true }, '/news post ua-34-25 text="For everyone"');
    await settle();
    expect(dms('5001').map((d) => d.text).join()).toContain('For everyone');
    expect(dms('5002')).toHaveLength(2);
    expect(postsIn(groupA)).toHaveLength(1);
    expect(postsIn(groupB)).toHaveLength(2);
  });

  it('a moderator cannot post news of an appeal their community has no drive on, and nothing is written', async () => {
    const other = typer(app.deps, 'telegram:-100333');
    const reply = await other({ userId: 'mod-c', moderator: true, platform: 'telegram' }, '/news post ua-34-25 text="x"');
    expect(reply.plain).toMatch(/No space of your community has a drive on UA 34\.25/);
    expect(await app.deps.outbox.count()).toBe(0);
    const member = await inA(ben, '/news post ua-34-25 text="x"');
    expect(member.plain).not.toMatch(/goes out now/);
    expect(await app.deps.outbox.count()).toBe(0);
    const bad = await inA(modA, '/news post ua-34-25 text="x" outcome=great');
    expect(bad.plain).toMatch(/"great" is not an outcome/);
    expect(await app.deps.outbox.count()).toBe(0);
  });

  it('good news ends the appeal in the community\'s drives with a thank-you and the final tally; other communities\' drives go on', async () => {
    await inA(ana, '/acted email');
    await inA(ana, '/follow');
    const reply = await inA(modA, '/news post ua-34-25 text="She is free!" outcome=good');
    expect(reply.plain).toMatch(/It ends in 1 drive/);
    await settle();
    expect(postsIn(groupA)[0]!.text).toMatch(/Good news! UA 34\.25/);
    expect(postsIn(groupA)[0]!.text).toMatch(/Thank you, everyone who wrote\. This drive has ended\. Final tally: 1 action/);
    expect((await app.deps.drives.listIn(groupA))[0]!.status).toBe('ended');
    expect((await app.deps.drives.listIn(groupB))[0]!.status).toBe('active');
    expect(dms('5001')[0]!.text).toMatch(/¡Buenas noticias!/);
    // The closing news starts the follower's last 30 days.
    const [kept] = await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '5001'), app.clock.now());
    expect(kept!.expires).toBe('2026-12-31T10:00:00.000Z');
    app.clock.set('2027-01-01T00:00:00Z');
    expect(await app.deps.followers.store.purge(app.clock.now())).toBe(1);
  });

  it('an update with a new deadline opens a new round in the community\'s drives, moves them to it and keeps followers until it has passed', async () => {
    await inA(ana, '/follow');
    const past = await inA(modA, '/news post ua-34-25 text="x" deadline=2026-11-01');
    expect(past.plain).toMatch(/already passed/);
    expect(await app.deps.outbox.count()).toBe(0);
    const reply = await inA(modA, '/news post ua-34-25 text="A second round: write to the new minister." deadline=2027-02-15');
    expect(reply.plain).toMatch(/Round 2 opens in 1 drive: members can act again, until 2027-02-15/);
    await settle();
    expect((await app.deps.drives.listIn(groupA))[0]!.deadline).toBe('2027-02-15');
    expect((await app.deps.drives.listIn(groupB))[0]!.deadline).toBe('2026-12-20');
    expect(dms('5001')[0]!.text).toMatch(/Nuevo plazo: 2027-02-15/);
    const [kept] = await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '5001'), app.clock.now());
    expect(kept!.expires).toBe('2027-03-18T00:00:00.000Z');
  });

  it('/privacy lists what is followed; /unfollow and /forgetme delete it; after /forgetme no news comes', async () => {
    await inA(ana, '/follow');
    await inA(ben, '/follow');
    const privacy = await inA(ben, '/privacy');
    expect(privacy.plain).toMatch(/Appeals you follow: UA 34\.25: your Telegram account id, encrypted, until January 20, 2027 at the latest\./);
    // The platform id is kept sealed, never as it is.
    expect(JSON.stringify(await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '5002'), app.clock.now()))).not.toContain('5002');
    const [sealed] = await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '5002'), app.clock.now());
    const holding = () => (redisUrl ? redisHolding(redisUrl, 'test-', [sealed!.sealed]) : filesHolding(app.dataDir, [sealed!.sealed]));
    expect(await holding()).not.toEqual([]);
    await inA(ben, '/forgetme yes');
    expect(await app.deps.followers.store.forMember(app.deps.memberKey('telegram', '5002'), app.clock.now())).toEqual([]);
    // The sealed id is gone from the bytes too (SQLite's file and WAL; Redis' keys).
    expect(await holding()).toEqual([]);
    expect((await inA(ana, '/unfollow')).plain).toMatch(/Ya no sigues UA 34\.25/);
    await inA(modA, '/news post ua-34-25 text="Update"');
    await settle();
    expect(dms('5001')).toHaveLength(0);
    expect(dms('5002')).toHaveLength(0);
    expect(postsIn(groupA)).toHaveLength(1);
  });

  it('a member the platform says is gone is dropped, not retried', async () => {
    await inA(ana, '/follow');
    await inA(ben, '/follow');
    const { MemberGoneError } = await import('../../src/core/errors.js');
    const send = telegram.sendToMember.bind(telegram);
    telegram.sendToMember = async (userId, reply) => {
      if (userId === '5001') throw new MemberGoneError('telegram', 'blocked');
      return send(userId, reply);
    };
    await inA(modA, '/news post ua-34-25 text="Update"');
    await settle();
    expect(dms('5002')).toHaveLength(1);
    expect(await app.deps.followers.store.get('ua-34-25', app.deps.memberKey('telegram', '5001'))).toBeUndefined();
    expect(await app.deps.outbox.count()).toBe(0);
  });

  it('offers an imported update as news of the appeal with that id, as a line the moderator checks and sends', async () => {
    const text = await readFile(new URL('../fixtures/ua/further-information-ua-53-14.txt', import.meta.url), 'utf8');
    // Without the appeal here, the update (it asks for letters again) is offered as the appeal itself, not as news.
    const alone = await inA(modA, `/import ${text}`);
    expect(alone.plain).toContain('This text is an update of UA 53/14 that asks for letters again. UA 53/14 is not here');
    expect(alone.plain).not.toMatch(/\/news post/);
    expect(await app.deps.appeals.get('ua-53-14')).toBeUndefined();
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    await app.catalog.saveShared({ ...base, id: 'ua-53-14', reference: 'UA 53/14', number: '53/14' }, { who: 'operator', where: 'test' }, app.clock.now());
    await inA(modA, '/drive start ua-53-14 deadline=2026-12-20');
    await inA(ana, '/follow ua-53-14');
    const offered = await inA(modA, `/import ${text}`);
    const line = /\/news post ua-53-14 outcome=update text="[^"]+"/.exec(offered.plain)?.[0];
    expect(line).toContain('Moses Akatugba');
    expect(await app.deps.appeals.get('ua-53-14')).toMatchObject({ title: base.title });
    await inA(modA, line!);
    await settle();
    expect(dms('5001').map((d) => d.text).join()).toContain('Moses Akatugba');
  });

  it("a moderator's saved update of a shared appeal is the letter their drive's next round gives; the shared appeal and other groups keep theirs", async () => {
    const text = await readFile(new URL('../fixtures/ua/further-information-ua-53-14.txt', import.meta.url), 'utf8');
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    await app.catalog.saveShared({ ...base, id: 'ua-53-14', reference: 'UA 53/14', number: '53/14' }, { who: 'operator', where: 'test' }, app.clock.now());
    await inA(modA, '/drive start ua-53-14 deadline=2026-12-20');
    await inB(modB, '/drive start ua-53-14 deadline=2026-12-20');
    const sharedOfficial = base.targets.find((t) => !t.copy)!.name;
    expect((await inA(ben, '/letter ua-53-14')).plain).toContain(sharedOfficial);
    await inA(ben, '/acted email ua-53-14');

    // The update asks for letters to the Governor: saved by the moderator, it is the community's own copy.
    const offered = await inA(modA, `/import ${text}`);
    const line = /\/news post (\S+) outcome=update/.exec(offered.plain);
    expect(line?.[1]).toBe('ua-53-14'); // the id the drive here runs: the news opens its round
    expect((await inA(modA, buttonCommand(offered, 'Save this appeal'))).plain).toMatch(/Saved ua-53-14-[0-9a-f]{6} for this community/);
    // Imported again once saved, the news line still names the id the drive runs, not the community's copy.
    expect(/\/news post (\S+) outcome=update/.exec((await inA(modA, `/import ${text}`)).plain)?.[1]).toBe('ua-53-14');
    const opened = await inA(modA, '/news post ua-53-14 text="A new letter, to the Governor." round=new');
    expect(opened.plain).toMatch(/Round 2 opens in 1 drive/);

    const letter = await inA(ben, '/letter ua-53-14');
    expect(letter.plain).toContain('Emmanuel Uduaghan');
    expect(letter.plain).toContain('governor@deltastate.gov.ng');
    expect(letter.plain).not.toContain(sharedOfficial);
    await inA(ben, '/acted email ua-53-14');
    expect((await app.deps.ledger.tally(roundKey('ua-53-14', 2))).actions).toBe(1);
    expect((await app.deps.ledger.tally('ua-53-14')).actions).toBe(1);
    // The shared appeal is unchanged, and another community's drive still gives the shared letter.
    expect((await app.deps.appeals.get('ua-53-14'))?.targets.find((t) => !t.copy)?.name).toBe(sharedOfficial);
    const elsewhere = await inB(cat, '/letter ua-53-14');
    expect(elsewhere.plain).toContain(sharedOfficial);
    expect(elsewhere.plain).not.toContain('Emmanuel Uduaghan');
  });

  // Rounds: an update with a new deadline (or round=new) opens the next round (docs/news.md#rounds).
  const driveIn = async (space: string) => (await app.deps.drives.listIn(space))[0]!;

  it('an update with a new deadline opens round 2: a member who acted acts again, counted once in each round; the total is the sum', async () => {
    await inA(eva, '/acted email');
    await inA(ben, '/acted post');
    await inA(eva, '/follow');
    const reply = await inA(modA, '/news post ua-34-25 text="Write to the new minister." deadline=2027-02-15');
    expect(reply.plain).toMatch(/Round 2 opens in 1 drive: members can act again, until 2027-02-15/);
    const drive = await driveIn(groupA);
    expect(drive.deadline).toBe('2027-02-15');
    expect(drive.cases[0]!.round).toBe(2);

    const again = await inA(eva, '/acted email');
    expect(again.plain).toMatch(/Your Email is counted/i);
    expect(again.plain).toMatch(/Round 2: 1 action/);
    // Twice in round 2 is once.
    expect((await inA(eva, '/acted email')).plain).toMatch(/already counted/);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 1))).actions).toBe(2);
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);

    const progress = await inA(eva, '/progress');
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
    await inA(eva, '/acted email');
    await inA(modA, '/news post ua-34-25 text="Round two" deadline=2027-02-15');
    await inA(eva, '/acted email');
    await inA(eva, '/acted post');
    const privacy = await inA(eva, '/privacy');
    expect(privacy.plain).toMatch(/UA 34\.25: email\n/);
    expect(privacy.plain).toMatch(/UA 34\.25 \(Round 2\): email, posted letter/);
    await inA(eva, '/undo post');
    expect((await app.deps.ledger.tally(roundKey('ua-34-25', 2))).actions).toBe(1);
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
    const member = app.deps.memberKey('telegram', '5001');
    await inA(eva, '/forgetme yes');
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

  it('in a campaign only the named case opens a round; /progress shows that case\'s rounds and the campaign\'s total', async () => {
    const base = (await app.deps.appeals.get('ua-34-25'))!;
    await app.catalog.saveShared({ ...base, id: 'ua-12-26', reference: 'UA 12/26', number: '12/26' }, { who: 'operator', where: 'test' }, app.clock.now());
    const inGroup = typer(app.deps, 'telegram:-100333');
    await inGroup(modA, '/drive start ua-12-26,ua-34-25 deadline=2026-12-20');
    await inGroup(eva, '/acted email 1');
    await inGroup(eva, '/acted email 2');
    const reply = await inGroup(modA, '/news post ua-12-26 text="Round two" deadline=2027-01-10');
    expect(reply.plain).toMatch(/Round 2 opens in 1 drive/);
    const campaign = (await app.deps.drives.listIn('telegram:-100333'))[0]!;
    expect(campaign.cases.map((c) => c.round)).toEqual([2, 1]);
    expect((await inGroup(eva, '/acted email 1')).plain).toMatch(/counted/);
    expect((await inGroup(eva, '/acted email 2')).plain).toMatch(/already counted/);
    const progress = await inGroup(eva, '/progress');
    expect(progress.plain).toMatch(/3 actions/);
    expect(progress.plain).toMatch(/1\. UA 12\/26, Round 1: 1 action/);
    expect(progress.plain).toMatch(/1\. UA 12\/26, Round 2: 1 action · now/);
    expect(progress.plain).not.toMatch(/UA 34\.25, Round/);
  });
});
