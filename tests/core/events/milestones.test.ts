import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS } from '../../../src/core/events/relay.js';
import { testApp, type TestApp } from '../../support/app.js';
import { startedEvents, testEvents, type TestEvents } from '../../support/events.js';
import { typer } from '../../support/invoke.js';
import { RecordingNotifier } from '../../support/notifier.js';

const mod = { userId: 'operator', moderator: true };
const milestonesIn = (notifier: RecordingNotifier) => notifier.posts.filter((p) => p.text.includes('of the goal reached')).map((p) => p.text);

describe('milestones, after the answer', () => {
  const open: Array<{ app: TestApp; events?: TestEvents }> = [];
  afterEach(async () => {
    for (const { app, events } of open.splice(0)) {
      await events?.stop();
      await app.close();
    }
  });

  async function setup(goal: number, notifier = new RecordingNotifier('shell')) {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    const events = await startedEvents(app, [notifier]);
    open.push({ app, events });
    const type = typer(app.deps);
    await type(mod, `/drive start ua-34-25 goal=${goal} deadline=2026-12-31`);
    return { app, events, notifier, type };
  }

  it('posts one message for the highest milestone crossed, with its real percentage', async () => {
    const one = await setup(1);
    await one.type({ userId: 'ana' }, '/acted email');
    await one.events.settle();
    expect(milestonesIn(one.notifier)).toEqual([expect.stringMatching(/^100% of the goal reached for Stop illegal expulsions to El Salvador: 1 member acted so far \(goal 1/)]);

    const five = await setup(5);
    await five.type({ userId: 'ana' }, '/acted email');
    await five.type({ userId: 'bo' }, '/acted post');
    await five.events.settle();
    expect(milestonesIn(five.notifier)).toEqual([expect.stringMatching(/^40% of the goal reached/)]);
  });

  it('counts members, so one member claiming every method alone crosses nothing', async () => {
    const { type, events, notifier } = await setup(10);
    for (const method of ['email', 'post', 'phone', 'social', 'other']) await type({ userId: 'ana' }, `/acted ${method}`);
    await events.settle();
    expect(milestonesIn(notifier)).toEqual([]);
    await Promise.all(['b', 'c'].map((u) => type({ userId: u }, '/acted email')));
    await events.settle();
    expect(milestonesIn(notifier)).toEqual([expect.stringMatching(/^30% of the goal reached.*3 members acted so far \(goal 10; each member counts once/)]);
  });

  it("announces a group's milestone reached through actions recorded in another group's drive of the same appeal", async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    const notifier = new RecordingNotifier('shell');
    const events = await startedEvents(app, [notifier]);
    open.push({ app, events });
    // Group A has the goal; group B's drive has none. The count belongs to the appeal.
    await typer(app.deps, 'shell:group-a')(mod, '/drive start ua-34-25 goal=4 deadline=2026-12-31');
    const inB = typer(app.deps, 'shell:group-b');
    await inB(mod, '/drive start ua-34-25 deadline=2026-12-31');
    await events.settle();
    for (const member of ['a', 'b', 'c', 'd']) await inB({ userId: member }, '/acted email');
    await events.settle();
    const posted = notifier.posts.filter((p) => p.text.includes('of the goal reached'));
    expect(posted.map((p) => [p.to, p.text.slice(0, 30)])).toEqual([['shell:group-a', '100% of the goal reached for S']]);
  });

  it('announces each milestone once, also after an undo and a second action', async () => {
    const { type, events, notifier } = await setup(4);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((u) => type({ userId: u }, '/acted email')));
    await events.settle();
    await type({ userId: 'a' }, '/undo email');
    await type({ userId: 'a' }, '/acted email');
    await events.settle();
    expect(milestonesIn(notifier)).toHaveLength(1);
    expect(milestonesIn(notifier)[0]).toMatch(/^125% of the goal reached/);
  });

  it('re-arms when the goal changes: reaching the new goal is announced', async () => {
    const { type, events, notifier } = await setup(1);
    await type({ userId: 'a' }, '/acted email');
    await events.settle();
    await type(mod, '/drive set goal=3');
    await events.settle();
    await type({ userId: 'b' }, '/acted email');
    await events.settle();
    await type({ userId: 'c' }, '/acted email');
    await events.settle();
    expect(milestonesIn(notifier).map((t) => t.slice(0, 4))).toEqual(['100%', '66% ', '100%']);
  });

  it('says nothing when milestones are turned off', async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    const notifier = new RecordingNotifier('shell');
    const events = await startedEvents(app, [notifier]);
    open.push({ app, events });
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=2 deadline=2026-12-31 milestones=off');
    await Promise.all(['a', 'b', 'c'].map((u) => type({ userId: u }, '/acted email')));
    await events.settle();
    expect(notifier.posts).toEqual([]);
  });

  it('answers /acted when the milestone post fails, and posts the milestone once later', async () => {
    const notifier = new RecordingNotifier('shell');
    let refusals = 1;
    const post = notifier.postToSpace.bind(notifier);
    notifier.postToSpace = async (space, reply) => {
      if (refusals-- > 0) throw new Error('platform down');
      return post(space, reply);
    };
    const { app, type, events } = await setup(1, notifier);
    const answer = await type({ userId: 'ana' }, '/acted email');
    expect(answer.plain).toContain('1 action by 1 member');
    await events.settle();
    expect(milestonesIn(notifier)).toEqual([]);
    expect(events.logger.entries.some((e) => e.message.includes('tried again later'))).toBe(true);
    expect(events.timer.lastDelay).toBe(FIRST_RETRY_MS);
    await events.settle();
    expect(milestonesIn(notifier)).toEqual([]);
    app.clock.advance(FIRST_RETRY_MS);
    await events.settle();
    await events.settle();
    expect(milestonesIn(notifier)).toHaveLength(1);
    expect(await app.deps.outbox.pending(10)).toEqual([]);
  });

  it('drops a member\'s pending events on /forgetme: no member key waits in the outbox', async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    open.push({ app });
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=10 deadline=2026-12-31');
    await type({ userId: 'ana' }, '/acted email');
    await type({ userId: 'bo' }, '/acted email');
    await type({ userId: 'ana' }, '/forgetme yes');
    const pending = await app.deps.outbox.pending(10);
    expect(pending.map((e) => (e.event.type === 'recorded' ? e.event.member : ''))).toEqual([app.deps.memberKey('shell', 'bo')]);
  });

  it('keeps an action recorded before the adapters start, and announces its milestone once they do', async () => {
    const app = await testApp({ now: '2026-12-01T10:00:00Z' });
    const events = testEvents(app);
    open.push({ app, events });
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25 goal=1 deadline=2026-12-31');
    await type({ userId: 'ana' }, '/acted email');
    expect(await app.deps.outbox.pending(10)).toEqual([expect.objectContaining({ event: expect.objectContaining({ type: 'recorded', created: true }) })]);
    const notifier = new RecordingNotifier('shell');
    await events.start([notifier]);
    await events.settle();
    expect(milestonesIn(notifier)).toHaveLength(1);
    expect(await app.deps.outbox.pending(10)).toEqual([]);
  });
});
