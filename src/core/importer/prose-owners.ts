// Who a block of contact lines is for: e-mails that prose gives to a named person ("President Bush can be reached at
// comments@whitehouse.gov"), "z.Hd." lines, and an institution's postal block for the person whose e-mail is its.
import { findEmails, splitLabels } from './contacts.js';
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';
import type { ParsedTarget, TargetLine, Warn } from './types.js';

type Line = TargetLine;

/* "<Name> can be reached at <email>", "<Name> can be e-mailed at", "<Name> ist erreichbar unter": the owner is named before. */
const OWNED = /((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]+)\s+(?:can|may) be (?:reached|contacted|e-?mailed|written to)\s+(?:at|via|by e-?mail at|on)\s*$|((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]+)\s+(?:ist|sind)\s+(?:per e-?mail\s+)?erreichbar\s+(?:unter|über)\s*$/u;

/*
 * "-z.Hd. Staatsminister Roland Wöller-", "Attn: Minister X", "Att: Mr Jan Example": the person the block is for, without
 * the marker ("Att" only with its colon: "Attorney General" is no marker).
 */
export const ATTENTION = /^[-–(\s]*(?:z\.\s?hd\.?|zu h(?:ä|ae)nden(?: von)?|attn\.?:?|att\.?:|for the attention of:?)\s*(.*?)[-–)\s]*$/i;
/* A German call's heading line ending in "an": "Schreibt E-Mail und/ oder Fax an", "Schreiben Sie an:". */
const WRITE_TO_HEADING = /^(?:schreib(?:t|en sie)|sendet|schickt|mailt|faxt)\b[^.!?@:]{0,40}\s(?:an|an:)$/i;

/* "<Name>, <Title>: <e-mail>, ...": a list's line, nothing else before the first e-mail. */
const LISTED = /^((?:\p{Lu}[\p{L}.'’-]*\s+){1,4}\p{Lu}[\p{L}'’-]+),\s*([\p{L} .'’-]{3,60}):\s*[\w.+-]+@/u;

/**
 * A line whose every e-mail follows "<Name> can be reached at" becomes one block per owner (the name, then the e-mail),
 * so no e-mail of one person is merged into the block above it (another official's or an institution's).
 */
export function splitOwnedEmails(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const given of lines) {
    // "Schreibt E-Mail und/ oder Fax an", "Write to": a heading over the blocks, no one's name.
    if (WRITE_TO_HEADING.test(given.text.trim())) continue;
    // A line without an attention marker is kept as given: no copy made for every line of a long paste.
    const text = given.text.replace(ATTENTION, '$1').trim();
    const line = text === given.text ? given : { ...given, text };
    // "To: Minister Ana Example, Sr Ben Other and Senator Cara Third": each person listed is an official of their own.
    const people = addresseeList(line.text);
    if (people) {
      // "and" before each parts their blocks (from the line above too) even where blank lines are dropped as a page's
      // double spacing.
      for (const person of people) out.push({ text: 'and', copy: line.copy }, { text: person, copy: line.copy });
      out.push({ text: '', copy: line.copy });
      continue;
    }
    const emails = line.text.includes('@') ? findEmails(line.text.slice(0, 1000)) : [];
    // "Hamburg Andy Grote, Innensenator: a@b.de, c@d.de": a list's line, the person and their title before the e-mails.
    const listed = emails.length > 0 ? LISTED.exec(line.text) : null;
    if (listed?.[1] && listed[2] && ROLE.test(listed[2]) && emails.length > 0) {
      out.push({ text: '', copy: line.copy }, { text: listed[1], copy: line.copy }, { text: listed[2], copy: line.copy }, ...emails.map((text) => ({ text, copy: line.copy })), { text: '', copy: line.copy });
      continue;
    }
    const owners = emails.map((email) => ownerBefore(line.text, email));
    if (emails.length === 0 || owners.some((o) => o === undefined)) {
      out.push(line);
      continue;
    }
    emails.forEach((email, i) => out.push({ text: '', copy: line.copy }, { text: owners[i] ?? '', copy: line.copy }, { text: email, copy: line.copy }));
    out.push({ text: '', copy: line.copy });
  }
  return out;
}

/* Text that ends by joining one more person to the name after it: a comma, "&", "and", "und", "et", "e". */
const JOINED_END = /(?:[,&]|\b(?:and|or|und|oder|et|y|e|en))$/i;

/** The name that the sentence around `email` says owns it, if any. */
function ownerBefore(text: string, email: string): string | undefined {
  const at = text.indexOf(email);
  if (at < 0) return undefined;
  // Only the sentence the e-mail sits in: after the last full stop that ends a word.
  const before = text.slice(0, at).split(/(?<=\p{Ll}{2}[.!?])\s+/u).pop() ?? '';
  const tail = before.slice(-120);
  const match = OWNED.exec(tail);
  const name = (match?.[1] ?? match?.[2])?.replace(/^(?:And|Or|Und|Oder|Et|Y)\s+/, '').trim();
  // "Minister Ana Example and Minister Ben Other can be reached at ...": the last of several named is no sure owner.
  const ahead = match ? tail.slice(0, match.index).trimEnd() : '';
  if (JOINED_END.test(ahead)) return undefined;
  return name && name.split(/\s+/).length >= 2 ? name : undefined;
}

/* "The White House", "Ministry of Justice": an institution's name, no person's. */
const isInstitution = (name: string): boolean => (/^the\s/i.test(name) && !HONORIFIC.test(name)) || ORGANISATION.test(name);
const fold = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');

/**
 * An institution's block with a postal address and no e-mail, beside a person whose only e-mail domain is that
 * institution's ("The White House" and comments@whitehouse.gov): the address is that person's, the institution their
 * first address line. An institution's block that only prose-named people are beside keeps nothing it cannot own.
 */
export function joinInstitutions(parsed: ParsedTarget[]): ParsedTarget[] {
  const drop = new Set<ParsedTarget>();
  for (const place of parsed) {
    const t = place.target;
    if (t.copy || !isInstitution(t.name) || (t.emails ?? []).length > 0 || (t.address ?? []).length === 0) continue;
    const key = fold(t.name);
    const owners = parsed.filter((p) => p !== place && !p.target.copy && !isInstitution(p.target.name) && (p.target.address ?? []).length === 0 && (p.target.emails ?? []).some((e) => fold(e.split('@')[1]?.split('.')[0] ?? '') === key));
    const owner = owners[0];
    if (key.length < 4 || owners.length !== 1 || !owner) continue;
    owner.target.address = [t.name, ...(t.address ?? [])];
    owner.origins.push(...place.origins);
    drop.add(place);
  }
  return parsed.filter((p) => !drop.has(p));
}

/* "To: A, B and C", "An: ...", "À : ...", "Para: ...": the addressees of an e-mail action, on one line. */
const TO_LIST = /^(?:[-*•·]\s+)?(?:to|an|[àa]|para)\s?:\s*(.{10,400})$/i;
/* One addressee: a form of address or an office word at most, then two to six capitalised words or particles. */
const LISTED_PERSON = /^(?:\p{Lu}[\p{L}.]*\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|da|de|do|dos|das|del|van|von|bin|al|el|le|la)){1,5}$/u;

/** The people a "To:" line lists, when it lists two or more and nothing else; undefined otherwise. */
function addresseeList(text: string): string[] | undefined {
  const list = TO_LIST.exec(text)?.[1];
  if (!list || list.includes('@')) return undefined;
  const people = list.replace(/[.;]$/, '').split(/\s*,\s*(?:and\s+|y\s+|et\s+|e\s+|und\s+)?|\s+(?:and|y|et|e|und)\s+/).map((p) => p.trim()).filter((p) => p !== '');
  return people.length >= 2 && people.length <= 12 && people.every((p) => LISTED_PERSON.test(p)) ? people : undefined;
}

/*
 * What may stand beside the contact details of a line that names no one: separators, "and"/"or", a label ("Target email
 * addresses:", "Fax") with no second capitalised word, so "Ministro Bianchi: b@x.it" keeps its owner.
 */
const NO_NAME_REST = /^(?:\p{Lu}?[\p{Ll} -]{0,40}:?)?[\s,;/&]*(?:(?:and|or|und|oder|et|ou|y|o|e)[\s,;/&]*)*$/u;

/** "Target email addresses: a@b.it, c@d.it", "Email: a@b.it, Fax: +1 555 0100": contact details, at most a label, no name. */
function contactsOnly(text: string): boolean {
  if (text.length > 600) return false;
  const emails = text.includes('@') ? findEmails(text) : [];
  const split = splitLabels(text);
  if (emails.length + split.fields.length === 0) return false;
  let rest = split.text;
  for (const email of emails) rest = rest.replace(email, ' ');
  return NO_NAME_REST.test(rest.trim());
}

/**
 * "To: Minister Ana Example and Minister Ben Other" over "Target email addresses: a@b.gov" (or "Fax: ..."): the lines
 * of contact details right under a list of several addressees do not say whose each is, and read as they stand they
 * would go to the last one named. They are left off (the moderator is asked); every other line is kept as given.
 */
export function dropUnownedAfterList(lines: TargetLine[], warn: Warn): TargetLine[] {
  let people: string[] | undefined;
  const dropped = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text.trim();
    if (text === '') continue;
    if (people && contactsOnly(text)) {
      dropped.add(i);
      warn('unsure_address', `"${text.slice(0, 120)}" is given once for ${people.join(', ')}; it was left off, add it to the official it belongs to.`);
      continue;
    }
    people = text.length <= 420 ? addresseeList(text.replace(ATTENTION, '$1').trim()) : undefined;
  }
  return dropped.size === 0 ? lines : lines.filter((_, i) => !dropped.has(i));
}
