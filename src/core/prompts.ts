// Prompts that make a letter one's own (why I care, who I am, a question to the official), and the member's answers composed into paragraphs.
import { PROMPT_KINDS, type Appeal } from './appeal.js';
import type { Locale, Translate } from './i18n/index.js';
import { stripInvisibles } from './sanitize.js';

export type PromptKind = (typeof PROMPT_KINDS)[number];

/** What a member is offered for one prompt: its label, and the start of the sentence they complete. */
export type Prompt = { kind: PromptKind; label: string; start: string };

/** The member's own words: one sentence each, no longer than this (a letter is read in a minute). */
export const MAX_OWN_WORDS = 300;

/** The member's answers, by prompt, and `mine`, a sentence of their own without a prompt. */
export type OwnAnswers = Partial<Record<PromptKind | 'mine', string>>;

/** Paragraphs for the letter: `opening` after the greeting's first line, `closing` before the closing. */
export type OwnWords = { opening?: string; closing?: string };

/**
 * The prompts for `appeal` in `locale`, one per kind: the appeal's own in that language where it has
 * one, the catalog's otherwise (why I care, who I am, a question to the official).
 */
export function promptsFor(appeal: Appeal, locale: Locale, t: Translate): Prompt[] {
  const own = (appeal.prompts ?? []).filter((p) => p.lang.toLowerCase().split('-')[0] === locale);
  return PROMPT_KINDS.map((kind) => {
    const mine = own.find((p) => p.kind === kind);
    return mine ? { kind, label: mine.label, start: mine.start } : { kind, label: t(`prompt_${kind}`), start: t(`prompt_${kind}_start`) };
  });
}

/**
 * One sentence of the member's: invisible controls and line breaks taken out, spaces collapsed,
 * nothing when it is empty or only the prompt's start (left as offered), a full stop (or a question
 * mark, for a question) added when it has none.
 */
function sentence(text: string | undefined, start: string, question: boolean): string | undefined {
  if (text === undefined) return undefined;
  const clean = stripInvisibles(text)
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_OWN_WORDS);
  const bare = (s: string) => s.replace(/[\s.:;,!?…]+$/u, '').toLowerCase();
  if (clean === '' || bare(clean) === bare(start)) return undefined;
  return /[.!?…"”»)]$/u.test(clean) ? clean : `${clean}${question ? '?' : '.'}`;
}

/**
 * The answers as paragraphs: who I am, why I care and a sentence of one's own open the letter; the
 * question to the official comes last. Undefined when the member wrote nothing of their own.
 */
export function composeOwnWords(answers: OwnAnswers, prompts: readonly Prompt[]): OwnWords | undefined {
  const startOf = (kind: PromptKind) => prompts.find((p) => p.kind === kind)?.start ?? '';
  const opening = [sentence(answers.who, startOf('who'), false), sentence(answers.why, startOf('why'), false), sentence(answers.mine, '', false)].filter(Boolean).join(' ');
  const closing = sentence(answers.question, startOf('question'), true);
  if (!opening && !closing) return undefined;
  return { ...(opening ? { opening } : {}), ...(closing ? { closing } : {}) };
}
