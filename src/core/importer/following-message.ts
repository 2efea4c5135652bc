// The official a forwarded request names ("fax or email the following message to King X"), reached by the "FAX to" and
// "EMAIL to" lines that follow the message.
import type { FoundLetter } from './letter.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

/* "COPY AND FAX OR EMAIL THE FOLLOWING MESSAGE TO KING EXAMPLE": whom the message is for, an office word at most, then the name. */
const FOLLOWING = /\b(?:fax|e-?mail|send|mail|post)\b[^.]{0,40}?\bthe following (?:message|letter|text|appeal)\s+to\s+(?:the\s+)?((?:king|queen|president|prime minister|governor|minister|ambassador|emir|sultan)\s+)?((?:(?!(?:to|and|or|for|urging|asking|with|in|on|at)\b)\p{Lu}[\p{L}'’-]+\s*){1,4})/iu;
/* "FAX to +99 1 4419454", "EMAIL to press@example.org": how the message reaches them, below it. */
const SEND_TO = /^(e-?mail|fax)\s+to\s*:?\s*(.{5,200})$/i;
/** How far below the message's greeting the lines that say where to send it are looked for. */
const WINDOW = 80;

/** The named official's lines (name, office, contact fields), when the text names one and gives where to send; else none. */
export function followingMessageLines(sections: Section[], found: FoundLetter | undefined): TargetLine[] {
  if (!found) return [];
  const above = sections.slice(0, found.section + 1).flatMap((s, i) => (i === found.section ? s.lines.slice(0, found.start) : [s.heading, ...s.lines]));
  const request = FOLLOWING.exec(above.join(' ').replace(/\s+/g, ' ').slice(-20_000));
  const name = request?.[2]?.trim();
  if (!name) return [];
  const below = sections.slice(found.section).flatMap((s, i) => (i === 0 ? s.lines.slice(found.start) : [s.heading, ...s.lines])).slice(0, WINDOW);
  const contacts = below.flatMap((line) => {
    const match = SEND_TO.exec(line.trim());
    return match?.[1] && match[2] ? [`${/fax/i.test(match[1]) ? 'Fax' : 'Email'}: ${match[2]}`] : [];
  });
  if (contacts.length === 0) return [];
  const office = request?.[1]?.trim();
  const lines = [name, ...(office ? [office[0]?.toUpperCase() + office.slice(1).toLowerCase()] : []), ...contacts];
  return lines.map((text) => ({ text, copy: false }));
}
