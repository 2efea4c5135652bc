// Two address blocks printed side by side (an official's and the embassy's a copy goes to), read line by line into
// one run: each line holds a piece of both, so no line of the run is surely the official's.
import type { ParsedTarget, Warn } from './types.js';

/*
 * "Royal Hashemite Court H.E. Mr. Jane Example": capitalised words of an office or a place, then, in mid-line, a form
 * of address and a name: the second column's addressee beside the first column's line. A line that opens with "c/o" or
 * "Attn" names the person it goes through on purpose, and is left alone.
 */
const SECOND_ADDRESSEE = /^(?!(?:[Cc]\/[Oo]|Attn\.?|ATTN\.?|Care of|z\.\s?Hd\.?|À l['’]attention)\s)(?:(?:[\p{Lu}\d][\p{L}\d'’.-]*|of|the|de|du|des|la|le|van|von|der),?\s+){1,6}(?:H\.\s?E\.|S\.\s?E\.|His Excellency|Her Excellency|Son Excellence|Mr\.|Mrs\.|Ms\.|Mme)\s+\p{Lu}/u;

/** True when a line of an official's block holds a second addressee beside the first column's text. */
export function holdsSecondColumn(line: string): boolean {
  return SECOND_ADDRESSEE.test(line.slice(0, 200));
}

/**
 * An official whose postal lines interleave two blocks keeps no postal line, no office and no organisation read from
 * them: the moderator is asked to add the address (issue 27: a wrong address is worse than a missing one).
 */
export function dropInterleavedAddresses(parsed: ParsedTarget[], warn: Warn): void {
  for (const { target } of parsed) {
    if (target.copy || !(target.address ?? []).some(holdsSecondColumn)) continue;
    target.address = [];
    delete target.title;
    delete target.organisation;
    delete target.country;
    warn('unsure_address', `The postal address of ${target.name} is printed beside another block, their lines run together; it was left off, add it from the original.`);
  }
}
