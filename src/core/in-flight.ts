/**
 * Commands taken and not yet finished. Adapters run every delivery they accept through `track`;
 * on shutdown, once nothing new comes in, `drain` waits for those already taken, up to a bound.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private waiters: Array<() => void> = [];
  private finished = 0;

  /** How many are running now. */
  get size(): number {
    return this.running.size;
  }

  /** How many have finished since this tracker was made. */
  get finishedCount(): number {
    return this.finished;
  }

  /** Runs `work` and counts it until it settles (its result and error pass through untouched). */
  track<T>(work: () => Promise<T>): Promise<T> {
    const promise = Promise.resolve().then(work);
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(settled);
    void settled.then(() => {
      this.running.delete(settled);
      this.finished += 1;
      if (this.running.size === 0) for (const wake of this.waiters.splice(0)) wake();
    });
    return promise;
  }

  /**
   * Waits until nothing is running or `timeoutMs` has passed. `drained` counts what finished while
   * waiting; `abandoned` what was still running at the bound.
   */
  async drain(timeoutMs: number): Promise<{ drained: number; abandoned: number }> {
    const before = this.finished;
    if (this.running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    }
    return { drained: this.finished - before, abandoned: this.running.size };
  }
}
