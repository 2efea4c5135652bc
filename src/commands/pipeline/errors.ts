// The error boundary: a member's mistake becomes a private localised answer, anything else one log
// line and an apology.
import { ActionbotError, AlreadyHandled, StoreError, UserInputError } from '../../core/errors.js';
import { isMessageKey, translator, type Locale, type MessageKey } from '../../core/i18n/index.js';
import { privateReply, type Reply } from '../../core/reply.js';
import { kindExpectation } from '../options.js';
import type { CommandOutcome, OptionKind } from '../types.js';
import type { Logger, Middleware } from './types.js';

/**
 * A member's mistake becomes a private, localised answer; a store outage says nothing was
 * recorded; anything else is logged with context and the member gets a short apology.
 */
export function errorReply(error: unknown, locale: Locale, logger: Logger, context: object): Reply {
  const t = translator(locale);
  if (error instanceof UserInputError && isMessageKey(error.code)) {
    const params = { ...error.params };
    if (error.code === 'bad_option') params.expected = t(kindExpectation[params.kind as OptionKind] ?? 'expect_word', { max: params.max ?? 100 });
    return privateReply([{ type: 'text', text: t(error.code as MessageKey, params) }]);
  }
  if (error instanceof StoreError) {
    // A failed sync was told to the operator once, by the store: not once per member.
    if (!error.unsynced) logger.error({ ...context, err: error, cause: error.cause }, 'store unavailable');
    return privateReply([{ type: 'text', text: t(error.unsynced ? 'store_unsynced' : error.stopped ? 'store_stopped' : 'store_unavailable') }]);
  }
  logger.error({ ...context, err: error, code: error instanceof ActionbotError ? error.code : undefined }, 'command failed');
  return privateReply([{ type: 'text', text: t('internal') }]);
}

/** The outermost step: never throws. Tells the observer (metrics) how each command ended and what it recorded. */
export const errorBoundary: Middleware = async (call, next) => {
  const started = performance.now();
  const done = (outcome: CommandOutcome) => {
    const platform = call.invocation.actor.platform;
    call.deps.observer?.commandDone({ platform, command: call.path?.split(' ')[0] ?? 'unknown', outcome, seconds: (performance.now() - started) / 1000 });
    for (const event of [...call.written, ...call.events]) if (event.type === 'recorded' && event.created) call.deps.observer?.actionRecorded(platform, event.method);
  };
  try {
    const reply = await next();
    if (reply) done('ok');
    return reply;
  } catch (error) {
    // A twin delivery committed first (a redelivery, or another process): nothing to answer.
    if (error instanceof AlreadyHandled) return undefined;
    done(error instanceof UserInputError ? 'user_error' : error instanceof StoreError ? 'store_error' : 'error');
    return errorReply(error, call.locale, call.logger, { command: call.path ?? call.invocation.name, space: call.invocation.space.id });
  }
};
