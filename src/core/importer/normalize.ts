// Input checks and clean-up before the importer reads: size, control characters, entities, page
// artefacts, lines.
import { unmaskAtList } from './at-addresses.js';
import { decodeEntities, stripHtml } from './html.js';
import { isSalutation } from './letter.js';
import { stripLinkNotes } from './link-notes.js';
import { refuse, type ImportRefusal } from './types.js';

/** Urgent Actions are a few pages; anything bigger is a mistake and would only cost time. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Refuses what cannot be an Urgent Action before any parsing work is spent on it. */
export function checkInput(text: unknown): ImportRefusal | undefined {
  if (typeof text !== 'string' || text.trim() === '') {
    return refuse('import_empty', 'The text is empty; paste the full text of an Urgent Action.');
  }
  // Counting UTF-16 units first avoids encoding huge strings just to learn they are too big.
  if (text.length > MAX_INPUT_BYTES || Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    return refuse('import_too_large', 'The text is larger than 5 MB, far more than any Urgent Action; paste only the appeal.');
  }
  if (looksBinary(text)) {
    return refuse(
      'import_binary',
      'This looks like a binary file rather than text; paste the text of the Urgent Action (convert a PDF with pdftotext first).',
    );
  }
  return undefined;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > 16 && odd / text.length > 0.1;
}

/* A quoted e-mail whose line ends were lost: "... add your >voice. > >SINCE THERE IS ...", its quote marks left in one line. */
const FLAT_QUOTE = /\s>(?:\s?>)*(?=\s?\S)/g;

/** A long line holding many quote marks is a quoted e-mail run together: " > >" ends a paragraph, " >" a line. */
function unquoteFlatMail(line: string): string[] {
  if (line.length < 300 || (line.match(FLAT_QUOTE) ?? []).length < 8) return [line];
  return line.replace(FLAT_QUOTE, (marks) => ((marks.match(/>/g) ?? []).length > 1 ? '\n\n' : '\n')).split('\n');
}

/* "info[at]example.gov.np", "info (at) example.org": an address written so that harvesters miss it; it is one to members. */
const BRACKETED_AT = /\b([\w.+-]{1,64})\s?[[(]\s?at\s?[\])]\s?([\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-z]{2,24})\b/gi;
/* "prforeign [at] gmail [dot] com", "minister (at) mfa.go (dot) th": the domain's dots written out too, after an "[at]". */
const DOTTED_DOMAIN = /(\b[\w.+-]{1,64}\s?[[(]\s?at\s?[\])]\s?)([\w-]{1,63}(?:(?:\s?[[(]\s?dot\s?[\])]\s?|\.)[\w-]{1,63}){1,8})/gi;
const WRITTEN_DOT = /\s?[[(]\s?dot\s?[\])]\s?/gi;
/* "E-mail: info at example.org": a bare " at " is read only after an e-mail label, where nothing else can stand. */
const LABELLED_AT = /\b(e-?mail\s?:\s?)([\w.+-]{1,64}) at ([\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-z]{2,24})\b/gi;

/**
 * Turns pasted text (pdftotext output, a web page, a chat message) into trimmed lines; blank lines are kept
 * as '' because they separate paragraphs and targets.
 */
export function cleanLines(text: string): string[] {
  return cleanText(text).lines;
}

/** The cleaned lines, and the same lines joined with '\n' (made once, for the readers of the text as a whole). */
export function cleanText(text: string): { lines: string[]; text: string } {
  let t = text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  if (/<\/?(?:p|br|div|li|ul|ol|span|h[1-6]|strong|em|b|i|a|table|tr|td|html|body)\b[^<>]{0,500}>/i.test(t)) {
    t = stripHtml(t);
  } else if (t.includes('&')) {
    // A paste from a page's source without its tags still says "&amp;" and "&nbsp;" for "&" and a space.
    t = decodeEntities(t);
  }
  t = stripControls(t)
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  // "<a@b.org>", "mailto:a@b.org": an e-mail address in a link's or a mail program's wrapping is the address alone.
  // Unwrapped first, so a link's note glued inside the brackets ("<a@b.orgopens> in a new tab") is read as one.
  if (t.includes('@')) t = t.replace(WRAPPED_EMAIL, '$1');
  t = stripLinkNotes(t);
  // Each is tried at every word; a text without its "[at]" or its e-mail label (most texts) is not scanned for it.
  if (/[[(]\s?at\s?[\])]/i.test(t)) {
    if (/[[(]\s?dot\s?[\])]/i.test(t)) t = t.replace(DOTTED_DOMAIN, (_all, user: string, domain: string) => user + domain.replace(WRITTEN_DOT, '.'));
    t = t.replace(BRACKETED_AT, '$1@$2');
  }
  if (/mail\s?:/i.test(t)) t = t.replace(LABELLED_AT, '$1$2@$3');
  const out: string[] = [];
  // While every line comes out as it went in, the lines joined are `t` itself: a long paste is not joined again.
  let unchanged = true;
  const read = (raw: string): void => {
    const line = (raw.includes('  ') ? raw.replace(/ {2,}/g, ' ') : raw).trim();
    const plain = isArtefact(line) ? undefined : plainLabel(unmaskAtList(line));
    unchanged &&= plain === raw;
    if (plain !== undefined) out.push(plain);
  };
  // Only a long line can be a quoted e-mail run together; a short one is read as it is, with no array of its own.
  for (const whole of t.split('\n')) {
    if (whole.length < 300) read(whole);
    else {
      const pieces = unquoteFlatMail(whole);
      unchanged &&= pieces.length === 1;
      for (const piece of pieces) read(piece);
    }
  }
  const lines = unbulletAddressRuns(evenBlankRuns(undoubleSpacing(out)));
  return { lines, text: unchanged && lines === out ? t : lines.join('\n') };
}

/**
 * A page that puts a blank line after every line (no two lines touch) and a wider gap between paragraphs says "next
 * line" with one blank line: each run of blank lines loses one, so an address block reads as one block again.
 */
function undoubleSpacing(lines: string[]): string[] {
  let filled = 0;
  let wider = 0;
  let single = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') {
      // A gap is counted at its last blank line, where the next line starts.
      if (i > 0 && i + 1 < lines.length && lines[i + 1] !== '') {
        if (lines[i - 1] === '') wider++;
        else single++;
      }
      continue;
    }
    filled++;
    if (i + 1 < lines.length && lines[i + 1] !== '') return lines;
  }
  // Without a wider gap anywhere, one blank line is all the page has to part paragraphs too: nothing to tell apart. A
  // short page says so only where most of its gaps are wide (paragraphs), the single ones few (the lines of a block).
  if (wider === 0 || (filled < 10 && wider <= single)) return lines;
  return lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] === ''));
}

/**
 * A page whose every gap is two or more blank lines (a paste that doubled them) says with two what others say with
 * one: each run of blank lines loses as many as the shortest run has beyond one, so a single gap reads as a single gap.
 */
function evenBlankRuns(lines: string[]): string[] {
  let shortest = Infinity;
  let run = 0;
  for (const line of lines) {
    if (line === '') run++;
    else {
      if (run > 0) shortest = Math.min(shortest, run);
      run = 0;
    }
  }
  if (shortest === Infinity || shortest < 2) return lines;
  const out: string[] = [];
  run = 0;
  for (const line of lines) {
    if (line === '') {
      if (++run >= shortest) out.push('');
    } else {
      run = 0;
      out.push(line);
    }
  }
  return out;
}

const WRAPPED_EMAIL = /(?:mailto:|<\s?(?:mailto:)?)([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})(?:\s?>)?/gi;

/*
 * "E-Mail-Adresse:", "Email address:", "Mail: a@b.org" (not "Mail: 1 Main St"): spellings of the e-mail label. "Mail:
 * [email protected]" too: a page that hid the address (Cloudflare) still labelled an e-mail there, never a postal line.
 */
const EMAIL_LABEL = /^(?:e-?mail[- ]?(?:address(?:es)?|adressen?)|mail(?=\s?:\s*(?:\S+@|https?:|\S+$|\[?\s?email\s{0,3}protected\b)))\s?:/i;
/* "Fax no. +44 ...", "Tel. number: ...": the word for "number" after a phone or fax label. */
const NUMBER_LABEL = /^(fax|tel\.?|telephone|phone|telefon)\s?(?:no|nr|number|n°|num[eé]ro|nummer)\.?\s?:?\s+(?=[(+]?\d)/i;
/* "Salutation - Dear Minister": a dash for the label's colon. */
const DASHED_LABEL = /^(salutation|saludo|tratamiento|anrede|e-?mail|fax)\s*[-–—]\s+(?=\S)/i;

/*
 * How those labels can start ("e-mail", "mail", "fax", "tel", "phone", "salutation", "tratamiento", "anrede"): most lines
 * are ruled out by their first two letters ("TAKE ACTION" no longer runs all three). Made once, not for every line.
 */
const LABEL_START = /^(?:e|ma|fa|te|ph|sa|tr|an)/i;

/** A contact label spelled another way at a line's start reads as its usual spelling, for every reader after this one. */
function plainLabel(line: string): string {
  if (!LABEL_START.test(line)) return line;
  return line.replace(EMAIL_LABEL, 'E-mail:').replace(NUMBER_LABEL, '$1: ').replace(DASHED_LABEL, '$1: ');
}

const BULLET = /^[-*•·▪–]\s+/;
const LIST_NUMBER = /^\d{1,2}[.)]\s+/;
/* A pre-written e-mail's header labels: "An:", "To:", "Cc:", "CCN:", "Betreff:", "Assunto:", "Endereço:", "Target email addresses:". */
const MAIL_HEADER = /^(?:to|an|a|à|para|aan|cc|bcc|ccn|cci|kopie|copia|subject|betreff|oggetto|assunto|asunto|objet|onderwerp|endere[cç]o|(?:target |cc |bcc )?e-?mail[- ]?(?:address(?:es)?|adressen?))\s?:/i;

/**
 * A marked line that is no list's item: a letter's greeting ("Egregio Presidente Example,"), an e-mail's header line, or
 * a caption (a line that is no sentence, ending with a colon) or a contact line whose block goes on to contact details.
 */
function isMarkedHead(line: string, leadsToContact: () => boolean): boolean {
  if (line.length > 160) return false;
  if (/[,:]$/.test(line) && isSalutation(line)) return true;
  if (MAIL_HEADER.test(line)) return true;
  return (/:$/.test(line) || CONTACT.test(line)) && !isSentence(line) && leadsToContact();
}
const GREETING = /^(?:dear|sehr geehrte|estimad[oa]|se[ñn]or|monsieur|madame|excelenc|exzellenz|your excellency)/i;
/* A contact line: an e-mail address, or a contact label and its colon ("Fax:", "E-mail :", "Salutation:"). */
const CONTACT = /@|^(?:e-?mails?|mail|fax|tel\.?|telefon|t[ée]l[ée]?phone|phone|tel[ée]fono|correo(?:-e)?|courriel|salutation|saludo|anrede|twitter|facebook)\b[^:]{0,20}:/i;

/* "...; T: 202 555 0100, E:": a contact label inside a line, after the address it runs on from. */
const INLINE_CONTACT = /[;,]\s+(?:t|tel|f|fax|e|e-?mail|phone)\s?:/i;

/* A line's last word an abbreviation of an address: "S.E.", "N.W.", "Jr.", "St.", "Ave.". */
const ABBREVIATION_END = /(?:\b(?:\p{Lu}\.){1,3}|\b(?:St|Ave|Rd|Blvd|Dr|Jr|Sr|Str|Pl|Av)\.)$/u;

/** A bulleted line that reads as a sentence or an instruction ("• Calling for his release.") rather than an address line. */
function isSentence(text: string): boolean {
  const words = text.split(' ');
  const contact = CONTACT.test(text);
  // A long line is a sentence when it ends like one or its words are mostly lower-case; a long line of capitalised words
  // is an address run on one line ("Pasteur St., Vali Asr Ave., Tehran 1316814737, Iran") or two columns side by side.
  // A long line with contact labels ("• Example Embassy, Jane Example, 1 Example St; T: ..., E:") keeps its bullet: a
  // list of one-line contacts is read by its bullets.
  if (words.length >= 12) return contact || INLINE_CONTACT.test(text) || /[.!?]$/.test(text) || words.filter((w) => /^\p{Ll}/u.test(w)).length * 2 >= words.length;
  // "Ms Jane Example: jane@example.org (Minister)." is a contact line, its full stop notwithstanding; so is a street
  // whose last word is an abbreviation ("2 Example King, Jr. Drive, S.E."), none of its words in lower case.
  if (/[.!?]$/.test(text) && words.length >= 5) return !contact && !(ABBREVIATION_END.test(text) && !words.some((w) => /^\p{Ll}/u.test(w)));
  // "calling for his release" is a point to raise; "c/o State Capitol" is an address line.
  return /^\p{Ll}{3,}\s/u.test(text) && !contact;
}

/**
 * "- Minister of Justice" / "- Ministry of Justice" / "- Email: a@b.org": a page that lists an official's block as bullets
 * says the same as one without them. A bulleted line that is no sentence loses its bullet when it is a contact line or
 * its block goes on to one (through single blank lines, as double-spaced pages write blocks, and lines that are no
 * sentence). Bullets of instructions and of the points to raise stay.
 */
function unbulletAddressRuns(lines: string[]): string[] {
  const bare = (line: string): string => line.replace(BULLET, '');
  const leadsToContact = (from: number): boolean => {
    for (let j = from, blanks = 0; j < lines.length && j < from + 16; j++) {
      const line = bare(lines[j] ?? '');
      if (line === '') {
        if (++blanks > 2) return false;
        continue;
      }
      blanks = 0;
      if (CONTACT.test(line)) return true;
      // "Due to postal restrictions, please only send mail to the Embassy" between the block's lines and its contact lines,
      // written without a bullet: a note inside the block, which goes on below it.
      const note = j > from && blanks === 0 && (lines[j - 1] ?? '') !== '' && !BULLET.test(lines[j] ?? '') && CONTACT.test(lines[j + 1] ?? '');
      if (isSentence(line) && !note) return false;
    }
    return false;
  };
  // A postal block has no contact line: two or more short lines in a row (single blank lines between), bulleted or
  // not, one with a number (a street, a postcode) or a letter's greeting right below, are its lines too.
  const postalRun = (from: number): boolean => {
    let count = 0;
    let numbered = false;
    for (let j = from, blanks = 0; j < lines.length && j < from + 16; j++) {
      const line = lines[j] ?? '';
      if (line === '') {
        blanks++;
        continue;
      }
      // The greeting of a letter below the run (a letter's date may leave a few blank lines): the letter's address block.
      // The run's own first line is no greeting below it unless it ends as one ("Señor Presidente Example" opens a block).
      if (GREETING.test(bare(line)) && (j > from || /[,:]\s*$/.test(line))) return count >= 2;
      if (blanks > 1) break;
      blanks = 0;
      // The run's first line may be longer: a name with its office, or two columns' first lines side by side.
      if (bare(line).length > (j === from ? 120 : 70) || isSentence(bare(line))) break;
      count++;
      numbered ||= /\d/.test(line);
    }
    return count >= 2 && numbered;
  };
  // Copied only at the first bullet to drop: most pages have none, and a long paste need not be copied for nothing.
  let out = lines;
  let inRun = false;
  // "1) Minister of Justice, Jane Example:" / "" / "a@b.org": a list whose every item is a caption or a contact line numbers
  // nothing a block needs; where some item is a name or a sentence ("2. Lic. Jane Example, Fiscal General"), each number
  // opens its official's block and stays.
  const numbered = lines.flatMap((line, i) => (LIST_NUMBER.test(line) ? [i] : []));
  const plainList = numbered.length > 0 && numbered.every((i) => isMarkedHead((lines[i] ?? '').replace(LIST_NUMBER, ''), () => leadsToContact(i)));
  lines.forEach((line, i) => {
    // "- Egregio Presidente Example," / "- An: Minister Jane Example": a letter's greeting, an e-mail's header line, a
    // caption over contact lines are no list's items; their marks say nothing.
    const marked = BULLET.exec(line) ?? (plainList ? LIST_NUMBER.exec(line) : null);
    if (marked && isMarkedHead(line.slice(marked[0].length), () => leadsToContact(i))) {
      if (out === lines) out = [...lines];
      out[i] = line.slice(marked[0].length);
      return;
    }
    if (!BULLET.test(line) || isSentence(bare(line))) {
      if (line !== '') inRun = false;
      return;
    }
    inRun ||= postalRun(i);
    if (!inRun && !leadsToContact(i)) return;
    if (out === lines) out = [...lines];
    out[i] = bare(line);
  });
  return out;
}

/** Control and zero-width characters carry nothing a reader sees; tabs and newlines are kept. */
function stripControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const invisible = (c < 32 && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xfffd;
    if (invisible) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

const ARTEFACT_START = /^[\dpPnN[-]/;

/** pdftotext leaves page numbers and drafting notes on their own lines; they are never content. */
function isArtefact(line: string): boolean {
  // Each artefact opens with a digit, "p", "-", "[" or "n": most lines are ruled out by their first letter.
  if (!ARTEFACT_START.test(line)) return false;
  if (/^\d{1,3}$/.test(line)) return true;
  if (/^(?:page|página|p\.)\s*\d{1,3}(?:\s*(?:of|de|sur|\/)\s*\d{1,3})?$/i.test(line)) return true;
  if (/^-\s*\d{1,3}\s*-$/.test(line)) return true;
  if (/^\[[^\]]{1,80}\]$/.test(line) && !/email\s*protected/i.test(line)) return true;
  // The old UA template's empty "copies to" form.
  return /^name\s+address 1\s+address 2/i.test(line);
}
