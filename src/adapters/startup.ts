// A platform's first call at start-up, retried with each attempt logged and said in /readyz until
// the API answers.
import type { Logger } from '../commands/index.js';

export type StartupRetry = {
  logger: Logger;
  /** Told why the platform is not up yet (for /readyz), and `undefined` once it answered. */
  report?: (reason: string | undefined) => void;
  /** An error that no retry will mend (a refused token): thrown at once. */
  isFinal: (error: unknown) => boolean;
  /** Each attempt's bound (default 10 s): an API that takes the connection and never answers counts as unreachable. */
  attemptTimeoutMs?: number;
  /** Waits between attempts double from `firstDelayMs` (1 s) to `maxDelayMs` (30 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The first call a platform adapter makes at start-up, retried until the platform's API answers, with
 * a log line for every failed attempt and the reason where /readyz reads it. An SDK's own start-up
 * retries in silence (grammY's getMe backs off up to 20 minutes and says nothing), so an operator
 * saw a bot that neither ran nor failed.
 */
export async function untilReachable<T>(api: string, attempt: (signal: AbortSignal) => Promise<T>, options: StartupRetry): Promise<T> {
  const { attemptTimeoutMs = 10_000, firstDelayMs = 1000, maxDelayMs = 30_000, sleep = wait } = options;
  let delay = firstDelayMs;
  for (let n = 1; ; n++) {
    try {
      const result = await attempt(AbortSignal.timeout(attemptTimeoutMs));
      options.report?.(undefined);
      return result;
    } catch (error) {
      if (options.isFinal(error)) throw error;
      const reason = `cannot reach ${api} (attempt ${n}: ${describe(error)})`;
      options.report?.(reason);
      options.logger.warn({ attempt: n, retryInMs: delay, err: error }, `${reason}; retrying in ${Math.round(delay / 1000)} s`);
      await sleep(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}

function describe(error: unknown): string {
  // grammY keeps the network error as `error`, Slack's client as `original`, fetch as `cause`: the
  // first system error code along that chain says it best (ECONNREFUSED, ENOTFOUND...).
  let at: unknown = error;
  for (let depth = 0; depth < 4 && typeof at === 'object' && at !== null; depth++) {
    const e = at as { code?: unknown; name?: unknown; error?: unknown; original?: unknown; cause?: unknown };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer';
    if (typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return e.code;
    at = e.error ?? e.original ?? e.cause;
  }
  return (error as Error).message ?? String(error);
}
