// The block a page tells the reader to head the letter with: "please put this address at the top:", "address your
// letter to:", then the addressee's postal lines. The page may send the letters elsewhere (its organiser collects
// them); the block it says to address them to is the official's, the organiser's never.
import { countryOf } from './countries.js';
import { isPlausibleName } from './name-gate.js';
import { isAddressLike, POSTAL_END } from './postal-blocks.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

/* "please put this address at the top:", "Address your letters to:", "Adressez votre lettre à :": the addressee is below. */
const ADDRESS_LEAD = /(?:\b(?:put|write|use|place|type)\s+(?:this|the following)\s+address\s+(?:at\s+the\s+top|on\s+(?:the|your)\s+letters?|as\s+the\s+(?:inside\s+)?address)|\baddress\s+(?:your|the|each)\s+letters?\s+to|\badressez\s+(?:votre|vos)\s+lettres?\s+[àa]|\bdirija\s+(?:su|sus)\s+cartas?\s+a)\s*:$/i;
/** An addressee's block is a few lines: a name and a postal address. */
const MAX_BLOCK = 8;

/** The block under the page's "put this address at the top:", when it is a postal block under a name; else nothing. */
export function addressedBlockLines(sections: Section[]): TargetLine[] {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let at = 0; at < section.lines.length; at++) {
      const line = (section.lines[at] ?? '').trim();
      if (line.length > 400 || !ADDRESS_LEAD.test(line)) continue;
      let from = at + 1;
      while (from < section.lines.length && (section.lines[from] ?? '').trim() === '' && from - at <= 2) from++;
      const block: string[] = [];
      for (let i = from; i < section.lines.length && block.length <= MAX_BLOCK; i++) {
        const text = (section.lines[i] ?? '').trim();
        if (text === '' || text.length > 80 || !isAddressLike(text)) break;
        block.push(text);
      }
      const last = block[block.length - 1];
      // A name, then at least two postal lines ending with a postcode or a country: an address, nothing less.
      if (block.length < 3 || block.length > MAX_BLOCK || !isPlausibleName(block[0] ?? '') || (countryOf(last) === undefined && !POSTAL_END.test(last ?? ''))) continue;
      return block.map((text) => ({ text, copy: false }));
    }
  }
  return [];
}
