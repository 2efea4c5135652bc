/**
 * Requests a platform is waiting on: an HTTP request taken and not yet answered (Slack shows the
 * member an error if its ack takes over 3 s). Work that can wait yields to them (see `Lane`).
 */
export class OpenRequests {
  private open = 0;
  private readonly quietListeners = new Set<() => void>();
  private quietTimer: NodeJS.Timeout | undefined;

  /**
   * `quietMs`: how long nothing must be open before work that can wait goes on. In a burst the next
   * request is usually already in the socket when the last one is answered.
   */
  constructor(private readonly quietMs = 3) {}

  /** Counts one request as open; the function returned closes it (once, however often it is called). */
  opened(): () => void {
    this.open++;
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      if (--this.open > 0) return;
      this.quietTimer = setTimeout(() => {
        this.quietTimer = undefined;
        for (const listener of [...this.quietListeners]) listener();
      }, this.quietMs);
    };
  }

  /** True while a request is open, or one was answered less than `quietMs` ago. */
  get busy(): boolean {
    return this.open > 0 || this.quietTimer !== undefined;
  }

  /** Calls `listener` each time the requests fall quiet; returns the function that stops it. */
  onQuiet(listener: () => void): () => void {
    this.quietListeners.add(listener);
    return () => this.quietListeners.delete(listener);
  }
}

/** How long a task holds its place among the lane's `concurrency` at most. */
const DEFAULT_SLOT_MS = 10_000;

type Queued = { task: () => Promise<unknown>; at: number; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Work that can wait (an answer on a Slack response_url, which stays valid 30 minutes; a language
 * lookup): it runs `concurrency` at a time, in order, and only while no request is open, so that a
 * burst of requests is answered first. None waits longer than `maxWaitMs` for the requests to fall
 * quiet: under load that never stops, it runs anyway. A task holds its place among the `concurrency`
 * for `slotMs` at most: one the platform keeps waiting (the Slack client retries a failing call for
 * up to half an hour) goes on, but no longer holds up the others.
 */
export class Lane {
  private readonly queue: Queued[] = [];
  private running = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly requests: OpenRequests | undefined,
    private readonly options: { concurrency: number; maxWaitMs: number; slotMs?: number },
  ) {
    requests?.onQuiet(() => this.pump());
  }

  /**
   * Runs `task` in its turn; its result or error passes through untouched. `since` (ms since the
   * epoch): when the wait began, if before now (the request it answers arrived then).
   */
  later<T>(task: () => Promise<T>, since = Date.now()): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, at: since, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** How many wait for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const overdue = Date.now() - this.queue[0]!.at >= this.options.maxWaitMs;
      if (this.requests?.busy && !overdue) {
        this.wakeAtDeadline();
        return;
      }
      const next = this.queue.shift()!;
      this.running++;
      let slot: NodeJS.Timeout | undefined;
      const release = () => {
        if (slot === undefined) return;
        clearTimeout(slot);
        slot = undefined;
        this.running--;
        this.pump();
      };
      slot = setTimeout(release, this.options.slotMs ?? DEFAULT_SLOT_MS);
      slot.unref();
      void Promise.resolve().then(next.task).then(next.resolve, next.reject).finally(release);
    }
  }

  /** While requests are open, the oldest task still goes at its deadline. */
  private wakeAtDeadline(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.queue[0]!.at + this.options.maxWaitMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
  }
}
