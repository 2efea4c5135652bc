// The appeal's title from its capitals line or heading.
import type { Section } from './sections.js';

/** A line written in capitals ("STOP ILLEGAL EXPULSIONS TO EL SALVADOR"), not an acronym or a number. */
export function isCapitalsLine(line: string): boolean {
  if (line.length < 8 || line.length > 300) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && line.includes(' ');
}

/** Reading this much prose is enough to learn which words are names; more would only cost time. */
const INDEX_LIMIT = 300_000;

/**
 * Counts, for each word, how often it is capitalised in the middle of a sentence and how often it is
 * written in lowercase; a word capitalised more often than not is a name ("El Salvador", "CECOT").
 */
export function properNounIndex(lines: string[]): Map<string, string> {
  const counts = new Map<string, { upper: number; lower: number; form: string }>();
  let read = 0;
  for (const line of lines) {
    if (read > INDEX_LIMIT) break;
    if (line === '' || isCapitalsLine(line)) continue;
    read += line.length;
    let sentenceStart = true;
    for (const m of line.matchAll(/([.!?:"“(]?)\s*([\p{L}][\p{L}'’-]*)/gu)) {
      const word = m[2] ?? '';
      if (m[1] !== '' && m[1] !== '(') sentenceStart = true;
      const key = word.toLowerCase();
      const entry = counts.get(key) ?? { upper: 0, lower: 0, form: word };
      if (word === key) entry.lower++;
      else if (!sentenceStart) {
        entry.upper++;
        entry.form = word;
      }
      counts.set(key, entry);
      sentenceStart = /[.!?]$/.test(word);
    }
  }
  const names = new Map<string, string>();
  for (const [key, c] of counts) if (c.upper > c.lower) names.set(key, c.form);
  return names;
}

/** "STOP ILLEGAL EXPULSIONS TO EL SALVADOR" -> "Stop illegal expulsions to El Salvador", keeping names found in the text. */
export function sentenceCase(capitals: string, names: Map<string, string>): string {
  let first = true;
  return capitals.replace(/[\p{L}][\p{L}'’-]*/gu, (word) => {
    const known = names.get(word.toLowerCase());
    let out = known ?? word.toLowerCase();
    if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
    first = false;
    return out;
  });
}

/* The sections at the top of a page, where a title in capitals stands: one set, not an array made for every section. */
const OPENING_KINDS = new Set<Section['kind']>(['preamble', 'banner', 'header']);

/** The title: a labelled "TITLE:" field as given, else the first line in capitals near the top, in sentence case. */
export function findTitle(sections: Section[], allLines: string[]): { title: string; line?: string } | undefined {
  const labelled = sections.find((s) => s.kind === 'title');
  if (labelled) {
    const value = labelled.rest !== '' ? labelled.rest : labelled.lines.find((l) => l !== '');
    if (value) return { title: value, line: value };
  }
  // "Urgent Action : Alaa Abdel Fattah and Mohamed al-Baqer"
  const banner = sections.find((s) => s.kind === 'banner' && s.rest.length >= 8);
  if (banner) return { title: banner.rest, line: banner.heading };
  for (const section of sections) {
    if (!OPENING_KINDS.has(section.kind)) continue;
    const line = section.lines.find((l) => l !== '' && isCapitalsLine(l));
    if (line) return { title: sentenceCase(line.replace(/[.:]$/, ''), properNounIndex(allLines)), line };
  }
  return undefined;
}
