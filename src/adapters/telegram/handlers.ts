// Handles Telegram updates: typed commands, /start payloads and button presses through the command
// pipeline, then delivery.
import { GrammyError, type Api, type Context } from 'grammy';
import type { Message } from 'grammy/types';
import { claimDelivery, errorReply, findCommand, handleOnce, type Deps, type Invocation, type Logger } from '../../commands/index.js';
import { crashPoint } from '../../core/crash-points.js';
import { UserInputError } from '../../core/errors.js';
import { pickLocale, translator } from '../../core/i18n/index.js';
import { escapeMarkdown } from '../../core/markdown.js';
import { publicReply, type Reply } from '../../core/reply.js';
import { parseCommandLine, spaceOf, splitButtonCommand, toInvocation, type ChatRef, type CommandLine, type UserRef } from './args.js';
import { DeepLinks } from './deep-link.js';
import { importDocument, withDocumentText } from './documents.js';
import { FORM_PREFIX, findForm, formOptions, sendPrompt, type FormPrompts, type PendingPrompt } from './form-prompts.js';
import { telegramText } from './messages.js';
import { isAnonymousAdmin, moderatorCheck } from './moderators.js';
import { isDmRefused, RECEIPT_REACTION, sendReply } from './send.js';

/** `soleConsumer`: long polling, where no other process can be handling the same update (see Invocation). */
export type HandlerEnv = { deps: Deps; logger: Logger; links: DeepLinks; forms: FormPrompts; soleConsumer?: boolean };

type Origin = { api: Api; bot: string; chat: ChatRef; from: UserRef; messageId?: number; anonymous: boolean; log: Logger };

/** pino-style child loggers when the logger has them, so every line names its update. */
export function childLogger(logger: Logger, bindings: object): Logger {
  const child = (logger as Logger & { child?: (bindings: object) => Logger }).child;
  return typeof child === 'function' ? child.call(logger, bindings) : logger;
}

/** Redelivered updates (webhook retries, a restart mid-batch) run once: the pipeline claims this id. */
const deliveryOf = (c: Context) => `telegram:update:${c.update.update_id}`;

/** Telegram's limit on a button's toast. */
const MAX_TOAST = 200;

const notice = (text: string) => publicReply([{ type: 'text', text }]);

/**
 * Where a reply goes: public ones, and anything in a private chat, to the chat; a private reply
 * asked in a group to the member's DM with a one-line notice in the group. If Telegram refuses the
 * DM, the group gets a button with a deep link that delivers it, never the private content itself.
 */
async function deliver(o: Origin, reply: Reply, payloadFor: () => Promise<string>): Promise<void> {
  const replyTo = o.chat.type === 'private' ? undefined : o.messageId;
  if (reply.visibility === 'public' || o.chat.type === 'private' || o.anonymous) return sendReply(o.api, o.chat.id, reply, replyTo);
  if (reply.receipt !== undefined && o.messageId !== undefined) return deliverReceipt(o, reply, o.messageId);
  try {
    await sendReply(o.api, o.from.id, reply);
  } catch (error) {
    if (!isDmRefused(error)) throw error;
    o.log.info({}, 'direct message refused: sending a deep link');
    const url = DeepLinks.url(o.bot, await payloadFor());
    await o.api.sendMessage(o.chat.id, telegramText('dm_needed', o.from.language_code), {
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: telegramText('dm_button', o.from.language_code), url }]] },
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
    return;
  }
  await sendReply(o.api, o.chat.id, notice(reply.notice ?? escapeMarkdown(telegramText('dm_sent', o.from.language_code))), replyTo);
}

/**
 * A recorded action in a group posts nothing there: a reaction on the member's command, and the
 * answer privately when the member has started the bot. Only when neither works does the group
 * see one line (a group that allows no reactions, a member who never opened the bot).
 */
async function deliverReceipt(o: Origin, reply: Reply, messageId: number): Promise<void> {
  const reacted = await o.api
    .setMessageReaction(o.chat.id, messageId, [{ type: 'emoji', emoji: RECEIPT_REACTION }])
    .then(() => true)
    .catch((error: unknown) => {
      o.log.info({ err: error }, 'reaction refused');
      return false;
    });
  try {
    await sendReply(o.api, o.from.id, reply);
    return;
  } catch (error) {
    if (!isDmRefused(error)) throw error;
  }
  if (!reacted) await sendReply(o.api, o.chat.id, notice(escapeMarkdown(reply.receipt!)), messageId);
}

/** A typed command: run once per update through the command pipeline, delivered. */
export async function onMessage(c: Context, env: HandlerEnv): Promise<void> {
  const message = c.message;
  const typed = message?.text ?? message?.caption;
  if (!typed || !message?.from) return;
  const line = parseCommandLine(typed, c.me.username);
  const answered = message.reply_to_message?.message_id;
  // An answer to a reply prompt (not a command): the form's command runs with its lines as fields.
  const prompt = !line && message.text !== undefined && answered !== undefined ? await env.forms.take(message.chat.id, answered, String(message.from.id)) : undefined;
  if (prompt) return onFormAnswer(c, message.text!, prompt, env);
  // A file's caption is read for /import only: other captions are not commands to us.
  if (!line || (message.text === undefined && line.name !== 'import')) return;
  const { chat, from } = message;
  // A group may have several bots: another bot's /command is not ours to answer "unknown" to.
  if (chat.type !== 'private' && !line.addressed && line.name !== 'start' && !findCommand(line.name)) return;
  const log = childLogger(env.logger, { update_id: c.update.update_id, chat: chat.id, command: line.name });
  const o: Origin = { api: c.api, bot: c.me.username, chat, from, messageId: message.message_id, anonymous: isAnonymousAdmin(chat, message.sender_chat), log };
  const userId = String(from.id);
  if (line.name === 'start' && line.text !== '' && chat.type === 'private') return startDeepLink(o, line.text, deliveryOf(c), env);
  const command: CommandLine = line.name === 'start' ? { name: 'help', text: '' } : line;
  const invocation = { ...toInvocation(command, spaceOf(chat), from, moderatorCheck(c.api, chat, from, message.sender_chat)), delivery: deliveryOf(c), soleConsumer: env.soleConsumer };
  const document = command.name === 'import' && command.text === '' ? importDocument(message) : undefined;
  const reply = document ? await importFromDocument(c.api, document, invocation, env, log) : await handleOnce(invocation, env.deps, log);
  if (!reply) return;
  await deliver(o, reply, async () => (command.name === 'letter' ? env.links.forLetter(String(chat.id), command.text) : undefined) ?? env.links.forReply(userId, reply));
  crashPoint('after-answer');
}

/**
 * The member's answer to a reply prompt. Its text becomes the form's fields for this one call: it is
 * neither kept nor logged (the log names the form's command only).
 */
async function onFormAnswer(c: Context, text: string, prompt: PendingPrompt, env: HandlerEnv): Promise<void> {
  const { chat, from, message_id, sender_chat } = c.message!;
  if (!from) return;
  const command = splitButtonCommand(prompt.command);
  const log = childLogger(env.logger, { update_id: c.update.update_id, chat: chat.id, form: command.name });
  const o: Origin = { api: c.api, bot: c.me.username, chat, from, messageId: message_id, anonymous: isAnonymousAdmin(chat, sender_chat), log };
  const userId = String(from.id);
  const invocation = toInvocation(command, spaceOf(chat), from, moderatorCheck(c.api, chat, from, sender_chat));
  const reply = await handleOnce({ ...invocation, options: formOptions(prompt.fields, text), delivery: deliveryOf(c), soleConsumer: env.soleConsumer }, env.deps, log);
  if (!reply) return;
  await deliver(o, reply, () => env.links.forReply(userId, reply));
}

/** `/import` with a text file: its content becomes the text; a refused download is told like any user error. */
async function importFromDocument(api: Api, document: NonNullable<Message['document']>, invocation: Invocation, env: HandlerEnv, log: Logger): Promise<Reply | undefined> {
  try {
    // Claimed before the download: a redelivered update neither downloads nor answers.
    if (!(await claimDelivery(env.deps.claims, invocation.delivery!))) return undefined;
  } catch (error) {
    return errorReply(error, pickLocale(invocation.actor.locale), log, { command: 'import', space: invocation.space.id });
  }
  let withText: Invocation;
  try {
    withText = await withDocumentText(api, document, invocation);
  } catch (error) {
    const known = error instanceof UserInputError ? error : new UserInputError('import_file_download_failed', { problem: error instanceof GrammyError ? error.description : 'network' });
    if (!(error instanceof UserInputError)) log.warn({ err: error }, 'telegram file download failed');
    return errorReply(known, pickLocale(invocation.actor.locale), log, { command: 'import', space: invocation.space.id });
  }
  const { delivery: _claimed, ...rest } = withText;
  return handleOnce(rest, env.deps, log);
}

/** `/start <payload>` in the bot's DM: the letter or the answer that could not be sent before. */
async function startDeepLink(o: Origin, payload: string, delivery: string, env: HandlerEnv): Promise<void> {
  if (!(await claimDelivery(env.deps.claims, delivery))) return;
  const target = await env.links.resolve(payload, String(o.from.id));
  if (target?.kind === 'reply') return sendReply(o.api, o.chat.id, target.reply);
  if (target?.kind === 'expired') return sendReply(o.api, o.chat.id, notice(escapeMarkdown(telegramText('link_expired', o.from.language_code))));
  // A forged link, or one tapped by someone Telegram does not count in its group: one line, nothing run.
  if (target?.kind === 'forged' || (target?.kind === 'letter' && !(await isMemberOf(o.api, target.chatId, o.from.id, o.log)))) {
    return sendReply(o.api, o.chat.id, notice(escapeMarkdown(translator(pickLocale(o.from.language_code))('not_here'))));
  }
  // A letter asked in a group: re-run as whoever tapped, against the group's drive, answered here.
  const group: ChatRef = target ? { id: Number(target.chatId), type: 'group' } : o.chat;
  const command: CommandLine = target ? { name: 'letter', text: target.text } : { name: 'help', text: '' };
  const space = target ? { id: `telegram:${target.chatId}`, kind: 'private' as const } : spaceOf(o.chat);
  const reply = await handleOnce(toInvocation(command, space, o.from, moderatorCheck(o.api, group, o.from)), env.deps, o.log);
  if (reply) await sendReply(o.api, o.chat.id, reply);
}

const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);

/**
 * Whether Telegram counts this user in the group now (a restricted user only while `is_member`). A
 * failed lookup (the bot left the group) counts as no. Telegram can tell this for every user, so a
 * group's letter link works only for its members.
 */
async function isMemberOf(api: Api, chatId: string, userId: number, log: Logger): Promise<boolean> {
  try {
    const member = await api.getChatMember(Number(chatId), userId);
    return MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member);
  } catch (error) {
    log.info({ err: error }, 'membership lookup for a letter link failed');
    return false;
  }
}

/**
 * A button press: the button's command runs as the member who pressed. Every query is answered
 * (also on errors); a redelivered one is not (the first delivery did). The result is a message in
 * the chat of the button, or the member's DM when it is private and the button was in a group. A
 * form button's result is a reply prompt (force_reply) there instead, answered by `onFormAnswer`.
 */
export async function onPress(c: Context, env: HandlerEnv): Promise<void> {
  const query = c.callbackQuery;
  if (!query?.data) return;
  const log = childLogger(env.logger, { update_id: c.update.update_id, button: query.data });
  let answered = false;
  const answer = async (options?: { text?: string; url?: string }) => {
    answered = true;
    await c.answerCallbackQuery(options).catch((error: unknown) => log.warn({ err: error }, 'callback query not answered'));
  };
  try {
    const chat: ChatRef = query.message?.chat ?? { id: query.from.id, type: 'private' };
    // A form button (`F|<command>`): its command runs again to find the form as it is now.
    const formCommand = query.data.startsWith(FORM_PREFIX) ? query.data.slice(FORM_PREFIX.length) : undefined;
    const invocation = toInvocation(splitButtonCommand(formCommand ?? query.data), spaceOf(chat), query.from, moderatorCheck(c.api, chat, query.from));
    const reply = await handleOnce({ ...invocation, delivery: deliveryOf(c), soleConsumer: env.soleConsumer }, env.deps, log);
    // A redelivered press: the first delivery answered it.
    if (!reply) return;
    const form = formCommand !== undefined ? findForm(reply, formCommand) : undefined;
    const send = (chatId: number) => (form ? sendPrompt(c.api, chatId, form, query.from, env.forms) : sendReply(c.api, chatId, reply));
    if (reply.visibility === 'public' || chat.type === 'private') {
      await answer();
      return await send(chat.id);
    }
    // A recorded action pressed in a group: the toast is the whole answer, nothing is posted.
    if (reply.receipt !== undefined && !form) return await answer({ text: reply.receipt.slice(0, MAX_TOAST) });
    try {
      await send(query.from.id);
      await answer({ text: (form ? undefined : reply.notice) ?? telegramText('dm_sent', query.from.language_code) });
    } catch (error) {
      if (!isDmRefused(error)) throw error;
      await answer({ url: DeepLinks.url(c.me.username, await env.links.forReply(String(query.from.id), reply)) });
    }
  } catch (error) {
    log.error({ err: error }, 'button press failed');
    if (!answered) await answer({ text: translator(pickLocale(query.from.language_code))('internal') });
  }
}
