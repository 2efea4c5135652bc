import { appealSchema, type AppealInput } from '../appeal.js';
import { findBackground, findDeadline, findLanguages, findSummary } from './fields.js';
import { defaultClosing, defaultSalutation, findLetter, pointsAsParagraphs, type FoundLetter, type LetterLang } from './letter.js';
import { checkInput, cleanLines } from './normalize.js';
import { findUaNumber, slugId } from './numbers.js';
import { splitSections, type Section } from './sections.js';
import { parseTargets, type TargetLine } from './targets.js';
import { findTitle } from './title.js';
import { refuse, type ImportOptions, type ImportResult, type ImportWarning, type Warn } from './types.js';

export type { ImportOptions, ImportResult, ImportWarning } from './types.js';

/** Warnings that describe a complete appeal; every other warning marks the import as a draft. */
const NOTICES = new Set(['no_email']);

const cap = (text: string): string => (text.length > 500 ? text.slice(0, 500).trim() : text);

/**
 * Reads an Urgent Action text (pdftotext output, a web page, a pasted message; English, Spanish or French)
 * into an Appeal. Missing parts are warned about and make the appeal a draft; text that is no appeal, or
 * lacks both a letter and anyone to send it to, is refused with one sentence. Never throws.
 */
export function importUrgentAction(text: string, options: ImportOptions = {}): ImportResult {
  const refused = checkInput(text);
  if (refused) return refused;
  const sections = splitSections(cleanLines(text));
  const warnings: ImportWarning[] = [];
  const warn: Warn = (code, message) => {
    if (!warnings.some((w) => w.code === code && w.message === message)) warnings.push({ code, message });
  };

  const ua = findUaNumber(sections);
  const structured = sections.filter((s) => !['preamble', 'ignore'].includes(s.kind)).length;
  if (!ua && !sections.some((s) => s.kind === 'banner') && structured < 2) {
    return refuse(
      'import_not_an_appeal',
      'This text does not look like an Urgent Action: it has no UA number, no "URGENT ACTION" heading and no appeal sections.',
    );
  }

  const found = findLetter(sections, warn);
  const allLines = sections.flatMap((s) => [s.heading, ...s.lines]);
  const titled = findTitle(sections, allLines);
  const title = cap(titled?.title ?? ua?.reference ?? '');
  if (title === '') {
    return refuse('import_no_title', 'This text has neither a UA number nor a title, so the appeal cannot be named.');
  }
  if (!titled) warn('no_title', `No title was found; the appeal is called "${title}" for now.`);
  if (!ua) warn('no_number', 'No UA number was found; the appeal id was made from its title.');
  const reference = cap(ua?.reference ?? title);

  const targets = parseTargets(targetLines(sections, found), warn);
  const letter = buildLetter(sections, found, targets, warn);
  if (!letter) {
    return refuse(
      'import_no_letter',
      'This Urgent Action has no sample letter; add the letter, from its salutation ("Dear ...") to its closing, and import it again.',
    );
  }
  if (targets.length === 0) {
    const fromSalutation = letter.salutation.replace(/^(?:dear|estimad[oa]s?|distinguid[oa]s?)\s+/i, '').replace(/[,:;.]$/, '').trim();
    if (!found?.salutation || fromSalutation === '') {
      return refuse('import_no_target', 'No official to write to was found; add the target\'s name and contact details and import it again.');
    }
    warn('no_target', `No contact details were found; the letter's addressee "${fromSalutation}" was used as the target.`);
    targets.push({ name: cap(fromSalutation), address: [], emails: [], social: [], copy: false });
  }

  const background = findBackground(sections, warn);
  const concerning = sections.find((s) => s.kind === 'concerning');
  const concerningText = concerning ? (concerning.rest !== '' ? concerning.rest : concerning.lines.find((l) => l !== '')) : background.concerning;
  const stopAt = found && ['preamble', 'banner', 'header'].includes(sections[found.section]?.kind ?? '') ? { section: found.section, line: found.start } : undefined;
  const summary = findSummary(sections, titled?.line, stopAt, warn);
  const preferredLanguages = findLanguages(sections, warn).map(cap);
  const deadline = findDeadline(sections, warn);

  const appeal: AppealInput = {
    id: ua?.id ?? slugId(title),
    reference,
    title,
    summary,
    targets,
    letter: { ...letter, subject: cap(reference === title ? title : `${reference}: ${title}`) },
    translations: [],
    background: background.paragraphs,
    preferredLanguages,
    deadline,
    draft: warnings.some((w) => !NOTICES.has(w.code)),
  };
  if (ua) appeal.number = ua.number;
  if (concerningText) appeal.concerning = cap(concerningText);
  if (options.source) appeal.source = options.source.slice(0, 500);

  const parsed = appealSchema.safeParse(appeal);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('import_invalid', `The imported appeal is not valid at ${issue?.path.join('.') || 'its root'}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return { ok: true, appeal: parsed.data, warnings };
}

/** Contact details sit under their own heading, or (current layout) under "TAKE ACTION" above the letter. */
function targetLines(sections: Section[], letter: FoundLetter | undefined): TargetLine[] {
  const lines: TargetLine[] = [];
  sections.forEach((section, s) => {
    if (!['targets', 'copies', 'action'].includes(section.kind)) return;
    const copy = section.kind === 'copies';
    const body = letter?.section === s ? section.lines.slice(0, letter.start) : section.lines;
    if (section.rest !== '') lines.push({ text: section.rest, copy });
    for (const text of body) lines.push({ text, copy });
    lines.push({ text: '', copy });
  });
  return lines;
}

type BuiltLetter = { lang: LetterLang; salutation: string; paragraphs: string[]; closing: string };

function buildLetter(sections: Section[], found: FoundLetter | undefined, targets: AppealInput['targets'], warn: Warn): BuiltLetter | undefined {
  const main = targets.find((t) => !t.copy);
  const withPunctuation = (s: string): string => (/[,:;.!]$/.test(s) ? s : `${s},`);
  let lang: LetterLang = found?.lang ?? 'en';
  let paragraphs = found?.paragraphs ?? [];
  if (paragraphs.length === 0) {
    const points = sections.find((s) => s.kind === 'points');
    if (!points) return undefined;
    paragraphs = pointsAsParagraphs(points);
    if (paragraphs.length === 0) return undefined;
    lang = /ESCRIBAN/i.test(points.heading) ? 'es' : /CRIVEZ/i.test(points.heading) ? 'fr' : 'en';
    warn('no_letter', 'The Urgent Action has no sample letter; its points to raise were used as the letter, check it before use.');
  }
  if (paragraphs.length > 40) warn('truncated', 'The letter was longer than 40 paragraphs; only the first 40 were kept.');
  const salutation = found?.salutation ?? (main?.salutation ? withPunctuation(main.salutation) : defaultSalutation(lang));
  // The letter's own salutation addresses the one official it was written for.
  if (found?.salutation && main && !main.salutation && targets.filter((t) => !t.copy).length === 1) main.salutation = cap(found.salutation);
  return { lang, salutation: cap(salutation), paragraphs: paragraphs.slice(0, 40), closing: cap(found?.closing ?? defaultClosing(lang)) };
}
