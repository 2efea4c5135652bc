// Posts to Discord channels over REST without being asked (reminders, milestones, final tallies),
// files as multipart.
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import { MemberGoneError, SpaceGoneError } from '../../core/errors.js';
import type { Notifier } from '../../core/notifier.js';
import type { Reply } from '../../core/reply.js';
import { channelOf } from './args.js';
import { renderReply, type DiscordMessage } from './render.js';

/** One rendered message as a REST body; files go as multipart parts named in `attachments`. */
export function restMessage(message: DiscordMessage): { body: object; files: Array<{ key: string; name: string; data: Buffer }> } {
  return {
    body: {
      ...(message.content !== undefined ? { content: message.content } : {}),
      embeds: message.embeds,
      components: message.components,
      // Nobody is pinged by anything the bot posts, whatever a member or an appeal wrote.
      allowed_mentions: { parse: [] },
      attachments: message.files.map((f, id) => ({ id, filename: f.name })),
    },
    files: message.files.map((f, id) => ({ key: `files[${id}]`, name: f.name, data: f.data })),
  };
}

async function post(rest: REST, channelId: string, reply: Reply): Promise<void> {
  for (const message of renderReply(reply)) await rest.post(Routes.channelMessages(channelId), restMessage(message));
}

/** Discord's codes for a channel the bot cannot reach any more: Missing Access, Unknown Channel, Unknown Guild. */
const GONE = new Map<number | string, string>([
  [50001, 'Missing Access'],
  [10003, 'Unknown Channel'],
  [10004, 'Unknown Guild'],
]);

/**
 * Reminders and milestones through REST alone: no channel cache, so any shard's process can post
 * to any channel (POST /channels/:id/messages; a DM channel from POST /users/@me/channels).
 */
export function discordNotifier(rest: REST): Notifier {
  return {
    platform: 'discord',
    async postToSpace(space, reply) {
      const channel = channelOf(space);
      if (!channel) throw new Error(`not a Discord space: ${space}`);
      try {
        await post(rest, channel, reply);
      } catch (error) {
        const gone = error instanceof DiscordAPIError ? GONE.get(error.code) : undefined;
        throw gone ? new SpaceGoneError('discord', gone, undefined, { cause: error }) : error;
      }
    },
    async sendToMember(userId, reply) {
      try {
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        await post(rest, dm.id, reply);
      } catch (error) {
        // 50007: the member closed their DMs to the bot or shares no server with it; 10013: unknown user.
        const gone = error instanceof DiscordAPIError && (error.code === 50007 || error.code === 10013);
        throw gone ? new MemberGoneError('discord', error.message, { cause: error }) : error;
      }
    },
  };
}
