// E-mails listed bare above a letter that greets its officials by name ("Sehr geehrter Herr Example, sehr geehrter
// Herr Sample,"): the only link between an address and an official is the name the address spells.
import { findEmails } from './contacts.js';
import { HONORIFIC, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { ParsedTarget, Warn } from './types.js';

/* The greeting words that open each addressee of a salutation: "Dear", "Sehr geehrter", "Geachte", "Estimado". */
const GREETING = /^(?:dear|my dear|sehr geehrte[rn]?|geehrte[rn]?|liebe[rn]?|geachte|beste|estimad[oa]|monsieur|madame)\s+/i;
/* A form of address or an office's modifier before a name: "Herr", "Mr", "First", "Deputy". */
const FORM = /^(?:herrn?|frau|mr\.?|mrs\.?|ms\.?|miss|dr\.?|prof\.?|sir|madam|mevrouw|heer|se[ñn]or[a]?|monsieur|madame|first|deputy|vice|acting|chief|general|state|federal)$/i;
/* A word that may stand in lower case inside a surname: "de Maizière", "van Example", "von Sample". */
const PARTICLE = /^(?:de|van|von|der|den|du|di|da|le|la|al|el|ter|ten|zu)$/;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]+$/u;
const ROLE_WORD = new RegExp(`^(?:${ROLE.source})$`, 'i');

/**
 * Each person a salutation greets by name, in order: "Sehr geehrter Herr Bundesminister Example!" -> "Example";
 * "Dear First Secretary Jane Example," -> "Jane Example"; "Dear Mr Example, dear Ms Sample," -> both. A greeting of an
 * office alone ("Dear Minister,") greets no one by name.
 */
export function greetedNames(salutation: string | undefined): string[] {
  if (!salutation || salutation.length > 300) return [];
  const names: string[] = [];
  for (const part of salutation.split(/[,;!:]/)) {
    const greeting = GREETING.exec(part.trim());
    if (!greeting) continue;
    const words = part.trim().slice(greeting[0].length).split(/\s+/).filter((w) => w !== '');
    // "Dear Ministers Example and Sample": a title in the plural greets each name after it.
    const plural = words.length > 0 && ROLE_WORD.test((words[0] ?? '').replace(/s$/, '')) && /s$/.test(words[0] ?? '');
    while (words.length > 0 && (FORM.test(words[0] ?? '') || ROLE_WORD.test(words[0] ?? '') || HONORIFIC.test(`${words[0] ?? ''} `))) words.shift();
    if (plural) words.shift();
    const each = plural ? words.join(' ').split(/\s+(?:and|&)\s+/) : [words.join(' ')];
    for (const person of each) {
      const own = person.split(' ').filter((w) => w !== '');
      const last = own[own.length - 1] ?? '';
      if (own.length === 0 || own.length > 3 || !NAME_WORD.test(last) || ROLE_WORD.test(last)) continue;
      if (!own.every((w) => NAME_WORD.test(w) || PARTICLE.test(w))) continue;
      names.push(own.join(' '));
    }
  }
  return names;
}

/** A name or an e-mail's part as compared: lower case, umlauts written out, accents and separators off. */
function fold(text: string, umlauts: boolean): string {
  const lower = text.toLowerCase();
  const written = umlauts ? lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue') : lower;
  return written.replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
}

/** The surname of a greeted name: its last word with the particles before it ("de Maizière"). */
function surnameOf(name: string): string {
  const words = name.split(' ');
  let start = words.length - 1;
  while (start > 0 && PARTICLE.test(words[start - 1] ?? '')) start--;
  return words.slice(start).join(' ');
}

/**
 * True when one part of the e-mail's local part, between dots, hyphens or underscores, is the name's surname as written
 * ("jane.example@", "remote-printer.Jane_Example@", "j.vanexample@" for "van Example"); a surname under four letters is
 * too short to tell.
 */
export function spellsSurname(email: string, name: string): boolean {
  const surname = surnameOf(name);
  const parts = (email.split('@')[0] ?? '').split(/[._+-]/).map((p) => fold(p, false));
  // "bert-von-sample@" for "von Sample": a surname of two words may stand in two parts.
  const runs = [...parts, ...parts.slice(1).map((p, i) => `${parts[i] ?? ''}${p}`)];
  return [fold(surname, true), fold(surname, false)].some((s) => s.length >= 4 && runs.includes(s));
}

/**
 * The e-mails a text gives outside its background that spell the surname of one person the letter greets, and of no
 * other, attached to that person: to the official already read by that surname, else to the only official read, when
 * it names no person (an office's block) and the e-mail spells the greeted first name too, else to a new official named
 * as the letter greets them. An office's or a party's address spells no one and stays off.
 */
export function attachSpelledEmails(parsed: ParsedTarget[], salutation: string | undefined, sections: Section[], warn: Warn): void {
  const names = greetedNames(salutation);
  if (names.length === 0) return;
  const taken = new Set(parsed.flatMap((p) => (p.target.emails ?? []).map((e) => e.toLowerCase())));
  const listed: Array<{ email: string; line: string; run: number }> = [];
  // A run: bare e-mails on lines next to each other, each line nothing but its address.
  let run = 0;
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      const bare = BARE_EMAIL.test(line.trim());
      if (!bare) run++;
      if (!line.includes('@')) continue;
      for (const email of findEmails(line.slice(0, 1000))) if (!taken.has(email.toLowerCase()) && !listed.some((l) => l.email === email)) listed.push({ email, line: line.trim().slice(0, 200), run: bare ? run : -1 });
    }
    run++;
  }
  for (const name of names) {
    const spelled = listed.filter(({ email }) => spellsSurname(email, name) && names.every((other) => other === name || !spellsSurname(email, other)));
    const own = names.length === 1 ? [...spelled, ...officeBeside(listed, spelled)] : spelled;
    if (own.length === 0) continue;
    const surname = fold(surnameOf(name), true);
    const official = parsed.find((p) => !p.target.copy && fold(surnameOf(p.target.name), true) === surname) ?? officeBlockOf(parsed, name, own);
    const entry = official ?? { target: { name, address: [], emails: [], social: [], copy: false }, origins: [{ value: name, line: salutation ?? name }] };
    if (!official) parsed.push(entry);
    const target = entry.target;
    target.emails = [...(target.emails ?? []), ...own.map((o) => o.email)].slice(0, 10);
    for (const o of own) entry.origins.push({ value: o.email, line: o.line });
    warn('spelled_email', `${own.map((o) => o.email).join(', ')} ${own.length > 1 ? 'were' : 'was'} given to ${target.name} because the address spells the name the letter greets; check it.`);
  }
  giveLastRecipient(parsed, names, listed, warn);
}

/* A message's "To:" line: whom the pre-written e-mail goes to. */
const TO_LINE = /^to\s?:/i;

/**
 * "To: office@gov.example, jane.example@gov.example" over "Dear Ministers Example and Sample,": the message goes to the
 * greeted officials and no one else, one address each. When every address of the line but one went to a greeted official
 * by the name it spells, and one greeted official has none, the last address is theirs.
 */
function giveLastRecipient(parsed: ParsedTarget[], names: string[], listed: Array<{ email: string; line: string }>, warn: Warn): void {
  const line = listed.find((l) => TO_LINE.test(l.line))?.line;
  if (!line || names.length < 2) return;
  const recipients = findEmails(line);
  if (recipients.length !== names.length) return;
  const officials = names.map((name) => parsed.find((p) => !p.target.copy && fold(surnameOf(p.target.name), true) === fold(surnameOf(name), true)));
  const bare = officials.filter((o) => o !== undefined && (o.target.emails ?? []).length === 0);
  const given = new Set(officials.flatMap((o) => (o?.target.emails ?? []).map((e) => e.toLowerCase())));
  const left = recipients.filter((e) => !given.has(e.toLowerCase()));
  const entry = bare[0];
  if (officials.some((o) => o === undefined) || bare.length !== 1 || left.length !== 1 || !entry) return;
  const email = left[0] ?? '';
  entry.target.emails = [email];
  entry.origins.push({ value: email, line });
  warn('spelled_email', `${email} was given to ${entry.target.name} because the message goes to the officials the letter greets and every other address is another's; check it.`);
}

/* A line that is one e-mail address and nothing else, maybe after a list's bullet or number ("1) ", "- "). */
const BARE_EMAIL = /^(?:(?:[-•*·–]|\d{1,2}[.)])\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

/**
 * The other bare e-mails in the run of a spelled one, at the spelled one's own domain and spelling no name:
 * "ernst.example@ministry.example" over "ministerbuero@ministry.example" is the minister and their office. Read only
 * when the letter greets one person, so the office can be no one else's.
 */
function officeBeside<T extends { email: string; run: number }>(listed: T[], spelled: T[]): T[] {
  const domainOf = (email: string): string => email.slice(email.indexOf('@') + 1).toLowerCase();
  return listed.filter((l) => l.run >= 0 && !spelled.includes(l) && spelled.some((s) => s.run === l.run && domainOf(s.email) === domainOf(l.email)));
}

/**
 * The only official read, when its block names no person (no form of address, no office word: an office's lines,
 * "United Nations") and the letter greets one person whose first name and surname the e-mail both spell: that person
 * is the official at that office. Their block's name line becomes its first postal line.
 */
function officeBlockOf(parsed: ParsedTarget[], name: string, own: Array<{ email: string }>): ParsedTarget | undefined {
  const primary = parsed.filter((p) => !p.target.copy);
  const only = primary[0];
  const first = name.split(' ')[0] ?? '';
  if (primary.length !== 1 || !only || name.split(' ').length < 2 || HONORIFIC.test(`${only.target.name} `) || ROLE.test(only.target.name)) return undefined;
  if (!own.some(({ email }) => spellsSurname(email, first))) return undefined;
  only.target.address = [only.target.name, ...(only.target.address ?? [])];
  only.target.name = name;
  return only;
}
