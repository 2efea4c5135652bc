// The appeal model: zod schemas for an appeal, its targets and letters, and helpers to read them.
import { z } from 'zod';

/** Appeal ids are file names and button payloads: short, lowercase, URL-safe. */
export const appealIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an appeal id is lowercase letters, digits and dashes (at most 40)');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');
const line = z.string().trim().min(1).max(500);
const paragraph = z.string().trim().min(1).max(5000);

export const targetSchema = z.object({
  name: line,
  title: line.optional(),
  organisation: line.optional(),
  address: z.array(line).max(12).default([]),
  country: line.optional(),
  emails: z.array(z.email()).max(10).default([]),
  phone: line.optional(),
  fax: line.optional(),
  social: z.array(line).max(10).default([]),
  salutation: line.optional(),
  /** A "copies to" recipient, such as a diplomatic representative. */
  copy: z.boolean().default(false),
});

export const letterSchema = z.object({
  /** BCP 47 tag of the letter's language, when known. */
  lang: z.string().min(2).max(10).default('en'),
  subject: line.optional(),
  salutation: line,
  paragraphs: z.array(paragraph).min(1).max(40),
  closing: line,
  /**
   * Set when the text had no sample letter: `points` when the letter was composed from the appeal's points
   * to raise, `summary` for a one-line stand-in that a moderator must replace before saving.
   */
  composed: z.enum(['points', 'summary']).optional(),
});

/**
 * A solidarity card to the person at risk (or their family), as Write for Rights asks for beside the
 * letter to an official: to whom, where (a postal address, or hashtags to post to), what to write,
 * in which languages, and the safety advice the appeal gives (such as not writing one's own address).
 */
export const solidaritySchema = z.object({
  to: line,
  address: z.array(line).max(12).default([]),
  hashtags: z.array(line).max(10).default([]),
  message: paragraph.optional(),
  languages: z.array(line).max(10).default([]),
  advice: z.array(paragraph).max(10).default([]),
});

/** The prompts that help a member make the letter their own: why they care, who they are, a question to the official. */
export const PROMPT_KINDS = ['why', 'who', 'question'] as const;

/**
 * An appeal's own prompt, in the language `lang` (the defaults are in the bot's catalogs): the label
 * a member reads, and `start`, the beginning of the sentence they complete ("As a nurse, I").
 */
export const promptSchema = z.object({
  kind: z.enum(PROMPT_KINDS),
  lang: z.string().min(2).max(10).default('en'),
  label: z.string().trim().min(1).max(45),
  start: z.string().trim().max(120).default(''),
});

export const appealSchema = z.object({
  id: appealIdSchema,
  reference: line,
  number: z.string().trim().max(40).optional(),
  title: line,
  summary: z.string().trim().max(5000).default(''),
  /** Who the appeal is for ("NAME AND PRONOUN"). */
  concerning: line.optional(),
  /** Empty only in an import draft; a saved appeal has at least one (see `missingToSave`). */
  targets: z.array(targetSchema).max(30),
  letter: letterSchema,
  /** The same letter in other languages, picked with `lang=`. */
  translations: z.array(letterSchema).max(6).default([]),
  background: z.array(paragraph).max(60).default([]),
  preferredLanguages: z.array(line).max(10).default([]),
  deadline: isoDate.nullable(),
  /** A card to the person at risk, when the appeal asks for one. */
  solidarity: solidaritySchema.optional(),
  reportUrl: z.url().optional(),
  source: z.string().max(500).optional(),
  draft: z.boolean().default(false),
  /** Prompts of its own for `/letter`, replacing the defaults in their language. */
  prompts: z.array(promptSchema).max(12).optional(),
});

export type Target = z.infer<typeof targetSchema>;
export type Letter = z.infer<typeof letterSchema>;
export type Solidarity = z.infer<typeof solidaritySchema>;
export type AppealPrompt = z.infer<typeof promptSchema>;
export type Appeal = z.infer<typeof appealSchema>;
/** What files and importers write: defaults not yet applied. */
export type AppealInput = z.input<typeof appealSchema>;

/** Targets to write to; "copies to" recipients are listed with the letter but not chosen. */
export function mainTargets(appeal: Appeal): Target[] {
  const main = appeal.targets.filter((t) => !t.copy);
  return main.length > 0 ? main : appeal.targets;
}

export function copyTargets(appeal: Appeal): Target[] {
  return appeal.targets.filter((t) => t.copy);
}

/** The letter in `lang` when the appeal carries one, the main letter otherwise. */
export function letterIn(appeal: Appeal, lang?: string): Letter {
  const wanted = lang?.toLowerCase();
  const letters = [appeal.letter, ...appeal.translations];
  const exact = letters.find((l) => l.lang.toLowerCase() === wanted);
  const byPrefix = letters.find((l) => wanted && l.lang.toLowerCase().split('-')[0] === wanted.split('-')[0]);
  return exact ?? byPrefix ?? appeal.letter;
}

/** The languages the appeal's letter is written in: the main letter's first, then its translations'. */
export function letterLanguages(appeal: Appeal): string[] {
  return [...new Set([appeal.letter, ...appeal.translations].map((l) => l.lang.toLowerCase()))];
}

/** Whether the appeal carries a letter in `lang` ("fr" matches "fr-CH" and the reverse). */
export function hasLetterIn(appeal: Appeal, lang: string): boolean {
  const base = lang.toLowerCase().split('-')[0];
  return letterLanguages(appeal).some((l) => l === lang.toLowerCase() || l.split('-')[0] === base);
}

/** What an appeal needs before it can be saved and used in a drive. */
export type MissingPart = 'deadline' | 'letter' | 'target';

/** The parts a draft still lacks: a deadline, a real letter (not the stand-in), someone to write to. */
export function missingToSave(appeal: Appeal): MissingPart[] {
  const missing: MissingPart[] = [];
  if (appeal.deadline === null) missing.push('deadline');
  if (appeal.letter.composed === 'summary') missing.push('letter');
  if (appeal.targets.length === 0) missing.push('target');
  return missing;
}

/**
 * An update (a "Second UA", "Further information" with its own letter) that asks for letters again, and so can run as
 * the appeal it numbers: it has that UA number, and its own letter or the points a letter should make, not only news
 * to tell ("he was moved to another prison"), for which the importer can only stand in a letter made from the summary.
 * Officials it names come with it; a draft may lack them.
 */
export function asksForLettersAgain(appeal: Appeal): boolean {
  return appeal.number !== undefined && appeal.letter.composed !== 'summary';
}
