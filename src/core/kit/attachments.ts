// The letter kit's files for a member: the PDF to print and the .eml draft.
import type { RenderedLetter } from '../letter.js';
import type { Attachment } from '../reply.js';
import { emlDraft } from './eml.js';
import { paperFor } from './paper.js';
import { letterPdf } from './pdf.js';

export type KitOptions = {
  appealId: string;
  /** The appeal's reference (`UA 34.25`): the PDF's title. */
  reference: string;
  now: Date;
  /** The member's platform locale (`en-US`), which picks A4 or US Letter. */
  locale?: string;
  labelCaption: string;
};

/**
 * The files that go with a letter: `<appeal>-letter.pdf` to print, and `<appeal>-letter.eml`, a
 * draft to open in a mail program, when the target has an email address. Always made rather than
 * on request, so the member needs no second step (its cost is in src/core/kit/README.md).
 */
export async function letterAttachments(letter: RenderedLetter, options: KitOptions): Promise<Attachment[]> {
  const pdf = await letterPdf(letter, {
    paper: paperFor(options.locale),
    title: options.reference,
    now: options.now,
    labelCaption: options.labelCaption,
  });
  const files: Attachment[] = [{ name: `${options.appealId}-letter.pdf`, mimeType: 'application/pdf', data: pdf }];
  if (letter.emails.length > 0) {
    const eml = emlDraft(letter, { now: options.now });
    files.push({ name: `${options.appealId}-letter.eml`, mimeType: 'message/rfc822', data: new Uint8Array(Buffer.from(eml, 'utf8')) });
  }
  return files;
}
