/** Telegram updates as the Bot API would send them, for the fake and for `bot.handleUpdate`. */

export const GROUP = { id: -1001, type: 'supergroup', title: 'Letter writers' } as const;

export type UserSpec = { id: number; lang?: string };

const user = (u: UserSpec) => ({ id: u.id, is_bot: false, first_name: `M${u.id}`, ...(u.lang ? { language_code: u.lang } : {}) });
const chatOf = (chat: { id: number; type: string } | 'dm', u: UserSpec) => (chat === 'dm' ? { id: u.id, type: 'private', first_name: `M${u.id}` } : chat);

/** A text message; a leading `/word` is marked as a bot_command entity, as Telegram does. */
export function messageUpdate(updateId: number, from: UserSpec, text: string, chat: { id: number; type: string } | 'dm' = GROUP, extra: object = {}) {
  const command = /^\/\S+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_700_000_000,
      chat: chatOf(chat, from),
      from: user(from),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...extra,
    },
  };
}

/** A press of an inline button whose callback_data is `data`, under a message in `chat`. */
export function pressUpdate(updateId: number, from: UserSpec, data: string, chat: { id: number; type: string } | 'dm' = 'dm') {
  return {
    update_id: updateId,
    callback_query: {
      id: `q${updateId}`,
      from: user(from),
      chat_instance: 'ci',
      data,
      message: { message_id: 1, date: 1_700_000_000, chat: chatOf(chat, from), text: 'letter' },
    },
  };
}
