// Officials a page gives only by e-mail, in the sentence that asks the reader to write: "email Mr Example at:
// a@b.ie", "send to the Permanent Mission of X" over a line of its e-mails, "send the following mail to the embassy"
// over an "address: ..." line. The e-mail goes to the official that very request names, never to another; a request
// whose addressee is no official ("your local MP", "us") gives nothing.
import { EMAIL_LABEL_WORDS, findEmails, ORGANISER_EMAIL } from './contacts.js';
import { HONORIFIC, ORGANISATION, ROLE } from './offices.js';
import type { Section } from './sections.js';
import type { TargetLine } from './types.js';

const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
/* One e-mail or several, run together with commas, "and", "or" (and a stray full stop after one). */
const EMAIL_RUN = String.raw`${EMAIL}(?:\.?\s*(?:,|;|\/|and|or|e|y|et|und|o|ou|of|&)?\s*${EMAIL})*`;
/*
 * The verb of the request, to the official: "email", "send (an e-mail) to", "write to", "e-mail the Minister at", and
 * the Italian, Portuguese, Spanish, French, German, Dutch ones; "dirigido à" after "the text you must send".
 */
const TO_OFFICIAL = String.raw`(?:\b(?:e-?mail(?:ing)?|write (?:an? e-?mail )?to|write (?:(?:protest|support|short|polite)\s+)?(?:letters|e-?mails|messages) to|send(?:ing)? (?:(?:it|this|them|an? (?:e-?mail|letter|message)|(?:the|this|your) (?:letter|e-?mail|message|text))\s+)?to|scrivi(?:amo|ete)? (?:a|al|alla|all['’])|envie (?:(?:a|o|um|uma) (?:carta|mensagem|email|e-mail) )?(?:a|ao|à|para)|escreva (?:a|ao|à|para)|dirigid[oa] (?:a|ao|à|al)|escrib(?:a|e|id) (?:a|al)|[ée]crivez (?:à|au)|envoyez (?:un (?:e-?mail|courriel) )?(?:à|au)|schreiben sie (?:an|einer? e-?mail an)|mailt? (?:an|naar))\s+)`;
/*
 * Between the official and the e-mails: "at:", "(", "(email:" (or "(Mail:", "(E-Mail-Adresse:"), ",", "para", "unter", or nothing; or the next sentence's
 * label, "Emails (type all three):", that gives the e-mails the request is for.
 */
const BRIDGE = String.raw`\s*(?:,\s*)?(?:\(\s*(?:${EMAIL_LABEL_WORDS}\s*:\s*)?|(?:at|on|via|under|unter|para|per|à|a|op|naar)\s*:?\s*|:\s*|\.\s+e-?mails?\s*(?:\([^()\n]{0,60}\)\s*)?:\s*)?`;
/* A second request inside the words taken for the official ("email and send to the Mission"): the official follows the last. */
const INNER_REQUEST = new RegExp(TO_OFFICIAL, 'giu');
const REQUEST = new RegExp(String.raw`${TO_OFFICIAL}(?:the\s+|o\s+|a\s+|la\s+|le\s+|l['’])?([^@\n.!?;:()"“”]{3,90}?)${BRIDGE}(${EMAIL_RUN})`, 'giu');
/*
 * "write to Prime-Minister Jane Example (email: a@b.org) and Aron Other, Minister of Finance (email: c@d.org)": the next
 * official of the same request, right after the first one's e-mails, with their own.
 */
const AND_NEXT = new RegExp(String.raw`^\)?\s*(?:,\s*)?(?:and|as well as|&)\s+(?:the\s+)?([^@\n.!?;:()"“”]{3,90}?)${BRIDGE}(${EMAIL_RUN})`, 'iu');

/*
 * The French request in two gerunds, whom to address the letter to, then where to send it: "en l'adressant au Président de
 * X, Jane Example, en l'envoyant à l'adresse a@b.org". The e-mail is that official's; a "copie à ..." after it is not.
 */
const ADDRESSED_THEN_SENT = new RegExp(String.raw`\b(?:en l['’]adressant|adressez[- ]l[ae]|adress[ée]e?)\s+(?:à|au|aux)\s+(?:la\s+|le\s+|l['’])?([^@\n.!?;:()"“”]{3,120}?)\s*,?\s+(?:et\s+)?(?:en l['’]envoyant|envoyez[- ]l[ae]|envoy[ée]e?)\s+(?:à|au)\s+(?:l['’]adresse\s*:?\s*)?(${EMAIL_RUN})`, 'giu');

/* "Send the following e-mail to the embassy", "la seguente mail all'ambasciata", "le courriel suivant à": the letter below is for the official named. */
const FOLLOWING_TO = /\b(?:the following (?:e-?mail|letter|message|text)|(?:la|il) seguente (?:e-?mail|mail|lettera|messaggio|testo)|(?:o|a) seguinte (?:e-?mail|mensagem|carta|texto)|(?:le|la) (?:courriel|lettre|message) suivante?|(?:el|la) siguiente (?:correo|carta|mensaje|texto))\s+(?:to\s+(?:the\s+)?|a(?:ll['’]|lla|l)?\s*|ao\s+|à\s+|au\s+)([^@\n.!?;:()]{3,90}?)\s*[.!:]?\s*$/iu;
/*
 * "Envie um email para o presidente Jane Example ou use o modelo abaixo:", "Email the Minister Aron Example:": a request
 * that ends its line with a colon announces the address below it, as "the following e-mail to" does.
 */
// A list's bullet or number before the request ("- Envie um email ...:", "1) Email the Minister ...:") says the same.
const REQUEST_ABOVE = new RegExp(String.raw`^(?:[-*•·▪–]\s+|\d{1,2}[.)]\s+)?(?:.*?[.!?]\s+)?${TO_OFFICIAL}(?:the\s+|o\s+|a\s+|la\s+|le\s+|l['’])?([^@\n.!?;:()"“”]{3,90}?)(?:\s+(?:or|ou|o|oder|of)\s+[^@\n.!?;:]{3,60})?\s*:\s*$`, 'iu');
/*
 * "Qui la mail del Ministero degli Esteri: a@b.it", "la mail dell'ambasciatore in X, Jane Example: c@d.it", "the e-mail of
 * the Ministry: ...", "el correo del Ministerio: ...": the e-mail a page gives as an official's own, named just before it.
 */
const OWNED_EMAIL = new RegExp(String.raw`(?:\bla\s+(?:e-?)?mail|\bl['’](?:e-?mail|indirizzo(?:\s+e-?mail)?|adresse(?:\s+e-?mail)?)|\bel\s+(?:correo(?:\s+electr[oó]nico)?|e-?mail)|\bo\s+e-?mail|\bthe\s+e-?mail(?:\s+address)?|\bdie\s+e-?mail(?:-adresse)?)\s+(?:del|dello|della|dei|degli|delle|di|de\s+la|de|do|da|dos|das|du|des|of\s+the|of|der)\s*(?:l['’]\s*)?([^@\n.!?;:()"“”]{3,90}?)\s*:\s*(${EMAIL})`, 'giu');
/* "ambasciatore italiano in Eritrea, Gaetano Example": the office, then the person's name after a comma. */
const OFFICE_COMMA_NAME = /^(.{3,80}?),\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})$/u;

/* "indirizzo: a@b", "address: a@b", "To: a@b", "Para: a@b", "An: a@b", "destinatario: a@b": the e-mail the mail goes to, on its own labelled line. */
const ADDRESS_LINE = new RegExp(String.raw`^\s*(?:indirizzo|address|e-?mail address|to|para|an|à|destinatario|destinat[aá]rio|endere[cç]o|adresse|adres)\s*:\s*(${EMAIL})\s*[.;]?\s*$`, 'iu');

/* Whom no letter goes to: the reader's own representative, the page's writers, a pronoun. */
const NO_OFFICIAL = /^(?:your|our|us|me|him|her|them|it|this|these|those|everyone|all|friends|members|people|your local)\b|\b(?:local (?:mp|member|representative|councillor)|your (?:mp|senator|representative))\b/i;
/* "Mr Coveney", "Dr. Example": a surname after a form of address. */
const SURNAME_ONLY = /^(?:mr|mrs|ms|dr|minister|senator|president|ambassador)\.?\s+(\p{Lu}[\p{L}'’-]+)$/iu;

/** Is the words a request names an official (an office, an institution, or a person by a form of address)? */
function isOfficial(words: string): boolean {
  if (NO_OFFICIAL.test(words)) return false;
  return ROLE.test(words) || ORGANISATION.test(words) || (HONORIFIC.test(`${words} `) && /\s\p{Lu}/u.test(words));
}

/* "Dra. Karima Example", "Mr John Example": a person named by a form of address, alone on a line. */
const PERSON_LINE = /^(?:[Dd]ra?|M[Rr][Ss]?|M[Ss]|[Pp]rof|S[Rr][Aa]?|M[Mm][Ee]|M)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u;

/**
 * A request that names only an office ("dirigido à embaixadora"): the person the page names under a line of that office
 * (a letter's head "Exma. Senhora Embaixadora do Reino de X" over "Dra. Jane Example"), when there is exactly one;
 * undefined otherwise, and the e-mail is left off.
 */
function personOfOffice(office: string, lines: string[]): string | undefined {
  const word = office.toLowerCase();
  const people = new Set<string>();
  lines.forEach((line, i) => {
    if (line.length > 120 || !line.toLowerCase().split(/[^\p{L}]+/u).includes(word)) return;
    const next = lines.slice(i + 1, i + 3).find((l) => l.trim() !== '')?.trim();
    if (next && PERSON_LINE.test(next)) people.add(next);
  });
  return people.size === 1 ? [...people][0] : undefined;
}

/** "Mr Coveney" -> "Simon Coveney" when the page gives that surname with exactly one given name; as written otherwise. */
function fullName(official: string, text: string): string {
  const surname = SURNAME_ONLY.exec(official)?.[1];
  if (!surname) return official;
  const given = new Set<string>();
  for (const match of text.slice(0, 50_000).matchAll(new RegExp(String.raw`(?<![\p{L}.])(\p{Lu}\p{Ll}+)\s+${surname}\b`, 'gu'))) {
    if (!HONORIFIC.test(`${match[1]} `) && !ROLE.test(match[1]!) && !ORGANISATION.test(match[1]!)) given.add(match[1]!);
  }
  return given.size === 1 ? `${[...given][0]!} ${surname}` : official;
}

/* An office, a comma, then a person's name of two to four capitalised words. */
const OFFICE_THEN_PERSON = /^([^,]{3,90}),\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})$/u;

/* A person's name of two to four capitalised words ("al-" may lead one), a comma, then an office. */
const PERSON_THEN_OFFICE = /^(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}|al-|el-)[\p{L}'’-]+){1,3}),\s*([^,]{3,90})$/u;

/* A line that is only e-mails: "a@b.org and c@d.org." */
const EMAILS_ALONE = new RegExp(String.raw`^${EMAIL_RUN}\.?$`, 'u');

/** The request's lines of one section, a line that ends without a stop joined to a line of e-mails under it. */
function requestLines(section: Section): string[] {
  const lines = [section.heading, ...section.lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]?.trim() === '' ? i + 2 : i + 1;
    const below = lines[next]?.trim() ?? '';
    // "... send to the Permanent Mission of X" / "" / "a@b.org and c@d.org": the e-mails end the sentence.
    if (line.length < 600 && !/[.!?:]\s*$/.test(line) && below.includes('@') && EMAILS_ALONE.test(below)) {
      out.push(`${line.trim()} ${below}`);
      i = next;
    } else out.push(line);
  }
  return out;
}

/** The officials that requests to the reader name with their e-mails, as target lines (name, "Email:" lines, blank). */
export function requestedEmailLines(sections: Section[]): TargetLine[] {
  const lines: TargetLine[] = [];
  // The page's lines and text, made only once a request is found: a long paste without one is not copied for nothing.
  let all: string[] | undefined;
  let text: string | undefined;
  const push = (words: string, emails: string[]): void => {
    all ??= sections.flatMap((s) => [s.heading, ...s.lines]);
    text ??= all.join('\n');
    let official = words;
    for (const inner of words.matchAll(INNER_REQUEST)) official = words.slice(inner.index + inner[0].length);
    const own = emails.filter((e) => !ORGANISER_EMAIL.test(e));
    if (own.length === 0 || !isOfficial(official)) return;
    // An office word alone ("the Minister", "embaixadora") is no one yet: its person from the page, or nothing.
    if (/^\p{L}+$/u.test(official.trim())) {
      const person = personOfOffice(official.trim(), all);
      if (!person) return;
      official = person;
    }
    // A name as a block would write it: "ambasciata Italiana al Cairo" -> "Ambasciata Italiana al Cairo".
    const name = fullName(official.trim(), text).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    // "Président de la République de X, Jane Example": the person, with the office under the name as a block writes it.
    const [, office, person] = OFFICE_THEN_PERSON.exec(name) ?? [];
    // "Aron Other, Minister of Finance": the person first, the office after the comma.
    const [, first, after] = PERSON_THEN_OFFICE.exec(name) ?? [];
    const head = office && person && ROLE.test(office) && !ROLE.test(person) && !ORGANISATION.test(person) ? [person, office] : first && after && ROLE.test(after) && !ROLE.test(first) && !ORGANISATION.test(first) ? [first, after] : [name];
    lines.push(...head.map((text) => ({ text, copy: false })), ...own.map((e) => ({ text: `Email: ${e}`, copy: false })), { text: '', copy: false });
  };
  // The office and the person after a comma: the person, with the office as their title; an office alone as it is named.
  const pushOwned = (words: string, email: string): void => {
    if (ORGANISER_EMAIL.test(email)) return;
    const person = OFFICE_COMMA_NAME.exec(words.trim());
    const office = (person ? person[1]! : words).trim();
    if (!ROLE.test(office) && !ORGANISATION.test(office)) return;
    const upper = (t: string): string => t.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const block = person ? [person[2]!, upper(office)] : [upper(office)];
    lines.push(...block.map((text) => ({ text, copy: false })), { text: `Email: ${email}`, copy: false }, { text: '', copy: false });
  };
  // The request's official, then each official joined to it by "and" with their own e-mails.
  const pushWithNext = (line: string, match: RegExpExecArray | RegExpMatchArray): void => {
    push(match[1]!, findEmails(match[2]!));
    let end = (match.index ?? 0) + match[0].length;
    for (let next = AND_NEXT.exec(line.slice(end, end + 400)); next; next = AND_NEXT.exec(line.slice(end, end + 400))) {
      push(next[1]!, findEmails(next[2]!));
      end += next[0].length;
    }
  };
  for (const section of sections) {
    // Every request this reads gives its e-mail in its own section: a section without one asks nothing of this kind.
    if (section.kind === 'background' || !(section.heading.includes('@') || section.lines.some((l) => l.includes('@')))) continue;
    const own = requestLines(section);
    own.forEach((line, i) => {
      if (line.length > 2000) return;
      if (line.includes('@')) for (const match of line.matchAll(REQUEST)) pushWithNext(line, match);
      if (line.includes('@')) for (const match of line.matchAll(ADDRESSED_THEN_SENT)) push(match[1]!, findEmails(match[2]!));
      if (line.includes('@')) for (const match of line.matchAll(OWNED_EMAIL)) pushOwned(match[1]!, match[2]!);
      const following = FOLLOWING_TO.exec(line) ?? (line.length < 400 ? REQUEST_ABOVE.exec(line) : null);
      if (!following) return;
      // The mail's address on a labelled line of its own, the only one in the few lines below, before the letter.
      const below = own.slice(i + 1, i + 7).map((l) => ADDRESS_LINE.exec(l)?.[1]).filter((e): e is string => e !== undefined);
      if (below.length === 1) push(following[1]!, below);
    });
  }
  return lines;
}

/** The page asks the reader to e-mail an official it names with the address: a sign of an appeal (a draft at least). */
export function asksToEmailAnOfficial(sections: Section[]): boolean {
  return requestedEmailLines(sections).length > 0;
}
