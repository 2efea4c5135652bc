// /help: the commands the asker may use, with their usage.
import { escapeMarkdown } from '../core/markdown.js';
import { privateReply, type Block } from '../core/reply.js';
import { defineCommand, isGroup, type AnyCommand, type Command } from './types.js';
import { usage } from './parse.js';

/** /help lists what the asker may use; the list is handed in to avoid an import cycle. */
export function helpCommand(list: () => readonly AnyCommand[]): Command {
  return defineCommand({
    name: 'help',
    description: 'cmd_help',
    permission: 'member',
    scope: 'member',
    options: [],
    async run(_input, ctx) {
      const { t } = ctx;
      const moderator = await ctx.isModerator().catch(() => false);
      const line = (path: string, command: Command) => `${escapeMarkdown(usage(path, command.options))}: ${t(command.description)}`;
      const member: string[] = [];
      const moderation: string[] = [];
      for (const command of list()) {
        if (isGroup(command)) {
          for (const sub of command.subcommands) (sub.permission === 'moderator' ? moderation : member).push(line(`${command.name} ${sub.name}`, sub));
        } else {
          (command.permission === 'moderator' ? moderation : member).push(line(command.name, command));
        }
      }
      const blocks: Block[] = [
        { type: 'heading', text: t('help_heading') },
        { type: 'text', text: t('help_intro') },
        { type: 'text', text: member.join('\n') },
      ];
      if (moderator) blocks.push({ type: 'text', text: `**${t('help_moderators')}**\n${moderation.join('\n')}` });
      // In a private chat nobody is a moderator: say where the moderators' list is.
      else if (ctx.space.kind === 'private') blocks.push({ type: 'text', text: escapeMarkdown(t('help_moderators_in_group')) });
      return privateReply(blocks);
    },
  });
}
