// The sentences only Telegram needs (direct messages, deep links, reply prompts), in English and
// Spanish.
import { pickLocale } from '../../core/i18n/index.js';

/**
 * The few sentences only Telegram needs (direct messages, deep links, reply prompts). Kept beside the adapter
 * so the shared catalogs stay platform-neutral; same two locales, English as the fallback.
 */
const MESSAGES = {
  en: {
    dm_sent: 'I have answered you in a private message.',
    dm_needed: 'I cannot write to you privately until you open a chat with me. Tap the button: your answer arrives there.',
    dm_button: 'Get it privately',
    link_expired: 'This link has expired or was meant for someone else. Type the command again in the group.',
    form_prompt_lines: 'Reply to this message with one line per item:',
    form_prompt_text: 'Reply to this message with the text.',
    form_prompt_skip: 'Write - on the line of an item to leave it empty.',
  },
  es: {
    dm_sent: 'Te he respondido en un mensaje privado.',
    dm_needed: 'No puedo escribirte en privado hasta que abras un chat conmigo. Pulsa el botón: tu respuesta llegará allí.',
    dm_button: 'Recibirlo en privado',
    link_expired: 'Este enlace ha caducado o era para otra persona. Escribe el comando de nuevo en el grupo.',
    form_prompt_lines: 'Responde a este mensaje con una línea por dato:',
    form_prompt_text: 'Responde a este mensaje con el texto.',
    form_prompt_skip: 'Escribe - en la línea de un dato para dejarlo vacío.',
  },
} as const satisfies Record<'en' | 'es', Record<string, string>>;

export type TelegramMessageKey = keyof (typeof MESSAGES)['en'];

/** One adapter sentence in the member's language (Telegram's `language_code`). */
export function telegramText(key: TelegramMessageKey, languageCode: string | undefined): string {
  return MESSAGES[pickLocale(languageCode)][key];
}
