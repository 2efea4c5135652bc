// The letter an appeal carries: the sample letter as found, or one composed from the text's points, or a stand-in
// the moderator must replace; with a salutation and a closing in the letter's language.
import type { AppealInput } from '../appeal.js';
import type { AppealSentence } from './appeal-sentence.js';
import type { FoundLetter, LetterLang } from './letter.js';
import type { Section } from './sections.js';
import type { Warn } from './types.js';

/** A field cut to 500 characters: a pasted page's stray paragraph is no title, salutation or closing. */
export const cap = (text: string): string => (text.length > 500 ? text.slice(0, 500).trim() : text);

export type BuiltLetter = { lang: LetterLang; salutation: string; paragraphs: string[]; closing: string; composed?: 'points' | 'summary' };

const ASKING: Record<LetterLang, (ask: string) => string> = {
  en: (ask) => `I am writing to appeal for ${ask}.`,
  es: (ask) => `Le escribo para pedir ${ask}.`,
  fr: (ask) => `Je vous écris pour demander ${ask}.`,
  de: (ask) => `Ich schreibe Ihnen, um ${ask} zu fordern.`,
  it: (ask) => `Le scrivo per chiedere ${ask}.`,
  sv: (ask) => `Jag skriver för att be om ${ask}.`,
  no: (ask) => `Jeg skriver for å be om ${ask}.`,
  da: (ask) => `Jeg skriver for at bede om ${ask}.`,
  fi: (ask) => `Kirjoitan pyytääkseni: ${ask}.`,
  ja: (ask) => `${ask}を求めて、お手紙を差し上げます。`,
};
const ABOUT: Record<LetterLang, (title: string) => string> = {
  en: (title) => `I am writing to you about this case: ${title}.`,
  es: (title) => `Le escribo en relación con este caso: ${title}.`,
  fr: (title) => `Je vous écris au sujet de ce cas : ${title}.`,
  de: (title) => `Ich schreibe Ihnen wegen dieses Falls: ${title}.`,
  it: (title) => `Le scrivo in merito a questo caso: ${title}.`,
  sv: (title) => `Jag skriver till er om detta fall: ${title}.`,
  no: (title) => `Jeg skriver til dere om denne saken: ${title}.`,
  da: (title) => `Jeg skriver til jer om denne sag: ${title}.`,
  fi: (title) => `Kirjoitan teille tästä tapauksesta: ${title}.`,
  ja: (title) => `次の件について、お手紙を差し上げます：${title}。`,
};

/**
 * The sample letter as found; without one, a letter composed from the points to raise (or the appeal
 * sentence), greeting the main target by its salutation, with a standard closing, marked as composed. With
 * nothing to compose from, a one-paragraph stand-in marked `summary`: the draft cannot be saved until a
 * moderator writes the letter.
 */
export function buildLetter(sections: Section[], found: FoundLetter | undefined, sentence: AppealSentence | undefined, targets: AppealInput['targets'], title: string, warn: Warn): BuiltLetter {
  const main = targets.find((t) => !t.copy);
  const withPunctuation = (s: string): string => (/[,:;.!]$/.test(s) ? s : `${s},`);
  let lang: LetterLang = found?.lang ?? textLang(sections);
  let paragraphs = found?.paragraphs ?? [];
  let composed: BuiltLetter['composed'];
  if (paragraphs.length === 0) {
    const points = sections.find((s) => s.kind === 'points');
    if (points) {
      paragraphs = pointsAsParagraphs(points);
      lang = /ESCRIBAN/i.test(points.heading) ? 'es' : /CRIVEZ/i.test(points.heading) ? 'fr' : /SCRIVETE/i.test(points.heading) ? 'it' : lang;
    }
    if (paragraphs.length === 0 && sentence?.ask) paragraphs = [ASKING[lang](sentence.ask.replace(/[.,;]+$/, ''))];
    if (paragraphs.length > 0) {
      composed = 'points';
      warn('no_letter', 'The Urgent Action has no sample letter; a letter was composed from its points to raise, check it before use.');
    } else {
      composed = 'summary';
      paragraphs = [ABOUT[lang](title.replace(/[.…]+$/, ''))];
      warn('no_letter', 'The Urgent Action has no sample letter and no points to raise; write the letter before saving.');
    }
  }
  if (paragraphs.length > 40) warn('truncated', 'The letter was longer than 40 paragraphs; only the first 40 were kept.');
  const salutation = found?.salutation ?? (main?.salutation ? withPunctuation(main.salutation) : (instructedSalutation(sections) ?? defaultSalutation(lang)));
  // The letter's own salutation addresses the one official it was written for.
  if (found?.salutation && main && !main.salutation && targets.filter((t) => !t.copy).length === 1) main.salutation = cap(found.salutation);
  const letter: BuiltLetter = { lang, salutation: cap(salutation), paragraphs: paragraphs.slice(0, 40), closing: cap(found?.closing ?? defaultClosing(lang)) };
  if (composed) letter.composed = composed;
  return letter;
}

/*
 * "Emails should begin with “Dear Board Members”", 'use the "Your Excellency" salutation': the text says how to greet,
 * without a letter.
 */
const INSTRUCTED = /\b(?:e-?mails?|letters?|appeals?|messages?)\s+should\s+(?:begin|start|open)\s+with\s+["“]([^"”\n]{3,80})["”]|\buse\s+(?:the\s+)?["“]([^"”\n]{3,40})["”]\s+(?:salutation|greeting|form of address)\b/i;

/** The salutation a text tells the reader to use, when it gives no letter. */
function instructedSalutation(sections: Section[]): string | undefined {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      const match = INSTRUCTED.exec(line.slice(0, 5000));
      const greeting = match?.[1] ?? match?.[2];
      if (greeting) return greeting.trim();
    }
  }
  return undefined;
}

/** The language of a text without a letter, from its headings: "Acción Urgente", "Action urgente". */
function textLang(sections: Section[]): LetterLang {
  const heads = sections.map((s) => `${s.heading} ${s.lines.slice(0, 3).join(' ')}`).join(' ').slice(0, 5000);
  if (/acci[oó]n urgente|escriban|llamamiento|carta modelo/i.test(heads)) return 'es';
  if (/action urgente|[ée]crivez|mod[eè]le de lettre|lettres? d['’]appel/i.test(heads)) return 'fr';
  if (/azion[ei] urgent[ei]|scrivi|scrivete|lettera (?:modello|tipo)/i.test(heads)) return 'it';
  // "Skriv til" is Norwegian and Danish alike: only the Swedish, Finnish and Japanese words name one language.
  if (/blixtaktion|\bskriv till\b/i.test(heads)) return 'sv';
  if (/\bkirjoita\b|\bvetoomu/i.test(heads)) return 'fi';
  if (/緊急行動|要請先/.test(heads)) return 'ja';
  if (/briefe gegen das vergessen|musterbrief|appelle? an|schreiben sie|eilaktion|\b(?:der|die|und|nicht)\b.*\b(?:der|die|und|nicht)\b/i.test(heads)) return 'de';
  return 'en';
}

const DEFAULT_SALUTATION: Record<LetterLang, string> = {
  en: 'Dear Sir or Madam,',
  es: 'Estimado/a señor/a:',
  fr: 'Madame, Monsieur,',
  de: 'Sehr geehrte Damen und Herren,',
  it: 'Gentile Signora, Gentile Signore,',
  sv: 'Ärade mottagare,',
  no: 'Til den det gjelder,',
  da: 'Til rette vedkommende,',
  fi: 'Arvoisa vastaanottaja,',
  ja: '拝啓',
};
const DEFAULT_CLOSING: Record<LetterLang, string> = {
  en: 'Yours sincerely,',
  es: 'Atentamente,',
  fr: "Veuillez agréer l'expression de ma haute considération.",
  de: 'Mit freundlichen Grüßen',
  it: 'Distinti saluti',
  sv: 'Med vänlig hälsning',
  no: 'Med vennlig hilsen',
  da: 'Med venlig hilsen',
  fi: 'Ystävällisin terveisin',
  ja: '敬具',
};

/** A general salutation in the letter's language, for letters that lack one. */
function defaultSalutation(lang: LetterLang): string {
  return DEFAULT_SALUTATION[lang];
}

/** A general closing in the letter's language. */
function defaultClosing(lang: LetterLang): string {
  return DEFAULT_CLOSING[lang];
}

/** Old UAs have no letter, only "PLEASE WRITE IMMEDIATELY" points; each point becomes a paragraph. */
function pointsAsParagraphs(section: Section): string[] {
  const points: string[][] = [];
  for (const line of section.lines) {
    if (line === '') continue;
    const bullet = /^[•·▪*–-]\s?/.exec(line);
    if (bullet || points.length === 0) points.push([line.slice(bullet?.[0].length ?? 0)]);
    else points[points.length - 1]?.push(line);
  }
  return points.map((p) => p.join(' ').trim()).filter((p) => p !== '');
}
