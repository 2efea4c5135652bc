// Contact details in Urgent Action text: labels, emails (also hidden ones) and social handles.
import { z } from 'zod';

/** What a labelled contact line says. */
export type Field =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'fax'; value: string }
  | { kind: 'social'; label: string; value: string }
  | { kind: 'salutation'; value: string }
  | { kind: 'web'; value: string };

/* "Fax no.", "Tel. number", "Telefonnr.": the word for "number" after a phone or fax label is still the label. */
const NUMBER_WORD = String.raw`(?:\s?(?:no|nr|number|n°|num[eé]ro|nummer)\.?)?`;

/* "Telegrams: Presidente Zedillo, México D.F.", "Telexes: 170937 sppnme": an old UA's channels no member can use now; no part of a postal address. */
export const OLD_CHANNEL = /^(?:telegrams?|telex(?:es)?|cables?|t[ée]l[ée]grammes?|telegramas?)\s*:/i;

/** "Email", "E-mail address", "E-Mail-Adresse", "Mail": the English and German words of an e-mail's label. */
export const EMAIL_LABEL_WORDS = String.raw`(?:e-?mails?(?:[- ]?(?:address(?:es)?|adressen?))?|mail)`;

const LABELS: { kind: Field['kind']; pattern: RegExp; label?: string }[] = [
  { kind: 'email', pattern: new RegExp(String.raw`^(?:${EMAIL_LABEL_WORDS}|correos? electr[oó]nicos?|correo(?:-e)?|courriels?|adresse [ée]lectronique)$`, 'i') },
  { kind: 'phone', pattern: new RegExp(`^(?:tel|telefon|t[ée]l[ée]?phone|telephone|phone|tel[ée]fono|tfno|mobile|cell)\\.?${NUMBER_WORD}$`, 'i') },
  { kind: 'fax', pattern: new RegExp(`^(?:fax(?:es)?|t[ée]l[ée]copie)\\.?${NUMBER_WORD}$`, 'i') },
  { kind: 'salutation', pattern: /^(?:salutation|saludo|encabezado|tratamiento|tratamento|formule d'appel|formule de politesse|(?:korrekte )?anrede|forma grzeczno[sś]ciowa)$/i },
  { kind: 'web', pattern: /^(?:website|web|web-?page|site web|sitio web|p[aá]gina web|url|online|online form(?: in \p{L}+)?|web form|contact form|formulario(?: en l[ií]nea)?|formulaire(?: en ligne)?|kontaktformular)$/iu },
  { kind: 'social', pattern: /^twitter$/i, label: 'Twitter' },
  { kind: 'social', pattern: /^x$/i, label: 'X' },
  { kind: 'social', pattern: /^(?:twitter\/x|x\/twitter|x \((?:formerly )?twitter\)|twitter \(x\))$/i, label: 'X/Twitter' },
  { kind: 'social', pattern: /^facebook$/i, label: 'Facebook' },
  { kind: 'social', pattern: /^instagram$/i, label: 'Instagram' },
  { kind: 'social', pattern: /^bluesky$/i, label: 'Bluesky' },
  { kind: 'social', pattern: /^threads$/i, label: 'Threads' },
  { kind: 'social', pattern: /^tiktok$/i, label: 'TikTok' },
  { kind: 'social', pattern: /^mastodon$/i, label: 'Mastodon' },
];

/* A label word followed by a colon, anywhere in a line ("..., Quito. Email: a@b.ec Twitter: @x"). */
const LABEL_AT = /(?:^|[\s,;.(])((?:e-?mails?(?:[- ]?(?:address(?:es)?|adressen?))?|mail(?=\s?:\s*(?:<?mailto:|[^\s@,;]+@|\[?\s?email\s{0,3}protected\b))|correos? electr[oó]nicos?|correo-e|courriels?|(?:tel|telefon|t[ée]l[ée]?phone|phone|tel[ée]fono|fax(?:es)?)\.?(?:\s?(?:no|nr|number|n°|num[eé]ro|nummer)\.?)?|salutation|saludo|encabezado|tratamiento|tratamento|formule d'appel|(?:korrekte )?anrede|forma grzeczno[sś]ciowa|website|online form(?: in \p{L}+)?|online|web form|contact form|formulario(?: en l[ií]nea)?|formulaire(?: en ligne)?|kontaktformular|x \((?:formerly )?twitter\)|twitter\/x|twitter|x|facebook|instagram|bluesky|threads|tiktok|mastodon|web-?page)\.?)\s?:/giu;

/* "Telephone (011-503) 2249-8412", "Fax +44 20 ...": a phone or fax label without its colon, before the number. */
const BARE_NUMBER_LABEL = /^(tel|telefon|t[ée]l[ée]?phone|telephone|phone|tel[ée]fono|fax|t[ée]l[ée]copie)\.?(?:\s?(?:no|nr|number|n°|num[eé]ro|nummer)\.?)?\s+(?=[(+]?\d)/i;
/* "..., Riyadh Fax no. +966 11 ...": a phone or fax label with its word for "number" and no colon, inside a line. */
const NUMBER_WORD_LABEL = /(^|[\s,;.(])(fax|tel|phone|telephone|telefon)\.?\s?(?:no|nr|number|n°|nummer)\.?\s+(?=[(+]?\d)/gi;
/* "Salutation - Dear Minister", "E-mail – a@b.org": a dash after a label at a line's start stands for its colon. */
const DASHED_LABEL = /^((?:e-?mails?|salutation|saludo|encabezado|tratamiento|tratamento|anrede|formule d'appel|fax|tel|telephone|phone)\.?)\s*[-–—]\s+(?=\S)/i;

/** The organisers' own addresses (an Amnesty section's, a coalition's "if you have questions" contact): never an official's. */
export const ORGANISER_EMAIL = /@(?:[\w-]+\.)*(?:amnesty|amnistia|amnistie|amnesty-[\w-]+)\./i;
/* The organisers' own contact: "if you have questions", "contact us", "envoyez-nous vos photos à :", "send us". */
export const ORGANISER_LINE = /\b(?:if you have (?:any )?questions|questions about (?:this|these|either)|for (?:more|further) information (?:on|about) (?:this|the) (?:action|campaign)|contact us\b|contact the [\p{L} ]{2,30} office|\b(?:send|e-?mail|mail|write to|tell) us\b|\b(?:envoyez|[ée]crivez|[ée]crire)-nous\b|\benv[ií]anos\b|\bescr[ií]b(?:enos|anos)\b|\benvie-nos\b|\bescreva-nos\b|\b(?:schicken|senden|schreiben) sie uns\b)/iu;

/** A website replaced the address with "[email protected]" (Cloudflare): the address is lost. */
export const HIDDEN_EMAIL = /\[?\s?email\s{0,3}protected\s?\]?/i;

const emailSchema = z.email();

/**
 * Splits one line into free text and labelled fields. Only the first 2000 characters are read: contact
 * lines are short, and a pathological line must not cost more than that.
 */
export function splitLabels(line: string): { text: string; fields: Field[] } {
  const source = (line.length > 2000 ? line.slice(0, 2000) : line).replace(BARE_NUMBER_LABEL, '$1: ').replace(DASHED_LABEL, '$1: ').replace(NUMBER_WORD_LABEL, '$1$2: ');
  const marks: { at: number; end: number; label: string }[] = [];
  for (const m of source.matchAll(LABEL_AT)) {
    const label = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].indexOf(label);
    marks.push({ at, end: (m.index ?? 0) + m[0].length, label: label.replace(/\.$/, '') });
  }
  if (marks.length === 0) return { text: source, fields: [] };
  const fields: Field[] = [];
  marks.forEach((mark, i) => {
    const value = source.slice(mark.end, marks[i + 1]?.at ?? source.length).trim().replace(/[,;]$/, '').trim();
    const field = toField(mark.label, value);
    if (field) fields.push(field);
  });
  return { text: source.slice(0, marks[0]?.at ?? 0).trim().replace(/[,;]$/, '').trim(), fields };
}

function toField(label: string, value: string): Field | undefined {
  const rule = LABELS.find((r) => r.pattern.test(label));
  if (!rule) return undefined;
  if (rule.kind === 'social') return value === '' ? undefined : { kind: 'social', label: rule.label ?? label, value };
  return { kind: rule.kind, value };
}

/** Email addresses in a piece of text, whatever separates them: commas, semicolons, "and", "or", "y", "ou". */
export function findEmails(text: string): string[] {
  const found: string[] = [];
  for (const token of text.slice(0, 2000).split(/[\s,;()<>[\]"'“”‘’]+/)) {
    if (!token.includes('@') || token.length > 254) continue;
    // "fgsafie@fgr.gob.svThis email address is being protected ...": a page's word glued onto the domain is cut off.
    const candidate = token.replace(/^mailto:/i, '').replace(/[.:]+$/, '').replace(/(\.[a-z]{2,})[A-Z][a-z]{2,}$/, '$1');
    if (emailSchema.safeParse(candidate).success && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

/** Bare "@handle" mentions in free text that are not part of an email address. */
export function findHandles(text: string): string[] {
  const handles: string[] = [];
  for (const token of text.slice(0, 2000).split(/[\s,;()]+/)) {
    const m = /^(@[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,60})?)[.:]?$/.exec(token);
    if (m?.[1] && !handles.includes(m[1])) handles.push(m[1]);
  }
  return handles;
}

/*
 * An e-mail's header run into a line ("Date: Fri, 12 Dec 1997 ... From: ... To: a@b.no Cc: ..."), or a header only a
 * message has ("Reply-To: list@example.edu", "Sender:", "Return-Path:"): its addresses are the message's, no official's.
 */
export function isMailHeader(line: string): boolean {
  if (MESSAGE_ONLY_HEADER.test(line)) return true;
  return /^(?:date|from|sent|to|cc|subject)\s?:/i.test(line) && (line.match(/\b(?:date|from|sent|to|cc|bcc|subject)\s?:/gi) ?? []).length >= 2;
}

/* Headers that label a message, never a person's contact details. */
const MESSAGE_ONLY_HEADER = /^\s*(?:reply-to|sender|return-path|message-id|in-reply-to|x-[\w-]+)\s?:/i;

/* A second number under a "Fax:" line ("1 2127791697 (via Cuban mission to UN)"): a contact detail, never a name or an address line. */
export function isNumberLine(line: string): boolean {
  return /^\+?\(?\d[\d\s()./-]{5,}\d\)?(?:\s*(?:\([^)]{0,60}\)|ext\.?\s*\d+))?$/i.test(line.trim()) && (line.match(/\d/g) ?? []).length >= 7;
}
