// A covering letter to an embassy ("Exzellenz, hiermit übergebe ich Ihnen ein Schreiben an General ...") placed above
// the appeal's own letter: its addressee is a route for a copy, and the letter to send is the one below it.
import { findLetter, isSalutation, type FoundLetter } from './letter.js';
import type { Section } from './sections.js';
import { isAddressLike } from './postal-blocks.js';
import { parseTargetsWithOrigins } from './targets.js';
import type { ParsedTarget, Warn } from './types.js';

/*
 * A letter that says it hands over or encloses another letter: "übergebe ich Ihnen ein Schreiben an", "beiliegend
 * finden Sie meinen Brief an", "I enclose a copy of my letter to", "je vous transmets ma lettre à", "le adjunto la carta
 * dirigida a". The words are bounded, so a sentence is read in one pass; "\b" does not see "ü" as a letter.
 */
const HANDS_OVER = new RegExp(
  [
    String.raw`(?<!\p{L})(?:übergebe|überreiche|übersende|überm[ie]ttle|sende|schicke|leite)\b[^.!?]{0,40}?\b(?:Schreiben|Brief|Appell)\b[^.!?]{0,20}?\ban\b`,
    String.raw`\b(?:beiliegend|anbei|in der anlage)\b[^.!?]{0,40}?\b(?:Schreiben|Brief|Appell)\b[^.!?]{0,20}?\ban\b`,
    String.raw`\b(?:enclos(?:e|ing)|forward(?:ing)?|pass(?:ing)? on)\b[^.!?]{0,40}?\bletter\b[^.!?]{0,20}?\b(?:to|addressed to)\b`,
    String.raw`\b(?:transmets|joins?|fais parvenir)\b[^.!?]{0,40}?\blettre\b[^.!?]{0,20}?\b(?:à|adressée)`,
    String.raw`\b(?:adjunto|remito|env[ií]o)\b[^.!?]{0,40}?\bcarta\b[^.!?]{0,20}?\b(?:a|dirigida)\b`,
  ].join('|'),
  'iu',
);

/** The lines above a letter's greeting, back to the start of its section: the cover letter's address block among them. */
const HEAD_LINES = 8;

/**
 * The letter to send. When the first letter found is a covering letter that hands over another, and another greeting
 * follows it, the letter is the one that greeting opens. The second `cover` is the covering letter, for `markCoverCopies`.
 */
export function findOwnLetter(sections: Section[], warn: Warn): { found: FoundLetter | undefined; cover?: FoundLetter } {
  const held: Array<[string, string]> = [];
  const first = findLetter(sections, (code, message) => held.push([code, message]));
  const body = first?.paragraphs.slice(0, 3).join('\n').slice(0, 3000) ?? '';
  if (first?.salutation && HANDS_OVER.test(body)) {
    const rest = withoutLetter(sections, first);
    const own = rest ? findLetter(rest, warn) : undefined;
    if (own?.salutation && own.salutation !== first.salutation) return { found: own, cover: first };
  }
  for (const [code, message] of held) warn(code, message);
  return { found: first };
}

/**
 * The sections with the covering letter's lines, from its greeting to the next greeting in its section, left blank
 * (indexes kept); undefined when no greeting follows it there.
 */
function withoutLetter(sections: Section[], letter: FoundLetter): Section[] | undefined {
  const lines = sections[letter.section]?.lines ?? [];
  const next = lines.findIndex((line, i) => i > letter.start && isSalutation(line));
  if (next < 0) return undefined;
  return sections.map((section, s) => (s === letter.section ? { ...section, lines: lines.map((line, i) => (i >= letter.start && i < next ? '' : line)) } : section));
}

/**
 * The officials read from the covering letter's own address block are copies: the appeal is not written to them. Where
 * no reader took that block, it is added as a copy (the embassy the letter goes through), never as an official.
 */
export function markCoverCopies(parsed: ParsedTarget[], sections: Section[], cover: FoundLetter | undefined): void {
  if (!cover) return;
  const block = headBlock(sections, cover);
  const head = new Set(block);
  let seen = false;
  for (const p of parsed) {
    if (!head.has(p.target.name.trim()) && !(p.target.address ?? []).some((l) => head.has(l.trim()))) continue;
    p.target.copy = true;
    seen = true;
  }
  if (seen || block.length < 2 || !block.every(isAddressLike)) return;
  parsed.push(...parseTargetsWithOrigins(block.map((text) => ({ text, copy: true })), () => {}).filter((p) => p.target.copy));
}

/** The lines right above the covering letter's greeting (blank lines between skipped), up to a blank line: its address block. */
function headBlock(sections: Section[], cover: FoundLetter): string[] {
  const lines = sections[cover.section]?.lines ?? [];
  let end = cover.start;
  while (end > 0 && lines[end - 1]?.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]?.trim() !== '' && end - start < HEAD_LINES) start--;
  return lines.slice(start, end).map((l) => l.trim());
}
