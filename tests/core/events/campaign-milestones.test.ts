import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app.js';
import { startedEvents, type TestEvents } from '../../support/events.js';
import { typer } from '../../support/invoke.js';
import { RecordingNotifier } from '../../support/notifier.js';
import { addCampaignCases } from '../../support/campaign.js';

const mod = { userId: 'operator', moderator: true };

describe("a campaign's milestones and final tally", () => {
  let app: TestApp;
  let events: TestEvents;
  let notifier: RecordingNotifier;
  beforeEach(async () => {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    await addCampaignCases(app.deps, app.clock.now());
    notifier = new RecordingNotifier('shell');
    events = await startedEvents(app, [notifier]);
  });
  afterEach(async () => {
    await events.stop();
    await app.close();
  });

  it('counts the actions on all its cases against the whole goal, and says so', async () => {
    const type = typer(app.deps);
    await type(mod, '/drive start ua-34-25,ua-1-26 goal=4 deadline=2026-12-31');
    // One member on both cases: two actions, one person.
    await type({ userId: 'ana' }, '/acted email 1');
    await type({ userId: 'ana' }, '/acted email 2');
    await events.settle();
    const posts = notifier.posts.map((p) => p.text).filter((t) => t.includes('of the goal reached'));
    expect(posts).toEqual([expect.stringMatching(/^50% of the goal reached for ua-34-25, ua-1-26: 2 actions on its cases so far \(goal 4\)/)]);
  });
});
