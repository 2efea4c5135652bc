import { StoreError } from './errors.js';

/** Runs a store call; a keyv failure becomes a StoreError naming the data it was about. */
export async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof StoreError ? error : new StoreError(`the store could not be reached for ${what}`, { cause: error });
  }
}

/**
 * Runs get-then-set sequences one at a time: keyv has no transactions, so two interleaved
 * read-modify-writes of the same key would lose one of them.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
