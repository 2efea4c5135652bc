// The officials to write to: names, titles, addresses and contacts grouped into targets, copies
// apart.
import type { AppealInput } from '../appeal.js';
import { type Block, isCaption, isOfficeAlone, toTarget } from './block-target.js';
import { isMailHeader, isNumberLine, OLD_CHANNEL, ORGANISER_LINE, splitLabels } from './contacts.js';
import { endsAddress } from './countries.js';
import { isDateLine } from './dates.js';
import { looseContacts } from './loose-contacts.js';
import { opensOfficial, ORGANISATION, ROLE } from './offices.js';
import { opensNextBlock, opensNextOneLineBlock } from './next-official.js';
import { splitOneLineBlock } from './one-line-blocks.js';
import { CONJUNCTION, isNoNameLine, isPersonBullet, isPlausibleName, NUMBERED, opensWithHonorific, PAGE_CHROME, POSSESSIVE } from './name-gate.js';
import { isClosing } from './letter.js';
import { splitSharedBlock } from './shared-block.js';
import { collapseDoubleSpacing } from './double-spacing.js';
import { dropUnownedAfterList, joinInstitutions } from './prose-owners.js';
import type { ParsedTarget, TargetLine, Warn } from './types.js';

type TargetInput = AppealInput['targets'][number];
export type { TargetLine } from './types.js';


/** An official as read, with the lines each of its values came from. */
export type { ParsedTarget } from './types.js';

/** Instructions that sit among contact details but describe no one. */
const INSTRUCTION = /diplomati[cq]|diplom[aá]tic|insert local|check with your section|your country|your own language|su pa[ií]s|votre pays|report your action|click here|write a letter|use the sample letter|escrib[ae] una carta|[ée]crivez une lettre|haga clic|cliquez|\bplease\b|due to postal|your own words|sample below|redacta tu propio|carta modelo|llamamiento|mod[eè]le de lettre/i;
const LEAD_IN = /^(?:please\s+)?(?:write|send (?:your )?(?:appeals|letters?|emails?))\s+to\s+|^(?:escriba|escriban|env[ií]en? (?:sus )?(?:llamamientos|cartas))\s+a(?:l)?\s+|^(?:[ée]crivez|envoyez (?:vos )?(?:appels|lettres))\s+(?:à|au|a)\s+/i;

const MAX_CONTACT_LINES = 600;

/* "202-647-6376", "+44 20 7946 0000": a phone number, whose last digits are no postcode. */
const PHONE_RUN = /\+\s?\d|\b\d{2,4}[-.\s]\d{3}[-.\s]\d{3,4}\b/;

/*
 * A page's buttons between its request and the addressee: "Pobierz wzór listu w wersji PDF" (download the model letter as
 * a PDF), "Podpisz online" (sign online), "Download the sample letter (PDF)", "Sign online". A caption names no one.
 */
const BUTTON_CAPTION = /^(?:pobierz|download)\b.{0,60}?(?:\bpdf\b|\blist(?:u|y)?\b|\bletters?\b|\bwz[óo]r\b)|^(?:podpisz|sign|signera|signer|firma|unterschreiben)\s+(?:online|on-line|petycj[eę]|the petition)$/iu;

/* "please only send physical mail to the Embassy", "send postal mail only to the embassy": the post goes to someone else's address. */
const MAIL_ELSEWHERE = /\b(?:only send|send only)\s+(?:(?:physical|postal|paper)\s+)?(?:mail|letters?|post)\s+(?:only\s+)?to\s+the\s+(?:embassy|consulate|mission)\b|\bsend\s+(?:(?:physical|postal|paper)\s+)?(?:mail|letters?)\s+only\s+to\s+the\s+(?:embassy|consulate|mission)\b/i;

/* "•  To Head of the Judiciary: Ayatollah ...": a bullet that names whom to write to. */

const BULLET_TO = /^[•·▪*–-]\s*to\s[^:]{1,60}:\s*/i;
const BULLET_MARK = /^[•·▪*]\s*/;

/* The organisers' own name heading a block: "Amnesty International", "Amnistía Internacional", "AI USA". */
const ORGANISER_NAME = /^(?:amnesty|amnist[ií]a|amnistie|anistia)\b/i;
/* "Your Governor", "Your MP", "Tu diputado": whoever the member's own representative is, not a named official. */
const PLACEHOLDER_NAME = /^(?:your|tu|su|votre|ihr(?:e|en)?)\s+\p{L}+(?:\s+\p{L}+)?$/iu;

/* "To:[Ambassador's Name][Address][Phone and Fax numbers]": a template's blanks for the reader to fill in, no one's name. */
const BRACKETED_BLANKS = /^(?:[^:[\]]{1,20}:\s*)?(?:\[[^\]]{2,60}\]\s*)+$/;

/* An address line with a date after it: "SCHWEIZ Im September 2020". */
const DATED_TAIL = /^(.*\S)\s+((?:im|in|am|le|el|en|on|den)\s+\p{L}+\.?\s+\d{4})\.?$/iu;

/* Where a blog post's contact details end and the page's own links begin. */
const PAGE_END = /^(?:related (?:stories|posts|articles)|read more|see also|share(?: this)?|tags|labels|comments?|leave a (?:comment|reply)|post a comment|lesen sie auch|weitere artikel|articles? li[ée]s?)\s?:?$/i;

/** "contact information:", ".", "COntact Information:": a label or stray mark, never an official. */
function isLabelOnly(line: string): boolean {
  return /^[\p{L} '’/-]{3,40}:$/u.test(line) || !/[\p{L}\d@]/u.test(line) || SHARE_BUTTON.test(line);
}

/* A page's share buttons ("Twitter", "Facebook", "Partager") left on a line of their own: no one's name. */
const SHARE_BUTTON = /^(?:twitter|x|facebook|instagram|linkedin|whatsapp|telegram|bluesky|threads|mastodon|e-?mail|share|partager|teilen|compartir|imprimer|print|drucken)$/i;

/** After the details, a closing sentence ("Grazie di cuore ...") or a capitalised heading ("URGENT ACTION APPEAL") starts the rest of the page. */
function isPageText(line: string): boolean {
  const words = line.split(' ').length;
  return (/[.!?]$/.test(line) && words >= 8) || (words >= 3 && !/\d/.test(line) && line === line.toUpperCase() && /\p{Lu}{3}/u.test(line) && !isCaption(line));
}

/** A short line of words with no office, organisation, form of address or contact, right above a sentence: a heading. */
function isHeadingOverProse(line: string, next: string): boolean {
  if (!isProse(next) || /[\d@:,]/.test(line) || line.split(' ').length > 6) return false;
  return !ROLE.test(line) && !ORGANISATION.test(line) && !opensOfficial(line);
}

/** A sentence of the story or an instruction, not an address line. */
function isProse(line: string): boolean {
  if (line.length > 150 || (line.length > 80 && /[.!?]$/.test(line) && line.split(' ').length > 12)) return true;
  // A sentence that ends inside the line ("... no está disponible. Página de correo-E.: http://...").
  return line.split(' ').length >= 10 && /\p{Ll}{4,}[.!?]\s+\p{Lu}/u.test(line);
}

/* Instructions and bullets above the details do not count when telling double spacing: only lines that can describe an official. */
const describesOfficial = (text: string): boolean => !(/^[•·▪*–-]\s?/.test(text) || INSTRUCTION.test(text) || isLabelOnly(text));

/** Reads officials from contact-detail lines: one per block, blocks split by blank lines or by a new name after contact fields. */
export function parseTargets(lines: TargetLine[], warn: Warn): TargetInput[] {
  return parseTargetsWithOrigins(lines, warn).map((p) => p.target);
}

/** As `parseTargets`, keeping for each official the lines its name, address and contact details came from. */
export function parseTargetsWithOrigins(lines: TargetLine[], warn: Warn): ParsedTarget[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const close = (): void => {
    if (current) blocks.push(current);
    current = undefined;
  };
  let seenFields = false;
  // After an official written whole on one line, a block of text lines with no contact detail is the page's next part.
  let afterWhole = false;
  let read = 0;
  const collapsed = [...collapseDoubleSpacing(dropUnownedAfterList(lines, warn), describesOfficial)];
  for (const [at, { text: line, copy }] of collapsed.entries()) {
    // Past the contact details, a sentence is the text going on ("Please note that ...", a story): stop.
    // An item of a list of officials ending with a full stop ("· Mr. Jane Example, Ambassador, ..., Examplia.") is no sentence.
    if (seenFields && (isProse(line) || isPageText(line)) && !isPersonBullet(line)) break;
    // "Crackdown on Dissent" over a paragraph of the story: the heading of the page's next part, never an official.
    if (seenFields && isHeadingOverProse(line, collapsed[at + 1]?.text ?? '')) break;
    // Contact details are a few dozen lines; reading further only costs time on a pathological text.
    if (blocks.length > 40 || ++read > MAX_CONTACT_LINES) break;
    // "and/or" between two blocks separates two officials; it is neither of them.
    if (CONJUNCTION.test(line.trim())) {
      close();
      continue;
    }
    if (line === '' || (current && current.copy !== copy) || isDateLine(line)) close();
    // A letter's date line ("Oktober 2025", "Apeldoorn, April 2020.") sits above or below an address, never in it.
    if (isDateLine(line)) continue;
    // A bullet is an instruction, unless it names whom to write to ("• To Head of the Judiciary: ...") or is an item of a
    // list of officials ("· Mr. Jane Example, Minister of Justice,"), which opens that official's block.
    const person = isPersonBullet(line);
    if (/^[•·▪*–-]\s?/.test(line) && !BULLET_TO.test(line) && !person) continue;
    if (person) close();
    // "(korrekte Anrede: Son Excellence / Your Excellency)": a note in brackets is read without them.
    let raw = line.replace(BULLET_TO, '').replace(BULLET_MARK, '').replace(/^\((.*)\)[\s,;.]*$/, '$1').replace(/[\s,;]+$/, '');
    // "President Joseph R. Biden, Jr. best to email https://...": the advice is no part of the name.
    raw = raw.replace(/\s+(?:best|better|please|or)\s+(?:to\s+)?(?:e-?mail|write|use|contact)\b[^@]*?(https?:\/\/\S+)$/i, ' Web form: $1');
    // "SCHWEIZ Im September 2020": the letter's date run into the address's last line is cut off.
    const dated = DATED_TAIL.exec(raw);
    if (dated?.[1] && dated[2] && isDateLine(dated[2])) raw = dated[1];
    // "Related stories:" after the details: whatever follows is another part of the page.
    if (seenFields && PAGE_END.test(raw)) break;
    // "2.  Lic. Felix Garrid Safie, Fiscal General": a numbered list's item opens a block; its number is no part of the name.
    if (NUMBERED.test(raw)) {
      close();
      raw = raw.replace(NUMBERED, '');
    }
    // "Secretary's" over "email: ...": a word that qualifies the next label is no name.
    if (POSSESSIVE.test(raw)) continue;
    // "Due to postal restrictions ..., please only send physical mail to the Embassy": this official has no postal address of their own.
    if (current && MAIL_ELSEWHERE.test(raw)) current.postElsewhere = true;
    if (raw === '' || BUTTON_CAPTION.test(raw) || (INSTRUCTION.test(raw) && !raw.includes('@')) || (PAGE_CHROME.test(raw) && !raw.includes('@')) || isLabelOnly(raw) || ORGANISER_LINE.test(raw.slice(0, 400))) continue;
    // An e-mail's header and its addresses are the message's; a second phone or fax number is no name.
    if (isMailHeader(raw)) continue;
    if (isNumberLine(raw) || OLD_CHANNEL.test(raw)) {
      current?.origins.push({ value: raw, line: line.slice(0, 200) });
      continue;
    }
    const split = splitLabels(raw.replace(LEAD_IN, ''));
    const fields = split.fields;
    // "Secretary's email: ...": a word that qualifies the label is no name.
    // "Target email addresses: ...": a word that says whose the addresses are is no name either.
    const text = fields.length > 0 && (POSSESSIVE.test(split.text) || LABEL_QUALIFIER.test(split.text)) ? '' : split.text;
    if (fields.length > 0) seenFields = true;
    const loose = looseContacts(text);
    if (loose.text !== '' && current?.ended) close();
    // "Toronto ON M7A 1Y6" then "Minister of Public Safety", "TUNESIEN" then "Botschaft der ...": after an address's last
    // line, the next official's block may start without a blank line between.
    const lastText = current?.texts[current.texts.length - 1] ?? '';
    if (current && current.texts.length >= 2 && loose.text !== '' && fields.length === 0 && opensNextBlock(lastText, loose.text)) close();
    // Two one-line blocks, one under the other: the second line is the next official whole, its fields and all.
    else if (current?.texts.length === 1 && opensNextOneLineBlock(lastText, loose.text)) close();
    // "Ministro Rui Costa (Ministro della Giustizia, Governo del Brasile)" under another such line: a list of one-line officials.
    const bracketed = BRACKETED_OFFICIAL.exec(loose.text);
    if (bracketed && opensOfficial(loose.text)) {
      close();
      // The office in brackets is the official's title, on its own line as in a postal block.
      current = { copy, texts: [bracketed[1]!.trim(), bracketed[2]!.trim()], fields: [], emails: [], handles: [], hidden: false, origins: [{ value: loose.text, line: line.slice(0, 200) }] };
      continue;
    }
    // "Due to postal restrictions, please only send mail to the Embassy" ends its official's block: a line that opens
    // with an office or a form of address below it is the next official (the embassy's), never more of the first.
    if (current?.postElsewhere && current.texts.length > 0 && loose.text !== '' && opensOfficial(loose.text)) close();
    // A caption names the next official's office: it starts a block ("MINISTER FÜR JUSTIZ" after the president's fax).
    if (isCaption(loose.text) && current && current.texts.length > 0) close();
    // The next official written whole on one line, after such a one, starts its own block too.
    const nextWhole = afterWhole && loose.text !== '' && splitOneLineBlock(loose.text) !== undefined;
    if (nextWhole) close();
    current ??= { copy, texts: [], fields: [], emails: [], handles: [], hidden: false, origins: [], ...(afterWhole && !nextWhole ? { afterWhole } : {}) };
    if (loose.text !== '') current.texts.push(loose.text);
    for (const value of [loose.text, ...loose.emails, ...loose.handles, ...fields.map((f) => f.value)]) {
      if (value !== '') current.origins.push({ value, line: line.slice(0, 200) });
    }
    // Contact details end the block, unless a web form sits on its own first line ("Name best to email https://..."); an
    // e-mail on the name's line ("Ms Jane Example: jane@example.gov") ends it, so the next name is the next official's.
    const formOnNameLine = current.texts.length === 1 && loose.text !== '' && loose.emails.length === 0 && fields.length > 0 && fields.every((f) => f.kind === 'web');
    // "Salutation: Your Excellency" over "Prime Minister" / "Samdech ...": a salutation that opens a block heads it.
    const heading = current.texts.length === 0 && loose.emails.length === 0 && fields.length > 0 && fields.every((f) => f.kind === 'salutation');
    if (fields.length + loose.emails.length > 0 && !formOnNameLine && !heading) current.ended = true;
    current.fields.push(...fields);
    current.emails.push(...loose.emails);
    current.handles.push(...loose.handles);
    current.hidden ||= loose.hidden;
    // "Prime Minister of Canada 80 Example Street Ottawa, Ontario K1A 0A2" on a page that spaces every line: an official
    // whole on one line, down to the postcode, is a block of its own; the next line starts another.
    if (current.texts.length === 1 && loose.text !== '' && endsAddress(loose.text) && !PHONE_RUN.test(loose.text) && splitOneLineBlock(loose.text) !== undefined) {
      close();
      afterWhole = true;
    }
  }
  close();
  // A block of contact fields alone ("Email: ..." after a blank line) belongs to the official above it.
  const merged: Block[] = [];
  for (const block of blocks) {
    const previous = merged[merged.length - 1];
    // "Jane Example" / "Exampleland" / "Shot defending her home": the next case's card after a whole official, no one to write to.
    if (block.afterWhole && block.fields.length + block.emails.length + block.handles.length === 0 && !block.texts.some((t) => /\d/.test(t) && !isProse(t))) continue;
    if (block.texts.length === 0 && previous) {
      previous.origins.push(...block.origins);
      previous.fields.push(...block.fields);
      previous.emails.push(...block.emails);
      previous.handles.push(...block.handles);
      previous.hidden ||= block.hidden;
    } else if (block.texts.length > 0) {
      if (previous && block.texts.length === 1 && COPY_NOTE.test(block.texts[0] ?? '')) keepGreeting(block, previous);
      merged.push(block);
    }
  }
  // The organisers' own address ("Send your letter to: Amnesty International, 730 Peachtree St.") and a placeholder
  // ("Your Governor") are no official: a wrong address is worse than none.
  const officials = merged.filter((block) => !ORGANISER_NAME.test(block.texts[0] ?? '') && !PLACEHOLDER_NAME.test((block.texts[0] ?? '').replace(/^[^:]{1,40}:\s*/, '')) && !BRACKETED_BLANKS.test(block.texts[0] ?? ''));
  return joinInstitutions(dedupe(officials.slice(0, 30).flatMap((block) => splitSharedBlock(block, warn)).flatMap((block) => gated(block, warn))));
}

/* "Please be sure to send copies to the Prime Minister's secretary: ...": a note on copies below an official's block. */
const COPY_NOTE = /\bsend(?:ing)?\s+(?:a\s+)?cop(?:y|ies)\s+(?:of\s+\S+\s+)?to\b/i;

/** The salutation under a note on copies greets the official above the note: no one greets a copy's recipient. */
function keepGreeting(note: Block, official: Block): void {
  if (official.fields.some((f) => f.kind === 'salutation')) return;
  official.fields.push(...note.fields.filter((f) => f.kind === 'salutation'));
  note.fields = note.fields.filter((f) => f.kind !== 'salutation');
}

/* A form of address or a title, a name, then the office in brackets, alone on a line. */
const BRACKETED_OFFICIAL = /^([^()]{4,80})\s\(([^()]{3,160})\)$/;

/* "Target", "Recipients", "Direct" before a contact label: whose the addresses are, not a name. */
const LABEL_QUALIFIER = /^(?:targets?|officials?|recipients?|direct|personal|his|her|their)$/i;

/* The end of a sentence that leads in to whom to write: "... to contact", "write to", "send it to:", "addressed to". */
const LEAD_IN_END = /\b(?:contact|write to|send (?:it|them|this|your letters?) to|addressed to|e-?mail|fax|to)\s*:?$/i;

/* Sign-offs the letter reader does not know as a closing: "Mit nachdenklichem Gruß", "Warm regards", "Cheers". */
const SIGN_OFF = /^(?:mit (?:[a-zäöüß]+ ){0,2}gr(?:u|ü|ue)(?:ß|ss)(?:en)?|(?:warm|warmest|kind|best|many) (?:regards|wishes)|regards|cheers|with (?:thanks|best wishes|love))(?=[\s,.!]|$)[,.!]?\s*$/i;

/**
 * The gate of issue 27: an official whose name is no name ("Telephone (011-503) ...", a web form's privacy line) carries
 * no address. A block whose first lines are page text before "Ms. Kiran Kaur" starts at that name; lines above it are
 * dropped. Without a plausible name the block is left off and the moderator is asked: a wrong address is worse than none.
 */
function gated(block: Block, warn: Warn): ParsedTarget[] {
  // "Mit nachdenklichem Gruß" / "Wilfried Puhl-Schmidt": a letter's closing and its signer are no official.
  if (isClosing(block.texts[0] ?? '') || SIGN_OFF.test(block.texts[0] ?? '')) return [];
  // A lone line that can be no name ("Dear X,") and carries nothing: no official and nothing to warn of, read no further.
  const bare = block.fields.length + block.emails.length + block.handles.length === 0 && !block.hidden;
  if (bare && block.texts.length <= 1 && isNoNameLine(block.texts[0] ?? '')) return [];
  const target = toTarget(block, () => undefined);
  if (isPlausibleName(target.name)) return [{ target: toTarget(block, warn), origins: block.origins }];
  // "Jane Example, 12 Example Street": a name run on into its address keeps the address once the name is cut at the comma.
  const first = block.texts[0] ?? '';
  const comma = first.indexOf(',');
  if (comma > 0 && isPlausibleName(first.slice(0, comma))) {
    const rest = first.slice(comma + 1).trim();
    return gated({ ...block, texts: [first.slice(0, comma).trim(), ...(rest === '' ? [] : [rest]), ...block.texts.slice(1)] }, warn);
  }
  // "May ___, 2002" / "The President", "BY FAX: ..." / "The Honorable": a date, a blank or a stray word above the name is skipped.
  if (block.texts.length > 1 && isNoNameLine(first)) return gated({ ...block, texts: block.texts.slice(1) }, warn);
  // "feel free to use this language to contact" / "Head of the Judiciary ...": a line that ends by leading in to whom to
  // write is the page's; the official starts below it.
  const leadIn = block.texts.findIndex((t, i) => i < block.texts.length - 1 && LEAD_IN_END.test(t));
  if (leadIn >= 0) return gated({ ...block, texts: block.texts.slice(leadIn + 1) }, warn);
  // "'Information current as of ...'" / "Minister of Health" / "His Excellency Jane Example Ministry of ...": a caption's
  // office over the last line opens the block; the page's footnote above it is no part of it.
  const caption = block.texts.length - 2;
  if (caption > 0 && isOfficeAlone(block.texts[caption] ?? '')) return gated({ ...block, texts: block.texts.slice(caption) }, warn);
  const at = block.texts.findIndex((t, i) => i > 0 && opensWithHonorific(t));
  if (at > 0) return gated({ ...block, texts: block.texts.slice(at) }, warn);
  const has = (target.emails ?? []).length + (target.address ?? []).length > 0;
  if (has) warn('unsure_address', `Contact details were found under "${target.name.slice(0, 60)}", which is no official's name; they were left off, add them to the official they belong to.`);
  return [];
}

/** A page that shows the same model letter twice lists its official twice: one official is kept. */
function dedupe(parsed: ParsedTarget[]): ParsedTarget[] {
  const seen = new Set<string>();
  return parsed.filter(({ target }) => {
    const key = [target.name, ...(target.address ?? []), ...(target.emails ?? [])].join('|').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
