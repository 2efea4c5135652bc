// Appeal fields found in the text: the deadline, preferred languages, background and summary.
import { dayFirstNumeric, isDateLine, parseDate, parseDateAfter } from './dates.js';
import { toParagraphs } from './paragraphs.js';
import { japanesePageDate, japaneseYearlessDeadline, trailingDeadline } from './trailing-deadlines.js';
import { foldKey, sectionValue, type Section } from './sections.js';
import type { Warn } from './types.js';

/**
 * Read on accent-free text: "até", "vóór", "délai", "no más tarde del" are "ate", "voor", "delai", "no mas tarde del".
 * "Gültigkeit: Sie können an dieser Aktion bis 8. Mai 2013 teilnehmen": how long an Austrian action is valid.
 */
const DEADLINE_WORDS = /\b(?:until|before|deadline|g(?:u|ue)ltigkeit|no later than|expires? on|ended on|antes del?|hasta el|vence el|finaliza el|avant le|jusqu'au|expire le|delai d'envoi|appelle bis|bis (?:zum|spatestens)|ate|voor|uiterlijk|no mas tarde del?|a mas tardar el|au plus tard le|spatestens|(?:arrive|reach(?: \w+)?) by|entro (?:e non oltre )?il|scadenza|fino al|senast|innan|inden|innen|viimeistaan)\b|締め切り|締切|期限|\b(?:contact|write to|send|appeal to)\b[^.]{0,80}\bby\b/i;

/** The appeal deadline as YYYY-MM-DD, from its labelled field, an old "SEND APPEALS BEFORE ..." heading, or a short instruction line. */
export function findDeadline(sections: Section[], warn: Warn, uaNumber?: string): string | null {
  const issued = uaNumber === undefined ? undefined : issuedFrom(uaNumber);
  for (const section of sections.filter((s) => s.kind === 'deadline')) {
    for (const line of [section.heading, ...section.lines.filter((l) => l !== '').slice(0, 2)]) {
      const date = parseDate(line);
      if (date) return date;
    }
  }
  const own = textDate(sections);
  const dated = own?.date;
  for (const section of sections) {
    if (section.kind === 'ignore' || section.kind === 'background' || section.kind === 'summary') continue;
    for (let at = -1; at < section.lines.length; at++) {
      const line = at < 0 ? section.heading : (section.lines[at] ?? '');
      // Composed first, so the folded line's positions are the line's own; a line of plain ASCII is composed already.
      const composed = line === '' || line.length > 200 ? '' : ASCII.test(line) ? line : line.normalize('NFC');
      const word = composed === '' ? null : DEADLINE_WORDS.exec(foldKey(composed));
      // "1.12.2006 saakka", "2025年6月24日まで": the word comes after the date.
      const trailing = word || composed === '' ? undefined : trailingDeadline(composed);
      if (trailing) return trailing;
      if (!word) continue;
      // The date follows its word: "on a hunger strike since 14 October 1995 before the United Nations" gives none.
      const from = composed.slice(word.index);
      // "The deadline will be this Saturday, May 9th." under a post dated "Tuesday, May 05, 2009".
      // "please send it to me by July 15 at:" under a post dated "Tuesday, June 12, 2007": the post's year, the date right after "by".
      const exact = parseDate(from) ?? dayFirstNumeric(from);
      if (exact) return exact;
      const date = (dated && /\bdeadline\b/i.test(line) ? parseDateAfter(line, dated) : undefined) ?? (dated ? yearlessRightAfter(from, dated) : undefined);
      // A year read from a heading or a letter's date, not from the page's own date line: the moderator checks it.
      if (date && own?.from !== 'date line') warn('deadline_year', `The deadline's year is not in the text; ${date.slice(0, 4)} was taken from the ${own?.from}. Check it before saving.`);
      if (date) return date;
      const yearless = issued ? yearlessInProse(composed, issued) : undefined;
      if (yearless) return yearGuessed(yearless, warn);
    }
  }
  const japanese = japaneseDeadline(sections, warn);
  if (japanese) return japanese;
  // A deadline inside a paragraph: "ENVOYEZ VOS APPELS AVANT LE 15 DÉCEMBRE 2009", "Schrijf vóór 1 mei 2020 naar ...".
  for (const section of sections) {
    if (section.kind === 'ignore' || section.kind === 'background') continue;
    for (let at = -1; at < section.lines.length; at++) {
      const line = at < 0 ? section.heading : (section.lines[at] ?? '');
      if (line.length <= 200) continue;
      const folded = foldKey(line.slice(0, 20_000));
      for (const m of folded.matchAll(DEADLINE_IN_PROSE)) {
        const date = parseDate(folded.slice((m.index ?? 0) + m[0].length - (m[1]?.length ?? 0), (m.index ?? 0) + m[0].length + 40));
        if (date) return date;
      }
      const yearless = issued ? yearlessInProse(line, issued) : undefined;
      if (yearless) return yearGuessed(yearless, warn);
    }
  }
  warn('no_deadline', 'No deadline was found; add it with Fill in before saving.');
  return null;
}

const ASCII = /^[\t\x20-\x7e]*$/;

/* A month and a day in Japanese: the one thing a yearless Japanese deadline is read from. */
const JAPANESE_MONTH_DAY = /\d\s*月\s*\d{1,2}\s*日/u;

/**
 * "郵送の場合は、3月10日以前の消印分まで有効です" on a page that gives its own date ("(2008/3/8 改訂)"): the deadline in the
 * year of that date, said in a warning so the moderator checks it.
 */
function japaneseDeadline(sections: Section[], warn: Warn): string | undefined {
  // Most texts hold no Japanese date at all: one look at each line for "月", nothing copied for them.
  const candidates: string[] = [];
  for (const section of sections) {
    if (section.kind === 'background' || section.kind === 'ignore') continue;
    for (const line of section.lines) if (line.length <= 400 && line.includes('月') && JAPANESE_MONTH_DAY.test(line)) candidates.push(line);
  }
  if (candidates.length === 0) return undefined;
  const dated = japanesePageDate(sections.filter((s) => s.kind !== 'background' && s.kind !== 'ignore').flatMap((s) => [s.heading, ...s.lines]));
  if (!dated) return undefined;
  for (const line of candidates) {
    const date = japaneseYearlessDeadline(line, dated);
    if (!date) continue;
    warn('deadline_year', `The deadline's year is not in the text; ${date.slice(0, 4)} was taken from the date the page gives. Check it before saving.`);
    return date;
  }
  return undefined;
}

/*
 * "by July 15", "before 15 July", "bis zum 17. Juni", "avant le 30 janvier", "antes del 5 de mayo": the preposition, then a
 * day and a month with nothing between. Read accent-free.
 */
const BY_DAY_MONTH = /\b(?:by|before|until|no later than|bis(?: zum| spatestens)?|avant le|jusqu'au|antes del?|hasta el|entro il|fino al|uiterlijk|voor)\s+(?=[a-z]{3,10}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th|er|e|\.)?\s{1,3}(?:de\s{1,3})?[a-z]{3,10}\b)/i;

/** A date without its year right after "by" / "before" / "bis zum" in a request, read in the year of the text's own date. */
function yearlessRightAfter(from: string, dated: string): string | undefined {
  const folded = foldKey(from.slice(0, 200));
  const by = BY_DAY_MONTH.exec(folded);
  return by ? parseDateAfter(folded.slice(by.index + by[0].length, by.index + by[0].length + 24), dated) : undefined;
}

/* "Aufruf zu Briefaktion zu Hazienda Matias, 2014": a heading that ends with its year after a comma. */
const HEADING_YEAR = /,\s*((?:19|20)\d{2})\.?$/;

/**
 * The text's own date: a line that is only a date among its first lines ("Tuesday, May 05, 2009"), else the first of
 * January of the year a heading among them ends with (", 2014"), else the date of a letter in it ("Berlin, 3. Juni 2014").
 * A text that gives no year has none: the importer's clock says nothing of when an old text was written.
 */
function textDate(sections: Section[]): TextDate | undefined {
  // Stops at the fifth line read: copying every section's lines first made a paste of many short sections slow.
  let read = 0;
  let headingYear: string | undefined;
  const fallback = (): TextDate | undefined => (headingYear ? { date: headingYear, from: 'heading' } : datedLetter(sections));
  for (const section of sections) {
    for (const line of [section.heading, ...section.lines.slice(0, 10)]) {
      if (line === '') continue;
      if (++read > 5) return fallback();
      if (line.length > 120) continue;
      const date = line.length <= 40 ? parseDate(line) : undefined;
      if (date) return { date, from: 'date line' };
      headingYear ??= HEADING_YEAR.exec(line.trim())?.[1]?.concat('-01-01');
    }
  }
  return fallback();
}

/* The text's own date and where it was read. */
type TextDate = { date: string; from: 'date line' | 'heading' | "letter's date" };

/** The date of a letter's own date line ("Berlin, 3. Juni 2014", "Apeldoorn, 1 April 2020"), the first in the text. */
function datedLetter(sections: Section[]): TextDate | undefined {
  for (const section of sections) {
    if (section.kind === 'background' || section.kind === 'ignore') continue;
    for (const line of section.lines) {
      const date = isDateLine(line) ? parseDate(line) : undefined;
      if (date) return { date, from: "letter's date" };
    }
  }
  return undefined;
}

/*
 * In prose only a request to write with its date counts: the verb (send, write, appeals), then "before", "until",
 * "by", "no later than" and the date right after (a weekday may open it: "no later than FRIDAY, DECEMBER 3, 2010");
 * or "nach dem <date> keine Appelle mehr" (no appeals after ...). Read accent-free.
 */
const DEADLINE_IN_PROSE =
  /\b(?:appeals?|letters?|write|send|envoyez|appels?|ecrivez|escrib\w*|envi\w+|actue\w*|schrijf|stuur|schreiben|schicken|appelle|agissez|scriv\w*|invia\w*|appelli|skriv|skicka|kirjoita)\b[^.]{0,80}?\b(?:before|until|by|no later than|avant le|jusqu'au|antes del?|hasta el|voor|uiterlijk|bis(?: zum| spatestens)?|ate|entro il|fino al|senast(?: den)?|innan|innen|inden|viimeistaan)\s+(?:(?:next|proximo|prochain|naechsten|prossimo)\s+)?(?=\d|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s)|\bnach dem\s+(?=\d{1,2}\.?\s+\p{L}+\s+\d{4}\s+keine\s+(?:appelle|briefe))|\bdeadline\s+(?:for\s+(?:appeals?|actions?|letters?)\s+)?(?:is|was|:)\s*(?=\d)/giu;

/*
 * An Amnesty number ends with its year ("261/16", "19.20") and counts the year's actions in order, at most 35 a
 * month: the 261st was issued in August at the earliest. A date without a year is the first one on or after that.
 */
const PER_MONTH = 35;

/** "enviar antes del próximo 30 de diciembre": a request to write and a date without its year, read on or after `issued`. */
function yearlessInProse(line: string, issued: string): string | undefined {
  const folded = foldKey(line.slice(0, 20_000));
  for (const m of folded.matchAll(DEADLINE_IN_PROSE)) {
    const date = parseDateAfter(folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40), issued);
    if (date) return date;
  }
  return undefined;
}

/** A deadline whose year the text does not give: the moderator is asked to check the year the number gave it. */
function yearGuessed(date: string, warn: Warn): string {
  warn('deadline_year', `The deadline's year is not in the text; ${date.slice(0, 4)} was taken from the UA number. Check it before saving.`);
  return date;
}

/** The earliest day an action of this number can have been issued, as YYYY-MM-01; undefined when the number has no year. */
function issuedFrom(number: string): string | undefined {
  const m = /^(\d{1,4})[./](\d{2}|\d{4})$/.exec(number);
  if (!m?.[1] || !m[2]) return undefined;
  const year = m[2].length === 4 ? Number(m[2]) : Number(m[2]) + (Number(m[2]) < 50 ? 2000 : 1900);
  const month = Math.min(12, Math.floor(Number(m[1]) / PER_MONTH) + 1);
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

const OWN_LANGUAGE = /\b(?:own|propio|propia|propre|idioma|language|langue|lengua)\b/i;

/** "English or your own language." -> ["English"]; "Spanish, English" -> ["Spanish", "English"]. */
export function parseLanguages(text: string): string[] {
  const cleaned = text
    .slice(0, 300)
    .replace(/^.*?\b(?:in|en)\s+(?=\p{Lu})/u, '')
    .replace(/[.:;)]+$/, '');
  const out: string[] = [];
  for (const part of cleaned.split(/,|\/|\s(?:or|and|o|y|u|e|ou|et)\s/i)) {
    const item = part.trim().replace(/^(?:in|en)\s+/i, '');
    if (item === '' || OWN_LANGUAGE.test(item) || item.split(' ').length > 3 || !/^\p{L}[\p{L} -]*$/u.test(item)) continue;
    const name = item.charAt(0).toUpperCase() + item.slice(1);
    if (!out.includes(name)) out.push(name);
  }
  return out.slice(0, 10);
}

/** Preferred languages from the labelled field, or from an old "PLEASE WRITE IMMEDIATELY in Spanish or ..." heading. */
export function findLanguages(sections: Section[], warn: Warn): string[] {
  for (const section of sections) {
    if (section.kind === 'language') {
      const found = parseLanguages(sectionValue(section));
      if (found.length > 0) return found;
    }
    if (section.kind === 'points') {
      const match = /\b(?:in|en)\s+(\p{L}[^:]{0,120})/u.exec(section.heading);
      const found = match?.[1] ? parseLanguages(match[1]) : [];
      if (found.length > 0) return found;
    }
  }
  warn('no_language', 'No preferred language for the officials was found.');
  return [];
}

const OLD_FOOTER = /^(?:names?|nombres?|noms?)\s?:\s*(.{1,300})$|^(?:gender|g[ée]nero|genre)\b.{0,10}:/i;

/** Background paragraphs, with the old layout's "Name: ... Gender m/f: ..." footer taken out (the name is who the appeal concerns). */
export function findBackground(sections: Section[], warn: Warn): { paragraphs: string[]; concerning?: string } {
  const lines: string[] = [];
  let concerning: string | undefined;
  for (const section of sections.filter((s) => s.kind === 'background')) {
    if (section.rest !== '') lines.push(section.rest, '');
    for (const line of section.lines) {
      const footer = OLD_FOOTER.exec(line);
      if (footer) concerning ??= footer[1]?.trim();
      else lines.push(line);
    }
    lines.push('');
  }
  const paragraphs = toParagraphs(lines);
  if (paragraphs.length === 0) warn('no_background', 'No background information was found.');
  if (paragraphs.length > 60) warn('truncated', 'The background was longer than 60 paragraphs; only the first 60 were kept.');
  return { paragraphs: paragraphs.slice(0, 60), concerning };
}

/** The summary: a labelled field, else the prose between the title and the first section. */
export function findSummary(sections: Section[], titleLine: string | undefined, stopAt: { section: number; line: number } | undefined, warn: Warn): string {
  const labelled = sections.filter((s) => s.kind === 'summary');
  let lines: string[] = labelled.flatMap((s) => (s.rest !== '' ? [s.rest, ...s.lines] : s.lines));
  if (labelled.length === 0) {
    lines = [];
    sections.forEach((section, s) => {
      if (!['preamble', 'banner', 'header'].includes(section.kind)) return;
      const end = stopAt?.section === s ? stopAt.line : section.lines.length;
      for (const line of section.lines.slice(0, end)) {
        if (line === titleLine || /^(?:date|fecha|index|[íi]ndice)\b.{0,20}:/i.test(foldKey(line))) continue;
        lines.push(line);
      }
    });
  }
  const summary = toParagraphs(lines).join('\n\n');
  if (summary === '') {
    warn('no_summary', 'No summary was found.');
    return '';
  }
  if (summary.length <= 5000) return summary;
  warn('truncated', 'The summary was longer than 5000 characters and was shortened.');
  const cut = summary.slice(0, 5000);
  return cut.slice(0, Math.max(cut.lastIndexOf('. ') + 1, 1)).trim() || cut.trim();
}
