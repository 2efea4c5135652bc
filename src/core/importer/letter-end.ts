// Where a sample letter without a closing ends, and the contact blocks a page sets below such a letter.
import { findEmails, splitLabels } from './contacts.js';

/** No official's block is longer than this many lines. */
const MAX_BLOCK = 14;
/** A block's lines are short; a letter's paragraph is not. */
const MAX_BLOCK_LINE = 100;

/** An e-mail, or a contact label and its value ("Fax: ...", "Salutation: Your Excellency"). */
const isContactLine = (line: string): boolean => findEmails(line).length > 0 || splitLabels(line).fields.length > 0;

/**
 * A letter with no closing ("Thank you for your attention." / "(your name)") runs on into whatever follows it: the
 * officials' blocks a page sets below it ("Salutation: Your Excellency" / "Prime Minister" / ... / "Fax: ..."). The
 * letter ends at the first block (after a blank line) of two or more short lines, one of them a contact line and one
 * not: a paragraph of the letter is no such block. Each block is looked at once, so the search stays linear.
 */
export function contactBlockStart(lines: string[], from: number): number | undefined {
  for (let start = from + 1; start < lines.length; start++) {
    if (lines[start] === '' || lines[start - 1] !== '') continue;
    let contacts = 0;
    let end = start;
    for (; end < lines.length && lines[end] !== '' && end - start < MAX_BLOCK; end++) {
      const line = lines[end] ?? '';
      if (line.length > MAX_BLOCK_LINE) break;
      if (isContactLine(line)) contacts++;
    }
    const whole = end === lines.length || lines[end] === '';
    if (whole && contacts > 0 && contacts < end - start) return start;
    start = end;
  }
  return undefined;
}
