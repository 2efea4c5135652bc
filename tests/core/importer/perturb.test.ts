// The importer gives the same answer when a text of corpora 1-14 is written a little differently (line ends,
// spacing, label spellings, bullets, e-mail forms, quotes, HTML remnants): see perturb.ts.
import { describe, expect, it } from 'vitest';
import { corpusTexts } from './corpus-score.js';
import { measurePerturbation, PERTURBATIONS, PERTURBED_CORPORA, type PerturbationReport, type TextScore } from './perturb.js';

/*
 * Fields wrong on the rewritten texts beyond those wrong on the texts as written, measured 2026-12-07 after the fixes
 * (before them: nbsp-tabs 115, bullet-dash 193 with 11 misattached, html-remnants 101 with 17 misattached, ...). A
 * fix reverted makes its rewrite lose more than this. The few left, written down so a change is seen:
 * - blank-doubled, page-double-spaced: one page whose blank lines hold spaces loses its official's name;
 * - blank-above-contact-removed / block-blanks-removed / email-Mail: an extra official made of a line the rewrite ran
 *   into a block, and a German page's block that loses its name;
 * - bullet-*: an instruction bulleted inside a block ("- Due to postal restrictions ..."), "- Target: ..." and a
 *   bulleted French block without a number; bullet-number: "1) Target: ..." and numbered lists of letters.
 */
const KNOWN_LOSSES: Record<string, number> = {
  'blank-doubled': 2,
  'blank-above-contact-removed': 4,
  'block-blanks-removed': 4,
  'page-double-spaced': 2,
  'email-Mail': 4,
  'bullet-dash': 7,
  'bullet-star': 5,
  'bullet-dot': 5,
  'bullet-number': 8,
};

/*
 * None left. Until 2026-12-08 a capitalised caption over an official's block ("MINISTER FÜR JUSTIZ UND
 * MENSCHENRECHTE") in sentence case was taken for the official's name and carried three addresses; an office alone is
 * now a title in any case (office-lines.ts). A rewrite that attaches an address wrongly is written down here.
 */
const KNOWN_MISATTACHED: Record<string, number> = {};

const wrongFields = (s: TextScore): number => s.fields - s.right;
const share = (s: TextScore): number => s.right / Math.max(1, s.fields);
const moved = (r: PerturbationReport): string =>
  r.moved.map((m) => `${m.name}: right ${m.before.right}/${m.before.fields} -> ${m.after.right}/${m.after.fields}, misattached ${m.before.wrong} -> ${m.after.wrong}`).join('\n');

describe('the importer under label-preserving rewrites of corpora 1-14', () => {
  const texts = PERTURBED_CORPORA.flatMap((dir) => corpusTexts(dir).map((t) => ({ ...t, name: `${dir.pathname.split('/').at(-2) ?? ''}/${t.name}` })));
  const baseline = new Map<string, TextScore>();

  it('reads every text of corpora 1-14', () => {
    expect(texts.length).toBeGreaterThanOrEqual(280);
  });

  for (const perturbation of PERTURBATIONS) {
    it(`keeps the score within 2 points and attaches no address wrongly (known cases apart): ${perturbation.says}`, () => {
      const report = measurePerturbation(texts, perturbation, baseline);
      expect(report.changed, 'the rewrite changes some texts').toBeGreaterThan(0);
      expect(report.after.wrong, moved(report)).toBeLessThanOrEqual(report.before.wrong + (KNOWN_MISATTACHED[perturbation.name] ?? 0));
      expect(share(report.after), moved(report)).toBeGreaterThanOrEqual(share(report.before) - 0.02);
      expect(wrongFields(report.after) - wrongFields(report.before), moved(report)).toBeLessThanOrEqual(KNOWN_LOSSES[perturbation.name] ?? 0);
    });
  }
});
