// The print pack for an event table: a section per case (summary, official, sample letter, card), then a tally sheet.
import { copyTargets, mainTargets, type Appeal } from '../appeal.js';
import { METHODS, type Method } from '../drive.js';
import { translator, type Locale, type Translate } from '../i18n/index.js';
import { renderLetter } from '../letter.js';
import type { PaperSize } from './paper.js';
import { MARGIN, pdfDocument } from './pdf.js';

/** One case of the drive, numbered as `/tally add COUNT METHOD CASE` names it (1, 2, ...). */
export type PackCase = { number: number; appeal: Appeal };

/** Everything the pack is made from: plain data, so it can be handed to a worker thread as it is. */
export type PrintPackInput = {
  /** The drive's title on the cover line: the appeal's title, or the campaign's. */
  title: string;
  cases: PackCase[];
  locale: Locale;
  paper: PaperSize;
  /** The drive's deadline and time zone (the sample letters are dated in it). */
  deadline: string;
  timezone: string;
  /** The creation date; fixed by the caller's clock so the same pack gives the same bytes. */
  now: Date;
};

/** The methods a table ticks, in the words `/tally add` takes: letters and cards on paper first. */
export function sheetMethods(): Method[] {
  const paper: Method[] = METHODS.filter((m) => m === 'post' || m === 'card');
  return [...paper, ...METHODS.filter((m) => !paper.includes(m))];
}

type Writer = ReturnType<typeof pdfDocument>['w'];

/**
 * One PDF for a table: for each case, on its own page, the summary, whom to write to (name and
 * postal address, copies), the sample letter, and the card's address and advice when the appeal asks
 * for one; then a tally sheet with a row per case and a column of tick boxes per method, headed with
 * the method words `/tally add` takes. Every script the letter kit prints prints here.
 */
export function printPackPdf(input: PrintPackInput): Promise<Uint8Array> {
  const t = translator(input.locale);
  const { doc, done, w } = pdfDocument({ paper: input.paper, title: t('pack_title', { title: input.title }), subject: input.title, now: input.now, lang: input.locale });
  input.cases.forEach((c, i) => {
    if (i > 0) doc.addPage({ size: input.paper, margin: MARGIN });
    caseSection(w, t, c, input);
  });
  doc.addPage({ size: input.paper, margin: MARGIN });
  tallySheet(doc, w, t, input);
  doc.end();
  return done;
}

function caseSection(w: Writer, t: Translate, { number, appeal }: PackCase, input: PrintPackInput): void {
  w.line(t('pack_case_heading', { number, count: input.cases.length, reference: appeal.reference }), { size: 10 });
  w.paragraph(appeal.title, { size: 16, bold: true });
  w.gap(0.5, 11);
  if (appeal.summary) {
    w.paragraph(appeal.summary, { size: 11 });
    w.gap(0.5, 11);
  }
  w.line(t('pack_deadline', { date: input.deadline }), { size: 10, bold: true });
  w.gap(0.8, 11);
  w.line(t('pack_write_to'), { size: 12, bold: true });
  for (const target of mainTargets(appeal)) {
    for (const text of [target.name, target.title, target.organisation, ...target.address, target.country]) if (text) w.paragraph(text, { size: 11 });
    if (target.emails.length > 0) w.paragraph(target.emails.join(', '), { size: 10 });
    w.gap(0.5, 11);
  }
  const copies = copyTargets(appeal);
  if (copies.length > 0) {
    w.line(t('pack_copies'), { size: 11, bold: true });
    for (const copy of copies) w.paragraph([copy.name, copy.title, ...copy.address, ...copy.emails].filter(Boolean).join(', '), { size: 10 });
    w.gap(0.5, 11);
  }
  const letter = renderLetter(appeal, { lang: input.locale, now: input.now, timezone: input.timezone });
  w.line(t('pack_sample_letter'), { size: 12, bold: true });
  w.gap(0.3, 10);
  for (const text of [letter.salutation, ...letter.paragraphs, letter.closing]) {
    w.paragraph(text, { size: 10 });
    w.gap(0.4, 10);
  }
  if (appeal.solidarity) cardPart(w, t, appeal.solidarity);
}

function cardPart(w: Writer, t: Translate, card: NonNullable<Appeal['solidarity']>): void {
  w.gap(0.6, 11);
  w.line(t('pack_card', { to: card.to }), { size: 12, bold: true });
  if (card.address.length > 0) {
    w.line(t('pack_card_address'), { size: 10, bold: true });
    for (const text of card.address) w.paragraph(text, { size: 11 });
  }
  if (card.hashtags.length > 0) w.paragraph(t('pack_card_hashtags', { hashtags: card.hashtags.join(' ') }), { size: 10 });
  if (card.message) w.paragraph(card.message, { size: 10 });
  if (card.languages.length > 0) w.paragraph(t('pack_card_languages', { languages: card.languages.join(', ') }), { size: 10 });
  if (card.advice.length > 0) {
    w.line(t('pack_card_advice'), { size: 10, bold: true });
    for (const text of card.advice) w.paragraph(`• ${text}`, { size: 10 });
  }
}

const BOX = 8;
const BOX_GAP = 3;
const BOX_LINES = 3;
const NUMBER_WIDTH = 20;

/**
 * Cases in rows, methods in columns, each cell a grid of tick boxes. The words to enter the counts
 * come first, so that a campaign's ten cases still fit under them on one page; a longer table
 * continues on the next page under its header again.
 */
function tallySheet(doc: PDFKit.PDFDocument, w: Writer, t: Translate, input: PrintPackInput): void {
  const methods = sheetMethods();
  w.line(t('pack_sheet_heading', { title: input.title }), { size: 16, bold: true });
  w.gap(0.8, 11);
  w.line(t('pack_sheet_table'), { size: 12 });
  w.gap(0.8, 11);
  w.paragraph(t('pack_sheet_intro'), { size: 10 });
  w.paragraph(t('pack_sheet_enter'), { size: 10 });
  w.line(t('pack_sheet_command'), { size: 12, bold: true });
  w.paragraph(t('pack_sheet_example'), { size: 10 });
  w.gap(1, 10);
  const width = doc.page.width - 2 * MARGIN;
  const caseWidth = 130;
  const column = (width - caseWidth) / methods.length;
  const header = () => {
    const top = doc.y;
    w.line(t('pack_sheet_case'), { size: 9, bold: true, width: caseWidth });
    methods.forEach((m, i) => {
      doc.y = top;
      w.line(m, { size: 9, bold: true, x: MARGIN + caseWidth + i * column, width: column });
    });
  };
  header();
  const perLine = Math.max(1, Math.floor((column - 6) / (BOX + BOX_GAP)));
  const rowHeight = BOX_LINES * (BOX + BOX_GAP) + 12;
  for (const c of input.cases) {
    if (doc.y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage({ size: input.paper, margin: MARGIN });
      header();
    }
    const top = doc.y + 4;
    doc.moveTo(MARGIN, top).lineTo(MARGIN + width, top).lineWidth(0.5).stroke();
    doc.y = top + 6;
    // The number on its own, so that it stays at the left of a right-to-left title.
    w.line(`${c.number}.`, { size: 9, bold: true, width: NUMBER_WIDTH });
    doc.y = top + 6;
    w.line(shorten(c.appeal.title, 26), { size: 9, x: MARGIN + NUMBER_WIDTH, width: caseWidth - NUMBER_WIDTH - 6 });
    w.line(c.appeal.reference, { size: 8, x: MARGIN + NUMBER_WIDTH, width: caseWidth - NUMBER_WIDTH - 6 });
    methods.forEach((_, i) => {
      for (let row = 0; row < BOX_LINES; row++) {
        for (let k = 0; k < perLine; k++) doc.rect(MARGIN + caseWidth + i * column + k * (BOX + BOX_GAP), top + 6 + row * (BOX + BOX_GAP), BOX, BOX).lineWidth(0.5).stroke();
      }
    });
    doc.y = top + rowHeight;
  }
  doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + width, doc.y + 4).lineWidth(0.5).stroke();
  doc.x = MARGIN;
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
