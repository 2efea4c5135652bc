// Reads officials' postal blocks that stand without contact fields (address runs ending with a postcode or a
// country, a letter kit's numbered items) and tells the lines that can be part of an address.
import { splitOneLineBlock } from './one-line-blocks.js';
import { countryOf, isCountryLine } from './countries.js';
import { isDateLine } from './dates.js';
import { HONORIFIC, opensOfficial, ORGANISATION, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './targets.js';

/** Address lines are short and do not end a sentence; "Madinat al-Rehab, Cairo," is one, a story is not. */
export function isAddressLike(text: string): boolean {
  // A long line is an address only as a list; a short one (most lines) is not run through the office patterns.
  if ((text.length > 130 && !isAddressList(text)) || NUMBERED_START.test(text)) return false;
  if (COLON_END.test(text) || isDateLine(text)) return false;
  // More than six words: five spaces at least. A street line that ends with its abbreviation ("2 Martin Luther King, Jr.
  // Drive, S.E.") ends with a full stop and is no sentence.
  return !(SENTENCE_END.test(text) && count(text, ' ') > 5 && !STREET_ABBREVIATED.test(text));
}

/**
 * A flattened address runs long but is a list: "Name, Title, c/o Mission, Street 28, 1209 Geneva,".
 * "Minister of Security Name Secretaría de ... Tegucigalpa, Honduras": an office-first one-line block is one too.
 */
function isAddressList(text: string): boolean {
  return text.length <= 260 && (count(text, ',') >= 3 || (opensOfficial(text) && splitOneLineBlock(text) !== undefined) || isCapitalsNameThenOffice(text));
}

/* "Dr. JANE EXAMPLE , ": a form of address maybe, a name of two to six words in capitals, then a comma set apart. */
const CAPITALS_NAME_COMMA = /^(?:(?:Dr|Dra|Sr|Sra|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+){1,5}\s,\s+/u;

/**
 * "Dr. JANE EXAMPLE , Ministry of the Interior Example Road 9 - Capital": a name in capitals, " , ", then an office and
 * its address on the one line; the office is what tells it from a sentence that opens with a shouted name.
 */
function isCapitalsNameThenOffice(text: string): boolean {
  const name = CAPITALS_NAME_COMMA.exec(text);
  if (!name) return false;
  const rest = text.slice(name[0].length, name[0].length + 80);
  return ORGANISATION.test(rest) || ROLE.test(rest);
}

/* isAddressLike's patterns, made once: a pattern written in a function is a new object each time it runs (once a line). */
const NUMBERED_START = /^\d+\.\s/;
const COLON_END = /:$/;
const SENTENCE_END = /[.!?]$/;
/* A house number first, a quarter or a street's kind abbreviated last: "2 Example Drive, S.E.", "10 Example St.", "5 Example Ave. N.W.". */
const STREET_ABBREVIATED = /^\d{1,5}[a-z]?\s[^!?]{0,70}\b(?:[NS]\.\s?[EW]|St|Ave|Blvd|Rd|Dr|Ln|Pl|Hwy|Pkwy)\.$/;

/** How often `mark` occurs in `text`; counted without splitting, which allocated an array for every line read. */
function count(text: string, mark: string): number {
  let found = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) found++;
  return found;
}

/* The sections a contact block can sit in; never background, which quotes addresses of others. */
export const HOMES = new Set<Section['kind']>(['preamble', 'banner', 'header', 'summary', 'action', 'targets', 'copies', 'letter', 'deadline']);

/* A numbered list's item that opens with a form of address or a capitalised name and a comma: "1. Sr. Elías Antonio Saca, Presidente". */
export const NUMBERED_NAME = new RegExp(String.raw`^\d{1,2}[.)]\s+(?:${HONORIFIC.source.replace(/^\^/, '')}|(?:\p{Lu}[\p{L}'’.-]+\s+){1,4}\p{Lu}[\p{L}'’.-]+,)`, 'iu');

/* A line that ends with a postcode ("Canberra ACT 2600", "London N1 6HT", "Ottawa ON K1A 0P8"), not a post box's number. */
export const POSTCODE_LAST = /^(?!(?:p\.?\s?o\.?\s?box|postfach|apartado|casilla|bo[iî]te postale)\b).*(?:\b\d{4,6}|\b[A-Z]\d[A-Z] ?\d[A-Z]\d|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/i;

/* Stands for a copies section among the lines read for postal blocks: it ends a run of blocks, as prose does. */
const STOP = '\u0000';

/* The last line of a postal address: a country, or a postcode ("Tokyo 100-8977", "1030 Wien", "Ottawa ON K1A 0P8", "London N1 6HT"). */
export const POSTAL_END = /\b\d{3}-\d{4}\b|\b\d{4,6}\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/;

/**
 * A text with neither contact fields nor a letter may still give addresses: blocks of three to twelve short lines,
 * one of them an office ("Minister of Justice") or a form of address ("Sr Luciano ..."), ending with a country or a
 * postcode. The first such block, and the blocks right after it (only blank lines between them).
 */
export function postalBlockLines(sections: Section[]): TargetLine[] {
  const out: TargetLine[] = [];
  let run: string[] = [];
  // The last line of prose above the run: a request there may name the block's person by office.
  let prose = '';
  const isBlock = (lines: string[]): boolean => isPostalRun(lines) || isNamedAbove(lines, prose);
  /** Reads one line (each section ends with a blank one); true when the blocks found have ended. */
  const ended = (line: string): boolean => {
    // "2. Mr Alex Hawke, Minister ..." right under "Canberra ACT 2600": a numbered item opens the next official's block
    // (a kit's list has no blank lines between its items). So does "1. Jane Example", a person's name alone.
    const numbered = line !== '' && line.length <= 200 && (NUMBERED_NAME.test(line) || (LIST_NUMBER.test(line) && PERSON_NAME.test(line.replace(LIST_NUMBER, ''))));
    if (numbered && isBlock(run)) {
      out.push(...run.map((text) => ({ text, copy: false })), { text: '', copy: false });
      run = [];
    }
    if (numbered || (line !== '' && line !== STOP && line.length <= 80 && isAddressLike(line) && !isWrappedProse(line))) {
      run.push(line);
      return false;
    }
    // "Canberra ACT 2600" / "And remember" / "to send a copy ...": short lines of text run on after a postcode are no
    // part of the block; it ends at its postcode or country, and the text after it ends the blocks. So does a person's
    // own block run on under the first block's postcode without a blank line (the writer's, beside the addressee's).
    const postal = postalPrefix(run);
    if (postal.length < run.length && postal.length > 0 && (out.length > 0 || isPersonBlock(run.slice(postal.length)))) {
      out.push(...postal.map((text) => ({ text, copy: false })), { text: '', copy: false });
      return true;
    }
    if (isBlock(run)) out.push(...run.map((text) => ({ text, copy: false })), { text: '', copy: false });
    // Past the first blocks, anything but a blank line ends them.
    else if (out.length > 0 && (run.length > 0 || line !== '')) return true;
    // Most lines that end a run end an empty one: no new array for it.
    if (run.length > 0) run = [];
    if (line !== '' && line !== STOP) prose = line;
    return false;
  };
  // The sections are read in place, not copied into one array of lines first (a long text has many short sections).
  for (const section of sections) {
    if (!HOMES.has(section.kind)) continue;
    // A "copies to" section (or the embassy the letters go through) holds no official: its blocks are never read as one.
    if (section.kind === 'copies') {
      if (ended(STOP)) return out;
    } else {
      for (const line of section.lines) if (ended(line)) return out;
    }
    if (ended('')) return out;
  }
  ended('');
  return out;
}

/* The small words an address writes in lower case: "Ministry of the Interior", "c/o", "calle de la Paz". */
const ADDRESS_SMALL = /^(?:of|the|and|for|to|on|at|in|c\/o|de|del|la|las|los|le|les|des|du|d'|y|e|et|da|do|dos|das|von|van|der|den|bis|esq\.?|no\.?)$/i;

/**
 * "employed by the government Department of Information, was released from": a line of a sentence wrapped at the
 * page's width, four lower-case words at least beyond an address's small words. No postal line reads so.
 */
function isWrappedProse(line: string): boolean {
  let lower = 0;
  for (const word of line.split(/\s+/)) if (/^\p{Ll}/u.test(word) && !ADDRESS_SMALL.test(word)) lower++;
  return lower >= 4;
}

/** The start of a run up to its first postcode (not a post box's number) or country, and a country below it (empty when none). */
function postalPrefix(run: string[]): string[] {
  for (let end = 3; end <= Math.min(run.length, 12); end++) {
    const last = run[end - 1] ?? '';
    if (!isPostalRun(run.slice(0, end)) || !(POSTCODE_LAST.test(last) || countryOf(last) !== undefined)) continue;
    return run.slice(0, isCountryLine(run[end] ?? '') ? end + 1 : end);
  }
  return [];
}

/* "1) ", "2. ": a numbered list's mark before an item. */
const LIST_NUMBER = /^\d{1,2}[.)]\s+/;

/* A person's name alone on a line: two to four capitalised words. */
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;

/** "Jane Example" / "12 Example Street" / "Exampleton, PA 19130": a person's name alone (no office), then their own address to its postcode. */
function isPersonBlock(lines: string[]): boolean {
  const name = lines[0] ?? '';
  return PERSON_NAME.test(name) && !ROLE.test(name) && lines.slice(2, 5).some((l) => POSTCODE_LAST.test(l));
}

/**
 * "Urge Secretary of State Jane Example to act" over "Jane Example" / "Department of State" / "2201 C Street NW" /
 * "Washington, DC 20520": a block with no office line, whose first line is the person the prose just above names by office.
 */
function isNamedAbove(run: string[], prose: string): boolean {
  // "1) Jane Example": a list's number before the name is no part of it.
  const name = (run[0] ?? '').replace(LIST_NUMBER, '');
  const last = run[run.length - 1] ?? '';
  if (run.length < 3 || run.length > 12 || !PERSON_NAME.test(name) || ROLE.test(name) || !(POSTAL_END.test(last) || countryOf(last) !== undefined)) return false;
  const at = prose.indexOf(name);
  return at > 0 && ROLE.test(prose.slice(Math.max(0, at - 60), at));
}

/** Three to twelve address lines, one an office or a form of address, the last a country or a postcode. */
export function isPostalRun(run: string[]): boolean {
  const last = run[run.length - 1];
  // A numbered list's item that names someone ("3. Ken Example, MP, ...") opens a block as an office does.
  return run.length >= 3 && run.length <= 12 && run.some((l) => ROLE.test(l) || HONORIFIC.test(l) || NUMBERED_NAME.test(l)) && last !== undefined && (countryOf(last) !== undefined || POSTAL_END.test(last));
}

/* "City Manager’s Address Mr. Ana Example, City Manager Example City Government PO Box 3136, Exampleton, NC 27402": a
   labelled address run onto one line, a form of address and a name first. */
const LABELLED_ONE_LINE = new RegExp(String.raw`^(?:[\p{L}’'. ]{2,40}?['’]s\s+)?(?:mailing\s+|postal\s+)?address\s?:?\s+((?:${HONORIFIC.source.replace(/^\^/, '')})\s*[^,]{3,60}),\s+(.{6,200})$`, 'iu');

/**
 * An official's labelled address run onto one line, as its block's lines: the name, the office, the street and the town
 * ("PO Box 3136", "Exampleton, NC 27402"). Only with a form of address before the name: an organisation's own "Mailing
 * Address" (a name without one) is never read as an official.
 */
export function labelledOneLineBlocks(sections: Section[]): TargetLine[] {
  const out: TargetLine[] = [];
  for (const section of sections) {
    if (!HOMES.has(section.kind)) continue;
    for (const line of section.lines) {
      const match = line.length <= 300 ? LABELLED_ONE_LINE.exec(line) : null;
      if (!match?.[1] || !match[2]) continue;
      const street = match[2].search(/\s(?=p\.?\s?o\.?\s?box\b|\d)/i);
      if (street < 0) continue;
      const office = match[2].slice(0, street).trim();
      const [first, ...town] = match[2].slice(street + 1).split(',');
      if (!first || town.length === 0 || !POSTAL_END.test(town.join(','))) continue;
      for (const text of [match[1].trim(), office, first.trim(), town.join(',').trim()]) out.push({ text, copy: false });
      out.push({ text: '', copy: false });
    }
  }
  return out;
}

/**
 * "Minister of Community Safety ... / Toronto ON M7A 1Y6" / "" / "Minister of Public Safety ... / Ottawa ON K1A 0P8" /
 * "" / "Dear Monte Kwinter and Anne McLellan,": when the block above the salutation is a postal block, the postal blocks
 * stacked right above it (one blank line between) are the letter's other addressees, each a block of its own.
 */
export function addStackedPostalBlocks(all: { text: string; section: number }[], keep: Set<number>): number[] {
  const kept = [...keep].sort((a, b) => a - b);
  if (!isPostalRun(kept.map((k) => all[k]?.text ?? ''))) return [];
  let top = kept[0] ?? 0;
  const starts: number[] = [];
  for (let stacked = 0; stacked < 5; stacked++) {
    const section = all[top]?.section;
    if (top < 2 || all[top - 1]?.text !== '') return starts;
    const block: number[] = [];
    for (let j = top - 2; j >= 0 && all[j]?.section === section && block.length <= 12; j--) {
      const text = all[j]?.text ?? '';
      if (text === '' || text.length > 80 || !isAddressLike(text)) break;
      block.unshift(j);
    }
    // The block must start after a blank line (or the text's start): a sentence run into it makes it no block.
    const first = block[0] ?? 0;
    if (!isPostalRun(block.map((k) => all[k]?.text ?? '')) || (first > 0 && all[first - 1]?.text.trim() !== '')) return starts;
    for (const k of block) keep.add(k);
    starts.push(top);
    top = first;
  }
  return starts;
}
