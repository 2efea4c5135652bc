// Discord interactions -> Invocations: the space a guild channel or DM names, and the command's
// options as typed.
import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type CommandInteractionOption, type Interaction } from 'discord.js';
import { splitCommandLine } from '../../commands/pipeline/lines.js';
import type { Invocation, Space } from '../../commands/types.js';
import { memberIsModerator } from './moderators.js';

/** `discord:<guild>/<channel>` in a server, `discord:dm/<channel>` in a direct message. */
export function spaceOf(interaction: Pick<Interaction, 'guildId' | 'channelId'>): Space {
  const channel = interaction.channelId ?? 'unknown';
  return interaction.guildId ? { id: `discord:${interaction.guildId}/${channel}`, kind: 'group' } : { id: `discord:dm/${channel}`, kind: 'private' };
}

/** The channel id back from a space id, for posting; undefined when it is not a Discord space. */
export function channelOf(space: string): string | undefined {
  return /^discord:[^/]+\/(\d+)$/.exec(space)?.[1];
}

/** Invocation parts every interaction shares: who pressed or typed, where, and the moderator check. */
export function invocationBase(interaction: Interaction): Pick<Invocation, 'actor' | 'space' | 'isModerator'> {
  return {
    actor: { platform: 'discord', userId: interaction.user.id, locale: interaction.locale },
    space: spaceOf(interaction),
    isModerator: async () => memberIsModerator(interaction),
  };
}

/** A slash command as the command layer's input: typed options become strings, validated like typed words. */
export function commandInvocation(interaction: ChatInputCommandInteraction): Invocation {
  const sub = interaction.options.getSubcommand(false) ?? undefined;
  let data: readonly CommandInteractionOption[] = interaction.options.data;
  const nested = data.find((o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup);
  if (nested) data = nested.options ?? [];
  const options: Record<string, string> = {};
  for (const option of data) {
    // An upload's value is its id, not text: the adapter reads the file itself (see interactions.ts).
    if (option.type === ApplicationCommandOptionType.Attachment) continue;
    if (option.value !== undefined && option.value !== null) options[option.name] = String(option.value);
  }
  return { name: interaction.commandName, ...(sub ? { sub } : {}), options, ...invocationBase(interaction) };
}

/** A button's command line (`acted email drive=X`) split at the first space, as the presser. */
export function commandLineInvocation(line: string, interaction: Interaction, options?: Record<string, string>): Invocation {
  return { ...splitCommandLine(line), ...(options ? { options } : {}), ...invocationBase(interaction) };
}
