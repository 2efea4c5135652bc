import { pickLocale } from '../../core/i18n/index.js';

/**
 * The few sentences only Telegram needs (direct messages and deep links). Kept beside the adapter
 * so the shared catalogs stay platform-neutral; same two locales, English as the fallback.
 */
const MESSAGES = {
  en: {
    dm_sent: 'I have answered you in a private message.',
    dm_needed: 'I cannot write to you privately until you open a chat with me. Tap the button: your answer arrives there.',
    dm_button: 'Get it privately',
    link_expired: 'This link has expired or was meant for someone else. Type the command again in the group.',
  },
  es: {
    dm_sent: 'Te he respondido en un mensaje privado.',
    dm_needed: 'No puedo escribirte en privado hasta que abras un chat conmigo. Pulsa el botón: tu respuesta llegará allí.',
    dm_button: 'Recibirlo en privado',
    link_expired: 'Este enlace ha caducado o era para otra persona. Escribe el comando de nuevo en el grupo.',
  },
} as const satisfies Record<'en' | 'es', Record<string, string>>;

export type TelegramMessageKey = keyof (typeof MESSAGES)['en'];

/** One adapter sentence in the member's language (Telegram's `language_code`). */
export function telegramText(key: TelegramMessageKey, languageCode: string | undefined): string {
  return MESSAGES[pickLocale(languageCode)][key];
}
