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

/** One run of lines of the same kind (officials or copies), its blank lines dropped when they separate nothing. */
function collapseRun(given: TargetLine[], describes: (text: string) => boolean): Iterable<TargetLine> {
  let filled = 0;
  // Whether the last line that counts, above this one, describes an official (and no blank line came since).
  let above = false;
  for (let i = 0; i < given.length; i++) {
    const text = given[i]?.text ?? '';
    // A line between blank lines stays alone (without an e-mail it stays one line) and touches no other, whatever it
    // is: once three lines count it is not read.
    const alone = (given[i - 1]?.text ?? '') === '' && (given[i + 1]?.text ?? '') === '' && !text.includes('@');
    if (text === '' || (alone && filled >= 3)) {
      above = false;
      continue;
    }
    for (const line of splitOwnedEmails(given.slice(i, i + 1))) {
      if (line.text === '') above = false;
      else if (describes(line.text)) {
        filled++;
        // Two lines touch: the blank lines separate officials, nothing is collapsed.
        if (above) return owned(given);
        above = true;
      }
    }
  }
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

