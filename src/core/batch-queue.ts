/**
 * Group commit, written once for the store's write queues (SQLite's small writes, both ledgers):
 * callers queue an item, and one flush at a time writes everything waiting in one transaction or
 * script call. The flush answers each item with its own result (now, or later: after a WAL sync);
 * a flush that throws fails every item it was given, with that error.
 */
export type BatchOptions = {
  /** Items per flush at most; what is left goes in the next flush (default: no limit). */
  max?: number;
  /**
   * Waits one turn of the event loop before each flush, so that every caller of this turn shares it
   * (a burst costs one commit). Without, the first item goes at once, alone, and the items that
   * arrive meanwhile share the next flush.
   */
  nextTurn?: boolean;
};

/**
 * Each item carries its caller's answer (`fail` at least): the caller makes the promise and queues
 * the item that settles it, so an item costs no allocation beyond the promise and the item itself.
 * Items are flushed in the order they were added.
 */
export class BatchQueue<T extends { fail(error: unknown): void }> {
  private waiting: T[] = [];
  private flushing = false;
  private readonly max: number;

  constructor(
    private readonly flush: (batch: T[]) => void | Promise<void>,
    private readonly options: BatchOptions = {},
  ) {
    this.max = options.max ?? Infinity;
  }

  add(item: T): void {
    this.waiting.push(item);
    if (this.flushing) return;
    this.flushing = true;
    if (this.options.nextTurn) setImmediate(this.drain);
    else void this.drain();
  }

  private readonly drain = async (): Promise<void> => {
    for (;;) {
      let batch: T[];
      if (this.waiting.length <= this.max) {
        batch = this.waiting;
        this.waiting = [];
      } else {
        batch = this.waiting.splice(0, this.max);
      }
      try {
        await this.flush(batch);
      } catch (error) {
        for (const item of batch) item.fail(error);
      }
      if (this.waiting.length === 0) break;
      if (this.options.nextTurn) await new Promise((resolve) => setImmediate(resolve));
    }
    this.flushing = false;
  };
}
