// Flood limits: per-member limits on costly commands, and the public-post limit per space.
import { translator } from '../../core/i18n/index.js';
import { privateReply } from '../../core/reply.js';
import { hashed } from './steps.js';
import type { Middleware } from './types.js';
import { takeSlot, type Limit } from '../slots.js';

export { IMPORT_TEXT_LIMIT, takeSlot } from '../slots.js';

/** Per member: how often each costly command may run; past it, a short polite answer and nothing else. */
export const MEMBER_LIMITS = {
  // Each letter is a PDF and an .eml upload.
  letter: { limit: 5, windowMs: 60_000 },
  progress: { limit: 10, windowMs: 60_000 },
  appeal: { limit: 10, windowMs: 60_000 },
  report: { limit: 10, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

/** Member commands that post in the space: at most once per space in this window; others see it privately. */
export const PUBLIC_POST_WINDOW_MS = { progress: 30_000 } as const satisfies Record<string, number>;

/** Floods: one member asking again and again gets a short answer instead of the work. */
export const memberLimits: Middleware = async (call, next) => {
  const name = call.invocation.name.toLowerCase();
  const limit = (MEMBER_LIMITS as Record<string, Limit>)[name];
  if (limit && !(await takeSlot(call.deps.claims, `flood:${name}:${call.member}`, limit, call.now))) {
    return privateReply([{ type: 'text', text: translator(call.locale)('flood_wait') }]);
  }
  return next();
};

/** A public answer to a member command goes to the space at most once per window; within it, privately. */
export const publicPosts: Middleware = async (call, next) => {
  const reply = await next();
  const name = call.invocation.name.toLowerCase();
  const windowMs = (PUBLIC_POST_WINDOW_MS as Record<string, number>)[name];
  if (!reply || reply.visibility !== 'public' || windowMs === undefined || call.invocation.space.kind === 'private') return reply;
  if (await call.deps.claims.claim(`public:${name}:${hashed(call.invocation.space.id)}`, windowMs)) return reply;
  const note = { type: 'text' as const, text: translator(call.locale)('shown_privately', { seconds: Math.round(windowMs / 1000) }) };
  return { ...reply, visibility: 'private', blocks: [...reply.blocks, note] };
};
