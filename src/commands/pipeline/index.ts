// The command pipeline every adapter calls: the middleware in order, then the command.
import { pickLocale } from '../../core/i18n/index.js';
import type { Reply } from '../../core/reply.js';
import type { Deps, Invocation } from '../types.js';
import { runCommand } from './dispatch.js';
import { errorBoundary } from './errors.js';
import { memberLimits, publicPosts } from './limits.js';
import { dedupe, locale, outboxEvents } from './steps.js';
import type { Call, Logger, Middleware } from './types.js';
import { walls } from './walls.js';

export { errorReply } from './errors.js';
export { findCommand, runCommand } from './dispatch.js';
export { splitCommandLine } from './lines.js';
export { claimDelivery, DELIVERY_LEASE_MS, DELIVERY_TTL_MS, deliveryKey, hashed } from './steps.js';
export type { Call, Logger, Middleware } from './types.js';

/**
 * Around every command, for every adapter, in this order: the error boundary, delivery
 * de-duplication, the walls (signed buttons, named drives, scoped appeals), the locale, per-member limits, the outbox of domain events, the space's
 * public-post limit, then permission, options and the command itself.
 */
export const PIPELINE: readonly Middleware[] = [errorBoundary, dedupe, walls, locale, memberLimits, outboxEvents, publicPosts];

/**
 * Runs one invocation through the pipeline. Never throws; undefined when the delivery was handled
 * before (send nothing).
 */
export async function handleOnce(invocation: Invocation, deps: Deps, logger: Logger): Promise<Reply | undefined> {
  const call: Call = {
    invocation,
    deps,
    logger,
    now: deps.clock.now(),
    member: deps.memberKey(invocation.actor.platform, invocation.actor.userId),
    tokens: [],
    locale: pickLocale(invocation.actor.locale),
    events: [],
    written: [],
  };
  const step = (i: number): Promise<Reply | undefined> => (i < PIPELINE.length ? PIPELINE[i]!(call, () => step(i + 1)) : runCommand(call));
  return step(0);
}

/** `handleOnce` for a call that is not a platform delivery: always an answer. */
export async function handle(invocation: Invocation, deps: Deps, logger: Logger): Promise<Reply> {
  const { delivery: _delivery, ...rest } = invocation;
  return (await handleOnce(rest, deps, logger))!;
}
