// The Urgent Action importer: text -> an appeal (or a draft with warnings), refusing only a text
// that shows no appeal.
import { appealSchema, type AppealInput, type Solidarity } from '../appeal.js';
import { findBackground, findDeadline, findLanguages, findSummary } from './fields.js';
import { findOwnLetter, markCoverCopies } from './cover-letter.js';
import { splitDatedCountries } from './dated-country.js';
import { buildLetter, cap } from './build-letter.js';
import { checkInput, cleanText } from './normalize.js';
import { findUaNumber, slugId } from './numbers.js';
import { splitSections, type Section } from './sections.js';
import { findAppealSentence, findLeadTarget } from './appeal-sentence.js';
import { unflatten } from './flatten.js';
import { findTargets } from './find-targets.js';
import { ACTION_INDEX, announcesLetterCampaign, citedUaNumbers, explainsUnMechanism, headsOneCase, isBlankForm, isBulletin, isGuide, onlyReportsUrgentActions, saysItIsAnAppeal, showsAnAppeal, showsSalutationAsExample, speaksOfUrgentActionsInGeneral, teachesLetterWriting } from './signs.js';
import { isLetterByOthers, nobodyAskedToSend } from './open-letter.js';
import { findKind, isRoundUp } from './kind.js';
import { addressSources, keepSureAddresses } from './sources.js';
import { findSolidarity } from './solidarity.js';
import { markCopiesBesideGreeted, preferGreetedOfficial } from './greeted-official.js';
import { asksTheReader } from './reader-request.js';
import { asksToEmailAnOfficial } from './requested-emails.js';
import { dropInterleavedAddresses } from './side-by-side.js';
import { attachSpelledEmails } from './spelled-emails.js';
import { findTitle } from './title.js';
import { refuse, type ImportOptions, type ImportResult, type ImportWarning, type Warn } from './types.js';

export type { AddressSource, ImportKind, ImportOptions, ImportResult, ImportWarning } from './types.js';

/** Warnings that describe a complete appeal; every other warning marks the import as a draft. */
const NOTICES = new Set(['no_email']);

/** A block read as an official that is the solidarity card's person or address. */
function isSolidarityBlock(target: AppealInput['targets'][number], solidarity: Solidarity): boolean {
  const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const card = new Set([solidarity.to, ...solidarity.address].map(fold));
  return card.has(fold(target.name)) || (target.address ?? []).some((l) => card.has(fold(l)));
}

/**
 * Reads an Urgent Action text (pdftotext output, a web page, a pasted message; English, Spanish, French, German, Portuguese, Dutch,
 * Italian, with the signs of an appeal in the Nordic languages, Finnish and Japanese)
 * into an Appeal. Missing parts are warned about and make the appeal a draft; text that is no appeal, or
 * lacks both a letter and anyone to send it to, is refused with one sentence. Never throws.
 */
export function importUrgentAction(text: string, options: ImportOptions = {}): ImportResult {
  const refused = checkInput(text);
  if (refused) return refused;
  const cleaned = cleanText(text);
  const sections = splitSections(unflatten(splitDatedCountries(cleaned.lines)));
  // The signs below read the text as a whole: they read it cleaned too, so "\r\n", tabs, no-break spaces and markup
  // change nothing they see.
  text = cleaned.text;
  const warnings: ImportWarning[] = [];
  const warn: Warn = (code, message) => {
    if (!warnings.some((w) => w.code === code && w.message === message)) warnings.push({ code, message });
  };

  const kind = findKind(sections, text);
  // A round-up of good news cites several actions (or says it is one, "Urgent-Actions-Erfolge"): none of their numbers is the
  // text's. One that tells of a single action under its number ("Erfolge ... UA 124/07 - Jane Example") tells of that one.
  const ua = kind === 'good-news' && (citedUaNumbers(text) >= 2 || (isRoundUp(text) && !headsOneCase(text))) ? undefined : findUaNumber(sections);
  const { found, cover } = findOwnLetter(sections, warn);
  const sentence = findAppealSentence(sections);
  const lead = findLeadTarget(sections);
  // A guide's greeting given "e.g.:" is a sample of form, not a letter: the guide is still refused.
  const noLetter = !found?.salutation || showsSalutationAsExample(text, found.salutation);
  if (noLetter && (isGuide(sections) || (!ua && teachesLetterWriting(text)))) {
    return refuse('import_not_an_appeal', 'This text is a guide to writing letters or to Urgent Actions in general, not an appeal: it names no case to act on now.');
  }
  if (!ua && found?.salutation && isBlankForm(found.salutation, text)) {
    return refuse('import_not_an_appeal', `This text is a blank form letter ("${found.salutation.slice(0, 60)}"): it leaves the official to write to for the reader to fill in, so there is no appeal to import.`);
  }
  if (!ua && kind === 'appeal' && isLetterByOthers(text, found)) {
    return refuse('import_not_an_appeal', 'This text is a letter that others wrote and sent (an open letter or a letter quoted in news): it asks no reader to send it, so there is no appeal to import.');
  }
  // A letter nobody is asked to send may be one its writer already sent: a draft that says so, the moderator decides.
  if (!ua && kind === 'appeal' && nobodyAskedToSend(text, found) && !saysItIsAnAppeal(text) && !asksTheReader(text)) {
    warn('unsure_sender', 'Nothing in the text asks members to send this letter; check that it is an appeal and not a letter its writer already sent.');
  }
  if (!ua && kind === 'appeal' && !found?.salutation && explainsUnMechanism(text)) {
    return refuse('import_not_an_appeal', 'This text explains how a UN mechanism receives and sends urgent appeals: the mechanism writes, no reader is asked to, so there is no appeal to import.');
  }
  const solidarity = findSolidarity(sections);
  const noSign = kind === 'appeal' && !ua && !found?.salutation && !sentence && !lead && !solidarity && !showsAnAppeal(text, sections);
  // A sentence that asks the reader to write to someone ("Email the minister at ...") is a weaker sign: a draft the
  // moderator checks, never a refusal, since a refused appeal loses every field.
  if (noSign && (asksTheReader(text) || asksToEmailAnOfficial(sections))) warn('unsure_appeal', 'This text shows few signs of an appeal (only a request to write or sign); check that it is one before saving.');
  else if (noSign) {
    return refuse(
      'import_not_an_appeal',
      'This text shows no sign of an appeal: no UA number, no "Urgent Action", no official with contact details and no letter.',
    );
  }

  const allLines = linesOf(sections);
  const titled = findTitle(sections, allLines);
  const afterBanner = titled ? undefined : titleAfterBanner(sections);
  const title = cap(titled?.title ?? afterBanner ?? ua?.reference ?? fallbackTitle(linesFrom(sections, 0, -1, 40)));
  if (!titled && !afterBanner) warn('no_title', `No title was found; the appeal is called "${title}" for now.`);
  if (!ua) warn('no_number', 'No UA number was found; the appeal id was made from its title.');
  const reference = cap(ua?.reference ?? title);

  // The card to the person at risk is never a letter to an official: its person and address are no target.
  const parsed = findTargets(sections, found, sentence, lead, warn).filter((p) => !solidarity || !isSolidarityBlock(p.target, solidarity));
  attachSpelledEmails(parsed, found?.salutation, sections, warn);
  preferGreetedOfficial(parsed, found?.salutation, text);
  markCopiesBesideGreeted(parsed, found?.salutation, found?.paragraphs.join('\n') ?? '');
  markCoverCopies(parsed, sections, cover);
  keepSureAddresses(parsed, warn);
  dropInterleavedAddresses(parsed, warn);
  const targets = parsed.map((p) => p.target);
  // A news item tells of an Urgent Action ("lanzó una Acción Urgente"), asks nothing and names no one to write to.
  if (kind === 'appeal' && !ua && !found && !sentence && !lead && !solidarity && targets.length === 0 && onlyReportsUrgentActions(text, sections)) {
    return refuse('import_not_an_appeal', 'This text reports on an Urgent Action but holds none: no official to write to, no letter and no request to write.');
  }
  // A month's index of Urgent Actions ("Urgent Actions 2014 09"): summaries of many cases, none to act on here.
  if (kind === 'appeal' && !ua && !found && !sentence && !lead && !solidarity && targets.length === 0 && ACTION_INDEX.test(text.slice(0, 600))) {
    return refuse('import_not_an_appeal', 'This text is a list of Urgent Actions, not one: import each action from its own page.');
  }
  // "Urgent Action Newsletter", "INTERNO (sólo para miembros de AI)": a bulletin about many actions asks for no letter here.
  if (kind === 'appeal' && !ua && !found?.salutation && targets.length === 0 && isBulletin(text)) {
    return refuse('import_not_an_appeal', 'This text is a bulletin or an internal circular about Urgent Actions, not one: import each action from its own text.');
  }
  // "Amnesty International celebrates 30 years of Urgent Action", "Wie läuft eine Eilaktion ab?": Urgent Actions in general.
  if (kind === 'appeal' && !ua && !found && !sentence && !lead && !solidarity && targets.length === 0 && speaksOfUrgentActionsInGeneral(text)) {
    return refuse('import_not_an_appeal', 'This text is about Urgent Actions in general (an explainer or a press release), not one: it names no case to write for now.');
  }
  // "Amnesty International is launching its annual letter-writing campaign ...": the launch told as news, nobody asked to write.
  if (kind === 'appeal' && !ua && !found && !sentence && !lead && !solidarity && targets.length === 0 && !asksTheReader(text) && announcesLetterCampaign(text)) {
    return refuse('import_not_an_appeal', 'This text reports the launch of a letter-writing campaign (a press release): it asks no reader to write and names no one to write to, so there is no appeal to import.');
  }
  if (targets.length === 0) warn('no_target', 'No official to write to was found; add the name and contact details of whom to write to.');
  const letter = buildLetter(sections, found, sentence, targets, title, warn);

  const background = findBackground(sections, warn);
  const concerning = sections.find((s) => s.kind === 'concerning');
  const concerningText = concerning ? (concerning.rest !== '' ? concerning.rest : concerning.lines.find((l) => l !== '')) : background.concerning;
  const stopAt = found && ['preamble', 'banner', 'header'].includes(sections[found.section]?.kind ?? '') ? { section: found.section, line: found.start } : undefined;
  const summary = findSummary(sections, titled?.line, stopAt, warn);
  const preferredLanguages = findLanguages(sections, warn).map(cap);
  const deadline = findDeadline(sections, warn, ua?.number);

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
  if (solidarity) appeal.solidarity = solidarity;
  if (options.source) appeal.source = options.source.slice(0, 500);

  const result = appealSchema.safeParse(appeal);
  if (!result.success) {
    const issue = result.error.issues[0];
    return refuse('import_invalid', `The imported appeal is not valid at ${issue?.path.join('.') || 'its root'}: ${issue?.message ?? 'unknown problem'}.`);
  }
  return { ok: true, appeal: result.data, warnings, kind, sources: addressSources(targets, parsed) };
}

/** Every heading and line in text order (for the title's names); one array, not one per section. */
function linesOf(sections: Section[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(section.heading);
    for (const line of section.lines) lines.push(line);
  }
  return lines;
}

/** Up to `count` headings and lines in text order, from line `at` of section `from` (-1: its heading); read in place. */
function linesFrom(sections: Section[], from: number, at: number, count: number): string[] {
  const lines: string[] = [];
  for (let s = from, i = at; s < sections.length && lines.length < count; s++, i = -1) {
    const section = sections[s]!;
    for (; i < section.lines.length && lines.length < count; i++) lines.push(i < 0 ? section.heading : section.lines[i]!);
  }
  return lines;
}

/* "Urgent Action" alone on a line: one pattern, not a new one made for every line read. */
const BANNER_LINE = /^(?:urgent action|acci[oó]n urgente|action urgente)$/i;

/** "Acción Urgente" alone on a line, then the title: section pages put it there without a label. */
function titleAfterBanner(sections: Section[]): string | undefined {
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s]!;
    for (let i = -1; i < section.lines.length; i++) {
      const line = i < 0 ? section.heading : section.lines[i]!;
      // The banner is at least 13 characters ("urgent action"): a shorter line, most of a long paste, is not tried.
      if (line.length < 13 || !BANNER_LINE.test(line.trim())) continue;
      const next = linesFrom(sections, s, i + 1, 3).find((l) => l.trim() !== '')?.trim();
      return next && next.length >= 8 && next.length <= 150 && !/[.!?]$/.test(next) ? next : undefined;
    }
  }
  return undefined;
}

/** A name for an untitled appeal: its first short line that is neither a date nor a label. */
function fallbackTitle(lines: string[]): string {
  for (const line of lines) {
    const candidate = line.replace(/^[•·\s]+/, '').trim();
    if (candidate.length < 12 || /^\d|^(?:date|fecha|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(candidate)) continue;
    if (BANNER_LINE.test(candidate)) continue;
    const sentence = /^(.{12,100}?)[.:;!?](?:\s|$)/.exec(candidate)?.[1];
    if (sentence) return sentence;
    return candidate.length <= 100 ? candidate : `${candidate.slice(0, 100).replace(/\s+\S*$/, '')}…`;
  }
  return 'Untitled appeal';
}
