import type { InFlight } from './core/in-flight.js';
import type { PlatformAdapter } from './adapters/types.js';

export type ShutdownParts = {
  adapters: PlatformAdapter[];
  inFlight: InFlight;
  /** Resolves once a reminder tick already running has finished. */
  stopScheduler(): Promise<void>;
  closeStore(): Promise<void>;
  timeoutMs: number;
  logger: { info(context: object, message: string): void; warn(context: object, message: string): void };
};

export type ShutdownResult = { drained: number; abandoned: number; ms: number };

/** Resolves when `promise` does or `ms` has passed, whichever comes first; never rejects. */
async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}

/**
 * The order that keeps every acknowledged command: stop taking new work (listeners closed, polling
 * stopped, gateway left), finish what was taken up to the bound, let a running reminder tick end,
 * release the platforms, and only then close the store. One log line says what was drained.
 */
export async function shutdown(parts: ShutdownParts, reason: string): Promise<ShutdownResult> {
  const started = Date.now();
  // Drained: what finished from the signal on, whether it ended while the listeners closed or after.
  const finishedBefore = parts.inFlight.finishedCount;
  const left = () => parts.timeoutMs - (Date.now() - started);
  const intake = parts.adapters.map((a) => (a.stopTaking ? a.stopTaking() : a.stop()));
  await bounded(Promise.allSettled(intake), left());
  const { abandoned } = await parts.inFlight.drain(Math.max(0, left()));
  const drained = parts.inFlight.finishedCount - finishedBefore;
  await bounded(parts.stopScheduler(), Math.max(left(), 1000));
  await bounded(Promise.allSettled(parts.adapters.filter((a) => a.stopTaking).map((a) => a.stop())), 2000);
  await parts.closeStore();
  const result = { drained, abandoned, ms: Date.now() - started };
  const line = `stopped (${reason}): ${drained} command${drained === 1 ? '' : 's'} drained${abandoned > 0 ? `, ${abandoned} still running at SHUTDOWN_TIMEOUT` : ''}`;
  if (abandoned > 0) parts.logger.warn(result, line);
  else parts.logger.info(result, line);
  return result;
}
