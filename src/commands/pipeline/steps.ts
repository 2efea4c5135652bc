import { createHash } from 'node:crypto';
import type { ClaimStore } from '../../core/claims.js';
import { pickLocale } from '../../core/i18n/index.js';
import { tokenize } from '../parse.js';
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

/** A redelivered delivery (a retry, a second process behind the same webhook) runs and answers nothing. */
export const dedupe: Middleware = async (call, next) => {
  const { delivery } = call.invocation;
  if (delivery !== undefined && !(await claimDelivery(call.deps.claims, delivery))) return undefined;
  return next();
};

/**
 * The answer's language: an explicit `lang=` first, then the platform's, then English. A platform
 * that must be asked (Slack) is asked where the language is first needed (`runCommand`, or a
 * `recordsFirst` command after its write; an error or a refusal before it is rendered).
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
  if (invocation.actor.locale !== undefined || !invocation.resolveLocale) settle(invocation.actor.locale);
  else {
    call.locale = pickLocale(typed);
    const resolveLocale = invocation.resolveLocale;
    let lookup: Promise<void> | undefined;
    call.localeKnown = false;
    call.learnLocale = () => (lookup ??= resolveLocale().then(settle, () => undefined).finally(() => (call.localeKnown = true)));
  }
  return next();
};

/**
 * Recorded first, answered next, everything else after: the events the command raised are written
 * to the outbox before the answer goes out (a crash after it loses none), and handled later.
 * A failing write after a recorded action never turns "counted" into an error: it is logged.
 */
export const outboxEvents: Middleware = async (call, next) => {
  const reply = await next();
  if (call.events.length === 0) return reply;
  try {
    await call.deps.outbox.append(call.events, call.now);
    for (const listener of call.deps.onEvents) listener();
  } catch (error) {
    call.logger.error({ err: error, command: call.path, events: call.events.map((e) => e.type) }, 'events not written; milestones are checked again at the next start');
  }
  return reply;
};
