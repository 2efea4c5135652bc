// UA numbers in their many forms, and the appeal id made from one.
import { foldKey, type Section } from './sections.js';

/** A UA number as the importer writes it: reference "UA 60/16", number "60/16", id "ua-60-16". */
export type UaNumber = { reference: string; number: string; id: string };

/*
 * "UA 34.25", "UA: 53/14", "AU 72/24", "UA60/16", "FI 132/19-11", and the number in a sentence: "actions you took
 * on Urgent Action 90.23", "Acción Urgente 12/24". A date such as "Urgent Action 1/30/09" is no number. Bounded
 * quantifiers keep the scan linear.
 */
const UA_NUMBER =
  /\b(?:(UA|AU|FI|EXTRA)\s{0,3}[:-]?\s{0,3}(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s{1,3})?|(?:urgent action|acci[oó]n urgente|action urgente)\s{1,3}(?:n[o°º]\.?\s{0,2})?)(\d{1,4})\s?([./])\s?(\d{2,4})\b(?![./]\d)/i;

/** Finds the UA number, preferring the labelled "TYPE AND NUMBER" field, then old headers, then prose. */
export function findUaNumber(sections: Section[]): UaNumber | undefined {
  // Three passes in that order, without copying the sections or their lines: a paste of many short sections stays fast.
  const passes: ((kind: Section['kind']) => boolean)[] = [(kind) => kind === 'number', (kind) => kind === 'header', (kind) => kind !== 'number' && kind !== 'header'];
  for (const inPass of passes) {
    for (const section of sections) {
      if (!inPass(section.kind)) continue;
      const found = parseUaNumber(section.heading) ?? parseUaNumber(section.rest) ?? firstUaNumber(section.lines);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The first UA number of a section's lines that is the text's own. A bracket opened by a citing word ("(for example, see
 * UA 159/95, ...") cites every number in it, across line breaks, until it closes: those are other actions, quoted.
 * A number outside the bracket, before or after it, is read as before.
 */
function firstUaNumber(lines: string[]): UaNumber | undefined {
  let citing = false;
  for (const whole of lines) {
    let line = whole;
    // A bracket never closed cites no further than its paragraph.
    if (line === '') citing = false;
    if (citing) {
      const close = line.indexOf(')');
      if (close < 0) continue;
      citing = false;
      line = line.slice(close + 1);
    }
    const found = parseUaNumber(line);
    if (found) return found;
    citing = CITING_BRACKET.test(line.length > 2000 ? line.slice(-2000) : line);
  }
  return undefined;
}

/* A bracket left open at the line's end that a citing word opens: "(for example, see UA 159/95, AMR". */
const CITING_BRACKET = /\((?:for (?:example|instance)|e\.g\.|z\.\s?b\.|par exemple|por ejemplo|see|cf\.|v[ée]ase|voir|siehe)(?=[\s,:])[^()]*$/i;

/* The words that cite another document just before its number: "see", "cf.", "véase", "voir". */
const CITED = /\b(?:see|cf\.?|v[ée]ase|voir|siehe)\s*(?:also\s+)?$/i;

const DIGIT = /\d/;

/** Reads the first UA number in one line of text. */
export function parseUaNumber(line: string): UaNumber | undefined {
  const head = line.length > 2000 ? line.slice(0, 2000) : line;
  // Both forms have digits: a line without one (most lines) is not run through either pattern.
  if (!DIGIT.test(head)) return undefined;
  const match = UA_NUMBER.exec(head);
  if (!match) return caseCode(line) ?? labelledCase(head) ?? observatoryCode(head);
  // "(for example, see UA 159/95, ...)": an earlier UA the text refers to is not the text's own number.
  if (CITED.test(line.slice(Math.max(0, match.index - 40), match.index))) return undefined;
  const [, written = 'UA', digits = '', sep = '/', year = ''] = match;
  // "AU 047/24" is AU 47/24; a follow-up's "FI" and a sentence's "Urgent Action" both name a UA.
  const serial = String(Number(digits));
  const upper = written.toUpperCase();
  // An "EXTRA" is an Urgent Action of the older series: its number is its own, not a UA's.
  const prefix = upper === 'AU' || upper === 'EXTRA' ? upper : 'UA';
  const number = `${serial}${sep}${year}`;
  return {
    reference: `${prefix} ${number}`,
    number,
    // One id per appeal whatever the language it was published in: "AU 72/24" is UA 72/24 in Spanish.
    id: `${prefix === 'EXTRA' ? 'extra' : 'ua'}-${serial}-${year}`,
  };
}

/** An appeal id from a title, for texts without a UA number: lowercase, dashes, at most 40 characters. */
export function slugId(title: string): string {
  const slug = foldKey(title.slice(0, 200))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'appeal' : slug;
}

/* "UA000321", "UA-000321": another organisation's urgent appeal code, six digits and no year part. */
const CASE_CODE = /\bUA-?(\d{6})\b(?![./-]\d)/;

/** Reads an urgent appeal's six-digit case code as it is written ("UA000321"); "UA-000321" is the same code. */
function caseCode(line: string): UaNumber | undefined {
  const match = CASE_CODE.exec(line.length > 2000 ? line.slice(0, 2000) : line);
  if (!match || CITED.test(line.slice(Math.max(0, match.index - 40), match.index))) return undefined;
  const code = `UA${match[1] ?? ''}`;
  return { reference: code, number: code, id: code.toLowerCase() };
}

/*
 * "Case TCD 140601", "Urgent Appeal Case: UP-54-2002": another organisation's case code on a line of its own after its
 * label, in capitals and digits. Only the whole line counts: a case mentioned in a sentence is cited, not the text's own.
 */
const LABELLED_CASE = /^\s*(?:[Uu]rgent [Aa]ppeal\s+)?(?:[Cc]ase|CASE)\s*(?:[Nn]o\.?\s*)?:?\s+([A-Z]{2,4}(?:[- ]\d{2,6}){1,2})\s*$/;

/** Reads a case code labelled "Case" on its own line, as it is written. */
function labelledCase(line: string): UaNumber | undefined {
  const code = LABELLED_CASE.exec(line)?.[1];
  if (!code) return undefined;
  return { reference: code, number: code, id: code.toLowerCase().replace(/\s+/g, '-') };
}

/*
 * "VNM 001 / 0418 / OBS 041", "Case TUR 002/0617/OBS 073.1": the Observatory's (FIDH and OMCT) code, a country's three
 * letters, the case's number, month and year, and the programme's serial, on a line of its own, as it is written.
 */
const OBSERVATORY_CODE = /^\s*(?:(?:[Cc]ase|[Uu]rgent [Aa]ppeal|[Uu]rgent [Ii]ntervention)\s*:?\s+)?([A-Z]{3}\s?\d{3}\s?\/\s?\d{4}\s?\/\s?OBS\s?\d{2,4}(?:\.\d{1,2})?)\s*$/;

/** Reads the Observatory's case code on its own line; its id is the code in lower case, dashed. */
function observatoryCode(line: string): UaNumber | undefined {
  const code = OBSERVATORY_CODE.exec(line)?.[1];
  if (!code) return undefined;
  return { reference: code, number: code, id: code.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}
