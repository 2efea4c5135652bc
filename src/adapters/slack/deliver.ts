// Sends a Slack answer: in the ack body, on the response_url, as an ephemeral or channel post, and
// files to the member's DM.
import type { RespondArguments, webApi } from '@slack/bolt';
import type { Logger } from '../../commands/index.js';
import type { Attachment, Reply } from '../../core/reply.js';
import { renderReply, type SlackMessage } from './render.js';

/** Posts to a response_url (Bolt's `respond`, or our own for modal submissions). */
export type Respond = (message: RespondArguments) => Promise<unknown>;

/** A response_url takes at most five messages; any further ones go through the Web API. */
const RESPONSE_URL_USES = 5;

/** Never ping anyone, never expand links into previews: the bot posts on members' behalf. */
export const QUIET = { link_names: false, unfurl_links: false, unfurl_media: false } as const;

export type Target = { client: webApi.WebClient; channel: string; user: string; respond?: Respond; logger: Logger };

function body(message: SlackMessage): { text: string; blocks?: SlackMessage['blocks'] } {
  return message.blocks.length > 0 ? { text: message.text, blocks: message.blocks } : { text: message.text };
}

/**
 * Answers a member: private replies are ephemeral in the same channel, public ones are posted in
 * it. A private reply's files go to the member's DM with the bot, so only they get them; a public
 * reply's (the progress chart) go to the channel.
 */
export async function deliver(reply: Reply, target: Target): Promise<void> {
  await deliverFrom(reply, renderReply(reply), 0, target);
}

/** The body Slack takes as the whole answer to a slash command, in the HTTP response itself. */
export type AckBody = { response_type: 'in_channel' | 'ephemeral'; text: string; blocks?: SlackMessage['blocks'] };

/**
 * Answers in the ack: the first message goes in the HTTP response (`ack`), so the member hears
 * back in the same round trip; any further messages and files follow as `deliver` sends them.
 */
export async function deliverInAck(reply: Reply, ack: (body: AckBody) => Promise<void>, target: Target): Promise<void> {
  const messages = renderReply(reply);
  const [first] = messages;
  if (!first) return deliver(reply, target);
  await ack({ response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', ...body(first) });
  await deliverFrom(reply, messages, 1, target);
}

async function deliverFrom(reply: Reply, messages: SlackMessage[], from: number, target: Target): Promise<void> {
  const isPublic = reply.visibility === 'public';
  for (const [i, message] of messages.entries()) {
    if (i < from) continue;
    if (target.respond && i - from < RESPONSE_URL_USES) {
      await target.respond({ response_type: isPublic ? 'in_channel' : 'ephemeral', replace_original: false, ...body(message) });
    } else if (isPublic) {
      await target.client.chat.postMessage({ channel: target.channel, ...body(message), ...QUIET });
    } else {
      await target.client.chat.postEphemeral({ channel: target.channel, user: target.user, ...body(message), link_names: false });
    }
  }
  if (reply.attachments.length === 0) return;
  if (isPublic) await uploadTo(target.client, target.channel, reply.attachments);
  else await uploadToMember(target.client, target.user, reply.attachments);
}

/** Uploads files into the member's DM with the bot (files.uploadV2 needs a channel to share into). */
export async function uploadToMember(client: webApi.WebClient, user: string, attachments: Attachment[]): Promise<void> {
  const opened = await client.conversations.open({ users: user });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await uploadTo(client, channel, attachments);
}

export async function uploadTo(client: webApi.WebClient, channel: string, attachments: Attachment[]): Promise<void> {
  for (const attachment of attachments) {
    await client.filesUploadV2({
      channel_id: channel,
      file: Buffer.from(attachment.data),
      filename: attachment.name,
      title: attachment.name,
    });
  }
}

/** Posts a whole reply into a channel (or a user id, which opens the DM), as the notifier does. */
export async function postReply(client: webApi.WebClient, channel: string, reply: Reply): Promise<void> {
  for (const message of renderReply(reply)) {
    await client.chat.postMessage({ channel, ...body(message), ...QUIET });
  }
  if (reply.attachments.length > 0) await uploadTo(client, channel, reply.attachments);
}

/** A `respond` for a response_url Bolt does not hand us (a modal submission carries it in metadata). */
export function respondTo(url: string, fetchFn: typeof fetch = fetch): Respond {
  return async (message) => {
    const response = await fetchFn(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
  };
}
