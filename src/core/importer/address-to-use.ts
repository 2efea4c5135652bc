// A model letter that gives its addressee on one line after "Address to use:", up to "Greeting to use:": the
// official, their office and their postal address run together.
import { isPlausibleName } from './name-gate.js';
import { HONORIFIC, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

/* "Address to use:", "Address your letter to:", "Adresse à utiliser :": the addressee follows on the same line. */
const ADDRESS_TO_USE = /\b(?:address(?:es)?\s+to\s+use|address\s+your\s+(?:letters?|appeals?)\s+to|adresse\s+[àa]\s+utiliser|direcci[oó]n\s+(?:a|para)\s+(?:usar|utilizar))\s*:\s*/i;
/* Where the addressee's run ends: the greeting the page gives next, or the letter's own greeting. */
const RUN_END = /\s(?:[Gg]reeting\s+to\s+use|[Ss]alutation(?:\s+to\s+use)?|[Ff]ormule\s+d['’]appel|[Ss]aludo)\s*:|\s(?:Dear|Cher|Ch[eè]re|Estimad[oa])\s/;
/* "P.C., M.P.", "QC", "MPP": letters after a name that say what the person is, no part of the address. */
const POST_NOMINALS = /^(?:(?:\p{Lu}\.){1,3}|MP|MPP|MLA|QC|KC|PC|OBE|CBE|MBE)(?:,\s*|\s+)/u;
/* "Minister for Citizenship, Immigration and Multiculturalism": an office whose domain is a list, closed by its "and". */
const LISTED_OFFICE = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:of|for)\s+\p{Lu}[\p{L}-]+(?:,\s+\p{Lu}[\p{L}-]+)*,?\s+and\s+\p{Lu}[\p{L}-]+)\s+(\S.*)$/u;
/* A person's capitalised words after a form of address or none: "The Honourable Jane Example". */
const PERSON_WORDS = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}\p{Lu}[\p{L}'’-]+$/u;
/** No addressee's run is longer than this: beyond it the line is the page's prose. */
const MAX_RUN = 300;

/**
 * "(date) Address to use: The Honourable Jane Example, P.C., M.P. Minister for A, B and C Example Department Town,
 * Province, X1X 1X1 Greeting to use: Dear Minister,": the person before the first comma is the official; after the
 * letters that follow a name, the office (when its end is plain: a list closed by "and") and the rest, the address as
 * the page runs it. A run that opens with no person's name gives nothing: the moderator is asked instead.
 */
export function addressToUseLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let at = 0; at < section.lines.length; at++) {
      const line = section.lines[at] ?? '';
      const label = ADDRESS_TO_USE.exec(line.slice(0, 4000));
      if (!label) continue;
      // A flattened page's run may have been cut into lines again (at "M.P. Minister ..."): the lines below, up to a blank, go on.
      let after = line.slice(label.index + label[0].length, label.index + label[0].length + MAX_RUN + 40);
      for (let next = at + 1; next < section.lines.length && after.length <= MAX_RUN && (section.lines[next] ?? '').trim() !== ''; next++) {
        after = `${after} ${section.lines[next] ?? ''}`.slice(0, MAX_RUN + 40);
      }
      const end = RUN_END.exec(after);
      const run = (end ? after.slice(0, end.index) : after).trim();
      if (run.length > MAX_RUN || run.length < 20) continue;
      const lines = splitAddressee(run);
      if (lines.length > 0) return lines.map((text) => ({ text, copy: false }));
    }
  }
  return [];
}

/** The run as the lines of a block: the person, the office when its end is plain, then the address. */
function splitAddressee(run: string): string[] {
  const comma = run.indexOf(',');
  if (comma < 0) return [];
  const person = run.slice(0, comma).trim();
  const bare = person.replace(HONORIFIC, '').trim();
  if (!isPlausibleName(person) || !PERSON_WORDS.test(person) || ROLE.test(bare) || bare === '') return [];
  let rest = run.slice(comma + 1).trim();
  for (let n = 0; n < 4 && POST_NOMINALS.test(rest); n++) rest = rest.replace(POST_NOMINALS, '');
  if (rest === '') return [person];
  const office = LISTED_OFFICE.exec(rest);
  return office?.[1] && office[2] && ROLE.test(office[1]) ? [person, office[1], office[2]] : [person, rest];
}
