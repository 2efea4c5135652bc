import { ActionbotError, StoreError, UserInputError } from '../../core/errors.js';
import { isMessageKey, translator, type Locale, type MessageKey } from '../../core/i18n/index.js';
import { privateReply, type Reply } from '../../core/reply.js';
import { kindExpectation } from '../options.js';
import type { OptionKind } from '../types.js';
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
    logger.error({ ...context, err: error, cause: error.cause }, 'store unavailable');
    return privateReply([{ type: 'text', text: t(error.stopped ? 'store_stopped' : 'store_unavailable') }]);
  }
  logger.error({ ...context, err: error, code: error instanceof ActionbotError ? error.code : undefined }, 'command failed');
  return privateReply([{ type: 'text', text: t('internal') }]);
}

/** The outermost step: never throws. */
export const errorBoundary: Middleware = async (call, next) => {
  try {
    return await next();
  } catch (error) {
    return errorReply(error, call.locale, call.logger, { command: call.path ?? call.invocation.name, space: call.invocation.space.id });
  }
};
