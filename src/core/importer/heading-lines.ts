// The lines over an official's block that proximity reads as headings: an office and a name in capitals or in
// sentence case, an office's caption ended by a colon, a country alone.
import { isCountryLine } from './countries.js';
import { isHeadlineLine } from './name-gate.js';
import { opensOfficial, ORGANISATION, ROLE } from './offices.js';
import { isCapitalsLine } from './title.js';

/** A country and nothing else on its line ("EXAMPLIA", "Republic of Examplia"): not a town before it ("Town, Examplia"). */
export function isCountryAlone(line: string): boolean {
  return !line.includes(',') && isCountryLine(line);
}

/*
 * "SENATOR JANE EXAMPLE", "SPEAKER OF THE HOUSE JANE EXAMPLE": an office then a name, all in capitals (or the same heading
 * in sentence case, "Senator jane example"), short, no digit and no punctuation of a sentence or a headline. A heading
 * ("URGENT ACTION APPEAL") opens with no office.
 */
export function isCapitalsName(line: string): boolean {
  const text = line.trim();
  return text.length <= 60 && (isCapitalsLine(text) || isSentenceCaseLine(text)) && opensOfficial(text) && !/[\d:!?.,;]/.test(text) && !isHeadlineLine(text) && text.split(' ').length <= 8;
}

/* "Senator jane example": the same heading written in sentence case, a capital and then lower case only, three words at least. */
function isSentenceCaseLine(text: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]*(?:\s[\p{Ll}'’-]+){2,}$/u.test(text);
}

/* The small words a heading leaves in lower case: "Speaker of the House". */
const HEADING_SMALL = /^(?:of|the|and|for|to|in|on|at|de|del|la|le|du|des|van|von|da|do|dos)$/;

/** "Senator jane example" -> "Senator Jane Example": an official's heading in sentence case reads as its capitals would. */
export function headingCase(line: string): string {
  const text = line.trim();
  if (!isSentenceCaseLine(text) || !isCapitalsName(text)) return line;
  return text.split(' ').map((w, k) => (k > 0 && HEADING_SMALL.test(w) ? w : (w[0]?.toUpperCase() ?? '') + w.slice(1))).join(' ');
}

/* The small words an office's capitalised name runs on with: "Commissioner of the Supreme Court on Human Rights". */
const OFFICE_JOINER = /^(?:of|the|on|for|and|in|de|du|des|la|le|del|der|für)$/;

/**
 * "Minister of Interior, Jane Example:", "Head of State Migration Service:": a caption of an office (and its holder) ended
 * by a colon, every word capitalised or a joining word, so no request ("Send letters to the Minister:") is one.
 */
export function isOfficeCaption(line: string): boolean {
  const text = line.trim();
  if (text.length > 100 || !text.endsWith(':') || /[\d@]/.test(text)) return false;
  const head = text.slice(0, -1).trim();
  if (!(ROLE.test(head) || ORGANISATION.test(head))) return false;
  const words = head.split(/[\s,]+/).filter((w) => w !== '');
  return words.length >= 2 && words.length <= 12 && /^\p{Lu}/u.test(words[0] ?? '') && words.every((w) => /^\p{Lu}/u.test(w) || OFFICE_JOINER.test(w));
}
