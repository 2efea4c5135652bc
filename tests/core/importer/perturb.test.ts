// The importer gives the same answer when a text of corpora 1-38 is written a little differently (line ends,
// spacing, label spellings, bullets, e-mail forms, quotes, HTML remnants): see perturb.ts.
import { describe, expect, it } from 'vitest';
import { corpusTexts } from './corpus-score.js';
import { measurePerturbation, PERTURBATIONS, PERTURBED_CORPORA, type PerturbationReport, type TextScore } from './perturb.js';

/*
 * Fields wrong on the rewritten texts beyond those wrong on the texts as written, measured 2026-12-08 over corpora 1-25
 * (549 texts) after the fixes of the late corpora's rewrites ("Mail: [email protected]", bullets over one-line
 * addresses and notes, a contact line under its line on a double-spaced page; before them: bullet-dash 66 with 5
 * misattached, email-Mail 22 with 7, blank-above-contact-removed 3 with 5). A fix reverted makes its rewrite lose more
 * than this. The few left, written down so a change is seen:
 * - blank-doubled, page-double-spaced: one page whose blank lines hold spaces loses its official's name; a Dutch letter
 *   (corpus-21) loses a field;
 * - blank-before-contact: a letter's block "c/o Ministry of Defence" (corpus-19) whose contact line is set apart loses
 *   its name;
 * - block-blanks-removed: an extra official made of a line the rewrite ran into a block, and a German page's block that
 *   loses its name;
 * - fax-no: two pages of corpus-20 (a 2004 text cut at its salutation loses all 5, an Amnesty USA page 2);
 * - bullet-*: a list of recipients bulleted in part (the rewrite marks only the lines it finds), an instruction bulleted
 *   inside a block, "- Target: ...", a bulleted French block without a number, "- A Préfecture ... |" (a letter's
 *   head in a table); bullet-number: "1) Target: ...", "1) In English, to the ... (Name):", numbered lists of letters.
 */
/*
 * Corpora 26-28 added 2026-12-07 (590 texts): 0 misattached under every rewrite. Five texts read by rules made for them
 * lost fields until the same day's fixes (perturb-28-rules.test.ts): an inline run's "Salutation -" (6, and the
 * corpus-16 page's 1), a bulleted "To:" line (4), capitals headings over postal blocks in sentence case (6), a letter by
 * others whose site menu has curly dashes (1). None of them loses a field now: salutation-dash, smart-punctuation and
 * headings-sentence-case lose nothing, the bullets' budgets are the corpora 1-25 cases above.
 */
/*
 * Corpora 29-32 added 2026-12-07 (656 texts): 0 misattached under every rewrite. Five texts read by rules made for them
 * lost fields when bulleted until the same day's fixes (perturb-32-rules.test.ts): a bulleted postal block whose street
 * ends in "S.E." (refused, 5), a bulleted "An:" line over hidden addresses (2), a bulleted greeting under an e-mail's
 * header (3), a bulleted or numbered request above its address (2 each), a numbered list of captions over contact lines
 * (6 of 18). Measured after them over corpora 1-32: bullet-dash 52 -> 34, bullet-star and bullet-dot 50 -> 32,
 * bullet-number 38 -> 19 (the same fixes mend a few corpora 1-25 cases too); the others as before. What is left are the
 * corpora 1-25 cases above.
 */
/*
 * Corpora 33-34 added 2026-12-07 (692 texts): 0 misattached under every rewrite. Seven texts read by the rules made for
 * them lost fields under a rewrite until the same day's fixes (perturb-34-rules.test.ts): a letter of support whose
 * writer's block runs on under the judge's, and a model letter's "Courrier-type 1" run into its block
 * (block-blanks-removed 8 -> 4), a short thank-you page double-spaced (page-double-spaced 5 -> 3), the ministers'
 * e-mails in prose written "(Mail: ...)" or "(E-Mail-Adresse: ...)" (email-Mail 5 -> 1, email-Adresse 4 -> 0), a
 * numbered postal block under "Urge Secretary of State X" and a numbered call-in heading (bullet-number 23 -> 19).
 * None of them loses a field now: what is left are the corpora 1-25 cases above. The same day "Mail: <mailto:x at y>"
 * (corpus-2, an old list's spelled e-mail, until then an extra official) was read as the e-mail label: email-Mail 1 -> 0.
 */
/*
 * Corpora 35-38 added 2026-12-07 after their fixes (789 texts): 0 misattached under every rewrite. Two texts lose a
 * field: a South Sudan update whose per-official "Salutation:" under a copies note is written "Salutation -"
 * (salutation-dash +1), an Angolan repost's numbered title line over the minister's name (bullet-number +1).
 */
const KNOWN_LOSSES: Record<string, number> = {
  'blank-doubled': 2,
  'blank-before-contact': 2,
  'block-blanks-removed': 4,
  'page-double-spaced': 3,
  'fax-no': 7,
  'salutation-dash': 1,
  'bullet-dash': 34,
  'bullet-star': 32,
  'bullet-dot': 32,
  'bullet-number': 20,
};

/*
 * None left, over corpora 1-25 (the late corpora's rewrites attached 24 addresses wrongly before the fixes of
 * 2026-12-08: "Mail:" over a hidden e-mail, bullets, a contact line under its line). Until 2026-12-08 a capitalised caption over an official's block ("MINISTER FÜR JUSTIZ UND
 * MENSCHENRECHTE") in sentence case was taken for the official's name and carried three addresses; an office alone is
 * now a title in any case (office-lines.ts). A rewrite that attaches an address wrongly is written down here.
 */
const KNOWN_MISATTACHED: Record<string, number> = {};

const wrongFields = (s: TextScore): number => s.fields - s.right;
const share = (s: TextScore): number => s.right / Math.max(1, s.fields);
const moved = (r: PerturbationReport): string =>
  r.moved.map((m) => `${m.name}: right ${m.before.right}/${m.before.fields} -> ${m.after.right}/${m.after.fields}, misattached ${m.before.wrong} -> ${m.after.wrong}`).join('\n');

describe('the importer under label-preserving rewrites of corpora 1-38', () => {
  const texts = PERTURBED_CORPORA.flatMap((dir) => corpusTexts(dir).map((t) => ({ ...t, name: `${dir.pathname.split('/').at(-2) ?? ''}/${t.name}` })));
  const baseline = new Map<string, TextScore>();

  it('reads every text of corpora 1-38', () => {
    expect(texts.length).toBeGreaterThanOrEqual(789);
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
