// A form of address with its comma that heads an address block above the letter's own greeting.
import type { Section } from './sections.js';

type LinePosition = { section: number; line: number };

/* Lines an address head may have below it before the letter's own greeting: the office, the street, the town, a date. */
const ADDRESS_HEAD_LINES = 8;
/* A line this long is a sentence of the letter's body, not an address line. */
const BODY_LINE = 80;

/**
 * "Honourable Minister Jane Example, MP," / "Ministry of Home Affairs" / ... / "Your Excellency,": a form of address with
 * its comma heads the address block; the letter greets with the plain greeting below it (`greets`: "Dear ...", "Your
 * Excellency"). A first line that is itself such a greeting, or a body sentence before any, keeps the first line.
 */
export function pastAddressHead(sections: Section[], found: LinePosition | undefined, greets: (line: string) => boolean): LinePosition | undefined {
  const lines = found ? sections[found.section]?.lines : undefined;
  if (!found || !lines || greets(lines[found.line] ?? '')) return found;
  for (let i = found.line + 1; i < lines.length && i <= found.line + ADDRESS_HEAD_LINES; i++) {
    const line = lines[i] ?? '';
    if (line.length > BODY_LINE) return found;
    if (line !== '' && greets(line)) return { section: found.section, line: i };
  }
  return found;
}
