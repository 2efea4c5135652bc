// "Participe e envie sua demanda à Comissão Nacional da Verdade": a request to the reader whose addressee is an
// institution named in full at the end of the line, with no contact. The institution is the official to write to; its
// address (a web form, as a rule) is left for the moderator.
import { ORGANISATION } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* The institution's name: capitalised words joined by the small words of names ("Comissão Nacional da Verdade"). */
const NAME = String.raw`\p{Lu}\p{L}+(?:\s+(?:(?:de|da|do|das|dos|del|de la|della|di|of|the|for|on)\s+)?\p{Lu}\p{L}+){1,6}`;
const REQUEST = new RegExp(
  String.raw`(?:^|[.!?]\s+|\s(?:e|y|and|ed)\s+)(?:[Pp]lease\s+|[Pp]or favor,?\s+)?(?:[Ee]nviem?|[Mm]andem?|[Ee]screvam?|[Ee]nv[ií]en?|[Ee]scriban?|[Ss]end|[Ww]rite|[Ii]nvia(?:te)?|[Ss]crivi|[Ss]crivete)\s+(?:(?:sua|seu|su|your|una?|an?|the)\s+)?(?:\p{Ll}+\s+)?(?:à|ao|a la|al|alla|to the|to)\s+(${NAME})\s*[.!]?$`,
  'u',
);
/* Words that open an institution's name in the languages ORGANISATION lacks them for. */
const INSTITUTION_WORD = /^(?:comiss[aã]o|assembleia|c[aâ]mara|senado|minist[eé]rio|defensoria|procuradoria|tribunal|supremo|secretaria)$/i;

/** The institution a request line names at its end, as an official with no contact; none when the line names none. */
export function institutionRequestLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let i = -1; i < section.lines.length; i++) {
      const line = (i < 0 ? section.heading : section.lines[i]!).trim();
      if (line.length < 20 || line.length > 300) continue;
      const name = REQUEST.exec(line)?.[1];
      const first = name?.split(/\s+/)[0] ?? '';
      if (name && (ORGANISATION.test(first) || INSTITUTION_WORD.test(first))) return [{ text: name, copy: false }, { text: '', copy: false }];
    }
  }
  return [];
}
