import type { App } from '../app.js';
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
};

/** The space id starts with its platform: `telegram:-100...`, `slack:T1/C1`. */
const platformOf = (space: string) => space.slice(0, space.indexOf(':'));

/**
 * Wires metrics into the command path (every command's outcome and time, every recorded action)
 * and builds the /healthz, /readyz and /metrics route.
 */
export function createOps(app: App, options: { metricsToken?: string; processMetrics?: boolean } = {}): Ops {
  const metrics = new Metrics({ processMetrics: options.processMetrics });
  app.deps.observer = metrics;
  app.deps.onRecorded.push(async (event) => {
    if (event.created) metrics.actionRecorded(platformOf(event.drive.space), event.method);
  });
  const store: ReadinessCheck = {
    name: 'store',
    async check() {
      await app.store.kv.get('readyz');
      return { ok: true };
    },
  };
  let platforms: ReadinessCheck[] | undefined;
  const starting: ReadinessCheck = { name: 'platforms', check: () => ({ ok: false, reason: 'starting' }) };
  return {
    metrics,
    route: opsRoutes({ checks: () => [store, ...(platforms ?? [starting])], metrics, metricsToken: options.metricsToken }),
    watch(adapters) {
      platforms = adapters.map((adapter) => ({ name: adapter.platform, check: () => adapter.ready() }));
    },
  };
}
