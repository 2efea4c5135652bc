// The message catalog's types: templates and plural forms.
import type { MessageKey } from './en.js';

/** A message is a template, or plural forms chosen by `{count}` (Intl.PluralRules categories). */
export type Message = string | { readonly one: string; readonly other: string; readonly few?: string; readonly many?: string };
export type Catalog = Record<MessageKey, Message>;
