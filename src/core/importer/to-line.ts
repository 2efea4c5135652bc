// The official a page names on its opening "To:" line: a petition's addressee, a model letter's heading run into one line.
import { ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/*
 * "To: Minister Jane Example, Minister for Justice and Equality" (a petition platform's page), "To: Prime Minister Ann
 * Example, Palace Road, Capital City Subject: ... Dear Prime Minister, ..." (a model letter flattened into one line).
 * The line names one official by office and name; what follows on it, up to the subject or the greeting, is that
 * official's title or address, so it is theirs and no one else's.
 */
// A bullet before it ("- To: ...") says the same.
const TO_LINE = /^\s*(?:[-*•·]\s+)?(?:to|an|[àa]|para)\s?:\s*(.{5,})$/iu;
/* Where the addressee part of the line ends: "Subject:", "Re:", "Betreff:", "Objet :", or the letter's greeting. */
const END = /\s+(?:subject|re|betreff|objet|asunto|onderwerp)\s?:|\s+(?:dear|sehr geehrte[rn]?|estimad[oa]|monsieur|madame|geachte)\b/iu;
/* The office, then a name of two to four capitalised words: "Prime Minister Baburam Example". */
const OFFICE_AND_NAME = new RegExp(String.raw`^(?:(?:\p{L}+\s+){0,3}?(?:${ROLE.source}))\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})$`, 'iu');
const NAME = /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;

/** "Minister Jane Example": an office, then a name written in capitals ("Minister for Justice" is an office alone). */
function officeAndName(part: string): boolean {
  const name = OFFICE_AND_NAME.exec(part)?.[1];
  return name !== undefined && NAME.test(name);
}

/** The official of the text's opening "To:" line (within its first three lines), as the lines of one block; [] when none. */
export function toLineOfficial(sections: Section[]): TargetLine[] {
  const first: string[] = [];
  for (const section of sections) {
    for (const line of [section.heading, ...section.lines]) if (line.trim() !== '' && first.length < 3) first.push(line);
    if (first.length >= 3) break;
  }
  for (const line of first) {
    const rest = TO_LINE.exec(line.slice(0, 2000))?.[1];
    if (!rest) continue;
    const end = END.exec(rest);
    const parts = (end ? rest.slice(0, end.index) : rest).replace(/[.,;]\s*$/, '').split(/\s*,\s*/).filter((p) => p !== '');
    const [person, ...others] = parts;
    if (!person || !officeAndName(person) || others.length > 6) return [];
    // "To: Minister A, Minister B": two officials on one line is a list, read elsewhere.
    if (others.some(officeAndName)) return [];
    const titles = others.filter((p) => ROLE.test(p));
    const address = others.filter((p) => !ROLE.test(p));
    return [person, ...titles, ...(address.length > 0 ? [address.join(', ')] : [])].map((text) => ({ text, copy: false }));
  }
  return [];
}
