// /readyz: asks the store and each platform, each within a bound, and says which part is down and
// why.
import type { Readiness } from '../adapters/types.js';

export type { Readiness };

/** One part /readyz asks: the store, or a platform. */
export type ReadinessCheck = { name: string; check(): Readiness | Promise<Readiness> };

export type ReadinessReport = { ok: boolean; checks: Record<string, Readiness> };

/** A part that does not answer within this is reported down (/readyz must say so within 5 s). */
export const CHECK_TIMEOUT_MS = 2_000;

async function within(check: ReadinessCheck, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.check()), late]);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Asks every part at once; ready when all of them are. */
export async function readiness(checks: readonly ReadinessCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (c) => [c.name, await within(c, timeoutMs)] as const));
  return { ok: results.length > 0 && results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}
