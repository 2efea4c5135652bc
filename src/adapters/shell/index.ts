// The terminal adapter: each typed line is a command, /as and /press switch member and press
// buttons, files go to the outbox folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handle, splitCommandLine, type Deps, type Invocation, type Logger } from '../../commands/index.js';
import type { Notifier } from '../../core/notifier.js';
import type { Button, Reply } from '../../core/reply.js';
import { pasteCollector, type PasteStep } from './paste.js';
import { fieldHint, renderForTerminal } from './render.js';

export const SHELL_SPACE = 'shell:local';
/** Echoes of typed lines are cut here: a pasted 100 KB line is not printed back. */
const MAX_ECHO = 200;

/** A reply's buttons as one member saw them; `order` says which reply came last. */
type Seen = { order: number; buttons: Button[] };

function clip(line: string, max = MAX_ECHO): string {
  return line.length > max ? `${line.slice(0, max)}… (${line.length} characters)` : line;
}
const OPERATOR = 'operator';

export type ShellOptions = {
  deps: Deps;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Attachments are written here and their paths printed. */
  outboxDir: string;
  /** Show a prompt and a greeting (a terminal); otherwise run the lines and stop at the end. */
  interactive: boolean;
  /** When aborted, no further line is read; the one running finishes. */
  signal?: AbortSignal;
};

/**
 * The bot in a terminal: each line is a command as typed in chat. The local operator is a
 * moderator; `/as NAME` becomes an ordinary member, `/as` alone comes back; `/press N` presses a button.
 */
export async function runShell(options: ShellOptions): Promise<void> {
  const { deps, logger, output } = options;
  const print = (text: string) => output.write(`${text}\n`);
  let who = OPERATOR;
  // The last reply each member saw: their own private ones, and what was posted in the space.
  let shown = 0;
  let posted: Seen = { order: 0, buttons: [] };
  const seenBy = new Map<string, Seen>();
  const lastSeen = (): Seen => {
    const own = seenBy.get(who);
    return own && own.order > posted.order ? own : posted;
  };

  const show = async (reply: Reply) => {
    print(renderForTerminal(reply, who, 1));
    const seen = { order: ++shown, buttons: reply.buttons };
    if (reply.visibility === 'public') posted = seen;
    else seenBy.set(who, seen);
    for (const file of await saveAttachments(reply, options.outboxDir, who)) print(`saved ${file}`);
  };

  const run = async (name: string, text: string) => {
    const invocation: Invocation = {
      name,
      text,
      actor: { platform: 'shell', userId: who, locale: process.env.LANG },
      space: { id: SHELL_SPACE, kind: 'group' },
      isModerator: async () => who === OPERATOR,
      operator: who === OPERATOR,
    };
    await show(await handle(invocation, deps, logger));
  };

  const perform = async (line: string) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (options.interactive === false) print(`> ${clip(trimmed)}`);
    const match = /^\/([A-Za-z_]+)(?:\s+([\s\S]*))?$/.exec(trimmed);
    if (!match) return print('Commands start with a slash, for example /help.');
    const [, name, rest = ''] = match;
    if (name === 'as') {
      who = rest.trim() === '' || rest.trim() === OPERATOR ? OPERATOR : rest.trim().slice(0, 40);
      return print(who === OPERATOR ? 'You are the operator again (a moderator).' : `You are now ${who}, an ordinary member.`);
    }
    if (name === 'press') {
      const button = lastSeen().buttons[Number(rest.trim()) - 1];
      if (!button) return print(`No such button. /press N presses button N of the last reply ${who === OPERATOR ? 'you' : who} saw.`);
      if (button.type === 'link') return print(button.url);
      if (button.type === 'form') return print(`Type /${button.command} with ${button.fields.map(fieldHint).join(' ')}`);
      const { name: command, text } = splitCommandLine(button.command);
      return run(command, text);
    }
    return run(clip(name!, 40).toLowerCase(), rest);
  };

  if (options.interactive) {
    print('actionbot in your terminal. You are the operator (a moderator). Try /help, /letter, /as bob. Ctrl-D quits.');
  }
  const lines = createInterface({ input: options.input, terminal: false });
  options.signal?.addEventListener('abort', () => lines.close(), { once: true });
  // "/import" alone, then the text, then "." imports a long paste whole (see paste.ts).
  const paste = pasteCollector();
  const step = async (next: PasteStep | undefined) => {
    if (next?.kind === 'line') return perform(next.line);
    if (next?.kind === 'started') return run('import', '');
    if (next?.kind !== 'pasted') return;
    if (options.interactive === false) print(`> /${next.command} (${next.lines} lines pasted)`);
    return run(next.command, next.text);
  };
  for await (const line of lines) {
    if (options.signal?.aborted) break;
    const next = paste.feed(line);
    await step(next);
    if (options.interactive && next.kind !== 'held') output.write('> ');
  }
  await step(paste.end());
}

/** In the terminal, posts to the space and to one member are printed, marked as such. */
export function shellNotifier(output: Writable): Notifier {
  return {
    platform: 'shell',
    postToSpace: async (space, reply) => void output.write(`${renderForTerminal(reply, space, 1)}\n`),
    sendToMember: async (userId, reply) => void output.write(`${renderForTerminal(reply, userId, 1)}\n`),
  };
}

async function saveAttachments(reply: Reply, dir: string, who: string): Promise<string[]> {
  if (reply.attachments.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const saved: string[] = [];
  for (const attachment of reply.attachments) {
    const path = join(dir, `${who.replace(/[^\w-]/g, '_')}-${attachment.name}`);
    await writeFile(path, attachment.data);
    saved.push(path);
  }
  return saved;
}
