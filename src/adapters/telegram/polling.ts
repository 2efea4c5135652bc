// Telegram long polling that confirms only what was handled: an update fetched before a crash comes
// back after it.
import { GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../commands/index.js';

/** Updates fetched at once; also how far handling may run ahead of the slowest update still in hand. */
const FETCH_LIMIT = 100;
/** A failed getUpdates is asked again after 100 ms, doubling up to 5 s. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/** grammY types its signal with the abort-controller shim's class; Node's own is what it gets. */
type Signal = Parameters<Bot['api']['getUpdates']>[1];

export type PollingOptions = { timeoutSec: number; allowedUpdates: readonly string[]; logger: Logger };

/**
 * Long polling that confirms only what is handled. Telegram drops every update below the `offset`
 * of a getUpdates, so the offset asked is the lowest update still being handled (or one past the
 * last, when none is): an update fetched but not finished when the process dies comes back after
 * the restart, and the delivery claims make one handled before the crash answer nothing. Updates
 * run concurrently (grammY's sequentialize keeps one member's in order); an update Telegram sends
 * again while it is in hand is not run twice.
 */
export class ConfirmingPoller {
  private readonly inHand = new Set<number>();
  private next = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private abort = new AbortController();
  private wake: (() => void) | undefined;

  constructor(
    private readonly bot: Bot,
    private readonly options: PollingOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.poll();
  }

  isRunning(): boolean {
    return this.running;
  }

  /** Stops fetching; updates in hand finish under the shutdown's in-flight wait, and come back if they do not. */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    this.wake?.();
    await this.loop;
  }

  /** The offset that confirms exactly what is handled. */
  private offset(): number {
    return this.inHand.size > 0 ? Math.min(...this.inHand) : this.next;
  }

  private async poll(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let updates: Update[];
      try {
        // While updates are in hand, Telegram sends them again at once: ask without waiting.
        const timeout = this.inHand.size > 0 ? 0 : this.options.timeoutSec;
        updates = await this.bot.api.getUpdates({ offset: this.offset(), limit: FETCH_LIMIT, timeout, allowed_updates: [...this.options.allowedUpdates] as never }, this.abort.signal as unknown as Signal);
        failures = 0;
      } catch (error) {
        if (!this.running) return;
        failures += 1;
        if (error instanceof GrammyError && error.error_code === 401) this.options.logger.error({ err: error }, 'telegram refused the token while polling');
        else this.options.logger.warn({ err: error, failures }, 'telegram getUpdates failed; asking again');
        await this.pause(Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS));
        continue;
      }
      const fresh = updates.filter((u) => u.update_id >= this.next && !this.inHand.has(u.update_id));
      for (const update of fresh) this.take(update);
      // Nothing new while some are in hand: wait for one to finish (the offset moves), then ask again.
      if (fresh.length === 0 && this.inHand.size > 0) await this.pause();
    }
  }

  private take(update: Update): void {
    this.inHand.add(update.update_id);
    this.next = Math.max(this.next, update.update_id + 1);
    // bot.catch logs a failing handler; an update that failed is not fetched again (the member was answered).
    void this.bot
      .handleUpdate(update)
      .catch((error: unknown) => this.options.logger.error({ err: error, update_id: update.update_id }, 'telegram update failed'))
      .finally(() => {
        this.inHand.delete(update.update_id);
        this.wake?.();
      });
  }

  /** Until an update in hand finishes, or `ms` (when given), or stop. */
  private pause(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
