// The orderly stop: no new work, commands already taken drained within SHUTDOWN_TIMEOUT, events
// handled, then the store closed.
import { bounded } from '../core/bounded.js';
import type { InFlight } from '../core/in-flight.js';
import type { PlatformAdapter } from '../adapters/types.js';

export type ShutdownParts = {
  adapters: PlatformAdapter[];
  inFlight: InFlight;
  /** Resolves once a reminder tick already running has finished. */
  stopScheduler(): Promise<void>;
  /**
   * Hands the events the last commands raised (milestones, progress) to the platforms while they are
   * still connected; stops handling when `boundMs` runs out (what is left stays in the outbox for the
   * next start).
   */
  finishEvents?(boundMs: number): Promise<void>;
  closeStore(): Promise<void>;
  timeoutMs: number;
  logger: { info(context: object, message: string): void; warn(context: object, message: string): void };
};

export type ShutdownResult = { drained: number; abandoned: number; ms: number };


/** The steps after the drain get at least this, even when the commands used all of SHUTDOWN_TIMEOUT. */
const STEP_MS = 1000;

/**
 * The order that keeps every acknowledged command: stop taking new work (listeners closed, polling
 * stopped, gateway left), finish what was taken up to the bound, let a running reminder tick end,
 * hand out the events raised meanwhile, release the platforms, and only then close the store. Every
 * step is bounded, so a stop ends within SHUTDOWN_TIMEOUT and a few seconds whatever the load. One
 * log line says what was drained.
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
  await bounded(parts.stopScheduler(), Math.max(left(), STEP_MS));
  if (parts.finishEvents) await parts.finishEvents(Math.max(left(), STEP_MS));
  await bounded(Promise.allSettled(parts.adapters.filter((a) => a.stopTaking).map((a) => a.stop())), 2 * STEP_MS);
  await bounded(parts.closeStore(), 2 * STEP_MS);
  const result = { drained, abandoned, ms: Date.now() - started };
  const line = `stopped (${reason}): ${drained} command${drained === 1 ? '' : 's'} drained${abandoned > 0 ? `, ${abandoned} still running at SHUTDOWN_TIMEOUT` : ''}`;
  if (abandoned > 0) parts.logger.warn(result, line);
  else parts.logger.info(result, line);
  return result;
}
