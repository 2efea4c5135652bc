import { describe, expect, it } from 'vitest';
import { BatchQueue, type BatchOptions } from '../../src/core/batch-queue.js';

type Item = { n: number; done: (value: string) => void; fail: (error: unknown) => void };

/** A queue whose flush records each batch and answers each item with its own result, after `hold`. */
function recording(options: BatchOptions, hold: () => Promise<void> = async () => undefined) {
  const batches: number[][] = [];
  let running = 0;
  let overlapped = false;
  const queue = new BatchQueue<Item>(async (batch) => {
    running++;
    overlapped ||= running > 1;
    batches.push(batch.map((item) => item.n));
    await hold();
    running--;
    for (const item of batch) {
      if (item.n < 0) item.fail(new Error(`refused ${item.n}`));
      else item.done(`ok ${item.n}`);
    }
  }, options);
  const add = (n: number) => new Promise<string>((done, fail) => queue.add({ n, done, fail }));
  return { batches, add, overlapped: () => overlapped };
}

describe('the batch queue of the store writes', () => {
  it('answers each caller with its own result, a refusal alone failing', async () => {
    const { add } = recording({ nextTurn: true });
    const results = await Promise.allSettled([add(1), add(-2), add(3)]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'ok 1' },
      { status: 'rejected', reason: new Error('refused -2') },
      { status: 'fulfilled', value: 'ok 3' },
    ]);
  });

  it('waits a turn so that the callers of one turn share a flush, in order, at most `max` at a time', async () => {
    const { batches, add } = recording({ nextTurn: true, max: 3 });
    await Promise.all([1, 2, 3, 4, 5].map(add));
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('without waiting, sends the first at once and groups what comes while it is written', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { batches, add, overlapped } = recording({}, () => (batches.length === 1 ? held : Promise.resolve()));
    const first = add(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4].map(add);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(overlapped()).toBe(false);
  });

  it('fails every item of a flush that throws, and goes on with the next', async () => {
    let calls = 0;
    const queue = new BatchQueue<Item>((batch) => {
      if (calls++ === 0) throw new Error('disk full');
      for (const item of batch) item.done(`ok ${item.n}`);
    }, { nextTurn: true });
    const add = (n: number) => new Promise<string>((done, fail) => queue.add({ n, done, fail }));
    const failed = await Promise.allSettled([add(1), add(2)]);
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : r.value))).toEqual(['disk full', 'disk full']);
    expect(await add(3)).toBe('ok 3');
  });
});
