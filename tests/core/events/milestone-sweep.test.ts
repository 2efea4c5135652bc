import { afterEach, describe, expect, it, vi } from 'vitest';
import { Milestones } from '../../../src/core/events/milestones.js';
import { publicReply } from '../../../src/core/reply.js';
import type { Timer } from '../../../src/core/time.js';
import { testApp, type TestApp } from '../../support/app.js';
import { typer } from '../../support/invoke.js';

/** A timer the test fires by hand. */
class HandTimer implements Timer {
  pending = new Map<number, { fn: () => void; ms: number }>();
  private next = 0;
  set(fn: () => void, ms: number): unknown {
    this.pending.set(++this.next, { fn, ms });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const { fn } of due) fn();
  }
}

const mod = { userId: 'operator', moderator: true };

describe("sweeping an appeal's other drives for milestones, on the injected clock", () => {
  let app: TestApp;
  afterEach(() => app.close());

  async function setup() {
    app = await testApp({ now: '2026-12-01T10:00:00Z' });
    await typer(app.deps, 'shell:group-a')(mod, '/drive start ua-34-25 goal=2 deadline=2026-12-31');
    const inB = typer(app.deps, 'shell:group-b');
    await inB(mod, '/drive start ua-34-25 deadline=2026-12-31');
    const driveB = (await app.deps.drives.allActive()).find((d) => d.space === 'shell:group-b')!;
    const timer = new HandTimer();
    const posted: Array<[string, number]> = [];
    const milestones = new Milestones({
      ...app.deps,
      kv: app.store.kv,
      mutex: app.store.mutex,
      timer,
      poster: { postToSpace: async (space, reply) => void posted.push([space, Number(/(\d+)%/.exec(JSON.stringify(reply.blocks))?.[1])]) },
      post: (_drive, _appeal, _tally, percent) => publicReply([{ type: 'text', text: `${percent}%` }]),
    });
    return { inB, driveB, timer, posted, milestones };
  }

  it('leaves a second change within the gap to one trailing sweep, then sweeps at once when the clock has moved', async () => {
    const { inB, driveB, timer, posted, milestones } = await setup();
    await inB({ userId: 'ana' }, '/acted email');
    await milestones.checkAppealOf(driveB.id);
    expect(posted).toEqual([['shell:group-a', 50]]);

    // The same instant on the injected clock: the sweep waits for the end of its second.
    await inB({ userId: 'bo' }, '/acted email');
    await milestones.checkAppealOf(driveB.id);
    await milestones.checkAppealOf(driveB.id);
    expect(posted).toHaveLength(1);
    expect([...timer.pending.values()].map((p) => p.ms)).toEqual([1000]);
    timer.fireAll();
    await vi.waitFor(() => expect(posted).toEqual([['shell:group-a', 50], ['shell:group-a', 100]]));

    // A second later on the injected clock (none on the wall clock): swept at once, no timer.
    app.clock.advance(1000);
    await milestones.checkAppealOf(driveB.id);
    expect(timer.pending.size).toBe(0);
    milestones.stop();
  });

  it('stop() clears the trailing sweep', async () => {
    const { inB, driveB, timer, milestones } = await setup();
    await inB({ userId: 'ana' }, '/acted email');
    await milestones.checkAppealOf(driveB.id);
    await milestones.checkAppealOf(driveB.id);
    expect(timer.pending.size).toBe(1);
    milestones.stop();
    expect(timer.pending.size).toBe(0);
  });
});
