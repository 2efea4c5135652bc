// The e-mail a page gives under its model letter, for the person the letter greets: "Geachte heer de Jonge," ... "brief
// kan gemaild worden aan:" / "hugodejonge@example.nl". The request names no one; the greeting does. What the page lists
// after it for "BCC" or "CC" is copies, never the official's.
import { findEmails, ORGANISER_EMAIL } from './contacts.js';
import type { FoundLetter } from './letter.js';
import type { Section } from './sections.js';
import { greetedNames } from './spelled-emails.js';
import type { TargetLine } from './types.js';

/*
 * A line that ends by saying where the letter goes: "brief kan gemaild worden aan:", "mail deze brief naar:", "the letter
 * can be e-mailed to:", "send this letter to:", "questa lettera va inviata a:". Nothing after the colon but the e-mail.
 */
const MAILED_TO = /\b(?:(?:de\s+|deze\s+|this\s+|the\s+|your\s+|questa\s+|la\s+)?(?:brief|mail|e-?mail|letter|message|lettera)\s+(?:kan|moet|mag|can|should|must|may|va|pu[oò])\s+(?:worden\s+)?(?:be\s+)?(?:ge)?(?:(?:e-?)?mail(?:ed|d|t)?|sent|gestuurd|verstuurd|verzonden|inviata|spedita)\s+(?:worden\s+)?(?:aan|naar|to|a)|(?:mail|stuur|verstuur)\s+(?:de|deze|je|uw)\s+(?:brief|mail|e-?mail)\s+(?:aan|naar)|(?:e-?mail|send|mail)\s+(?:this|the|your)\s+(?:letter|message|e-?mail)\s+to)\s*:\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)?\s*\.?\s*$/iu;

/** How far below the letter's greeting the line may stand: the letter, its closing and the signature's blank. */
const WINDOW = 80;

/**
 * The official the letter greets by name, with the one e-mail (or the run of them on the lines right below) that a line
 * under the letter says it is sent to. Undefined unless the greeting names exactly one person; the e-mails end at the
 * first line that holds none (a "met in de BCC:" line and the copies under it are not read).
 */
export function mailedBelowLetterLines(sections: Section[], found: FoundLetter | undefined): TargetLine[] {
  const names = greetedNames(found?.salutation);
  if (!found || names.length !== 1) return [];
  const lines: string[] = [];
  for (let s = found.section; s < sections.length && lines.length < WINDOW; s++) {
    const section = sections[s]!;
    if (s > found.section) lines.push(section.heading);
    for (let i = s === found.section ? found.start + 1 : 0; i < section.lines.length && lines.length < WINDOW; i++) lines.push(section.lines[i]!);
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 300) continue;
    const match = MAILED_TO.exec(line.trim());
    if (!match) continue;
    const emails = match[1] ? [match[1]] : emailsBelow(lines, i + 1);
    const own = emails.filter((e) => !ORGANISER_EMAIL.test(e));
    if (own.length === 0) return [];
    // "de Jonge": a surname with its particle, written as a block writes it when no given name stands before it.
    const name = names[0]!.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    return [{ text: name, copy: false }, ...own.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false }];
  }
  return [];
}

/** The e-mails on the lines from `from`, blank lines skipped, up to the first line that holds none. */
function emailsBelow(lines: string[], from: number): string[] {
  const emails: string[] = [];
  for (let i = from; i < lines.length && i < from + 8; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const found = findEmails(line);
    if (found.length === 0) break;
    emails.push(...found);
  }
  return emails;
}
