// A Bot API transformer: waits out 429s (capped) and retries 5xx twice, logging what it does.
import type { Transformer } from 'grammy';
import type { Logger } from '../../commands/index.js';

export type RetryOptions = {
  /** Longest `retry_after` honoured; a longer flood wait fails the call (and is logged). */
  maxRetryAfterSec?: number;
  /** Retries of 429 answers per call. */
  rateRetries?: number;
  /** Retries of 5xx answers per call, with doubling delays from `baseDelayMs`. */
  serverRetries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of every 429 before its wait (other processes hold off too: the news pacer). */
  onRateLimit?: (method: string, payload: unknown, retryAfterSec: number) => Promise<void>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Bot API transformer: a 429 waits `parameters.retry_after` seconds (capped) and tries again, a
 * 5xx is retried a couple of times with backoff; any other failure is logged with the method and
 * Telegram's description and handed back to the caller, which decides (a refused DM becomes a deep link).
 * It does what grammY's auto-retry plugin does, with a cap on attempts and waits, a log line per wait,
 * and an injectable sleep, so tests check every wait Telegram asked for without spending it.
 */
export function retryTransformer(logger: Logger, options: RetryOptions = {}): Transformer {
  const { maxRetryAfterSec = 60, rateRetries = 3, serverRetries = 2, baseDelayMs = 250, sleep = wait, onRateLimit } = options;
  return async (prev, method, payload, signal) => {
    let rate = 0;
    let server = 0;
    for (;;) {
      const result = await prev(method, payload, signal);
      if (result.ok) return result;
      const retryAfter = result.parameters?.retry_after;
      if (result.error_code === 429 && retryAfter !== undefined) await onRateLimit?.(method, payload, retryAfter).catch(() => undefined);
      if (result.error_code === 429 && retryAfter !== undefined && retryAfter <= maxRetryAfterSec && rate < rateRetries) {
        rate++;
        logger.warn({ method, retryAfter }, 'telegram rate limit: waiting');
        await sleep(retryAfter * 1000);
        continue;
      }
      if (result.error_code >= 500 && server < serverRetries) {
        logger.warn({ method, code: result.error_code, attempt: server + 1 }, 'telegram server error: retrying');
        await sleep(baseDelayMs * 2 ** server++);
        continue;
      }
      // getUpdates is the long-poll loop's business (the runner retries it); a 403 is a refused DM.
      const log = result.error_code === 403 ? logger.info.bind(logger) : logger.warn.bind(logger);
      if (method !== 'getUpdates') log({ method, code: result.error_code, description: result.description }, 'telegram call failed');
      return result;
    }
  };
}
