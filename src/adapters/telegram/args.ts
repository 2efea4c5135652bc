// Telegram messages and callback data -> Invocations: the command line as typed, the chat as a
// space.
import { splitCommandLine, type Invocation } from '../../commands/index.js';

/** A command as typed: `/acted post` or `/acted@ActionBot post`. */
export type CommandLine = { name: string; text: string; addressed?: boolean };

export type ChatRef = { id: number; type: string };
export type UserRef = { id: number; language_code?: string };

/** Commands whose text is a pasted document: its quotes and apostrophes are part of the letter. */
const VERBATIM = new Set(['import']);

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/**
 * The command in a message, or undefined when it is not one or is addressed to another bot
 * (`/help@OtherBot` in a group with several bots). Phone keyboards type curly quotes: they are
 * straightened so that `name="Ana María"` parses the same from every client.
 */
export function parseCommandLine(text: string, botUsername: string): CommandLine | undefined {
  const match = COMMAND.exec(text.trim());
  if (!match) return undefined;
  const [, name, addressee, rest = ''] = match;
  if (addressee && addressee.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  const command = name!.toLowerCase();
  const body = VERBATIM.has(command) ? rest : rest.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019]/g, "'");
  return { name: command, ...(addressee ? { addressed: true } : {}), text: body.trim() };
}

/** A button's command (`acted email drive=Ab3x9_kQ`): name before the first space, the rest as text. */
export function splitButtonCommand(data: string): CommandLine {
  return splitCommandLine(data);
}

/** Telegram chat ids become space ids; private chats are the member's own space. */
export function spaceOf(chat: ChatRef): Invocation['space'] {
  return { id: `telegram:${chat.id}`, kind: chat.type === 'private' ? 'private' : 'group' };
}

/** The invocation the command layer runs: ids as strings, the locale from the member's client. */
export function toInvocation(line: CommandLine, space: Invocation['space'], from: UserRef, isModerator: () => Promise<boolean>): Invocation {
  const actor = from.language_code
    ? { platform: 'telegram', userId: String(from.id), locale: from.language_code }
    : { platform: 'telegram', userId: String(from.id) };
  return { name: line.name, text: line.text, actor, space, isModerator };
}
