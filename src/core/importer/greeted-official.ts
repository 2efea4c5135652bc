// The official a letter's salutation names ("Dear President Obama:"), for a letter whose only "official" is a line
// above it that names no one (the page's title), and the web form a text gives for reaching that official.
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';
import type { ParsedTarget, TargetLine } from './types.js';

/* The greeting words before the addressee: "Dear", "Honorable", "To the Honourable", "Sehr geehrter Herr", "Estimado Señor". */
const GREETING = /^(?:dear|my dear|(?:to )?(?:the )?hono(?:u)?rable|hon\.|sehr geehrte[rn]?(?:\s+(?:herr|frau))?|estimad[oa](?:\s+se[ñn]or[a]?)?|monsieur|madame|geachte(?:\s+(?:heer|mevrouw))?)\s+/i;
/* An office word, then a space: a greeting's addressee that opens with an office ("Governor Bush"). */
const OPENS_WITH_ROLE = new RegExp(`^(?:${ROLE.source})\\s`, 'i');
/* An office word at the start of a phrase ("Secretary of State"). */
const ROLE_FIRST = new RegExp(`^(?:${ROLE.source})`, 'i');
/* An office and a surname, with no more than four words in all: "President Obama", "Governor Jeb Bush", "Minister Example". */
const OFFICE_AND_NAME = /^(\p{Lu}[\p{L}.-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})$/u;

/** "Dear President Obama:" -> "President Obama"; undefined when the salutation greets an office alone or no one. */
export function officialInSalutation(salutation: string): string | undefined {
  const addressee = salutation.trim().replace(/[,:;!.]+$/, '').replace(GREETING, '').trim();
  const match = OFFICE_AND_NAME.exec(addressee)?.[1];
  // An office word first, then at least one more word that is no office: "Governor Bush", not "Prime Minister".
  if (!match || !OPENS_WITH_ROLE.test(`${match} `)) return undefined;
  const rest = match.split(/\s+/).slice(1);
  return rest.some((w) => !ROLE.test(w) && !TITLE_PART.test(w)) ? match : undefined;
}

/* "Dear Prosecutor General", "Dear Inspector General": words that end a title, never a surname. */
const TITLE_PART = /^(?:general|g[ée]n[ée]ral|generale|genel)$/i;

/** A name that names no person and no office: a page's title ("Holiday Fast and Prayer for Justice"). */
function namesNoOne(name: string): boolean {
  return !HONORIFIC.test(`${name} `) && !ROLE.test(name) && !ORGANISATION.test(name);
}

/* "(Web form http://example.gov/contact)", "contact form: https://...", "online form https://...": a form that reaches an official. */
const WEB_FORM = /\b(?:web ?form|contact form|online form|kontaktformular|formulaire(?: de contact| en ligne)?|formulario(?: de contacto| en l[ií]nea)?)\s*:?\s*(https?:\/\/[^\s)<>"]+)/i;

/**
 * The letter greets a named official ("Dear President Obama:") and the only official read is a line naming no one and
 * reachable by nothing: the official is the one the letter greets. A web form the text gives, with no other way to
 * write, is how to reach them. Anything else is left as read.
 */
export function preferGreetedOfficial(parsed: ParsedTarget[], salutation: string | undefined, text: string): void {
  const primary = parsed.filter((p) => !p.target.copy);
  const only = primary[0];
  if (!salutation || primary.length !== 1 || !only) return;
  const target = only.target;
  const reachable = (target.address ?? []).length > 0 || (target.emails ?? []).length > 0 || target.phone !== undefined || target.fax !== undefined || (target.social ?? []).length > 0;
  const greeted = officialInSalutation(salutation);
  if (!greeted || reachable || !namesNoOne(target.name)) return;
  // "John Kerry" read from the prose for "Dear Secretary Kerry": the same person, by a fuller name.
  const sameSurname = target.name.split(/\s+/).pop() === greeted.split(/\s+/).pop();
  if (!sameSurname) target.name = greeted;
  const form = WEB_FORM.exec(text.slice(0, 200_000));
  if (form?.[1]) {
    target.social = [...(target.social ?? []), `Web form: ${form[1]}`];
    only.origins.push({ value: `Web form: ${form[1]}`, line: form[0].slice(0, 200) });
  }
}

/* "We are copying this letter to the Prime Minister", "I am sending a copy of this letter to ...", "cc: ...": the letter
   itself says that others get copies of it. */
const COPIED = /\b(?:(?:am|are|is|be|been)\s+(?:copying|copied|cc'?ing)\b|sending\s+a\s+copy\s+of\s+(?:this|my|our)\s+letter\b|^cc\s*:)/im;
/* After the greeting words and a form of address or an office, the surname: "Dear Ms Andrews" -> "Andrews". */
const GREETED_SURNAME = /^(?:(?:mr|mrs|ms|miss|dr|minister|senator|president|governor|premier|prime minister|ambassador|secretary)\.?\s+)(?:\p{Lu}[\p{L}'’-]+\s+)?(\p{Lu}[\p{L}'’-]+)$/iu;

/**
 * A letter greets one of several officials listed for it by name ("Dear Ms Andrews") and itself says it is copied to
 * others: the listed officials it does not greet are those copies, not officials the letter is written for.
 */
export function markCopiesBesideGreeted(parsed: ParsedTarget[], salutation: string | undefined, letterText: string): void {
  const primary = parsed.filter((p) => !p.target.copy);
  if (!salutation || primary.length < 2 || !COPIED.test(letterText.slice(0, 20_000))) return;
  const addressee = salutation.trim().replace(/[,:;!.]+$/, '').replace(GREETING, '').trim();
  const surname = GREETED_SURNAME.exec(addressee)?.[1]?.toLowerCase();
  if (!surname) return;
  const named = (p: ParsedTarget): boolean => p.target.name.toLowerCase().split(/[\s,]+/).includes(surname);
  if (primary.filter(named).length !== 1) return;
  for (const p of primary) if (!named(p)) p.target.copy = true;
}

/* "This week's letter is addressed to the new minister for Home Affairs: jane.example.mp@example.gov": whom the letter is
   for, by office, and the one e-mail that reaches them. */
const ADDRESSED = /\b(?:letter|e-?mail|appeal|message)\b[^.:]{0,60}?\b(?:is|was|are|goes)\s+(?:addressed|written|sent|going)\s+to\s+(?:the\s+)?([^:@.]{3,80}?)\s*:\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*\.?$/i;

/* "letter to Theresa Example", "e-mail to Ana Example": a letter and the first and last names of whom it is for. */
const LETTER_TO = /\b(?:letter|e-?mail|message|appeal)\s+(?:addressed\s+)?to\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,2}\p{Lu}[\p{L}'’-]+)\b/u;

/**
 * A sentence that says the letter is addressed to an office at one e-mail, above a letter greeting a person by a form of
 * address and surname ("Dear Ms Example"): that person, in that office, at that e-mail; or a sentence that names the
 * letter's addressee by first and last name, the surname the one greeted. The lines of one official's block.
 */
export function addressedInProse(lines: Iterable<string>, salutation: string | undefined): TargetLine[] {
  if (!salutation) return [];
  const addressee = salutation.trim().replace(/[,:;!.]+$/, '').replace(GREETING, '').trim();
  const surname = GREETED_SURNAME.exec(addressee)?.[1];
  if (!surname) return [];
  for (const line of lines) {
    // "this template open letter to Theresa Example demanding ..." over "Dear Ms. Example,": the person the letter greets.
    // A letter its writer already sent ("I sent the below letter to ...") is theirs, not one the reader is asked to send.
    const named = LETTER_TO.exec(line.slice(0, 1000))?.[1];
    if (named && named.split(' ').pop() === surname && !ROLE.test(named) && !/\b(?:I|we)\s+(?:have\s+)?sent\b/i.test(line)) return [{ text: named, copy: false }];
    const urged = urgedOfficial(line.slice(0, 1000), surname);
    if (urged) return urged.map((text) => ({ text, copy: false }));
    if (!line.includes('@')) continue;
    const match = ADDRESSED.exec(line.slice(-300));
    if (!match?.[1] || !match[2] || !ROLE.test(match[1])) continue;
    const office = match[1].replace(/^(?:new|current|incoming)\s+/i, '');
    return [addressee, `${office[0]?.toUpperCase() ?? ''}${office.slice(1)}`, `Email: ${match[2]}`].map((text) => ({ text, copy: false }));
  }
  return [];
}

/* "please urge Secretary of State John Kerry to ...", "ask Governor Jane Example to": the reader is asked to reach an office's holder. */
const URGE = /\b(?:urge|ask|call on|tell|appeal to)\s+(?:the\s+)?((?:\p{Lu}[\p{L}]+\s+)(?:(?:of|for|the|\p{Lu}[\p{L}]+)\s+){0,5})(\p{Lu}[\p{L}'’-]+)\b/gu;

/**
 * A sentence that asks the reader to urge an official named with their office, first name and the surname the letter
 * greets ("Dear Secretary Kerry"): the official's name and office, as the lines of a block. Undefined otherwise.
 */
function urgedOfficial(line: string, surname: string): string[] | undefined {
  for (const match of line.matchAll(URGE)) {
    if (match[2] !== surname) continue;
    const words = (match[1] ?? '').trim().split(/\s+/);
    const first = words.pop();
    const office = words.join(' ');
    if (!first || ROLE.test(first) || !ROLE_FIRST.test(office)) continue;
    return [`${first} ${surname}`, office];
  }
  return undefined;
}
