// Slack payloads -> Invocations: the space (`slack:<team>/<channel>`), slash commands and button
// presses.
import { splitCommandLine, type Invocation, type Space } from '../../commands/index.js';

/** `slack:<team>/<channel>`; DMs (channel ids starting with D) are private spaces. */
export function slackSpace(teamId: string, channelId: string, channelName?: string): Space {
  const kind = channelName === 'directmessage' || channelId.startsWith('D') ? 'private' : 'group';
  return { id: `slack:${teamId}/${channelId}`, kind };
}

/** The channel of a `slack:<team>/<channel>` space id, or undefined for another platform's space. */
export function channelOf(spaceId: string): string | undefined {
  const match = /^slack:[^/]+\/([A-Z0-9]+)$/i.exec(spaceId);
  return match?.[1];
}

/** The fields of a slash command payload we read (Bolt's SlashCommand has them all). */
export type SlashPayload = { command: string; text: string; user_id: string; team_id: string; channel_id: string; channel_name?: string };

/** `/drive start ua-34-25 goal=500` -> name `drive`, text `start ua-34-25 goal=500`. */
export function slashInvocation(payload: SlashPayload, isModerator: () => Promise<boolean>): Invocation {
  return {
    name: payload.command.replace(/^\//, '').toLowerCase(),
    text: payload.text ?? '',
    actor: { platform: 'slack', userId: payload.user_id },
    space: slackSpace(payload.team_id, payload.channel_id, payload.channel_name),
    isModerator,
  };
}

/** A button's command line (`acted email drive=Ab3x9_kQ`) run as the member who pressed it. */
export function pressInvocation(
  command: string,
  who: { userId: string; space: Space },
  isModerator: () => Promise<boolean>,
  options?: Record<string, string>,
): Invocation {
  return {
    ...splitCommandLine(command),
    ...(options ? { options } : {}),
    actor: { platform: 'slack', userId: who.userId },
    space: who.space,
    isModerator,
  };
}
