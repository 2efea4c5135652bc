// Health, readiness and metrics for one running bot, as one route on the bot's HTTP server.
import type { App } from '../app/app.js';
import type { PlatformAdapter } from '../adapters/types.js';
import { Metrics } from './metrics.js';
import type { ReadinessCheck } from './readiness.js';
import { opsRoutes, type Route } from './routes.js';

export { Metrics } from './metrics.js';
export { opsRoutes, type Route } from './routes.js';
export { readiness, type Readiness, type ReadinessCheck } from './readiness.js';

/** Health, readiness and metrics for one running bot; `route` goes on the bot's HTTP server. */
export type Ops = {
  metrics: Metrics;
  route: Route;
  /** The platforms /readyz asks from now on (before this, it answers 503: starting). */
  watch(adapters: readonly PlatformAdapter[]): void;
  /**
   * A shutdown has begun: /readyz answers 503 "stopping" from now on, so that a load balancer sends
   * the next request to another process while this one drains (/healthz stays 200 until the server closes).
   */
  stopping(): void;
  /** Why `platform` is not up yet while its start-up retries; undefined once it answered. */
  startup(platform: string, reason: string | undefined): void;
};

/**
 * Wires metrics into the command path (every command's outcome and time, every recorded action)
 * and builds the /healthz, /readyz and /metrics route.
 */
export function createOps(app: App, options: { metricsToken?: string; processMetrics?: boolean; logger?: { warn(context: object, message: string): void } } = {}): Ops {
  const metrics = new Metrics({ processMetrics: options.processMetrics });
  // The pipeline tells it every command's outcome and every action recorded.
  app.deps.observer = metrics;
  // Events recorded but not yet handled (milestones, live progress): a backlog that keeps growing
  // means no process is handling them. NaN while the store does not answer (/readyz says why).
  metrics.gauge('actionbot_outbox_backlog', 'Events waiting in the outbox to be handled (milestones, reminders removed, live progress).', () =>
    app.deps.outbox.count().catch(() => Number.NaN),
  );
  let logged: string | undefined;
  const store: ReadinessCheck = {
    name: 'store',
    async check() {
      const health = await app.store.health();
      if (health.ok) {
        logged = undefined;
        return { ok: true };
      }
      // /readyz is public: it answers the reason; where the store is and what it said go to the log, once.
      const detail = health.detail ?? health.reason;
      if (detail !== logged) options.logger?.warn({ detail }, 'store not ready');
      logged = detail;
      return { ok: false, reason: health.reason };
    },
  };
  let platforms: ReadinessCheck[] | undefined;
  let stopping = false;
  const waiting = new Map<string, string>();
  const starting: ReadinessCheck = {
    name: 'platforms',
    check: () => ({ ok: false, reason: ['starting', ...[...waiting].map(([platform, reason]) => `${platform} ${reason}`)].join('; ') }),
  };
  // Only this one while stopping: the store is about to close and need not be asked.
  const stoppingCheck: ReadinessCheck = { name: 'process', check: () => ({ ok: false, reason: 'stopping' }) };
  return {
    metrics,
    route: opsRoutes({ checks: () => (stopping ? [stoppingCheck] : [store, ...(platforms ?? [starting])]), metrics, metricsToken: options.metricsToken }),
    watch(adapters) {
      platforms = adapters.map((adapter) => ({ name: adapter.platform, check: () => adapter.ready() }));
    },
    stopping() {
      stopping = true;
    },
    startup(platform, reason) {
      if (reason === undefined) waiting.delete(platform);
      else waiting.set(platform, reason);
    },
  };
}
