import { handle, type Deps, type Invocation } from '../../src/commands/index.js';
import { stripMarkdown } from '../../src/core/markdown.js';
import { replyToPlainText, type Reply } from '../../src/core/reply.js';
import { RecordingLogger } from './logger.js';

/** `operator`: the terminal's operator (the whole instance); `moderator`: the platform's admin check says yes. */
export type Member = { userId: string; moderator?: boolean; operator?: boolean; locale?: string; platform?: string };

/** Types a command line as a member would, through the real command layer. */
export function typer(deps: Deps, space = 'shell:local', logger = new RecordingLogger()) {
  return async (member: Member, line: string): Promise<Reply & { plain: string }> => {
    const match = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (!match) throw new Error(`not a command line: ${line}`);
    const invocation: Invocation = {
      name: match[1]!,
      text: match[2]!,
      actor: { platform: member.platform ?? 'shell', userId: member.userId, locale: member.locale },
      space: { id: space, kind: 'group' },
      isModerator: async () => member.moderator === true,
      ...(member.operator ? { operator: true } : {}),
    };
    const reply = await handle(invocation, deps, logger);
    return { ...reply, plain: replyToPlainText(reply, stripMarkdown) };
  };
}

/** Presses an action button of a reply, as `member`. */
export function buttonCommand(reply: Reply, label: string | RegExp): string {
  const button = reply.buttons.find((b) => b.type === 'action' && (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!button || button.type !== 'action') throw new Error(`no action button ${label} in ${JSON.stringify(reply.buttons)}`);
  return `/${button.command}`;
}

/** A button's command line without its signature (`letter ua-34-25~AbC...` is `letter ua-34-25`): what it runs. */
export function unsigned(command: string): string {
  return command.replace(/~[A-Za-z0-9_-]{12}$/, '');
}
