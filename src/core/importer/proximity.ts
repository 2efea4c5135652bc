// Finds an official's lines by proximity when the text has no labels.
import { ATTENTION } from './prose-owners.js';
import { findEmails, HIDDEN_EMAIL, isMailHeader, isNumberLine, ORGANISER_EMAIL, ORGANISER_LINE, splitLabels } from './contacts.js';
import { isCountryLine } from './countries.js';
import { isDateLine } from './dates.js';
import { isClosing, isSalutation, type FoundLetter } from './letter.js';
import type { Section } from './sections.js';
import { isBuildingLine, isBuildingPartLine, isHeadlineLine, isPersonBullet, PAGE_CHROME } from './name-gate.js';
import { opensOfficial, ORGANISATION, ROLE } from './offices.js';
import { headingCase, isCapitalsName, isCountryAlone, isOfficeCaption } from './heading-lines.js';
import { addStackedPostalBlocks, HOMES, isAddressLike, NUMBERED_NAME, POSTCODE_LAST } from './postal-blocks.js';
import type { TargetLine } from './targets.js';
import { isCapitalsLine } from './title.js';

/*
 * Texts without a contact-details heading still show whom to write to: a name and an address just above
 * "Fax:", "Email:" or "Twitter:" lines, or just above the letter's salutation. These readers find those
 * lines by proximity instead of by heading.
 */

type Numbered = { text: string; section: number; line: number };

/* "BY FAX:", "By e-mail:", "VIA FAX:": how to send, over the addressee's block. */
const HEADING_FIELD = /^(?:by|via|per)\s+(?:fax|e-?mail|post|mail|courier)\b/i;

/** A line of an address block below its heading field: short, no sentence, no field of its own. */
function isBlockLine(text: string): boolean {
  return text !== '' && text.length <= 80 && isAddressLike(text) && !isContactField(text);
}

/** A contact field that can anchor an official's block: a salutation line alone ("Anrede: G") names no one. */
function isAnchor(text: string): boolean {
  return isContactField(text) && !(findEmails(text).length === 0 && splitLabels(text).fields.every((f) => f.kind === 'salutation' || f.kind === 'web'));
}

function isContactField(text: string): boolean {
  // "Please contact the TCADP Office ... if you have questions": the organisers' contact, not an official's.
  if (ORGANISER_LINE.test(text.slice(0, 400)) || isMailHeader(text)) return false;
  const emails = findEmails(text);
  if (emails.some((e) => !ORGANISER_EMAIL.test(e)) || HIDDEN_EMAIL.test(text)) return true;
  if (emails.length > 0) return false;
  return splitLabels(text).fields.some((f) => f.kind !== 'web');
}

/** Model-letter pages show a handful of letters; past this many salutations the rest is not read for officials. */
const MAX_LETTERS = 30;
/** No official's block (name, titles, address, fields) is longer than this. */
const MAX_BLOCK = 20;
/** How many lines after a salutation are searched for the name a caption line gives. */
const LETTER_WINDOW = 200;

/**
 * Lines around contact fields: upward over the name and address (blank lines allowed, instructions skipped),
 * downward over further fields. When the text has no contact field at all, the address block just above the
 * letter's salutation. Returns target lines in text order, '' between separate groups.
 */
export function proximityTargetLines(sections: Section[], letter: FoundLetter | undefined): TargetLine[] {
  // Numbered up to the letter's first line: the lines below it are read only for a page of model letters.
  const all: Numbered[] = [];
  const letterAt = numberLines(sections, all, { section: 0, line: 0 }, letter);
  const limit = letterAt >= 0 ? letterAt : all.length;
  const keep = new Set<number>();
  // Lines that open a block of their own although only blank lines part it from the block above.
  const splits = new Set<number>();
  // Only the lines above the letter are read: no array over the whole text when the letter comes early.
  const anchors: number[] = [];
  for (let i = 0; i < limit; i++) if ((all[i]?.text ?? '') !== '' && isAnchor(all[i]?.text ?? '')) anchors.push(i);
  for (const anchor of anchors) {
    if (isSenderBlock(all, anchor, limit)) continue;
    const before = keep.size;
    keep.add(anchor);
    // "BY FAX: 1-202-..." / "The Honorable" / "President George W. Bush": a field that heads its block says how to send
    // to the lines below it; the page's text above it is no part of the block.
    const heads = HEADING_FIELD.test(all[anchor]?.text ?? '');
    if (!heads) climb(all, anchor - 1, keep);
    let next = anchor + 1;
    if (heads || keep.size === before + 1) {
      for (; next < limit && next - anchor <= MAX_BLOCK && isBlockLine(all[next]?.text ?? ''); next++) keep.add(next);
    }
    for (let i = next; i < limit && (all[i]?.text === '' || isContactField(all[i]?.text ?? '') || isNumberLine(all[i]?.text ?? '')); i++) keep.add(i);
  }
  // Among blocks with contact fields, an official given by post only: a block ending with its country, below the first one.
  if (anchors.length > 0) {
    // The letter's own heading repeats an official already read ("Raúl Castro Ruz" over "Dear President Castro,"): not a second one.
    const seen = new Set([...keep].map((k) => all[k]?.text ?? ''));
    let added = 0;
    for (let i = (anchors[0] ?? 0) + 1; i < limit && added < MAX_LETTERS; i++) {
      const text = all[i]?.text ?? '';
      if (keep.has(i) || text === '' || !isCountryLine(text)) continue;
      const block = new Set<number>([i]);
      climb(all, i - 1, block);
      const repeats = [...block].some((k) => (all[k]?.text ?? '').length >= 12 && seen.has(all[k]?.text ?? ''));
      if (block.size < 4 || repeats || ![...block].some((k) => ROLE.test(all[k]?.text ?? ''))) continue;
      for (const k of block) {
        keep.add(k);
        seen.add(all[k]?.text ?? '');
      }
      added++;
    }
  }
  // Without contact fields, only the lines touching the salutation: a blank line above them ends the block.
  if (anchors.length === 0 && letterAt > 0 && !READER_GREETING.test(letter?.salutation ?? '')) {
    const below = all[letterAt];
    if (below) numberLines(sections, all, { section: below.section, line: below.line + 1 });
    climb(all, letterAt - 1, keep, 0);
    if (isCaptionOfLetter(all, keep, letterAt)) {
      const [caption] = keep;
      keep.clear();
      // "Bashar Ja'afari / ... / USA" / "" / "Salaheddin al-Tabbaa" / "" / "Exzellenz,": the block above the caption.
      const above = new Set<number>();
      climb(all, (caption ?? 0) - 1, above, 0);
      if (above.size >= 3) for (const k of above) keep.add(k);
    }
    for (const start of addStackedPostalBlocks(all, keep)) splits.add(start);
    // A page of model letters: each official's block sits above their own letter's salutation (a page has a few).
    let letters = 0;
    for (let i = letterAt + 1; i < all.length && letters < MAX_LETTERS; i++) {
      const text = all[i]?.text ?? '';
      if (text === '' || !isSalutation(text)) continue;
      letters++;
      let block = new Set<number>();
      climb(all, i - 1, block, 0);
      if (isCaptionOfLetter(all, block, i)) {
        const [caption] = block;
        block = new Set<number>();
        climb(all, (caption ?? 0) - 1, block, 0);
        if (block.size < 3) block.clear();
      }
      if (block.size >= 2) for (const k of block) keep.add(k);
    }
  }
  const out: TargetLine[] = [];
  let previous = -2;
  // Contact lines that open a group below text read as no block ("To contact us, call:" / "E-mail: ..."): whose they are
  // is unsure, and the official above them is not the only guess, so they are left off.
  let unowned = false;
  for (const i of [...keep].sort((a, b) => a - b)) {
    const text = headingCase(all[i]?.text ?? '');
    if (text === '') continue;
    const gap = previous >= 0 && i - previous > 1 && hasGap(all, previous, i);
    if (gap || (previous >= 0 && i - previous > 1 && splits.has(i))) {
      unowned = gap && isContactLine(text) && !onlyNotesBetween(all, previous, i);
      if (!unowned) out.push({ text: '', copy: false });
    } else if (unowned && !isContactLine(text)) {
      unowned = false;
      out.push({ text: '', copy: false });
    }
    previous = i;
    if (unowned) continue;
    // Under a "copies to" heading a block stays a copy: an embassy is never the official the letter is for.
    out.push({ text: isOfficeCaption(text) ? text.replace(/\s*:$/, '') : text, copy: sections[all[i]?.section ?? 0]?.kind === 'copies' });
  }
  return out;
}

/*
 * "Due to postal restrictions, please only send mail to the Embassy": a note on the block above, which the block's
 * reader passes over; one that ends with a colon ("To contact us, please call:") introduces the lines below it instead.
 */
const BLOCK_NOTE = /^(?:please\b|due to\b)/i;

/** Between two kept lines stand only notes on the block above (and blank lines). */
function onlyNotesBetween(all: Numbered[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) {
    const text = all[i]?.text.trim() ?? '';
    if (text !== '' && (!BLOCK_NOTE.test(text) || text.endsWith(':'))) return false;
  }
  return true;
}

/** A line of contact details and nothing else: no name or address beside them ("Fax: ...", "a@b.org or c@b.org"). */
function isContactLine(text: string): boolean {
  if (isNumberLine(text)) return true;
  if (!isContactField(text)) return false;
  const free = splitLabels(text).text;
  return /^[\s,;.:|/-]*(?:(?:or|and|oder|ou|o|y|et)[\s,;.:|/-]*)?$/i.test(findEmails(free).reduce((rest, email) => rest.replace(email, ''), free));
}

/**
 * Numbers the lines of the sections that can hold a block, from `from` on, into `all`; with `letter`, stops at the
 * letter's first line and returns where it is in `all` (-1, every line numbered, when it is not among them).
 */
function numberLines(sections: Section[], all: Numbered[], from: { section: number; line: number }, letter?: FoundLetter): number {
  for (let s = from.section; s < sections.length; s++) {
    const section = sections[s];
    if (!section || !HOMES.has(section.kind)) continue;
    for (let line = s === from.section ? from.line : 0; line < section.lines.length; line++) {
      all.push({ text: section.lines[line] ?? '', section: s, line });
      if (letter && s === letter.section && line === letter.start) return all.length - 1;
    }
  }
  return -1;
}

/*
 * "Dear Amnesty International supporter,", "Dear friends,", "Dear All", "Dear colleagues and friends": a letter to the
 * reader, above which no official stands (a mail's sender block may).
 */
const READER_GREETING = /^dear\s+(?:all|everyone|everybody|(?:[\p{L}' ]{0,40}\s)?(?:supporters?|friends?|campaigners?|colleagues?))\b/iu;

/** How many lines below an anchor's contact fields are looked at for a greeting to the reader. */
const SENDER_WINDOW = 4;

/**
 * "John Example" / "Example Group" / "1 Example Street" / "Fax ..." / "" / "Dear All": a block right above a greeting to
 * the readers is the sender's own, at the head of their mail, never whom to write to.
 */
function isSenderBlock(all: Numbered[], anchor: number, limit: number): boolean {
  let seen = 0;
  for (let i = anchor + 1; i < limit && seen < SENDER_WINDOW; i++) {
    const text = all[i]?.text.trim() ?? '';
    if (text === '') continue;
    if (READER_GREETING.test(text)) return true;
    seen++;
  }
  return false;
}

/**
 * A lone name line above the salutation that the letter itself speaks of ("Zhang Zhan", then "Madame la
 * directrice, ... pour Zhang Zhan") captions the person the appeal is for; a letter never names its addressee so.
 */
function isCaptionOfLetter(all: Numbered[], keep: Set<number>, letterAt: number): boolean {
  const [only] = keep;
  if (keep.size !== 1 || only === undefined) return false;
  const name = all[only]?.text.trim() ?? '';
  if (/[\d,]/.test(name)) return false;
  // The letter names its person within its own lines: a window, so a page of many letters stays linear.
  const letter = all.slice(letterAt + 1, letterAt + 1 + LETTER_WINDOW).map((l) => l.text).join(' ');
  if (name.length > 0 && letter.includes(name)) return true;
  // "Billy Joe Example" over a letter that speaks of "Billy Example": the first and last names together are the person.
  const words = name.split(' ');
  return words.length >= 3 && words.length <= 5 && letter.includes(`${words[0]} ${words[words.length - 1]}`);
}

/* "copie : ...", "cc: ...", "Copy to: ...": the writer's copy noted on its own line. */
const COPY_LINE = /^(?:(?:copies?|copie|copia|cc|c\.c\.|kopie)\s*(?:to|à|a|an|para)?\s*:\s*\S|c\.\s?c\.\s+\p{Lu})/iu;
/* "Ref: Concern for ...", "Re: ...", "Betreff: ...": the letter's subject line, between its addressee and its greeting. */
const REFERENCE_LINE = /^(?:ref(?:erence)?|re|subject|betreff|objet|asunto|oggetto|assunto|onderwerp)\s?[.:]\s*\S/i;
/* "A Préfecture ...", "À la Ministre ...", "To the Ministry ...", "An das Ministerium ...": whom the letter goes to. */
const ADDRESSEE_OPENER = /^(?:[àÀaA]|[tT]o|[aA]n|[aA]l|[aA]o)\s+(?:la\s+|le\s+|l['’]|the\s+|das\s+|den\s+|die\s+)?\p{Lu}/u;

/** Walks up from `from` over address lines and blank lines; stops at a heading, a sentence or the text's start. */
function climb(all: Numbered[], from: number, keep: Set<number>, maxBlanks = 3): void {
  let blanks = 0;
  // A block whose top line is a building ("The Palais des Nations") has its official above it: a double-spaced block
  // goes on over single blank lines, so the building is never taken for the official.
  let spaced = false;
  let top = -1;
  // The lines this climb kept: a copy line above them makes them the copy's, and they are let go.
  const added: number[] = [];
  const section = all[from]?.section;
  for (let i = from; i >= 0; i--) {
    // A heading closes the block above it: "UA: Second 85.23" over "PLEASE TAKE ACTION ..." is no address.
    if (all[i]?.section !== section) return;
    const text = all[i]?.text ?? '';
    if (text === '') {
      // A double-spaced address ("Rt. Hon Sajid Javid MP," / "" / "Home Secretary,"): a line ending in a comma goes on below it.
      // So does a block whose top line is its country ("REPUBLIC OF THE UNION OF EXAMPLIA"): an address ends so, it never opens.
      if (blanks === 0 && top >= 0 && (isBuildingLine(all[top]?.text ?? '') || isBuildingPartLine(all[top]?.text ?? '') || isCountryAlone(all[top]?.text ?? ''))) spaced = true;
      const spacedOn = spaced && blanks === 0 && isAddressLike(all[i - 1]?.text ?? '');
      if (keep.size > 0 && ++blanks > maxBlanks && !spacedOn && !(blanks === 1 && /,$/.test(all[i - 1]?.text ?? '') && isAddressLike(all[i - 1]?.text ?? ''))) return;
      continue;
    }
    blanks = 0;
    // The closing of the letter above ("Vriendelijke groet,") ends its block: the address below is the next letter's.
    if (isClosing(text)) return;
    // A letter's date line ("Im November 2025", "Apeldoorn, April 2020.") sits between the address and the salutation.
    if (isDateLine(text)) {
      if (keep.size > 0) return;
      continue;
    }
    // "SENATOR JANE EXAMPLE" over "331 Example Office Building": an office and a name in capitals open the block below them.
    if (keep.size > 0 && !keep.has(i) && isCapitalsName(text)) {
      keep.add(i);
      return;
    }
    // "URGENT APPEAL: Teacher Held ...": the sheet's heading closes the block below it; it is never the block's name.
    if (keep.has(i) || isHeadlineLine(text) || (isCapitalsLine(text) && !isCountryLine(text) && !isInitialsInBlock(all, i)) || from - i > MAX_BLOCK || isNumberLine(text)) return;
    // Above a letter's block, "Canberra ACT 2600" over lines already kept that end with their own postcode: the end of
    // the block above; two postal blocks are never read as one official's (a block repeated right above itself is one),
    // unless the line below the postcode opens the next official, which the block reader splits at.
    const nextOpens = opensOfficial(all[i + 1]?.text ?? '');
    if (maxBlanks === 0 && !nextOpens && POSTCODE_LAST.test(text) && [...keep].some((k) => k > i && POSTCODE_LAST.test(all[k]?.text ?? '')) && !repeatsKept(all, keep, i)) return;
    if (BLOCK_NOTE.test(text)) continue;
    // "copie : comité de soutien" or "C.C. Minister ..." / "And the Congress." between the address and the greeting: a copy
    // and the lines under it are no lines of the addressee's block, which is above it (beyond the letter's subject line).
    if (COPY_LINE.test(text) || (REFERENCE_LINE.test(text) && added.length === 0)) {
      for (const k of added.splice(0)) keep.delete(k);
      blanks = 0;
      top = -1;
      continue;
    }
    // A web form's boilerplate ("Details provided here will never be used ...") ends the block: nothing above it is its.
    if (PAGE_CHROME.test(text)) return;
    // "2.  Lic. Felix Garrid Safie, Fiscal General ...": a numbered item with a name opens its block, as a bullet does.
    if (NUMBERED_NAME.test(text) && text.length <= 200) {
      keep.add(i);
      return;
    }
    // "Minister of Justice, Jane Example:" / "" / "jane@example.gov": a caption naming an office (and its holder), ended by
    // a colon, opens the block of the contact lines under it; without it those lines would have no owner of their own.
    if (keep.size > 0 && isOfficeCaption(text)) {
      keep.add(i);
      return;
    }
    // "· Mr. Aron Example, President of ..." / "· Mr. Jane Example, Minister of ..." / "Fax: ...": an item of a list of
    // officials opens its block, and the items right above it without contact details of their own are officials too.
    if (isPersonBullet(text)) {
      keep.add(i);
      for (let j = i - 1; j >= 0 && all[j]?.section === section && isPersonBullet(all[j]?.text ?? ''); j--) keep.add(j);
      return;
    }
    // "[Please do write a more personal letter ...]": an editor's note in brackets is no address line.
    // "Jane Example President of ... Street 23, Town Online form: https://..." : a one-line block is read without the form run on after it.
    if (!isAddressLike(text.length > 130 ? splitLabels(text).text : text) || /^\[.*\]$/.test(text)) return;
    keep.add(i);
    added.push(i);
    top = i;
    // "A Préfecture de la région ...", "To the Ministry of ...": the line that names the addressee opens the block; the
    // writer's own name above it is no part of it.
    if (ADDRESSEE_OPENER.test(text) && (ROLE.test(text) || ORGANISATION.test(text) || /\d/.test(text))) return;
    // A bullet naming the addressee ("• To Head of the Judiciary: ...") opens the block; "-z.Hd. Minister X-" does not.
    if (/^[•·▪*–-]/.test(text) && !ATTENTION.test(text)) return;
  }
}

/* "NSW NPWS", "DG ECHO": an office's initials, one word at least without a vowel; no heading ("TAKE ACTION") is so written. */
const INITIALS = /^(?=.*\b[B-DF-HJ-NP-TV-Z]{2,6}\b)[A-Z]{2,6}(?:\s+[A-Z]{2,6}){0,2}$/;

/** An office's initials between two lines of a block (none blank): a line of it, not a heading over it. */
function isInitialsInBlock(all: Numbered[], i: number): boolean {
  return INITIALS.test(all[i]?.text ?? '') && (all[i - 1]?.text ?? '') !== '' && (all[i + 1]?.text ?? '') !== '';
}

/** The lines ending at `end` are the kept lines word for word: a page that printed the same block twice in a row. */
function repeatsKept(all: Numbered[], keep: Set<number>, end: number): boolean {
  const kept = [...keep].filter((k) => k > end).sort((a, b) => a - b);
  return kept.every((k, n) => all[end - kept.length + 1 + n]?.text === all[k]?.text);
}

/** Two kept lines belong to different groups when something other than blank lines sits between them. */
function hasGap(all: Numbered[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if ((all[i]?.text ?? '') !== '') return true;
  return false;
}
