// A line that names an office and no person ("Minister für Justiz und Menschenrechte", "Präsident", "General
// Coordinator for Human Rights"), in whatever case a page writes it, and the caption such a line makes over an
// official's block when the block gives the title again beside the person's name.
import { isPlausibleName } from './name-gate.js';
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';

/* The word after a title that says what the office is over: "Minister of", "Coordinator for", "Minister für", "Ministre de". */
const OFFICE_OF = /^(?:of|for|für|fuer|de|del|della|dello|di|du|des|der|do|da|dos|das|van|voor|pour|per|para|för|i|im|am)$/i;
/* Words a title may open with before its title word: "The", "Le", "Deputy", "General", "Public". */
const TITLE_OPENER = /^(?:the|le|la|el|il|der|die|das|deputy|acting|vice|first|general|public|state|federal|chief|head|prime|attorney)$/i;

/*
 * "His Excellency Honorable Prime Minister": a style of office, never a name; what follows it says whether the line
 * names a person or only the office.
 */
const STYLE_FORMS = /^(?:(?:(?:his|her)\s+excellency|(?:the\s+)?(?:(?:right|rt\.?)\s+)?hono(?:u)?rable|hon\.|h\.\s?e\.)\s+)+/i;

/**
 * A line that is an office and nothing else, so never an official's name when a person's name sits beside it: one
 * capitalised line of title words ("PRÄSIDENT", "MINISTER FÜR JUSTIZ"); a title in sentence case, every word after the
 * first in lower case ("Minister für justiz und menschenrechte"); or a title followed by what it is over ("Minister of
 * Justice and Human Rights", "General Coordinator for Human Rights").
 */
export function isOfficeOnly(line: string): boolean {
  const text = line.trim().replace(/[,;:]+$/, '').replace(STYLE_FORMS, '');
  if (text.length < 3 || text.length > 80 || /[\d@,()]/.test(text) || !ROLE.test(text)) return false;
  // "Mr President", "Monsieur le Ministre": a form of address; "General" opens an office as well ("General Coordinator").
  if (HONORIFIC.test(`${text} `) && !/^g[ée]n[ée]ral\s/i.test(text)) return false;
  const words = text.split(/\s+/);
  if (text === text.toUpperCase()) return true;
  // "Prime Minister", "Attorney General": title words alone, the office of the person named below.
  if (words.length <= 4 && words.every((w) => ROLE.test(w) || TITLE_OPENER.test(w)) && ROLE.test(words[words.length - 1] ?? '')) return true;
  if (words.slice(1).every((w) => /^\p{Ll}/u.test(w))) return /^\p{Lu}/u.test(text);
  // The title's words, then the word that says what it is over; the title ends with its title word.
  const over = words.findIndex((w) => OFFICE_OF.test(w));
  if (over < 1) return false;
  const title = words.slice(0, over);
  return ROLE.test(title[title.length - 1] ?? '') && title.every((w) => ROLE.test(w) || TITLE_OPENER.test(w));
}

/* A word of a person's name: capitalised ("Béchir", "OGAWA", "Puhl-Schmidt"), an initial ("F.W."), or a particle ("bin", "al-Sawi"). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|(?:\p{Lu}\.)+|(?:al|el|bin|bint|ibn|ben|abu|de|del|da|di|do|dos|du|van|von|der|den|la|le|y)(?:[-'’]\p{L}+)?)$/u;

/**
 * A line that can only be a person's name: two to eight name words (after a form of address), no digit, no office or
 * organisation, no abbreviated street ("Sir Wilfred Laurier Blvd. 13th Floor" is an address).
 */
export function isPersonLine(line: string): boolean {
  const text = line.trim().replace(/[,;:]+$/, '');
  const words = text.replace(HONORIFIC, '').split(/\s+/);
  if (words.length < 2 || words.length > 8 || /\d/.test(text) || ROLE.test(text) || ORGANISATION.test(text)) return false;
  // "The White House", "The Kremlin": a name never opens with "The" unless a form of address ("The Honorable").
  if (/^the\s/i.test(text) && !HONORIFIC.test(`${text} `)) return false;
  return words.every((w) => NAME_WORD.test(w)) && isPlausibleName(text);
}

/**
 * "PRÄSIDENT" / "Zine El Abidine Ben Ali" / "President", or "Minister für Justiz" / "Minister of Justice" / "Béchir
 * Tekkari": a block that opens with an office, then gives the title again just above or below the person's name, opens
 * with a caption in the page's language. The caption is dropped, so the person is the name and the title beside it the title.
 */
export function opensWithCaption(texts: string[]): boolean {
  const [first = '', second = '', third = ''] = texts;
  if (texts.length < 3 || !isOfficeOnly(first)) return false;
  return (isOfficeOnly(second) && isPersonLine(third)) || (isPersonLine(second) && isOfficeOnly(third));
}
