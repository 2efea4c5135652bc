import PDFDocument from 'pdfkit';
import type { RenderedLetter } from '../letter.js';
import type { PaperSize } from './paper.js';

/** Characters beyond Latin-1 that the standard fonts' WinAnsi encoding still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard PDF fonts can show: Latin-1 and WinAnsi's extras (’ “ ” – € …) as they are,
 * other letters without their accents when that makes them showable (ł stays ?, ő becomes o), and
 * '?' for the rest, so that no name or town breaks the PDF. We ship no TTF: the only ones in
 * node_modules belong to a dev dependency.
 */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (showable(char)) out += char;
    else if (char === '\t') out += ' ';
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every(showable) ? bare : '?';
    }
  }
  return out;
}

function showable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

export type PdfOptions = {
  paper: PaperSize;
  /** Becomes the PDF's title: the appeal's reference. */
  title: string;
  /** The creation date; fixed by the caller's clock so the same letter gives the same bytes. */
  now: Date;
  /** The caption over the envelope label, in the member's language. */
  labelCaption: string;
};

const MARGIN = 64;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/**
 * The printable letter: sender block, date, recipient address, the letter, a line to sign on; then
 * a second page with an address label to cut out and stick on the envelope.
 */
export function letterPdf(letter: RenderedLetter, options: PdfOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: options.paper,
    margin: MARGIN,
    info: { Title: winAnsi(options.title), Subject: winAnsi(letter.subject), Producer: 'actionbot', Creator: 'actionbot', CreationDate: options.now },
    lang: letter.lang,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const text = (value: string, extra: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(value), extra);
  const width = doc.page.width - 2 * MARGIN;
  const { sender } = letter;
  const senderLines = [sender.name, sender.town, sender.country].filter((s): s is string => Boolean(s));

  doc.font(FONT).fontSize(11);
  for (const line of senderLines) text(line, { align: 'right', width });
  if (senderLines.length > 0) doc.moveDown();
  text(letter.date, { align: 'right', width });
  doc.moveDown(2);
  for (const line of letter.addressBlock) text(line);
  doc.moveDown(2);
  doc.font(BOLD);
  text(letter.subject, { width });
  doc.font(FONT).moveDown();
  text(letter.salutation);
  doc.moveDown(0.6);
  for (const paragraph of letter.paragraphs) {
    text(paragraph, { width, align: 'left' });
    doc.moveDown(0.6);
  }
  text(letter.closing);
  doc.moveDown(3);
  const y = doc.y;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + 200, y).lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  for (const line of letter.signature) text(line);

  doc.addPage({ size: options.paper, margin: MARGIN });
  envelopeLabel(doc, letter, senderLines, options.labelCaption, text);
  doc.end();
  return done;
}

function envelopeLabel(
  doc: PDFKit.PDFDocument,
  letter: RenderedLetter,
  senderLines: string[],
  caption: string,
  text: (value: string, extra?: PDFKit.Mixins.TextOptions) => unknown,
): void {
  const boxWidth = 300;
  const lineHeight = 18;
  const boxHeight = 40 + lineHeight * (letter.addressBlock.length + (senderLines.length > 0 ? senderLines.length + 1 : 0));
  doc.font(FONT).fontSize(9);
  text(caption);
  const top = doc.y + 8;
  doc.rect(MARGIN, top, boxWidth, boxHeight).dash(4, { space: 3 }).lineWidth(0.5).stroke().undash();
  doc.x = MARGIN + 20;
  doc.y = top + 20;
  if (senderLines.length > 0) {
    doc.fontSize(8);
    text(senderLines.join(', '), { width: boxWidth - 40 });
    doc.moveDown();
  }
  doc.fontSize(13);
  for (const line of letter.addressBlock) text(line, { width: boxWidth - 40 });
}
