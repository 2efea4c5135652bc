// Finds the "send letters ... to" sentence, and the official it names first (or names in prose, with an address).
import type { Section } from './sections.js';
import { ROLE } from './offices.js';
import type { TargetLine } from './targets.js';

/*
 * Older newsletters close a case with one sentence: "Please send courteous letters appealing for a re-trial
 * ... to: His Highness al-Sheikh 'Isa Bin Salman Al Khalifa/ Office of His Highness the Amir/.../ Bahrain."
 * The words before "to:" are what to ask for; the words after are the addressee, its address parts cut at "/".
 */
const SENTENCE = /^(?:please\s+)?(?:send|write|address)\b(.{0,400}?)\bto:\s*(.{3,600})$/i;
const ASK = /\b(?:appealing|asking|calling|urging)\s+(?:for|on)\s+(.{5,400})$/i;

export type AppealSentence = { ask?: string; target: TargetLine[] };

/*
 * "Letters should be written to Executive Secretary Canton and mailed to:" with the address block on the lines
 * after it: the person the sentence names heads the block, which is the office's address.
 */
const BLOCK_FOLLOWS = /\b(?:[Ll]etters?|[Aa]ppeals?|[Cc]ards?|[Cc]artas|[Ll]ettres)\b[^.!?]{0,80}?\b(?:(?:written|addressed)\s+to\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]+)\s+and\s+)?(?:mailed|sent|posted|addressed)\s+to:\s*$/u;

/** The lines of the block right after line `at` (blank lines before it skipped), up to the next blank line. */
function blockAfter(lines: string[], at: number): string[] {
  let i = at + 1;
  while (i < lines.length && lines[i] === '') i++;
  const block: string[] = [];
  for (; i < lines.length && lines[i] !== '' && block.length < 8; i++) block.push(lines[i] ?? '');
  return block;
}

/* "(Faxes: 60 3 238 3784)", "(Fax: ...)", "(Tel: ...)": a contact field in brackets at the end of an inline address. */
const BRACKETED_CONTACT = /\.?\s*\(((?:fax(?:es)?|tel|phone|telegrams?)\s?:[^()]{1,80})\)\.?/i;
const SALUTATION_LINE = /^\s*(?:salutation|saludo|tratamiento|formule d'appel|anrede)\s?:\s*\S/i;

/**
 * "Salutation: Dear Prime Minister" on its own line right below the sentence (blank lines skipped, at most three lines
 * on): how to greet the official the sentence names.
 */
function salutationBelow(lines: string[], at: number): string[] {
  let seen = 0;
  for (let i = at + 1; i < lines.length && seen < 3; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    seen++;
    if (SALUTATION_LINE.test(line)) return [line.trim()];
  }
  return [];
}

/** The first "send letters ... to: ..." sentence, if the text has one. */
export function findAppealSentence(sections: Section[]): AppealSentence | undefined {
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (let at = 0; at < section.lines.length; at++) {
      const line = section.lines[at] ?? '';
      // Both forms end in "to:": a line without a colon (most lines) is not run through them.
      if (line.length > 1200 || !line.includes(':')) continue;
      const follows = BLOCK_FOLLOWS.exec(line);
      const block = follows ? blockAfter(section.lines, at) : [];
      if (follows && block.length > 0) {
        const named = follows[1] ? [follows[1]] : [];
        return { target: [...named, ...block].map((text) => ({ text, copy: false })) };
      }
      const match = SENTENCE.exec(line);
      if (!match) continue;
      // "..., Malaysia. (Faxes: 60 3 ...)": the contact in brackets is a part of its own, not the country's.
      const parts = (match[2] ?? '').replace(/\.$/, '').replace(BRACKETED_CONTACT, ' / $1').split(/\s*\/\s*/).map((p) => p.trim()).filter((p) => p !== '');
      if (parts.length === 0) continue;
      const ask = ASK.exec((match[1] ?? '').trim().replace(/,$/, ''))?.[1]?.trim();
      return { ask, target: [...parts, ...salutationBelow(section.lines, at)].map((text) => ({ text, copy: false })) };
    }
  }
  return proseEmail(sections) ?? proseRecipientEmail(sections) ?? proseAddress(sections);
}

/** The first `count` non-empty lines outside the background, without copying the rest of a huge paste. */
function firstLines(sections: Section[], count: number): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (lines.length >= count) return lines;
      if (line !== '') lines.push(line);
    }
  }
  return lines;
}

/* "EMAIL the High Commissioner Antonio Guterres at guterres@unhcr.org": a request naming one person and their e-mail. */
const PROSE_EMAIL = /(?:^|[.!?]\s+|\b)(?:[Ee]-?mail|E-?MAIL|[Ww]rite to|WRITE TO|[Cc]ontact|CONTACT)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]+\s+){2,7})(?:at|on|via)\s+([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/u;

/**
 * One sentence that names the person and the e-mail to write to, in the first lines: title words (up to the last
 * office word) then a name of two to four words. Anything else (no name, a list) is left for the moderator.
 */
function proseEmail(sections: Section[]): AppealSentence | undefined {
  const lines = firstLines(sections, 60);
  const hits = lines.map((l) => PROSE_EMAIL.exec(l.slice(0, 600))).filter((m): m is RegExpExecArray => m !== null);
  const [match] = hits;
  if (hits.length !== 1 || !match?.[1] || !match[2]) return undefined;
  const words = match[1].trim().split(/\s+/);
  let cut = 0;
  words.forEach((w, i) => {
    if (ROLE.test(w)) cut = i + 1;
  });
  const name = words.slice(cut);
  if (name.length < 2 || name.length > 4) return undefined;
  const title = words.slice(0, cut).join(' ');
  return { target: [name.join(' '), ...(title === '' ? [] : [title]), match[2]].map((text) => ({ text, copy: false })) };
}

/* "enviar cartas al embajador de México en España, Jorge Zermeño Infante": whom the letters go to, title then name. */
const RECIPIENT = /\b(?:cartas|misivas|letters|lettres|briefe)\b[^.!?]{0,40}?\b(?:al|a la|to the|à l'|au|an den|an die)\s+(\p{Ll}[^.!?,]{2,80}),\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+)/gu;
/* "La dirección a la cual podrán enviar las misivas es Carrera San Jerónimo, 46 28014 Madrid, España.": the address in a sentence. */
const ADDRESS_IS = /\b(?:la direcci[oó]n|the (?:postal )?address|l'adresse|die (?:post)?anschrift|die adresse)\b[^.!?]{0,80}?\s(?:es|is|est|ist|lautet)\s+([^.!?]{0,120}\d[^.!?]{0,120})[.!?]?(?:\s|$)/giu;

/* "Envía cartas a la presidenta de la Cámara de Diputados, Alejandra Sepúlveda Ordenes: asepulveda@congreso.cl": office, name, e-mail. */
const RECIPIENT_EMAIL = new RegExp(`${RECIPIENT.source}\\s*[:(,–-]?\\s*([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)`, 'gu');

/** One sentence that sends letters to an office and a name, with that person's e-mail right after the name; only one such sentence. */
function proseRecipientEmail(sections: Section[]): AppealSentence | undefined {
  const lines = firstLines(sections, 60);
  const hits = lines.flatMap((l) => [...l.slice(0, 2000).matchAll(RECIPIENT_EMAIL)]).filter((m) => m[1] && ROLE.test(m[1]));
  const [match] = hits;
  if (hits.length !== 1 || !match?.[1] || !match[2] || !match[3]) return undefined;
  return { target: [match[2], match[1].trim(), match[3]].map((text) => ({ text, copy: false })) };
}

/**
 * A news item that says whom to write to and, in another sentence, where: one named recipient and one address,
 * or nothing (two names or two addresses leave the pairing unsure, and a wrong address is worse than none).
 */
function proseAddress(sections: Section[]): AppealSentence | undefined {
  // The first 20,000 characters are enough for a news item, and keep a huge paste linear.
  let text = '';
  for (const section of sections) {
    if (text.length >= 20_000) break;
    if (section.kind === 'background') continue;
    for (const line of section.lines) {
      if (text.length >= 20_000) break;
      text += `${line}\n`;
    }
  }
  const recipients = new Map<string, string>();
  // Only an office names a recipient ("al embajador de México"); "a la petición hecha por el grupo" names none.
  for (const m of text.matchAll(RECIPIENT)) if (m[1] && m[2] && ROLE.test(m[1])) recipients.set(m[2], m[1].trim());
  const addresses = new Set([...text.matchAll(ADDRESS_IS)].map((m) => (m[1] ?? '').trim()).filter((a) => a.length >= 10));
  if (recipients.size !== 1 || addresses.size !== 1) return undefined;
  const [name, title] = [...recipients][0] ?? [];
  const [address] = [...addresses];
  if (!name || !title || !address) return undefined;
  return { target: [name, title, address].map((line) => ({ text: line, copy: false })) };
}

/* "Head of judiciary, Ebrahim Raisi C/o Embassy of ...": a page that opens with its addressee. */
const LEAD = /^([\p{L} ]{3,40}?),\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s+([Cc]\/[Oo]\s.{3,120}?)(?=\s+(?:On|In|At|The|El|En|Le|La)\s|$)/u;

/** The addressee a flattened page opens with, within its first lines. */
export function findLeadTarget(sections: Section[]): TargetLine[] | undefined {
  for (const line of firstLines(sections, 4)) {
    const match = LEAD.exec(line.slice(0, 400));
    if (match?.[1] && match[2] && match[3]) return [{ text: match[2], copy: false }, { text: match[1], copy: false }, { text: match[3], copy: false }];
  }
  return undefined;
}
