// The pipeline's innermost step: finds the command, checks permission and options, runs it.
import { createHash, randomUUID } from 'node:crypto';
import { UserInputError } from '../../core/errors.js';
import { translator } from '../../core/i18n/index.js';
import { pseudonymousSpace } from '../../core/member-key.js';
import type { Reply } from '../../core/reply.js';
import { findCommand } from '../list.js';
import { bindOptions, tokenize, usage } from '../parse.js';
import { isGroup, type Command, type CommandContext, type Invocation } from '../types.js';
import type { Call } from './types.js';
import { enforceScope } from './walls.js';

/** A UUID-shaped id derived from `seed` (a hash: the platform's ids are not in it). */
function uuidOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Option every command takes: the language to answer in. */
const LANG_OPTION = { name: 'lang', kind: 'lang', description: 'opt_lang' } as const;

export { findCommand } from '../list.js';

/** The command (or subcommand) an invocation names, with the words left for its options. */
export function resolveCommand(call: Call): { command: Command; path: string; rest: Call['tokens'] } {
  const { invocation, tokens } = call;
  const found = findCommand(invocation.name);
  if (!found) throw new UserInputError('unknown_command', { command: invocation.name });
  if (!isGroup(found)) return { command: found, path: found.name, rest: tokens };
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
  return { command: sub, path: `${found.name} ${sub.name}`, rest: invocation.sub === undefined ? tokens.slice(1) : tokens };
}

/**
 * The command (or subcommand) an invocation names, read before its words are parsed (the pipeline's
 * de-duplication needs it first); undefined when it names none.
 */
export function namedCommand(invocation: Invocation): Command | undefined {
  const found = findCommand(invocation.name);
  if (!found || !isGroup(found)) return found;
  const first = tokenize(invocation.text ?? '')[0];
  const subName = invocation.sub ?? (first?.key === undefined ? first?.value : undefined);
  return found.subcommands.find((s) => s.name === subName?.toLowerCase());
}

/**
 * The innermost step: checks permission on this call, validates the options, runs the command.
 * Throws `UserInputError` for anything the member should be told (the error boundary answers it).
 */
export async function runCommand(call: Call): Promise<Reply> {
  const { invocation, deps } = call;
  const { command, path, rest } = resolveCommand(call);
  call.path = path;
  const ctx: CommandContext = {
    get actor() {
      return call.invocation.actor;
    },
    space: pseudonymousSpace(invocation.space, invocation.actor, deps.memberKey),
    origin: { community: call.walls?.community ?? '', operator: call.walls?.operator === true },
    member: call.member,
    locale: call.locale,
    t: translator(call.locale),
    now: call.now,
    // A member-scoped command (/help) runs without the platform's check: asked here, in a group only
    // (a private chat makes nobody a moderator), so a moderator's /help lists their commands.
    isModerator: async () =>
      call.walls?.role === 'moderator' || call.walls?.role === 'operator' || (invocation.space.kind !== 'private' && (await invocation.isModerator().catch(() => false))),
    emit: (event) => void call.events.push(event),
    unit: (onChange = []) => {
      const delivery = call.delivery;
      if (delivery) delivery.committed = true;
      return {
        ...(delivery ? { claim: { key: delivery.key, ttlMs: delivery.ttlMs } } : {}),
        onChange,
        changed: () => void call.written.push(...onChange),
      };
    },
    onceId: () => (invocation.delivery === undefined ? randomUUID() : uuidOf(`once:${invocation.delivery}`)),
  };
  call.walls!.role = await enforceScope(command, path, call, () => isModerator(invocation));
  const options = command.options.some((o) => o.name === 'lang') ? command.options : [...command.options, LANG_OPTION];
  const input = bindOptions(path, options, rest, invocation.text ?? '');
  return command.run(input as Parameters<Command['run']>[0], ctx, deps);
}

/** The platform's own check (operators and private chats are settled before, in `enforceScope`); a failed check refuses. */
async function isModerator(invocation: Invocation): Promise<boolean> {
  try {
    return await invocation.isModerator();
  } catch (error) {
    throw new UserInputError('moderator_check_failed', {}, `moderator check failed: ${(error as Error).message}`);
  }
}
