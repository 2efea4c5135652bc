// SIGTERM and SIGINT start the orderly stop and exit once it is done; unhandled rejections are
// logged, not fatal.
import type pino from 'pino';

/** What a container runtime, a supervisor or Ctrl-C sends; `npm start` passes them on to the bot. */
export const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * The first signal starts the orderly stop and exits once it is done (1 if it failed); a second one
 * only says the stop is still waiting. One failed promise somewhere in an SDK must not take every
 * group's bot down with it: unhandled rejections are logged.
 */
export function exitOnSignals(stop: (reason: string) => Promise<void>, logger: pino.Logger): void {
  let stopping = false;
  const exitAfter = (reason: string) => {
    stopping = true;
    void stop(reason).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (stopping) return logger.warn({ signal }, 'already stopping: waiting for commands already taken (SHUTDOWN_TIMEOUT)');
      logger.info({ signal }, 'stopping: no new commands taken');
      exitAfter(signal);
    });
  }
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}
