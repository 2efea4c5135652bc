import { ActionbotError, StoreError, UserInputError } from '../core/errors.js';
import { isMessageKey, pickLocale, translator, type Locale, type MessageKey } from '../core/i18n/index.js';
import { pseudonymousSpace } from '../core/member-key.js';
import { privateReply, type Reply } from '../core/reply.js';
import { commands } from './index.js';
import { kindExpectation } from './options.js';
import { bindOptions, tokenize, usage } from './parse.js';
import { isGroup, type AnyCommand, type Command, type CommandContext, type CommandOutcome, type Deps, type Invocation, type OptionKind } from './types.js';

/** The smallest logger an adapter hands in (pino fits). */
export interface Logger {
  error(context: object, message: string): void;
  warn(context: object, message: string): void;
  info(context: object, message: string): void;
}

/** Option every command takes: the language to answer in. */
const LANG_OPTION = { name: 'lang', kind: 'lang', description: 'opt_lang' } as const;

export function findCommand(name: string, list: readonly AnyCommand[] = commands): AnyCommand | undefined {
  const wanted = name.toLowerCase();
  return list.find((c) => c.name === wanted);
}

/**
 * Runs one invocation: finds the command, checks permission on this call, validates the options,
 * runs it. Throws `UserInputError` for anything the member should be told; see `handle`.
 */
export async function dispatch(invocation: Invocation, deps: Deps): Promise<Reply> {
  // Typed options (Discord, form fields) join the typed words as name=value: one path validates all.
  const tokens = [
    ...tokenize(invocation.text ?? ''),
    ...Object.entries(invocation.options ?? {}).map(([key, value]) => ({ key, value })),
  ];
  const langToken = tokens.find((tk) => tk.key === 'lang')?.value;
  const locale = pickLocale(langToken, invocation.actor.locale);
  const found = findCommand(invocation.name);
  if (!found) throw new UserInputError('unknown_command', { command: invocation.name });

  let command: Command;
  let path = found.name;
  let rest = tokens;
  if (isGroup(found)) {
    const subName = invocation.sub ?? (tokens[0]?.key === undefined ? tokens[0]?.value : undefined);
    const sub = found.subcommands.find((s) => s.name === subName?.toLowerCase());
    if (!sub) {
      const first = found.subcommands[0]!;
      throw new UserInputError('unknown_subcommand', {
        command: found.name,
        subcommands: found.subcommands.map((s) => s.name).join(', '),
        usage: usage(`${found.name} ${first.name}`, first.options),
      });
    }
    command = sub;
    path = `${found.name} ${sub.name}`;
    if (invocation.sub === undefined) rest = tokens.slice(1);
  } else {
    command = found;
  }

  const ctx: CommandContext = {
    actor: invocation.actor,
    space: pseudonymousSpace(invocation.space, invocation.actor, deps.memberKey),
    member: deps.memberKey(invocation.actor.platform, invocation.actor.userId),
    locale,
    t: translator(locale),
    now: deps.clock.now(),
    isModerator: () => isModerator(invocation, deps),
  };
  if (command.permission === 'moderator' && !(await ctx.isModerator())) {
    throw new UserInputError('moderator_only', { command: path });
  }
  const options = command.options.some((o) => o.name === 'lang') ? command.options : [...command.options, LANG_OPTION];
  const input = bindOptions(path, options, rest, invocation.text ?? '');
  return command.run(input as Parameters<Command['run']>[0], ctx, deps);
}

/** Operators in MODERATOR_IDS first, then the platform's own check; a failed check refuses. */
async function isModerator(invocation: Invocation, deps: Deps): Promise<boolean> {
  if (deps.moderatorIds.includes(`${invocation.actor.platform}:${invocation.actor.userId}`)) return true;
  try {
    return await invocation.isModerator();
  } catch (error) {
    throw new UserInputError('moderator_check_failed', {}, `moderator check failed: ${(error as Error).message}`);
  }
}

/**
 * The error boundary every adapter uses: a member's mistake becomes a private, localised answer; a
 * store outage says nothing was recorded; anything else is logged with context and the member gets
 * a short apology. Never throws.
 */
export async function handle(invocation: Invocation, deps: Deps, logger: Logger): Promise<Reply> {
  const started = performance.now();
  const done = (outcome: CommandOutcome) =>
    deps.observer?.commandDone({ platform: invocation.actor.platform, command: findCommand(invocation.name)?.name ?? 'unknown', outcome, seconds: (performance.now() - started) / 1000 });
  try {
    const reply = await dispatch(invocation, deps);
    done('ok');
    return reply;
  } catch (error) {
    done(error instanceof UserInputError ? 'user_error' : error instanceof StoreError ? 'store_error' : 'error');
    return errorReply(error, pickLocale(invocation.actor.locale), logger, { command: invocation.name, space: invocation.space.id });
  }
}

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
