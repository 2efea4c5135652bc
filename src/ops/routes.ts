// The /healthz, /readyz and /metrics routes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.js';
import { readiness, type ReadinessCheck } from './readiness.js';

/** A route of the bot's HTTP server: answers the request (true) or leaves it to the next route. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export type OpsRoutesOptions = {
  /** The parts /readyz asks, read on every request (platforms join as they start). */
  checks: () => readonly ReadinessCheck[];
  metrics: Metrics;
  /** When set, /metrics wants `Authorization: Bearer <token>`: the drive pages make this server public. */
  metricsToken?: string;
  timeoutMs?: number;
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
  return true;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * /healthz (the process serves requests), /readyz (the store and every configured platform are up;
 * 503 naming what is not) and /metrics (Prometheus text), for supervisors, load balancers and
 * Prometheus. GET and HEAD only.
 */
export function opsRoutes(options: OpsRoutesOptions): Route {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    switch (url.pathname) {
      case '/healthz':
        return send(res, 200, 'ok\n');
      case '/readyz': {
        const report = await readiness(options.checks(), options.timeoutMs);
        return send(res, report.ok ? 200 : 503, `${JSON.stringify(report)}\n`, 'application/json');
      }
      case '/metrics':
        if (!authorized(req, options.metricsToken)) return send(res, 401, 'METRICS_TOKEN required\n', undefined, { 'www-authenticate': 'Bearer' });
        return send(res, 200, await options.metrics.text(), options.metrics.registry.contentType);
      default:
        return false;
    }
  };
}
