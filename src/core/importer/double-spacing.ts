// Reads contact details laid out with a blank line after every line: the blank lines are dropped when they separate
// nothing, so an official's address lines stay one block.
import { splitOwnedEmails } from './prose-owners.js';
import type { TargetLine } from './types.js';

/**
 * Web pages often put a blank line after every address line. When no two lines of the contact details
 * touch, blank lines separate nothing and are dropped; officials are then told apart by their fields.
 * The lines are read as `splitOwnedEmails` gives them, each only when it can decide: the reader stops after a few hundred.
 */
export function* collapseDoubleSpacing(given: TargetLine[], describes: (text: string) => boolean): Generator<TargetLine> {
  // The officials' lines and the copies' lines are laid out apart: a copies block written without blank lines does not
  // stop the officials' double-spaced lines from being read as one block.
  let start = 0;
  for (let i = 1; i <= given.length; i++) {
    if (i < given.length && given[i]?.copy === given[start]?.copy) continue;
    // Most contact details are one run: read in place, not copied.
    yield* collapseRun(start === 0 && i === given.length ? given : given.slice(start, i), describes);
    start = i;
  }
}

/* "Email:", "Fax :", "Phone:": a contact line, which says something of the line above it and names no one. */
const CONTACT_LINE = /^(?:e-?mails?|mail|fax|tel\.?|telephone|phone)\s?:/i;

/** One run of lines of the same kind (officials or copies), its blank lines dropped when they separate nothing. */
function collapseRun(given: TargetLine[], describes: (text: string) => boolean): Iterable<TargetLine> {
  let filled = 0;
  // Lines that stand alone between blank lines, and contact lines right under the line above them.
  let spaced = 0;
  let contactsTouching = 0;
  // Whether the last line that counts, above this one, describes an official (and no blank line came since).
  let above = false;
  for (let i = 0; i < given.length; i++) {
    const text = given[i]?.text ?? '';
    // A line between blank lines stays alone (without an e-mail it stays one line) and touches no other, whatever it
    // is: once three lines count it is not read.
    const alone = (given[i - 1]?.text ?? '') === '' && (given[i + 1]?.text ?? '') === '' && !text.includes('@');
    if (alone) spaced++;
    if (text === '' || (alone && filled >= 3)) {
      above = false;
      continue;
    }
    for (const line of splitOwnedEmails(given.slice(i, i + 1))) {
      if (line.text === '') above = false;
      else if (describes(line.text)) {
        filled++;
        // A double-spaced page that left out the blank line above a contact line ("... Harare" / "Email: ...") still
        // spaces its blocks: the contact line goes with the line above, as it would after a blank line.
        if (above && CONTACT_LINE.test(line.text)) contactsTouching++;
        // Two other lines touch: the blank lines separate officials, nothing is collapsed.
        else if (above) return owned(given);
        above = true;
      }
    }
  }
  // Contact lines under their line are read as double-spaced only on a page that is: most of its lines stand alone.
  if (contactsTouching > 0 && spaced < Math.max(3, 2 * contactsTouching)) return owned(given);
  return filled >= 3 ? describing(given, describes) : owned(given);
}

/** The lines as `splitOwnedEmails` gives them, made only as far as the reader goes. */
function* owned(given: TargetLine[]): Generator<TargetLine> {
  for (let i = 0; i < given.length; i++) yield* splitOwnedEmails(given.slice(i, i + 1));
}

/** The lines that describe an official, made only as far as the reader goes. */
function* describing(given: TargetLine[], describes: (text: string) => boolean): Generator<TargetLine> {
  for (const line of owned(given)) if (line.text !== '' && describes(line.text)) yield line;
}

