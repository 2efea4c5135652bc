// Pipeline steps: delivery de-duplication (a claim per platform delivery), the locale, the outbox
// of the command's events.
import { createHash } from 'node:crypto';
import type { ClaimStore } from '../../core/claims.js';
import { crashPoint } from '../../core/crash-points.js';
import { AlreadyHandled } from '../../core/errors.js';
import { pickLocale } from '../../core/i18n/index.js';
import type { Reply } from '../../core/reply.js';
import { tokenize } from '../parse.js';
import { namedCommand } from './dispatch.js';
import type { Middleware } from './types.js';

/** Every platform's redeliveries are recognised this long (Slack retries within minutes, Telegram webhooks for hours). */
export const DELIVERY_TTL_MS = 24 * 60 * 60 * 1000;

/** Store keys never hold platform ids: they are hashed first. */
export function hashed(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 22);
}

/** The one key scheme for a delivery, used by the pipeline and by adapters' non-command deliveries. */
export function deliveryKey(delivery: string): string {
  return `delivery:${hashed(delivery)}`;
}

/**
 * For deliveries that are not commands (a button that only opens a form): true for the first
 * delivery only, under the same key and lifetime as the pipeline's own de-duplication.
 */
export function claimDelivery(claims: ClaimStore, delivery: string): Promise<boolean> {
  return claims.claim(deliveryKey(delivery), DELIVERY_TTL_MS);
}

/** How long a command that commits no ledger write holds its delivery while it runs; a crashed holder's delivery is free again after it. */
export const DELIVERY_LEASE_MS = 20_000;
/** While another process holds the same delivery, it is looked at this often (until done, or free). */
const BUSY_POLL_MS = 100;

/**
 * A delivery whose claim was committed at least this long ago, and which comes again, was not
 * answered: the process that committed it died (a twin in another process commits and answers
 * within milliseconds, and Telegram sends an update again only after a dropped connection or no 200
 * in time). It is answered again, as a repeat. A twin that does arrive this late costs one extra
 * "already counted".
 */
export const REDELIVERY_AFTER_MS = 3_000;

/**
 * Handled once, and never dropped: a delivery counts as handled only once its work committed.
 * A command whose write carries the claim (`commitsDelivery`: /acted, /undo, /tally add and undo,
 * /news post) takes it in that transaction (see `ctx.unit`), so a crash before it leaves the
 * delivery free. Any other command holds a lease while it runs (a twin in another process waits
 * for it), which becomes "done" after its work, or is released when it failed. A delivery handled
 * before answers nothing, except a command that `repeatsSafely` whose delivery was committed by a
 * process that died before answering (see REDELIVERY_AFTER_MS; with long polling, always).
 */
export const dedupe: Middleware = async (call, next) => {
  const { delivery } = call.invocation;
  if (delivery === undefined) return next();
  const key = deliveryKey(delivery);
  const { claims } = call.deps;
  const command = namedCommand(call.invocation);
  const inWrite = command?.commitsDelivery === true;
  if (!inWrite && !(await lease(claims, key))) return undefined;
  if (!inWrite) crashPoint('after-lease');
  call.delivery = { key, ttlMs: DELIVERY_TTL_MS, committed: false };
  let reply: Reply | undefined;
  try {
    reply = await next();
  } catch (error) {
    if (!inWrite) await claims.release(key).catch(() => undefined);
    if (!(error instanceof AlreadyHandled && command?.repeatsSafely === true)) throw error;
    if (!call.invocation.soleConsumer && !(await committedLongAgo(claims, key))) throw error;
    // Handled by a process that died before answering: run again without the claim, changing
    // nothing (a repeat), so the member hears what is recorded.
    call.delivery = undefined;
    call.events = [];
    call.written = [];
    return next();
  }
  if (call.delivery.committed || reply === undefined) return reply;
  try {
    if (!inWrite) await claims.extend(key, DELIVERY_TTL_MS);
    // A command that could have written but did not (a choice of buttons): its twin may have answered.
    else if (!(await claims.claim(key, DELIVERY_TTL_MS))) return undefined;
  } catch (error) {
    call.logger.warn({ err: error, command: call.path }, 'delivery not marked handled; a redelivery would run again');
  }
  return reply;
};

/**
 * Whether the delivery's claim was committed REDELIVERY_AFTER_MS ago or more: read from what is left
 * of its lifetime (it was committed with DELIVERY_TTL_MS). Unknown (the store did not answer): no.
 */
async function committedLongAgo(claims: ClaimStore, key: string): Promise<boolean> {
  const left = await claims.remaining(key).catch(() => 0);
  return left > 0 && DELIVERY_TTL_MS - left >= REDELIVERY_AFTER_MS;
}

/** True when this process may run the delivery; false when it was handled before. Waits while another holds it. */
async function lease(claims: ClaimStore, key: string): Promise<boolean> {
  const deadline = Date.now() + DELIVERY_LEASE_MS + 1000;
  for (;;) {
    if (await claims.claim(key, DELIVERY_LEASE_MS)) return true;
    const left = await claims.remaining(key);
    if (left > DELIVERY_LEASE_MS) return false;
    // Bounded: a lease left by a crashed process runs out within DELIVERY_LEASE_MS.
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(BUSY_POLL_MS, left + 1)));
  }
}

/**
 * The answer's language: an explicit `lang=` first, then the platform's, then English. A platform
 * that must be asked (Slack) is asked here, before anything is written or said: every answer and
 * every refusal is in the member's language, and the adapter bounds the wait.
 */
export const locale: Middleware = async (call, next) => {
  const { invocation } = call;
  call.tokens = [...tokenize(invocation.text ?? ''), ...Object.entries(invocation.options ?? {}).map(([key, value]) => ({ key, value }))];
  const typed = call.tokens.find((tk) => tk.key === 'lang')?.value;
  const settle = (platformLocale: string | undefined) => {
    call.locale = pickLocale(typed, platformLocale);
    if (platformLocale !== undefined && invocation.actor.locale === undefined) {
      // Commands see the member's language like on any other platform.
      call.invocation = { ...call.invocation, actor: { ...call.invocation.actor, locale: platformLocale } };
    }
  };
  settle(invocation.actor.locale ?? (await invocation.resolveLocale?.().catch(() => undefined)));
  return next();
};

/**
 * Recorded first, answered next, everything else after. Events of a ledger change committed with
 * it (`ctx.unit`); events raised otherwise (a drive's goal changed, a repeat that may cancel a
 * reminder) are written here before the answer goes out. A failing write after a recorded action
 * never turns "counted" into an error: it is logged.
 */
export const outboxEvents: Middleware = async (call, next) => {
  const reply = await next();
  if (call.events.length > 0) {
    try {
      await call.deps.outbox.append(call.events, call.now);
    } catch (error) {
      call.logger.error({ err: error, command: call.path, events: call.events.map((e) => e.type) }, 'events not written; milestones are checked again at the next start');
    }
  }
  if (call.events.length > 0 || call.written.length > 0) for (const listener of call.deps.onEvents) listener();
  return reply;
};
