// Finds the officials of a text: under a contact heading, near contact fields or letters, in an
// appeal sentence.
import type { AppealSentence } from './appeal-sentence.js';
import type { FoundLetter } from './letter.js';
import { postalBlockLines, proximityTargetLines } from './proximity.js';
import type { Section } from './sections.js';
import { parseTargetsWithOrigins, type ParsedTarget, type TargetLine } from './targets.js';
import type { Warn } from './types.js';

/** Officials under a contact heading, else by proximity to contact fields or letters, else in an appeal sentence, else a bare postal block. */
export function findTargets(sections: Section[], found: FoundLetter | undefined, sentence: AppealSentence | undefined, lead: TargetLine[] | undefined, warn: Warn): ParsedTarget[] {
  const sources = [
    () => targetLines(sections, found),
    () => proximityTargetLines(sections, found),
    () => sentence?.target ?? [],
    () => lead ?? [],
    () => postalBlockLines(sections),
  ];
  for (const source of sources) {
    const lines = source();
    if (lines.every((l) => l.text === '')) continue;
    const targets = parseTargetsWithOrigins(lines, warn);
    if (targets.some((t) => !t.target.copy)) return targets;
  }
  return [];
}

/** Contact details sit under their own heading, or (current layout) under "TAKE ACTION" above the letter. */
function targetLines(sections: Section[], letter: FoundLetter | undefined): TargetLine[] {
  const lines: TargetLine[] = [];
  sections.forEach((section, s) => {
    if (!['targets', 'copies', 'action'].includes(section.kind)) return;
    const copy = section.kind === 'copies';
    const body = letter?.section === s ? section.lines.slice(0, letter.start) : section.lines;
    if (section.rest !== '') lines.push({ text: section.rest, copy });
    for (const text of body) lines.push({ text, copy });
    lines.push({ text: '', copy });
  });
  return lines;
}
