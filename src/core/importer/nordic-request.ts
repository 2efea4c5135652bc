// "skrive til formanden for udvalget, Jane Example" (Danish), "Skriv till Jane Example och protestera mot ..." (Swedish):
// a request in a Nordic language that names the official in prose, with no contact. The official is named; the address
// is left for the moderator.
import { ORGANISATION } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* Two or three capitalised words, the last may carry a hyphen ("Jane Example", "Kim Jong-un"). */
const PERSON = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+(?:-\p{L}+)?){1,2}`;
/*
 * "skrive til <office>, <Name>," with the office in a few words before the comma, or "skriv till <Name> och protestera"
 * (and protest, demand, urge): only a protest or a demand after the name makes the person one to persuade, not a
 * prisoner to send a card of support to.
 */
const REQUEST = new RegExp(
  String.raw`\b[Ss]kriv[ea]?\s+(?:til|till)\s+(?:(?:\p{L}+\s+){0,4}\p{L}+,\s+(${PERSON})(?=\s*,)|(${PERSON})\s+(?:og|och)\s+(?:protestera|protester|protestér|kr[äæ]v|krev|uppmana|opfordr|be\s+(?:honom|henne|ham|hende)))`,
  'u',
);

/** The official a Nordic request to write names in prose, as an official with no contact; none when no line names one. */
export function nordicRequestLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    for (let i = -1; i < section.lines.length; i++) {
      const line = i < 0 ? section.heading : section.lines[i]!;
      if (line.length < 20 || line.length > 5000 || !/skriv/i.test(line)) continue;
      const match = REQUEST.exec(line);
      const name = match?.[1] ?? match?.[2];
      if (name && !ORGANISATION.test(name) && !/^amnesty\b/i.test(name)) return [{ text: name, copy: false }, { text: '', copy: false }];
    }
  }
  return [];
}
