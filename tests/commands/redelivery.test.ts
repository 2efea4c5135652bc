import { afterEach, describe, expect, it } from 'vitest';
import { handle, handleOnce, type Invocation } from '../../src/commands/index.js';
import { deliveryKey, DELIVERY_TTL_MS } from '../../src/commands/pipeline/index.js';
import { REDELIVERY_AFTER_MS } from '../../src/commands/pipeline/steps.js';
import { testApp, type TestApp } from '../support/app.js';
import { RecordingLogger } from '../support/logger.js';

const REDIS = process.env.REDIS_URL;
const stores: Array<[string, string | undefined]> = [['SQLite', undefined], ...(REDIS ? [['Redis', REDIS] as [string, string]] : [])];

/** A webhook delivery in a group (not long polling: another process may be handling a twin). */
function invocation(userId: string, line: string, delivery?: string): Invocation {
  const [name, ...rest] = line.split(' ');
  return { name: name!, text: rest.join(' '), actor: { platform: 'telegram', userId, locale: 'en' }, space: { id: 'telegram:-1001', kind: 'group' }, isModerator: async () => true, delivery };
}
const text = (reply: unknown) => JSON.stringify(reply ?? null);

describe.each(stores)('a redelivered command whose first delivery committed, on %s', (_name, redisUrl) => {
  const apps: TestApp[] = [];
  afterEach(async () => Promise.all(apps.splice(0).map((a) => a.close())));
  const open = async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z', redisUrl });
    apps.push(app);
    await handle(invocation('mod', 'drive start ua-34-25 goal=10 deadline=2026-12-31'), app.deps, new RecordingLogger());
    return app;
  };
  const run = (app: TestApp, userId: string, line: string, delivery: string) => handleOnce(invocation(userId, line, delivery), app.deps, new RecordingLogger());
  /** As if the claim had been committed `ago` ms before now (its lifetime left says when). */
  const committedAgo = (app: TestApp, delivery: string, ago: number) => app.deps.claims.extend(deliveryKey(delivery), DELIVERY_TTL_MS - ago);

  it('answers an /acted committed seconds ago as a repeat (its process died before answering), and a twin of the moment not at all', async () => {
    const app = await open();
    expect(text(await run(app, 'm1', 'acted email', 'telegram:update:10'))).toContain('is counted');
    // At once: a twin in another process, which is answering it.
    expect(await run(app, 'm1', 'acted email', 'telegram:update:10')).toBeUndefined();
    await committedAgo(app, 'telegram:update:10', REDELIVERY_AFTER_MS + 1000);
    const again = await run(app, 'm1', 'acted email', 'telegram:update:10');
    expect(text(again)).toContain('was already counted');
    expect(text(again)).toContain('1 action by 1 member');
    expect((await app.deps.ledger.tally('ua-34-25')).actions).toBe(1);
  });

  it('enters a table count once however late it comes again, and answers the redelivery nothing', async () => {
    const app = await open();
    expect(text(await run(app, 'mod', 'tally add 12 post', 'telegram:update:20'))).toContain('Entered');
    expect(await run(app, 'mod', 'tally add 12 post', 'telegram:update:20')).toBeUndefined();
    await committedAgo(app, 'telegram:update:20', REDELIVERY_AFTER_MS + 1000);
    expect(await run(app, 'mod', 'tally add 12 post', 'telegram:update:20')).toBeUndefined();
    const drive = (await app.deps.drives.resolve('telegram:-1001'))!;
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(12);
    // Another update is another count.
    expect(text(await run(app, 'mod', 'tally add 3 post', 'telegram:update:21'))).toContain('Entered');
    expect((await app.deps.tallyBook.totals(drive.id)).total).toBe(15);
  });

  it('takes a table count back once: the redelivery answers nothing, not "no such entry"', async () => {
    const app = await open();
    const added = text(await run(app, 'mod', 'tally add 12 post', 'telegram:update:30'));
    const id = /Entered (\w+)/.exec(added)![1]!;
    expect(text(await run(app, 'mod', `tally undo ${id}`, 'telegram:update:31'))).toContain(`Taken back ${id}`);
    expect(await run(app, 'mod', `tally undo ${id}`, 'telegram:update:31')).toBeUndefined();
    // A new command for an entry that is gone is told so.
    expect(text(await run(app, 'mod', `tally undo ${id}`, 'telegram:update:32'))).toContain(id);
    expect(await app.deps.claims.remaining(deliveryKey('telegram:update:32'))).toBe(0);
  });

  it('posts news once, opening one round: its redelivery sends, keeps and opens nothing more', async () => {
    const app = await open();
    const line = 'news post ua-34-25 text="New officials" round=new';
    expect(text(await run(app, 'mod', line, 'telegram:update:40'))).toContain('News of');
    const events = (await app.deps.outbox.pending(100)).filter((e) => e.event.type === 'news');
    expect(events).toHaveLength(1);
    expect(await run(app, 'mod', line, 'telegram:update:40')).toBeUndefined();
    expect((await app.deps.outbox.pending(100)).filter((e) => e.event.type === 'news')).toHaveLength(1);
    const drive = (await app.deps.drives.resolve('telegram:-1001'))!;
    expect(drive.cases[0]!.round).toBe(2);
    expect(await app.deps.newsLog!.forSpace('ua-34-25', 'telegram:-1001')).toHaveLength(1);
  });

  it('posts news whose first delivery died after opening the round but before it committed: the same round, one news', async () => {
    const app = await open();
    const line = 'news post ua-34-25 text="New officials" round=new';
    // The first delivery opens the round, then its news is not committed (the store refuses it, as
    // a crash there would leave it): nothing is kept, nothing sent, the delivery stays free.
    const refusing = { ...app.deps, newsLog: { add: () => Promise.reject(new Error('the disk refused')), forSpace: async () => [] } } as unknown as typeof app.deps;
    await handleOnce(invocation('mod', line, 'telegram:update:50'), refusing, new RecordingLogger());
    expect((await app.deps.drives.resolve('telegram:-1001'))!.cases[0]!.round).toBe(2);
    expect(await app.deps.outbox.pending(100)).toEqual([]);
    expect(await app.deps.claims.remaining(deliveryKey('telegram:update:50'))).toBe(0);
    const again = await run(app, 'mod', line, 'telegram:update:50');
    expect(text(again)).toContain('Round 2 opens');
    const sent = (await app.deps.outbox.pending(100)).filter((e) => e.event.type === 'news');
    expect(sent).toHaveLength(1);
    const { news } = sent[0]!.event as { news: { id: string } };
    expect((await app.deps.drives.resolve('telegram:-1001'))!.cases[0]).toMatchObject({ round: 2, roundBy: news.id });
    expect((await app.deps.newsLog!.forSpace('ua-34-25', 'telegram:-1001')).map((n) => n.id)).toEqual([news.id]);
  });

  it('runs a lease command again when it died between its work and its mark, changing nothing twice', async () => {
    const app = await open();
    /** The first delivery did its work and died before marking it: its lease ran out, and the update comes again. */
    const twice = async (userId: string, line: string, delivery: string) => {
      const first = await run(app, userId, line, delivery);
      await app.deps.claims.release(deliveryKey(delivery));
      return [text(first), text(await run(app, userId, line, delivery))];
    };
    const [ended, endedAgain] = await twice('mod', 'drive end ua-34-25', 'telegram:update:60');
    expect(ended).toContain('Drive ended');
    expect(endedAgain).toContain('was ended by a moderator');
    const [endedDrive] = await app.deps.drives.listIn('telegram:-1001');
    expect(endedDrive).toMatchObject({ status: 'ended', endedAt: '2026-12-01T10:00:00.000Z' });

    const [started, startedAgain] = await twice('mod', 'drive start ua-34-25 goal=5 deadline=2026-12-31', 'telegram:update:61');
    expect(started).toContain('Drive started');
    expect(startedAgain).toContain('already running');
    expect(await app.deps.drives.openIn('telegram:-1001')).toHaveLength(1);

    const [reminded, remindedAgain] = await twice('m1', 'remindme ua-34-25', 'telegram:update:62');
    expect(reminded).toContain('I will remind you');
    expect(remindedAgain).toContain('You already have a reminder');

    const [followed, followedAgain] = await twice('m1', 'follow ua-34-25', 'telegram:update:63');
    expect(followed).toContain('I will tell you privately');
    expect(followedAgain).toContain('You already follow');
  });
});
