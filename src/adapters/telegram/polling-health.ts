// Long polling's health for /readyz: whether the last getUpdates came back.
import type { Transformer } from 'grammy';
import type { Readiness } from '../types.js';

/**
 * Watches long polling from the API side: the last getUpdates that came back says whether Telegram
 * answers. The runner retries by itself; this only reports, for /readyz.
 */
export class PollingHealth {
  private state: Readiness = { ok: false, reason: 'polling not started' };

  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const result = await prev(method, payload, signal);
      this.state = result.ok ? { ok: true } : { ok: false, reason: `getUpdates: ${result.description}` };
      return result;
    } catch (error) {
      // Stopping the runner aborts the pending getUpdates; that is no outage.
      if (!signal?.aborted) this.state = { ok: false, reason: `getUpdates: ${(error as Error).message}` };
      throw error;
    }
  };

  /** Polling started: ready until a getUpdates fails. */
  started(): void {
    this.state = { ok: true };
  }

  readiness(running: boolean): Readiness {
    return running ? this.state : { ok: false, reason: 'polling stopped' };
  }
}
