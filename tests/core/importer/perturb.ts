// Label-preserving rewrites of an Urgent Action text: the same page written a little differently (line ends,
// spacing, label spellings, bullets, quotes, HTML remnants). A careful reader gets the same answer from each.
import { CORPUS, CORPUS_2, CORPUS_3, CORPUS_4, CORPUS_5, CORPUS_6, CORPUS_7, CORPUS_8, CORPUS_9, CORPUS_10, CORPUS_11, CORPUS_12, CORPUS_13, CORPUS_14, CORPUS_15, CORPUS_16, CORPUS_17, CORPUS_18, CORPUS_19, CORPUS_20, CORPUS_21, CORPUS_22, CORPUS_23, CORPUS_24, CORPUS_25, CORPUS_26, CORPUS_27, CORPUS_28, CORPUS_29, CORPUS_30, CORPUS_31, CORPUS_32, CORPUS_33, CORPUS_34, CORPUS_35, CORPUS_36, CORPUS_37, CORPUS_38, importForScore, scoreAddresses, scoreText, type CorpusText, type Expected } from './corpus-score.js';

/** One rewrite. `apply` may use the labels only to find an official's block (never to change what it says). */
export type Perturbation = { name: string; says: string; apply: (text: string, expected: Expected) => string };

const lines = (text: string): string[] => text.split('\n');

/** Rewrites each line with `f`, keeping the line ends. */
const eachLine = (text: string, f: (line: string, i: number) => string): string => lines(text).map(f).join('\n');

/* A contact label at the start of a line (after any indent or bullet), with its colon: "Email:", "Fax :", "Salutation:". */
const LINE_LABEL = /^(\s*(?:[-*•]\s+)?)(e-?mails?|fax|tel\.?|telephone|phone|salutation|twitter|facebook|instagram|correo-e|correo electr[oó]nico|courriel|anrede|korrekte anrede|telefon|t[ée]l[ée]phone|tel[ée]fono|saludo|tratamiento)(\s?:)/i;
/* An "Email:" label anywhere a line has one ("..., Quito. Email: a@b.ec"). */
const EMAIL_LABEL = /(^|[\s,;.(])(e-?mail)(\s?:)/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

/** Replaces the spelling of every "Email:" label, in turn with each of `spellings` (so one text shows several). */
function respellEmail(spellings: string[]): (text: string) => string {
  return (text) => {
    let n = 0;
    return text.replace(EMAIL_LABEL, (_whole, before: string) => `${before}${spellings[n++ % spellings.length]}`);
  };
}

/** The lines of each official's block: from the first short line naming them to the next blank line. */
function blockLines(text: string, expected: Expected): number[][] {
  const all = lines(text);
  const inBlock = new Set<number>();
  const blocks: number[][] = [];
  for (const target of expected.targets) {
    const name = target.name.toLowerCase();
    const own = [...target.emails, ...(target.address ?? [])].map((s) => s.toLowerCase());
    const blockAt = (start: number): number[] => {
      const at: number[] = [];
      // Double-spaced pages put a blank line after each line of a block: a single blank line followed by a short line that
      // is no sentence and no greeting ("Señor Director:") goes on with the block.
      for (let i = start; i < all.length && i < start + 12; i++) {
        const line = (all[i] ?? '').trim();
        if (line === '' && /^[^.!?]{2,80}[^.!?:,]$/.test((all[i + 1] ?? '').trim()) && i > start) continue;
        // A greeting or a long line is the letter or the story: the block has ended.
        if (line === '' || line.length > 90 || /^(?:dear|sehr|estimad|monsieur|madame|señor|excelent)/i.test(line)) break;
        at.push(i);
      }
      return at;
    };
    const candidates = all.flatMap((l, i) => (l.length <= 100 && l.toLowerCase().includes(name) && !/^\s*(?:dear|sehr|estimad|monsieur|madame|señor|excelent)/i.test(l) ? [i] : []));
    // The block that holds one of the official's own contact lines; else the first short line naming them.
    let start = candidates.find((c) => blockAt(c).some((i) => own.some((o) => (all[i] ?? '').toLowerCase().includes(o)))) ?? candidates[0];
    if (start === undefined || inBlock.has(start)) continue;
    // A title above the name ("Director de la Unidad ...") is the block's too: short, no sentence, not a label.
    // A title: capitalised, short, no sentence, no greeting or closing ("Vriendelijke groet,"), no heading ("da indirizzare a").
    const titleLine = (i: number): boolean => /^\p{Lu}[^.:!?]{2,59}$/u.test((all[i] ?? '').trim()) && !/,\s*$/.test(all[i] ?? '') && !inBlock.has(i);
    for (let up = 0; up < 3 && start > 0; up++) {
      if (titleLine(start - 1)) start--;
      // Across one blank line on a double-spaced page.
      else if ((all[start - 1] ?? '').trim() === '' && start > 1 && titleLine(start - 2) && (all[start - 3] ?? '').trim() === '') start -= 2;
      else break;
    }
    const block = blockAt(start).filter((i) => !inBlock.has(i));
    for (const i of block) inBlock.add(i);
    blocks.push(block);
  }
  return blocks;
}

/** Puts `bullet` (a function of the block's number, for "1) ") before the lines of each official's block. */
function bulletBlocks(bullet: (block: number, first: boolean) => string | undefined): Perturbation['apply'] {
  return (text, expected) => {
    const marks = new Map<number, string | undefined>();
    blockLines(text, expected).forEach((block, b) => block.forEach((i, k) => marks.set(i, bullet(b + 1, k === 0))));
    return eachLine(text, (line, i) => {
      const mark = marks.get(i);
      // A line that is already a list's item keeps its own mark.
      return mark === undefined || /^\s*(?:\d{1,2}[.)]|[-*•·])\s/.test(line) ? line : `${mark}${line.trimStart()}`;
    });
  };
}

/** A blank line before each contact line of an official's block that follows another of its lines. */
function blankBeforeContact(text: string, expected: Expected): string {
  const inBlock = new Set(blockLines(text, expected).flat());
  return eachLine(text, (line, i) => (inBlock.has(i) && inBlock.has(i - 1) && /^\s*(?:e-?mail|fax|tel\.?|telephone|phone)\s?:/i.test(line) ? `\n${line}` : line));
}

/**
 * Each official's block single-spaced: its inner blank lines (a double-spaced page's) dropped, where that merges it with
 * nothing: it names no other official, and a wider gap, a greeting or a sentence follows it.
 */
function singleSpaceBlocks(text: string, expected: Expected): string {
  const all = lines(text);
  const drop = new Set<number>();
  for (const block of blockLines(text, expected)) {
    const first = block[0] ?? 0;
    const last = block[block.length - 1] ?? 0;
    const inside = all.slice(first, last + 1).join(' ').toLowerCase();
    const others = expected.targets.filter((t) => !inside.includes(t.name.toLowerCase()) && inside.includes(t.name.toLowerCase().split(' ').at(-1) ?? '\u0000'));
    const next = all.slice(last + 1).find((l) => l.trim() !== '') ?? '';
    const apart = (all[last + 1] ?? '').trim() === '' && ((all[last + 2] ?? '').trim() === '' || next.length > 90 || /^(?:dear|sehr|estimad|monsieur|madame|señor)/i.test(next));
    if (others.length > 0 || !apart) continue;
    for (let i = first; i < last; i++) if ((all[i] ?? '').trim() === '') drop.add(i);
  }
  return all.filter((_, i) => !drop.has(i)).join('\n');
}

/**
 * A blank line after every line, where the text has blank lines of its own: they become wider gaps and still part its
 * paragraphs and blocks. A text without any would come out with lines and paragraphs alike (no longer what it said).
 */
function doubleSpacePage(text: string): string {
  return /\n[ \t]*\n/.test(text.trim()) ? eachLine(text, (l) => `${l}\n`) : text;
}

/** "1) ", "2) " before each official's block, where a list's item can start: after a blank line or a lead-in's colon. */
function numberBlocks(text: string, expected: Expected): string {
  const all = lines(text);
  const starts = new Map<number, number>();
  blockLines(text, expected).forEach((block, b) => {
    const first = block[0];
    if (first !== undefined && (first === 0 || /(?:^\s*|:\s*)$/.test(all[first - 1] ?? ''))) starts.set(first, b + 1);
  });
  return eachLine(text, (line, i) => (starts.has(i) && !/^\s*(?:\d{1,2}[.)]|[-*•·])\s/.test(line) ? `${starts.get(i)}) ${line.trimStart()}` : line));
}

/** "SAMPLE LETTER:" -> "Sample letter:", for a short line in capitals; other lines as they are. */
function sentenceCase(line: string): string {
  const text = line.trim();
  if (text.length < 6 || text.split(/\s+/).length > 6 || text !== text.toUpperCase() || !/\p{Lu}{3}/u.test(text) || /\d|@/.test(text)) return line;
  return line.replace(text, text[0] + text.slice(1).toLowerCase());
}

const SMART = (text: string): string =>
  text
    .replace(/(^|[\s(])"(?=\S)/g, '$1“')
    .replace(/"/g, '”')
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/ - /g, ' – ')
    .replace(/--/g, '—');

/** What a web page's source shows once its text is copied with the markup: entities escaped, a `<br>` per line. */
function htmlRemnants(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return eachLine(escaped, (line) => (line.trim() === '' ? '<br>' : `${line.replace(/: /g, ':&nbsp;')}<br>`));
}

export const PERTURBATIONS: Perturbation[] = [
  { name: 'crlf', says: 'CRLF line endings', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'nbsp-tabs', says: 'non-breaking spaces between words, a tab after each colon', apply: (t) => t.replace(/: /g, ':\t').replace(/(\S) (?=\S)/g, '$1\u00a0') },
  { name: 'blank-doubled', says: 'every blank line doubled', apply: (t) => t.replace(/\n[ \t]*\n/g, '\n\n\n') },
  { name: 'blank-before-contact', says: "a blank line added before each contact line inside an official's block (\"Email:\", \"Fax:\")", apply: blankBeforeContact },
  { name: 'blank-above-contact-removed', says: 'a single blank line above a contact line ("Email:", "Fax:") removed, so it follows the block above', apply: (t) => t.replace(/([^\n\s][^\n]*)\n[ \t]*\n(?=[ \t]*(?:e-?mail|fax|tel\.?|telephone|phone)\s?:)/gi, '$1\n') },
  { name: 'block-blanks-removed', says: "the blank lines inside an official's block (a double-spaced page's) removed where it merges nothing", apply: singleSpaceBlocks },
  { name: 'page-double-spaced', says: 'a blank line after every line, as web pages write them (a gap stays wider than no gap)', apply: doubleSpacePage },
  { name: 'trailing-spaces', says: 'two spaces at the end of every line', apply: (t) => eachLine(t, (l) => `${l}  `) },
  { name: 'indented', says: 'the whole text indented by four spaces', apply: (t) => eachLine(t, (l) => (l === '' ? l : `    ${l}`)) },
  { name: 'email-E-mail', says: '"Email:" written "E-mail:"', apply: respellEmail(['E-mail:']) },
  { name: 'email-spaced', says: '"Email:" written "e-mail :"', apply: respellEmail(['e-mail :']) },
  { name: 'email-Mail', says: '"Email:" written "Mail:"', apply: respellEmail(['Mail:']) },
  { name: 'email-Adresse', says: '"Email:" written "E-Mail-Adresse:"', apply: respellEmail(['E-Mail-Adresse:']) },
  { name: 'fax-no', says: '"Fax:" written "Fax no."', apply: (t) => t.replace(/\bFax\s?:/gi, 'Fax no.') },
  { name: 'salutation-dash', says: '"Salutation:" written "Salutation -"', apply: (t) => t.replace(/\bSalutation\s?:/gi, 'Salutation -') },
  { name: 'label-space-colon', says: 'a space before the colon of each contact label at a line start ("Fax :", as French pages write it)', apply: (t) => eachLine(t, (l) => l.replace(LINE_LABEL, (_w, pre: string, label: string, colon: string) => `${pre}${label} ${colon.trim()}`)) },
  { name: 'phone-label', says: '"Tel:" / "Telephone:" / "Phone:" written one for another', apply: (t) => t.replace(/(^|[\s,;.(])(?:tel\.?|telephone|phone)\s?:/gim, (_w, before: string) => `${before}Telephone:`) },
  { name: 'labels-upper', says: 'contact labels at a line start upper-cased ("EMAIL:")', apply: (t) => eachLine(t, (l) => l.replace(LINE_LABEL, (_w, pre: string, label: string, colon: string) => `${pre}${label.toUpperCase()}${colon}`)) },
  { name: 'labels-lower', says: 'contact labels at a line start lower-cased ("email:")', apply: (t) => eachLine(t, (l) => l.replace(LINE_LABEL, (_w, pre: string, label: string, colon: string) => `${pre}${label.toLowerCase()}${colon}`)) },
  { name: 'bullet-dash', says: '"- " before each line of an official\'s block', apply: bulletBlocks(() => '- ') },
  { name: 'bullet-star', says: '"* " before each line of an official\'s block', apply: bulletBlocks(() => '* ') },
  { name: 'bullet-dot', says: '"• " before each line of an official\'s block', apply: bulletBlocks(() => '• ') },
  { name: 'bullet-number', says: '"1) ", "2) " before the first line of each official\'s block (after a gap or a colon)', apply: numberBlocks },
  { name: 'email-angle', says: 'each e-mail address in angle brackets ("<a@b.org>")', apply: (t) => t.replace(EMAIL, (e) => `<${e}>`) },
  { name: 'email-mailto', says: 'each e-mail address as a mailto: link ("mailto:a@b.org")', apply: (t) => t.replace(EMAIL, (e) => `mailto:${e}`) },
  { name: 'smart-punctuation', says: 'curly quotes and apostrophes, en and em dashes', apply: SMART },
  { name: 'entities-no-tags', says: '"&amp;" for "&" and "&nbsp;" after colons, in a text without tags', apply: (t) => t.replace(/&/g, '&amp;').replace(/: /g, ':&nbsp;') },
  { name: 'headings-sentence-case', says: 'capitalised short lines (headings: "SAMPLE LETTER", "PLEASE WRITE TO:") in sentence case', apply: (t) => eachLine(t, sentenceCase) },
  { name: 'html-remnants', says: '&amp; &lt; &gt; entities, &nbsp; after colons, <br> ending each line', apply: htmlRemnants },
];

/** Corpora 1-38, every text. */
export const PERTURBED_CORPORA = [
  CORPUS, CORPUS_2, CORPUS_3, CORPUS_4, CORPUS_5, CORPUS_6, CORPUS_7, CORPUS_8, CORPUS_9, CORPUS_10, CORPUS_11, CORPUS_12, CORPUS_13,
  CORPUS_14, CORPUS_15, CORPUS_16, CORPUS_17, CORPUS_18, CORPUS_19, CORPUS_20, CORPUS_21, CORPUS_22, CORPUS_23, CORPUS_24, CORPUS_25,
  CORPUS_26, CORPUS_27, CORPUS_28, CORPUS_29, CORPUS_30, CORPUS_31, CORPUS_32, CORPUS_33, CORPUS_34, CORPUS_35, CORPUS_36, CORPUS_37, CORPUS_38,
];

/** One text's score: fields right of fields checked, and the addresses attached to an official they do not belong to. */
export type TextScore = { fields: number; right: number; wrong: number; refused: boolean };

export function scoreOne(text: string, expected: Expected): TextScore {
  const result = importForScore(text);
  const checks = scoreText(expected, result);
  const wrong = scoreAddresses(expected, 'appeal' in result ? result.appeal : undefined).wrong.length;
  return { fields: checks.length, right: checks.filter((c) => c.right).length, wrong, refused: 'refused' in result };
}

/** A perturbation's effect over a set of texts: the totals before and after, and the texts whose score moved. */
export type PerturbationReport = { name: string; changed: number; before: TextScore; after: TextScore; moved: { name: string; before: TextScore; after: TextScore }[] };

const zero = (): TextScore => ({ fields: 0, right: 0, wrong: 0, refused: false });
const add = (sum: TextScore, s: TextScore): void => {
  sum.fields += s.fields;
  sum.right += s.right;
  sum.wrong += s.wrong;
};

/** Scores every text as written and as `perturbation` rewrites it. `baseline` caches the unperturbed scores by text name. */
export function measurePerturbation(texts: CorpusText[], perturbation: Perturbation, baseline: Map<string, TextScore> = new Map()): PerturbationReport {
  const report: PerturbationReport = { name: perturbation.name, changed: 0, before: zero(), after: zero(), moved: [] };
  for (const { name, text, expected } of texts) {
    const before = baseline.get(name) ?? scoreOne(text, expected);
    baseline.set(name, before);
    const rewritten = perturbation.apply(text, expected);
    const after = rewritten === text ? before : scoreOne(rewritten, expected);
    if (rewritten !== text) report.changed++;
    add(report.before, before);
    add(report.after, after);
    if (after.right !== before.right || after.fields !== before.fields || after.wrong !== before.wrong) report.moved.push({ name, before, after });
  }
  return report;
}
