// A list of several named officials over one shared postal block: each person is an official with that block, and
// the office lines between them are their titles, never officials of their own.
import { HONORIFIC, ROLE } from './offices.js';
import type { Warn } from './types.js';

type SharedBlock = { texts: string[]; emails: string[]; handles: string[]; fields: { kind: string }[] };

/* Where the shared address starts: a post box, a street number, a postcode. */
const POSTAL_LINE = /\d|^p\.?\s?o\.?\s?box\b/i;
/* "Minister for Immigration: Mr Ben Example": an office and its holder on one line. */
const OFFICE_COLON_NAME = /^([^:]{3,80}):\s*(.{3,80})$/;

const isPerson = (line: string): boolean => HONORIFIC.test(`${line} `) && !/\d/.test(line);

/**
 * "Minister for Home Affairs" / "The Hon Ana Example" / "Minister for Immigration: Mr Ben Other" / "PO Box ..." / ...:
 * one block per person named, each with its office as a title and the shared address. A shared e-mail or handle is
 * nobody's for sure: it is left off and the moderator asked. Blocks naming fewer than two people are returned as read.
 */
export function splitSharedBlock<B extends SharedBlock>(block: B, warn: Warn): B[] {
  const postalAt = block.texts.findIndex((t) => POSTAL_LINE.test(t));
  if (postalAt < 2) return [block];
  // "Mr. Ana Example" / "Minister of Culture" / "And Mr. Ben Other" / "Minister of Justice": the second person joined by "And".
  const heads = block.texts.slice(0, postalAt).map((line) => line.replace(AND_PERSON, (whole, person: string) => (isPerson(person) ? person : whole)));
  const people = isPerson(heads[0] ?? '') ? namesAboveOffices(heads) : officesAboveNames(heads);
  if (people === undefined || people.length < 2) return [block];
  const shared = block.emails.length + block.handles.length + block.fields.filter((f) => f.kind === 'email').length > 0;
  if (shared) warn('unsure_address', `Contact details are shown once for ${people.map((p) => p.name).join(', ')}; they were left off, add them to the official they belong to.`);
  const address = block.texts.slice(postalAt);
  return people.map((person) => ({
    ...block,
    texts: [person.name, ...(person.title ? [person.title] : []), ...address],
    emails: shared ? [] : [...block.emails],
    handles: shared ? [] : [...block.handles],
    fields: shared ? block.fields.filter((f) => !['email', 'social'].includes(f.kind)) : [...block.fields],
  }));
}

/* "And Mr. Ben Other": a second person of the same block. */
const AND_PERSON = /^(?:and|&)\s+(.+)$/i;

type Person = { name: string; title?: string };

/** "Mr. Ana Example" / "Minister of Culture" / "Mr. Ben Other" / ...: each office line is the title of the person above it. */
function namesAboveOffices(heads: string[]): Person[] | undefined {
  const people: Person[] = [];
  for (const line of heads) {
    const last = people[people.length - 1];
    if (isPerson(line)) people.push({ name: line });
    else if (ROLE.test(line) && last && last.title === undefined) last.title = line;
    else return undefined;
  }
  return people;
}

/** "Minister for Home Affairs" / "The Hon Ana Example" / "Minister for Immigration: Mr Ben Other": offices above names. */
function officesAboveNames(heads: string[]): Person[] | undefined {
  const people: Person[] = [];
  let office: string | undefined;
  for (const line of heads) {
    const pair = OFFICE_COLON_NAME.exec(line);
    if (pair?.[1] && pair[2] && ROLE.test(pair[1]) && isPerson(pair[2])) people.push({ name: pair[2].trim(), title: pair[1].trim() });
    else if (isPerson(line)) people.push(office ? { name: line, title: office } : { name: line });
    else if (ROLE.test(line)) {
      office = line;
      continue;
    } else return undefined;
    office = undefined;
  }
  return people;
}
