// Translation: the locale to answer in and the translator for a catalog key.
import type { Catalog, Message } from './catalog.js';
import { en, type MessageKey } from './en.js';
import { es } from './es.js';

export type { MessageKey } from './en.js';
export type { Catalog, Message } from './catalog.js';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogs: Record<Locale, Catalog> = { en, es };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The locale to answer in: an explicit `lang=` first, then the platform's locale, then English. */
export function pickLocale(...candidates: Array<string | undefined>): Locale {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split(/[-_]/)[0];
    if (base && (LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Built once per locale: constructing Intl.PluralRules costs more than a whole translation. */
const pluralRules = Object.fromEntries(LOCALES.map((locale) => [locale, new Intl.PluralRules(locale)])) as Record<Locale, Intl.PluralRules>;

/** A translator bound to one locale: `t('days_left', { count: 3, date })`. */
export function translator(locale: Locale): Translate {
  const plural = pluralRules[locale];
  return (key, params = {}) => {
    const message: Message = catalogs[locale][key] ?? en[key];
    const template = typeof message === 'string' ? message : pickPlural(message, plural.select(Number(params.count ?? 0)));
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

function pickPlural(message: Exclude<Message, string>, category: Intl.LDMLPluralRule): string {
  if (category === 'one') return message.one;
  if (category === 'few' && message.few) return message.few;
  if (category === 'many' && message.many) return message.many;
  return message.other;
}
