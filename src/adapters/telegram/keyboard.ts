// Reply buttons -> Telegram inline keyboards, and the callback data of action and form buttons.
import { MAX_BUTTON_DATA, type Button } from '../../core/reply.js';

/** A form button's callback_data: `F|<command>`, when it fits Telegram's 64 bytes. */
export const FORM_PREFIX = 'F|';

/** The callback_data that opens this form, or undefined when it is over 64 bytes (the form stays a line to type). */
export function formCallbackData(command: string, maxBytes: number): string | undefined {
  const data = `${FORM_PREFIX}${command}`;
  return Buffer.byteLength(data, 'utf8') <= maxBytes ? data : undefined;
}

export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };
export type InlineKeyboard = { inline_keyboard: InlineButton[][] };

/** A form whose `F|<command>` is over 64 bytes, as a line to type (a typed line works in every client). */
export type FormHint = { label: string; line: string };

/** Telegram rejects longer button URLs; the content of such links is always in a copy block too. */
export const MAX_BUTTON_URL = 2048;

const ACTIONS_PER_ROW = 2;

function isButtonUrl(url: string): boolean {
  return /^(https?:\/\/|tg:\/\/)\S+$/i.test(url) && url.length <= MAX_BUTTON_URL;
}

/**
 * Buttons as an inline keyboard: action buttons carry their command as callback_data (the command
 * layer keeps it within 64 bytes; asserted here), links that Telegram can open become URL buttons
 * (mailto: cannot: dropped, the address is in a copy block). A form becomes a button `F|<command>`
 * that opens a reply prompt, or a line to type when that is over 64 bytes.
 */
export function renderKeyboard(buttons: readonly Button[]): { keyboard?: InlineKeyboard; hints: FormHint[] } {
  const rows: InlineButton[][] = [];
  const hints: FormHint[] = [];
  let actions: InlineButton[] = [];
  const flush = () => {
    if (actions.length > 0) rows.push(actions);
    actions = [];
  };
  for (const button of buttons) {
    if (button.type === 'action') {
      if (Buffer.byteLength(button.command, 'utf8') > MAX_BUTTON_DATA) {
        throw new Error(`callback_data over ${MAX_BUTTON_DATA} bytes: ${button.command}`);
      }
      actions.push({ text: button.label, callback_data: button.command });
      if (actions.length === ACTIONS_PER_ROW) flush();
    } else if (button.type === 'link') {
      if (!isButtonUrl(button.url)) continue;
      flush();
      rows.push([{ text: button.label, url: button.url }]);
    } else {
      const data = formCallbackData(button.command, MAX_BUTTON_DATA);
      if (data !== undefined) {
        flush();
        rows.push([{ text: button.label, callback_data: data }]);
        continue;
      }
      const fields = button.fields.map((f) => `${f.name}="${(f.value ?? '…').replace(/"/g, "'")}"`);
      hints.push({ label: button.label, line: `/${[button.command, ...fields].join(' ')}` });
    }
  }
  flush();
  return { keyboard: rows.length > 0 ? { inline_keyboard: rows } : undefined, hints };
}
