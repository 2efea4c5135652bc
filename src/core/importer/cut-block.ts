// A page cut inside its last address block ("Nicolás Example" / "Presidente de la República" / ... / "Caracas" / "EXAMP"):
// the block never reaches the country or postcode the postal-block reader waits for.
import { endsAddress } from './countries.js';
import { isDateLine } from './dates.js';
import { isSalutation } from './letter.js';
import { isPlausibleName } from './name-gate.js';
import { opensOfficial, ROLE } from './offices.js';
import { isAddressLike } from './postal-blocks.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

/** A block has its name, an office or an address line, and at least two lines more before the cut. */
const MIN_LINES = 4;
/** No official's block (name, office, address) is longer than this. */
const MAX_LINES = 10;

/**
 * The text's last lines, when they are one official's address block that the cut broke off: a name opened by an office
 * ("Director Jane Example") or a name over its office ("Jane Example" / "Presidente de ..."), then short address lines
 * to the end of the text, single blank lines allowed. The last line, not the address's end, is where the text was cut:
 * it is left off. Empty when the text ends otherwise.
 */
export function cutBlockLines(sections: Section[]): TargetLine[] {
  const last = sections[sections.length - 1];
  if (!last) return [];
  const lines = last.lines.slice(-(MAX_LINES * 2)).map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const cut = lines[lines.length - 1];
  // The cut line is a broken address line ("Caracas" / "VENEZUE"): a sentence, a greeting or a complete end is no cut block.
  if (cut === undefined || endsAddress(cut) || !isAddressLike(cut) || isSalutation(cut)) return [];
  // Up from the cut over address lines (single blank lines inside the block allowed), to the line that opens it.
  let top = lines.length - 1;
  while (top > 0 && (isAddressLike(lines[top - 1] ?? '') || (lines[top - 1] === '' && top >= 2 && lines[top - 2] !== ''))) top--;
  const opener = lines.findIndex((l, i) => i >= top && l !== '' && isPlausibleName(l) && (opensOfficial(l) || (ROLE.test(nextLine(lines, i)) && !ROLE.test(l))));
  if (opener < 0) return [];
  // The block stands on its own: the text's start, a blank line or a date line ("März 2024") right above its opener.
  const above = lines[opener - 1];
  if (above !== undefined && above !== '' && !isDateLine(above)) return [];
  const kept = lines.slice(opener, -1).filter((l) => l !== '');
  if (kept.some(isSalutation)) return [];
  if (kept.length < MIN_LINES - 1 || kept.length > MAX_LINES) return [];
  return [...splitOffice(kept[0] ?? ''), ...kept.slice(1)].map((text) => ({ text, copy: false }));
}

/* An office word opening the line, then the name: "Director Jane Example". */
const OFFICE_FIRST = new RegExp(String.raw`^(${ROLE.source})\s+(\p{Lu}.*)$`, 'iu');

/**
 * "Director Jane Example" -> "Jane Example", "Director": a name line opened by an office, with no street or town line
 * below it to say where the block ends, is read name first so the line under it ("Example Public Security") is never
 * taken for the name.
 */
function splitOffice(line: string): string[] {
  const match = OFFICE_FIRST.exec(line);
  return match?.[1] && match[2] ? [match[2], match[1]] : [line];
}

/** The next line that is not blank, below line `i`. */
function nextLine(lines: string[], i: number): string {
  return lines.slice(i + 1).find((l) => l !== '') ?? '';
}
