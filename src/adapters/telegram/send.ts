// Sends replies to a Telegram chat (messages, then documents) and the notifier, with a group's live
// progress message.
import { GrammyError, InputFile, type Api } from 'grammy';
import { MemberGoneError, SpaceGoneError } from '../../core/errors.js';
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

/**
 * A chat the bot cannot post in any more (kicked, removed, deleted: 403, or "chat not found"), or
 * one upgraded to a supergroup (400 with `migrate_to_chat_id`), as a `SpaceGoneError`.
 */
export function spaceGone(error: unknown): SpaceGoneError | undefined {
  if (!(error instanceof GrammyError)) return undefined;
  const movedTo = error.parameters.migrate_to_chat_id;
  if (movedTo !== undefined) return new SpaceGoneError('telegram', 'upgraded to a supergroup', `telegram:${movedTo}`, { cause: error });
  if (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description))) {
    return new SpaceGoneError('telegram', error.description, undefined, { cause: error });
  }
  return undefined;
}

/** Reminders and milestones: public posts in a chat, private ones in the member's DM; live progress edited in place. */
export function telegramNotifier(api: Api): Notifier {
  return {
    platform: 'telegram',
    postToSpace: async (space, reply) => {
      try {
        await sendReply(api, chatIdOf(space), reply);
      } catch (error) {
        throw spaceGone(error) ?? error;
      }
    },
    sendToMember: async (userId, reply) => {
      try {
        await sendReply(api, userId, reply);
      } catch (error) {
        // Blocked the bot, deleted the account, or never opened a chat: no retry can reach them.
        throw isDmRefused(error) || (error instanceof GrammyError && error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description))
          ? new MemberGoneError('telegram', (error as GrammyError).description, { cause: error })
          : error;
      }
    },
    live: {
      async post(space, reply) {
        const [message] = renderMessages(reply);
        const sent = await api.sendMessage(chatIdOf(space), message!.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(message!.keyboard ? { reply_markup: message!.keyboard } : {}),
        });
        return String(sent.message_id);
      },
      async edit(space, messageId, reply) {
        const [message] = renderMessages(reply);
        try {
          await api.editMessageText(chatIdOf(space), Number(messageId), message!.html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(message!.keyboard ? { reply_markup: message!.keyboard } : {}),
          });
          return true;
        } catch (error) {
          if (error instanceof GrammyError && error.error_code === 400) {
            // The same text again is no failure; a deleted or too old message is replaced.
            if (/not modified/i.test(error.description)) return true;
            if (/not found|can't be edited/i.test(error.description)) return false;
          }
          throw error;
        }
      },
    },
  };
}

/** In a group, a recorded action is acknowledged on the member's own message, not with a post. */
export const RECEIPT_REACTION = '👍';
