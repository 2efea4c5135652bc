// Who is a moderator on Discord: Manage Server in the channel, as the interaction reports it, or
// MODERATOR_IDS.
import { PermissionFlagsBits, type Interaction } from 'discord.js';

/**
 * Discord moderators are members with Manage Server in this channel, as the interaction reports it
 * (no extra API call, no cached member). MODERATOR_IDS (`discord:<user id>`) is checked before this
 * by the command layer. Direct messages have no member permissions: nobody moderates there.
 */
export function memberIsModerator(interaction: Pick<Interaction, 'memberPermissions'>): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}
