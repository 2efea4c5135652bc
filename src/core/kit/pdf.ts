// The printable PDF letter: address block, date, letter and signature, wrapped and paged.
import PDFDocument from 'pdfkit';
import type { RenderedLetter } from '../letter.js';
import { lazyFonts, type FontFace, type FontSet } from './fonts.js';
import type { PaperSize } from './paper.js';
import { linePieces, type Piece } from './pdf-text.js';

export type PdfOptions = {
  paper: PaperSize;
  /** Becomes the PDF's title: the appeal's reference. */
  title: string;
  /** The creation date; fixed by the caller's clock so the same letter gives the same bytes. */
  now: Date;
  /** The caption over the envelope label, in the member's language. */
  labelCaption: string;
};

export const MARGIN = 64;

/** The fonts are read from disk when the first PDF is made, then kept: a per-process cache of read-only bytes. */
export const pdfFonts = lazyFonts();

export type LineStyle = { size: number; bold?: boolean; align?: 'left' | 'right'; x?: number; width?: number };

/**
 * Draws text line by line with a font per script and right-to-left runs in visual order; pdfkit
 * has one font per call and no bidi, so each line is laid out here and wrapped here.
 */
export function writer(doc: PDFKit.PDFDocument, fonts: FontSet) {
  const registered = new Set<string>();
  let current: FontFace | undefined;
  const use = (face: FontFace, size: number) => {
    if (!registered.has(face.name)) {
      // pdfkit takes a fontkit font as it is: parsed once per process, not once per PDF.
      doc.registerFont(face.name, face.font as unknown as Buffer);
      registered.add(face.name);
    }
    // Switching fonts costs pdfkit a comparison of name tables: only when the face changes.
    if (current !== face) doc.font(face.name);
    current = face;
    doc.fontSize(size);
  };
  const facesOf = (style: LineStyle) => (style.bold ? fonts.bold : fonts.regular);
  const widthOf = (pieces: Piece[], size: number) =>
    pieces.reduce((sum, piece) => {
      use(piece.face, size);
      return sum + doc.widthOfString(piece.text);
    }, 0);
  const measure = (text: string, style: LineStyle) => widthOf(linePieces(text, facesOf(style)), style.size);
  const lineHeight = (style: LineStyle) => {
    use(facesOf(style)[0]!, style.size);
    return doc.currentLineHeight(true);
  };

  const line = (text: string, style: LineStyle) => {
    const x = style.x ?? MARGIN;
    const width = style.width ?? doc.page.width - 2 * MARGIN;
    const height = lineHeight(style);
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    const pieces = linePieces(text, facesOf(style));
    let cursor = style.align === 'right' ? x + width - widthOf(pieces, style.size) : x;
    for (const piece of pieces) {
      use(piece.face, style.size);
      doc.text(piece.text, cursor, y, { lineBreak: false });
      cursor += doc.widthOfString(piece.text);
    }
    doc.x = x;
    doc.y = y + height;
  };

  /** Greedy wrapping on word widths (measured once each), then a line at a time. */
  const paragraph = (text: string, style: LineStyle) => {
    const width = style.width ?? doc.page.width - 2 * MARGIN;
    const space = measure(' ', style);
    let current = '';
    let used = 0;
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const w = measure(word, style);
      if (current !== '' && used + space + w > width) {
        line(current, style);
        current = word;
        used = w;
      } else {
        used += current === '' ? w : space + w;
        current = current === '' ? word : `${current} ${word}`;
      }
    }
    line(current, style);
  };

  const gap = (lines: number, size: number) => {
    doc.y += lineHeight({ size }) * lines;
  };

  return { line, paragraph, gap };
}

/**
 * A document in our fonts on `paper`, its bytes (`done`, once `doc.end()` is called) and a writer
 * for it: the letter and the print pack are both made this way.
 */
export function pdfDocument(options: { paper: PaperSize; title: string; subject: string; now: Date; lang: string }) {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    // Without a font pdfkit parses Helvetica's metrics for every document, only to leave it unused.
    font: fonts.regular[0]!.font as unknown as string,
    size: options.paper,
    margin: MARGIN,
    info: { Title: options.title, Subject: options.subject, Producer: 'actionbot', Creator: 'actionbot', CreationDate: options.now },
    lang: options.lang,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  return { doc, done, w: writer(doc, fonts) };
}

/**
 * The printable letter: sender block, date, recipient address, the letter, a line to sign on; then
 * a second page with an address label to cut out and stick on the envelope. Every script DejaVu
 * Sans or Noto Sans Devanagari covers prints as itself (and CJK when the system has a font).
 */
export function letterPdf(letter: RenderedLetter, options: PdfOptions): Promise<Uint8Array> {
  const { doc, done, w } = pdfDocument({ paper: options.paper, title: options.title, subject: letter.subject, now: options.now, lang: letter.lang });
  const body = { size: 11 };
  const { sender } = letter;
  const senderLines = [sender.name, sender.town, sender.country].filter((s): s is string => Boolean(s));

  for (const text of senderLines) w.line(text, { ...body, align: 'right' });
  if (senderLines.length > 0) w.gap(1, 11);
  w.line(letter.date, { ...body, align: 'right' });
  w.gap(2, 11);
  for (const text of letter.addressBlock) w.line(text, body);
  w.gap(2, 11);
  w.paragraph(letter.subject, { ...body, bold: true });
  w.gap(1, 11);
  w.paragraph(letter.salutation, body);
  w.gap(0.6, 11);
  for (const text of letter.paragraphs) {
    w.paragraph(text, body);
    w.gap(0.6, 11);
  }
  w.paragraph(letter.closing, body);
  w.gap(3, 11);
  const y = doc.y;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + 200, y).lineWidth(0.5).stroke();
  w.gap(0.4, 11);
  for (const text of letter.signature) w.line(text, body);

  doc.addPage({ size: options.paper, margin: MARGIN });
  envelopeLabel(doc, w, letter, senderLines, options.labelCaption);
  doc.end();
  return done;
}

function envelopeLabel(doc: PDFKit.PDFDocument, w: ReturnType<typeof writer>, letter: RenderedLetter, senderLines: string[], caption: string): void {
  const boxWidth = 300;
  const lineHeight = 18;
  const boxHeight = 40 + lineHeight * (letter.addressBlock.length + (senderLines.length > 0 ? senderLines.length + 1 : 0));
  doc.x = MARGIN;
  doc.y = MARGIN;
  w.paragraph(caption, { size: 9 });
  const top = doc.y + 8;
  doc.rect(MARGIN, top, boxWidth, boxHeight).dash(4, { space: 3 }).lineWidth(0.5).stroke().undash();
  doc.y = top + 20;
  const inside = { x: MARGIN + 20, width: boxWidth - 40 };
  if (senderLines.length > 0) {
    w.paragraph(senderLines.join(', '), { size: 8, ...inside });
    w.gap(1, 8);
  }
  for (const text of letter.addressBlock) w.paragraph(text, { size: 13, ...inside });
}
