// Forms as Telegram reply prompts: the prompt message, pending prompts in the store, answer lines
// -> fields.
import type { Api } from 'grammy';
import type { Button, FormField, Reply } from '../../core/reply.js';
import type { ShortLived } from '../../core/short-lived.js';
import type { UserRef } from './args.js';
import { telegramText } from './messages.js';
import { disarmMentions, escapeHtml } from './render.js';

/** A Reply's form button. */
export type FormButton = Extract<Button, { type: 'form' }>;

/** What a reply prompt waits for: the form's command, its fields, and who may answer it (a Telegram user id, kept only hashed). */
export type PendingPrompt = { command: string; fields: FormField[]; userId: string };
type Stored = Omit<PendingPrompt, 'userId'> & { member: string };

export { FORM_PREFIX } from './keyboard.js';

/** Telegram's limit on `input_field_placeholder`. */
export const MAX_PLACEHOLDER = 64;

/**
 * Reply prompts waiting for their answer, in the store for `ttlMs` (an hour): any process behind
 * the webhook takes the answer, also after a restart. Keyed by chat and prompt message (hashed).
 */
export class FormPrompts {
  /** `memberKey`: a Telegram user id to the member's pseudonymous key (the store never holds the id). */
  constructor(
    private readonly store: ShortLived,
    private readonly memberKey: (userId: string) => string,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  /** Remembers the prompt message `messageId` in `chatId`, for `prompt.userId` only. */
  async add(chatId: number | string, messageId: number, prompt: PendingPrompt): Promise<void> {
    const { userId, ...rest } = prompt;
    await this.store.put('form-prompt', `${chatId}:${messageId}`, { ...rest, member: this.memberKey(userId) } satisfies Stored, this.ttlMs);
  }

  /** The prompt a reply answers, consumed; undefined (and kept) when it is another member's, or gone. */
  async take(chatId: number | string, messageId: number, userId: string): Promise<PendingPrompt | undefined> {
    const id = `${chatId}:${messageId}`;
    const entry = await this.store.get<Stored>('form-prompt', id);
    if (!entry || entry.member !== this.memberKey(userId)) return undefined;
    await this.store.delete('form-prompt', id);
    return { command: entry.command, fields: entry.fields, userId };
  }
}

/**
 * The answer's lines as the form's fields, in order: each line trimmed, a blank line or `-` leaves
 * its field out, extra lines are ignored. A multiline field takes the rest of the text as it is.
 */
export function formOptions(fields: readonly FormField[], text: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const options: Record<string, string> = {};
  for (const [i, field] of fields.entries()) {
    if (i >= lines.length) break;
    const value = field.multiline ? lines.slice(i).join('\n').trim() : lines[i]!.trim();
    if (value !== '' && value !== '-') options[field.name] = value;
    if (field.multiline) break;
  }
  return options;
}

/** The prompt's HTML: title, how to answer, then one line per field with its current value. */
export function promptHtml(form: FormButton, languageCode: string | undefined): string {
  const single = form.fields.length === 1 && form.fields[0]!.multiline;
  const intro = telegramText(single ? 'form_prompt_text' : 'form_prompt_lines', languageCode);
  const items = single
    ? []
    : form.fields.map((f) => `${escapeHtml(disarmMentions(f.label))}${f.value ? `: <i>${escapeHtml(disarmMentions(f.value))}</i>` : ''}`);
  const skip = single ? [] : [telegramText('form_prompt_skip', languageCode)];
  return [`<b>${escapeHtml(disarmMentions(form.title))}</b>`, escapeHtml(intro), ...items, ...skip.map(escapeHtml)].join('\n');
}

/** The first field's label as the input box's placeholder (Telegram: at most 64 characters). */
export function placeholderOf(form: FormButton): string | undefined {
  const label = form.fields[0]?.label;
  if (!label) return undefined;
  const chars = Array.from(label);
  return chars.length <= MAX_PLACEHOLDER ? label : `${chars.slice(0, MAX_PLACEHOLDER - 1).join('')}…`;
}

/** The form a press opened, found again in the command's fresh reply (current fields and values). */
export function findForm(reply: Reply, command: string): FormButton | undefined {
  return reply.buttons.find((b): b is FormButton => b.type === 'form' && b.command === command);
}

/** Sends the prompt (a force_reply message) and remembers it for the member who pressed. */
export async function sendPrompt(api: Api, chatId: number, form: FormButton, from: UserRef, prompts: FormPrompts): Promise<void> {
  const placeholder = placeholderOf(form);
  const sent = await api.sendMessage(chatId, promptHtml(form, from.language_code), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    reply_markup: { force_reply: true, ...(placeholder ? { input_field_placeholder: placeholder } : {}) },
  });
  await prompts.add(chatId, sent.message_id, { command: form.command, fields: form.fields, userId: String(from.id) });
}
