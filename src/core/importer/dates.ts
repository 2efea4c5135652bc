// Dates in Urgent Action text (English, Spanish, French, German, Portuguese, Dutch, Italian, the Nordic languages,
// Finnish, Japanese), as YYYY-MM-DD.
import { foldKey } from './sections.js';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
  setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9,
  octobre: 10, novembre: 11, decembre: 12,
  januar: 1, februar: 2, marz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janeiro: 1, fevereiro: 2, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  // Swedish, Norwegian and Danish (those not already above).
  maj: 5, augusti: 8, desember: 12,
  // Finnish, without the partitive "-ta" that parseDate strips: "24. kesäkuuta 2025".
  tammikuu: 1, helmikuu: 2, maaliskuu: 3, huhtikuu: 4, toukokuu: 5, kesakuu: 6, heinakuu: 7, elokuu: 8, syyskuu: 9,
  lokakuu: 10, marraskuu: 11, joulukuu: 12,
};

const ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/;
/* "2025年6月24日": a Japanese date, year first. */
const JAPANESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
/* "July 1, 2025", "Aug. 16 2017" */
const MONTH_FIRST = /\b([a-z]{3,10})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})\b/;
/* "1 July 2025", "16 AUGUST 2017", "1 de julio de 2025", "1er juillet 2025", "1st of July, 2025", "12. März 2015" */
const DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th|er|re|e|º|°|\.)?\s{1,3}(?:de\s{1,3}|of\s{1,3})?([a-z]{3,10})\.?,?\s{1,3}(?:de\s{1,3}|del\s{1,3})?(\d{4})\b/;

/** The first calendar date in a line, as YYYY-MM-DD; only the first 400 characters are read. */
export function parseDate(text: string): string | undefined {
  // Finnish months take "-ta" after a day ("kesäkuuta"): read as the month's own name.
  const folded = foldKey(text.slice(0, 400)).toLowerCase().replace(/kuuta\b/g, 'kuu');
  const iso = ISO.exec(folded) ?? JAPANESE.exec(folded);
  if (iso) return toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const candidates: { at: number; date: string | undefined }[] = [];
  const dayFirst = DAY_FIRST.exec(folded);
  if (dayFirst) candidates.push({ at: dayFirst.index, date: fromParts(dayFirst[1], dayFirst[2], dayFirst[3]) });
  const monthFirst = MONTH_FIRST.exec(folded);
  if (monthFirst) candidates.push({ at: monthFirst.index, date: fromParts(monthFirst[2], monthFirst[1], monthFirst[3]) });
  candidates.sort((a, b) => a.at - b.at);
  return candidates.find((c) => c.date !== undefined)?.date;
}

/* "May 9th", "Saturday, May 9", "9 May": a day and a month with no year. */
const MONTH_DAY = /\b([a-z]{3,10})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})|\b(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s{1,3}(?:de\s{1,3}|of\s{1,3})?([a-z]{3,10})\b(?!\.?,?\s*(?:de\s+)?\d{4})/g;

/**
 * A date written without its year ("The deadline will be this Saturday, May 9th."), read in the year of `after`
 * (the text's own date, YYYY-MM-DD), or the next year when that day has passed by then.
 */
export function parseDateAfter(text: string, after: string): string | undefined {
  const folded = foldKey(text.slice(0, 400)).toLowerCase();
  const m = [...folded.matchAll(MONTH_DAY)].find((x) => MONTHS[x[1] ?? x[4] ?? ''] !== undefined);
  if (!m) return undefined;
  const month = MONTHS[m[1] ?? m[4] ?? ''] ?? 1;
  const day = Number(m[2] ?? m[3]);
  const year = Number(after.slice(0, 4));
  const same = toIso(year, month, day);
  return same !== undefined && same >= after ? same : toIso(year + 1, month, day);
}

function fromParts(day: string | undefined, month: string | undefined, year: string | undefined): string | undefined {
  const m = month === undefined ? undefined : MONTHS[month];
  if (m === undefined) return undefined;
  return toIso(Number(year), m, Number(day));
}

function toIso(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/* "Oktober 2025", "Im Dezember 2025", "Apeldoorn, April 2020.", "3 November 2009", "Tuesday, November 3, 2009". */
const DATE_ONLY = /^(?:(?:im|in|am|le|el|en|on|den)\s+)?(?:(\d{1,2})(?:st|nd|rd|th|er|e|\.)?\s+(?:de\s+|of\s+)?)?([a-z]{3,10})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?:de\s+)?(\d{4})$/;

/* isDateLine's patterns, made once: a pattern written in a function is a new object each time it runs (once a line). */
const DATE_LINE_END = /[.,;]+$/;
const DATE_PLACEHOLDER = /^\[?\s*(?:insert|add|your) date\s*\]?$/;
const DATE_PLACE = /^["'„“”«‚‘]?[\p{L} ./-]{2,30},\s*/u;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const MAY_BE_DATE = /[\d.]|date|datum/i;
/* The word "date" alone where the date goes, in the languages of the corpus. */
const DATE_WORD = /^(?:date|datum|fecha|data|\[date\]|\(date\))$/;
const NUMERIC_DATE = /^(?:\d{1,2}|xx?)([./])(?:\d{1,2}|xx?)\1(?:\d{2}|\d{4}|x{2,4})$/;

/**
 * A line that is only a date, maybe after a place ("Apeldoorn, April 2020."): a letter's date line, never a
 * name or an address line. "[Insert date]" placeholders count as one.
 */
export function isDateLine(line: string): boolean {
  if (line.length > 60) return false;
  // Every date below has a digit, a dot or the word "date"; a plain ASCII line with none of them (most lines) is none.
  if (PLAIN_ASCII.test(line) && !MAY_BE_DATE.test(line)) return false;
  const folded = foldKey(line).toLowerCase().trim().replace(DATE_LINE_END, '');
  if (DATE_PLACEHOLDER.test(folded)) return true;
  const bare = folded.replace(DATE_PLACE, '');
  // "Würzburg, xx.xx.2012", "Berlin, 12.03.2020", "Bruxelles/Gap, 20/12/2014": a letter's place and numeric date, blanks left for the member.
  if (bare !== folded && NUMERIC_DATE.test(bare)) return true;
  // "Heerhugowaard, datum", "Ort, Datum", "Paris, date": a letter's place with the date left for the member to write.
  if (bare !== folded && DATE_WORD.test(bare)) return true;
  const m = DATE_ONLY.exec(bare);
  return m !== null && m[2] !== undefined && MONTHS[m[2]] !== undefined;
}

/*
 * "Finaliza el 05/05/2017", "hasta el 5/5/2017", "avant le 05/05/2017": right after a deadline word of a language that
 * writes the day first, a numeric date is day, month, year. Elsewhere a numeric date stays unread (05/04 may be either).
 */
const DAY_FIRST_WORD_NUMERIC = /^(?:finaliza el|hasta el|vence el|antes del?|avant le|jusqu'au|entro il|fino al|ate)\s+(\d{1,2})[./](\d{1,2})[./](\d{4})\b/i;

/** The date a day-first deadline word gives in numbers; undefined for any other wording. */
export function dayFirstNumeric(from: string): string | undefined {
  const m = DAY_FIRST_WORD_NUMERIC.exec(foldKey(from.slice(0, 60)));
  return m ? toIso(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
}
