import { GrammyError, InputFile, type Api } from 'grammy';
import type { Notifier } from '../../core/notifier.js';
import type { Reply } from '../../core/reply.js';
import { renderMessages } from './render.js';

/**
 * Sends a reply to one chat: its messages in order (HTML, link previews off, the keyboard under the
 * last one), then its attachments as documents.
 */
export async function sendReply(api: Api, chatId: number | string, reply: Reply, replyTo?: number): Promise<void> {
  const messages = renderMessages(reply);
  for (const [i, message] of messages.entries()) {
    await api.sendMessage(chatId, message.html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
      ...(i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
  for (const attachment of reply.attachments) {
    await api.sendDocument(chatId, new InputFile(attachment.data, attachment.name));
  }
}

/**
 * Telegram refuses a direct message (403) when the member never started the bot or blocked it:
 * the answer then goes by deep link.
 */
export function isDmRefused(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/** Parses `telegram:<chatId>`; any other space is a wiring mistake. */
export function chatIdOf(space: string): string {
  const match = /^telegram:(-?\d+)$/.exec(space);
  if (!match) throw new Error(`not a Telegram space: ${space}`);
  return match[1]!;
}

/** Reminders and milestones: public posts in a chat, private ones in the member's DM. */
export function telegramNotifier(api: Api): Notifier {
  return {
    platform: 'telegram',
    postToSpace: async (space, reply) => sendReply(api, chatIdOf(space), reply),
    sendToMember: async (userId, reply) => sendReply(api, userId, reply),
  };
}
