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
  const cause = (error as { error?: unknown; cause?: unknown }).error ?? (error as { cause?: unknown }).cause;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException).code;
  if ((error as Error).name === 'TimeoutError' || (cause as Error | undefined)?.name === 'TimeoutError' || (cause as Error | undefined)?.name === 'AbortError') return 'no answer';
  return code ?? (error as Error).message ?? String(error);
}
