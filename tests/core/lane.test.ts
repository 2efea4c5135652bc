import { describe, expect, it } from 'vitest';
import { Lane, OpenRequests } from '../../src/core/lane.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('work that can wait', () => {
  it('runs a few at a time, in the order given, and passes results and errors through', async () => {
    const lane = new Lane(undefined, { concurrency: 2, maxWaitMs: 1000 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await sleep(5);
      running--;
      if (i === 3) throw new Error('three');
      return i * 10;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => lane.later(task(i))));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 10, 20, 'three', 40]);
  });

  it('waits while a request is open and goes once the requests have been quiet a moment', async () => {
    const requests = new OpenRequests(5);
    const lane = new Lane(requests, { concurrency: 4, maxWaitMs: 1000 });
    const close = [requests.opened(), requests.opened()];
    let ran = false;
    const done = lane.later(async () => (ran = true));
    await sleep(30);
    expect(ran).toBe(false);
    expect(lane.waiting).toBe(1);
    close[0]!();
    close[0]!(); // closing twice counts once
    await sleep(30);
    expect(ran).toBe(false);
    close[1]!();
    expect(requests.busy).toBe(true); // quiet for 5 ms first
    await done;
    expect(ran).toBe(true);
    expect(requests.busy).toBe(false);
  });

  it('never waits longer than its bound while requests keep coming', async () => {
    const requests = new OpenRequests(5);
    const lane = new Lane(requests, { concurrency: 1, maxWaitMs: 40 });
    requests.opened(); // never answered
    const queued = Date.now();
    const ran = await lane.later(async () => Date.now());
    expect(ran - queued).toBeGreaterThanOrEqual(39);
    expect(ran - queued).toBeLessThan(1000);
  });

  it('lets a task that hangs hold its place only so long: the others go on', async () => {
    const lane = new Lane(undefined, { concurrency: 1, maxWaitMs: 1000, slotMs: 30 });
    void lane.later(() => new Promise<never>(() => undefined));
    const started = Date.now();
    const next = await lane.later(async () => Date.now());
    expect(next - started).toBeGreaterThanOrEqual(25);
    expect(next - started).toBeLessThan(1000);
  });
});
