// Telegram chats that change or go away: a group upgraded to a supergroup keeps its drives; a group
// that removed the bot has its drives ended.
import type { Context } from 'grammy';
import type { HandlerEnv } from './handlers.js';

/**
 * A group upgraded to a supergroup gets a new chat id: Telegram says so in both chats (a message
 * with `migrate_to_chat_id` in the old one, `migrate_from_chat_id` in the new). Its drives move to
 * the new id with their tallies; whichever message comes second finds nothing left to move.
 */
export async function onMigrated(c: Context, env: HandlerEnv): Promise<void> {
  const message = c.message;
  if (!message) return;
  const from = message.migrate_from_chat_id ?? message.chat.id;
  const to = message.migrate_to_chat_id ?? message.chat.id;
  const moved = await env.deps.drives.moveSpace(`telegram:${from}`, `telegram:${to}`);
  if (moved.length > 0) env.logger.info({ from, to, drives: moved.map((d) => d.id) }, 'telegram group upgraded to a supergroup: its drives moved to the new id, counts kept');
}

/**
 * The bot was removed from a group (kicked, or made to leave): its drives end, so their reminders
 * are not retried there for ever. The actions already recorded stay counted.
 */
export async function onMembership(c: Context, env: HandlerEnv): Promise<void> {
  const update = c.myChatMember;
  if (!update || update.chat.type === 'private') return;
  const status = update.new_chat_member.status;
  if (status !== 'kicked' && status !== 'left') return;
  const space = `telegram:${update.chat.id}`;
  const ended = await env.deps.drives.endAllIn(space);
  env.logger.warn({ chat: update.chat.id, status, drives: ended.map((d) => d.id) }, `the bot was removed from ${space} (${status}): its drives' reminders end, counts kept`);
}
