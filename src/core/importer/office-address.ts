// A postal block under a line that says whose it is by office alone: "Adresse postale du Premier ministre", "Postal
// address of the Prime Minister:", "Dirección postal del Presidente", "Postanschrift des Bundeskanzlers". The office is
// the official (the text names no one else for it), with the block's lines as its address.
import { countryOf } from './countries.js';
import { ROLE } from './offices.js';
import { isAddressLike, POSTAL_END } from './postal-blocks.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

/* The label and the office it names, alone on its line. */
const OFFICE_LABEL = /^(?:(?:l['’])?adresse(?: postale)? (?:du|de la|de l['’])|(?:the )?(?:postal |mailing )?address of (?:the )?|(?:la )?direcci[oó]n(?: postal)? del?(?: la)?|(?:die )?post(?:anschrift|adresse) (?:des|der))\s*(\p{L}[\p{L}'’ -]{2,60}?)\s*:?$/iu;
/* The small words inside an office's name: "of the", "de la", "du", "des". */
const SMALL_WORD = /^(?:of|the|for|and|de|du|des|la|le|les|l['’]\S*|d['’]\S*|et|del|los|las|y|der|die|das|f[üu]r|und)$/iu;
/* A block is a few short lines. */
const MAX_LINES = 6;

/** Each office-labelled postal block, as a block of its own (the office, then the lines), in the text's order. */
export function officeAddressLines(sections: Section[]): TargetLine[] {
  const out: TargetLine[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    section.lines.forEach((line, at) => {
      const office = line.length <= 90 ? OFFICE_LABEL.exec(line.trim())?.[1] : undefined;
      if (!office || !ROLE.test(office)) return;
      const block: string[] = [];
      for (let i = at + 1; i < section.lines.length && block.length < MAX_LINES; i++) {
        const text = (section.lines[i] ?? '').trim();
        if (text === '' || text.length > 80 || !isAddressLike(text) || OFFICE_LABEL.test(text)) break;
        block.push(text);
      }
      // The block ends with its postcode or country: the lines after it are the page's text again.
      const end = block.findIndex((l) => POSTAL_END.test(l) || countryOf(l) !== undefined);
      if (end < 1) return;
      // "Premier ministre" -> "Premier Ministre": the office written as a block's name line, its small words kept small.
      const name = office.split(' ').map((w, n) => (n > 0 && SMALL_WORD.test(w) ? w : w.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))).join(' ');
      out.push({ text: name, copy: false }, ...block.slice(0, end + 1).map((text) => ({ text, copy: false })), { text: '', copy: false });
    });
  }
  return out;
}
