// What every platform adapter offers the wiring: start and stop, readiness, a notifier.
import type { Deps, Logger } from '../commands/index.js';
import type { InFlight } from '../core/in-flight.js';
import type { Notifier } from '../core/notifier.js';

/** Whether a part of the bot can serve members now; `reason` says what is wrong when it cannot. */
export type Readiness = { ok: true } | { ok: false; reason: string };

/**
 * A running platform adapter: the transport port (start was the factory; stop ends it). An adapter
 * whose `stop` would also cut off the answers of commands already taken has `stopTaking`: no new
 * work is taken, what was taken still answers, and `stop` follows once it has drained.
 */
export type PlatformAdapter = {
  platform: 'discord' | 'telegram' | 'slack' | 'shell';
  notifier: Notifier;
  /** Connected to the platform now (gateway READY, polling answered, socket open, listener serving): for /readyz. */
  ready(): Readiness;
  stop(): Promise<void>;
  stopTaking?(): Promise<void>;
  /** Metrics (prom-client JSON) of the processes this adapter started (Discord shard processes), for /metrics. */
  childMetrics?(): Promise<unknown[][]>;
};

/**
 * `inFlight` counts every delivery the adapter takes, so a shutdown can wait for them; `startup` is
 * told why the platform is not up yet while its start-up retries (/readyz says it), undefined once up.
 */
export type AdapterContext = { deps: Deps; logger: Logger; inFlight?: InFlight; startup?: (reason: string | undefined) => void };
