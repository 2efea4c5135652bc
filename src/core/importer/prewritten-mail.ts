// A pre-written e-mail's header: "To:"/"An:"/"A:" with the addresses, "Cc:"/"Bcc:"/"CCN:" and the subject, then the
// greeting. The "To:" addresses are the greeted official's; the copies and blind copies are no one's to write to.
import { findEmails, ORGANISER_EMAIL } from './contacts.js';
import { ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
/* "An: a@b.gov, c@d.gov": the header's recipients, nothing but e-mails on the line. */
const TO_LINE = new RegExp(String.raw`^\s*(?:to|an|a|à|para|aan|destinatario|destinat[aá]rio)\s*:\s*(${EMAIL}(?:\s*[,;]\s*${EMAIL})*)\s*[,;.]?\s*$`, 'iu');
/* "Cc: ...", "Bcc: ...", "CCN: ...", "Betreff: ...", "Oggetto: ...": the other header lines between the recipients and the greeting. */
const HEADER_LINE = /^\s*(?:cc|bcc|ccn|cci|kopie|copia|copie|c[oó]pia(?:\s+oculta)?|subject|betreff|oggetto|assunto|asunto|objet|onderwerp)\s*:/iu;
/* The greeting's own words before whom it greets, and a form of address: "Sehr geehrter Herr", "Egregio", "Dear Mr". */
const GREETING_WORDS = /^(?:sehr\s+geehrte[rn]?|geehrte[rn]?|dear|egregi[oa]|gentil[ei]|gentilissim[oa]|illustr[ei]|caro|cara|prezad[oa]|estimad[oa]|distinguid[oa]|geachte|cher|ch[èe]re)\s+(?:(?:herr|frau|mr\.?|mrs\.?|ms\.?|signor[a]?|sig\.(?:ra)?|senhor[a]?|se[ñn]or[a]?|sr\.?|sra\.?|monsieur|madame|heer|mevrouw)\s+)?/iu;

/** Whom a greeting names when it names an office ("Sehr geehrter Herr Minister," -> "Minister"); undefined otherwise. */
function greetedOffice(salutation: string): string | undefined {
  const rest = salutation.trim().replace(/[,:;!.]+$/, '');
  const match = GREETING_WORDS.exec(rest);
  if (!match) return undefined;
  const whom = rest.slice(match[0].length).trim();
  const words = whom.split(/\s+/);
  // "Presidente Example", "Minister": an office word first, then at most three capitalised words of a name.
  if (words.length === 0 || words.length > 4 || !ROLE.test(words[0]!) || !words.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return whom;
}

/** The greeted official of a pre-written e-mail, with the header's "To:" addresses, as the lines of one block; [] when none. */
export function prewrittenMailLines(sections: Section[], salutation: string | undefined): TargetLine[] {
  const whom = salutation ? greetedOffice(salutation) : undefined;
  if (!whom || !salutation) return [];
  const greeting = salutation.trim();
  const isTo = (line: string): boolean => line.length < 600 && line.includes('@') && TO_LINE.test(line);
  if (!sections.some((s) => isTo(s.heading) || s.lines.some(isTo))) return [];
  // The header may cross sections ("Cc:" opens a section of copies): its lines are read in text order, headings too.
  const lines = sections.flatMap((s) => [s.heading, ...s.lines]);
  for (let i = 0; i < lines.length; i++) {
    const to = isTo(lines[i]!) ? TO_LINE.exec(lines[i]!) : null;
    if (!to) continue;
    // Only header lines (and blanks) between the recipients and the greeting: the header of this very letter.
    let next = i + 1;
    while (next < lines.length && (lines[next]!.trim() === '' || HEADER_LINE.test(lines[next]!))) next++;
    if (lines[next]?.trim() !== greeting) continue;
    const emails = findEmails(to[1]!).filter((e) => !ORGANISER_EMAIL.test(e));
    if (emails.length === 0) return [];
    return [{ text: whom, copy: false }, ...emails.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false }];
  }
  return [];
}

/* "a: Presidente Example": an online e-mail form's recipient line, one official named by office, no address on it. */
const NAMED_TO = /^\s*(?:to|an|a|à|para|aan|destinatario|destinat[aá]rio)\s*:\s*([^@,;\n]{3,80})$/iu;
/* "Target email addresses: a@b.it": the form's own label for the addresses the e-mail is sent to. */
const TARGET_EMAILS = /^\s*target\s+e-?mail\s+addresse?s?\s*:\s*(.+)$/i;

/**
 * An e-mail form's header without a greeting: "a: Presidente Example" over "Target email addresses: ...". The target
 * addresses are the one official's the form names; its "CC email addresses" are no one's here. Two officials on the line
 * ("a: Presidente A, Ministro B") leave the addresses' owners unsure: [] then.
 */
export function formRecipientLines(sections: Section[]): TargetLine[] {
  const lines = sections.flatMap((s) => [s.heading, ...s.lines]).filter((l) => l.trim() !== '');
  for (let i = 0; i + 1 < lines.length; i++) {
    const whom = lines[i]!.length < 200 ? NAMED_TO.exec(lines[i]!)?.[1]?.trim() : undefined;
    if (!whom || !ROLE.test(whom.split(/\s+/)[0]!) || /\s(?:e|and|y|et|und|en)\s/i.test(whom)) continue;
    const target = TARGET_EMAILS.exec(lines[i + 1]!.slice(0, 600))?.[1];
    const emails = target ? findEmails(target).filter((e) => !ORGANISER_EMAIL.test(e)) : [];
    if (emails.length === 0) return [];
    return [{ text: whom, copy: false }, ...emails.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false }];
  }
  return [];
}
