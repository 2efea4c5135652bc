// Who is a moderator on Telegram: the chat's creator and administrators (anonymous admins too), the
// member in their own DM.
import type { Api } from 'grammy';
import type { ChatRef, UserRef } from './args.js';

const MODERATOR_STATUSES = new Set(['creator', 'administrator']);

/**
 * Is this sender a moderator of this chat? In a private chat nobody is: it is the member's own
 * space, and moderating means acting on a group's drives (the pipeline refuses there too); an anonymous admin posts as the group itself (`sender_chat` is the chat), which only
 * admins can do; otherwise Telegram is asked on every call. A failed lookup throws, so the command
 * layer refuses with a clear message instead of guessing.
 */
export function moderatorCheck(api: Api, chat: ChatRef, from: UserRef, senderChat?: { id: number }): () => Promise<boolean> {
  return async () => {
    if (chat.type === 'private') return false;
    if (senderChat?.id === chat.id) return true;
    const member = await api.getChatMember(chat.id, from.id);
    return MODERATOR_STATUSES.has(member.status);
  };
}

/** A message sent by an anonymous admin: there is no one to write to privately. */
export function isAnonymousAdmin(chat: ChatRef, senderChat?: { id: number }): boolean {
  return senderChat?.id === chat.id;
}
