// The kinds of command options (method, appeal, date, ...): one zod schema each, placeholders, and
// what a member should type.
import { z } from 'zod';
import { appealIdSchema } from '../core/appeal.js';
import { METHODS } from '../core/drive.js';
import { LOCALES, type MessageKey } from '../core/i18n/index.js';
import { stripInvisibles } from '../core/sanitize.js';
import { isCalendarDate, isTimeZone } from '../core/time.js';
import type { OptionKind, OptionSpec } from './types.js';

/** Words members type for methods, in every supported language. */
const METHOD_WORDS: Record<string, (typeof METHODS)[number]> = {
  email: 'email', emailed: 'email', mail: 'email', correo: 'email', 'e-mail': 'email',
  post: 'post', posted: 'post', letter: 'post', carta: 'post', postal: 'post',
  phone: 'phone', phoned: 'phone', call: 'phone', called: 'phone', telefono: 'phone', 'teléfono': 'phone', llamada: 'phone',
  social: 'social', tweet: 'social', redes: 'social',
  other: 'other', otro: 'other', otra: 'other',
};

// Names and towns end up in a signature and messages in public posts: printable text only, short,
// without invisible direction overrides.
const plainText = (max: number) =>
  z.string().transform(stripInvisibles).pipe(z.string().trim().min(1).max(max)).refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f));

/** One zod schema per kind of option, shared by every command and every platform. */
export const kindSchemas: Record<OptionKind, (spec: OptionSpec) => z.ZodType> = {
  appeal: () => z.string().trim().toLowerCase().pipe(appealIdSchema),
  appeals: () => z.string().trim().toLowerCase().max(400).regex(/^[a-z0-9][a-z0-9-]{0,39}(?:\s*,\s*[a-z0-9][a-z0-9-]{0,39}){0,29}$/),
  method: () => z.string().trim().toLowerCase().transform((v) => METHOD_WORDS[v] ?? v).pipe(z.enum(METHODS)),
  goal: () => z.string().trim().regex(/^\d{1,8}$/).transform(Number).pipe(z.number().int().min(1).max(10_000_000)),
  date: () => z.string().trim().refine(isCalendarDate),
  timezone: () => z.string().trim().refine(isTimeZone),
  text: (spec) => plainText(spec.max ?? 100),
  // A whole pasted text (an Urgent Action): line breaks allowed, size capped.
  document: (spec) => z.string().min(1).max(spec.max ?? 1_000_000),
  lang: () => z.string().trim().toLowerCase().pipe(z.enum(LOCALES)),
  // Any language a letter may be written in ("fr", "pt-br"); the bot's own words fall back to a catalog's.
  language: () => z.string().trim().toLowerCase().regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/),
  target: () => z.string().trim().min(1).max(60),
  toggle: () => z.string().trim().toLowerCase().transform((v) => ['on', 'yes', 'true', 'si', 'sí'].includes(v) ? true : ['off', 'no', 'false'].includes(v) ? false : v).pipe(z.boolean()),
  word: (spec) => z.string().trim().regex(/^\S+$/).max(spec.max ?? 40),
};

/** What each kind expects, for the message when a value does not fit. */
export const kindExpectation: Record<OptionKind, MessageKey> = {
  appeal: 'expect_appeal',
  appeals: 'expect_appeals',
  method: 'expect_method',
  goal: 'expect_goal',
  date: 'expect_date',
  timezone: 'expect_timezone',
  text: 'expect_text',
  document: 'expect_text',
  lang: 'expect_lang',
  language: 'expect_language',
  target: 'expect_target',
  toggle: 'expect_toggle',
  word: 'expect_word',
};

/** Placeholders in usage lines. */
export const kindPlaceholder: Record<OptionKind, string> = {
  appeal: 'APPEAL',
  appeals: 'APPEAL',
  method: 'email|post|phone|social|other|card',
  goal: 'NUMBER',
  date: 'YYYY-MM-DD',
  timezone: 'ZONE',
  text: 'TEXT',
  document: 'TEXT',
  lang: 'en|es',
  language: 'en|es|fr|...',
  target: 'NUMBER',
  toggle: 'on|off',
  word: 'WORD',
};
