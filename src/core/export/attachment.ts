// An export as a chat attachment: plain CSV, gzip, or too large for the platform's file limit.
import { createGzip } from 'node:zlib';
import type { Attachment } from '../reply.js';

/**
 * The largest file a bot may send on each platform, with room to spare:
 * - Discord: 10 MB in a server without boosts (the bot cannot know a server's boost level);
 * - Telegram: 50 MB for a document a bot uploads (Bot API sendDocument);
 * - Slack: files up to 1 GB, but the file is held in memory until it is uploaded, so 50 MB;
 * - the terminal writes the file into the data folder: 50 MB, the same memory bound.
 */
export const ATTACHMENT_LIMIT_BYTES: Readonly<Record<string, number>> = {
  discord: 10_000_000,
  telegram: 50_000_000,
  slack: 50_000_000,
  shell: 50_000_000,
};

/** A platform not in the table gets Discord's limit, the smallest. */
export const attachmentLimit = (platform: string): number => ATTACHMENT_LIMIT_BYTES[platform] ?? ATTACHMENT_LIMIT_BYTES.discord!;

/** Exports up to this size go as plain CSV, which opens with a double click; larger ones are gzipped. */
export const PLAIN_CSV_MAX_BYTES = 1_000_000;

export type ExportFile =
  | { fits: true; attachment: Attachment; csvBytes: number }
  | { fits: false; csvBytes: number; gzipBytes: number };

/**
 * A CSV export as one attachment that fits `maxBytes`: plain CSV when small, gzip otherwise. Only the
 * compressed bytes (at most `maxBytes`) and the first PLAIN_CSV_MAX_BYTES of text are ever held; an
 * export whose gzip passes `maxBytes` stops being read there and comes back as `fits: false`.
 * Compression runs on libuv's thread pool, so the event loop stays free.
 */
export async function exportAttachment(chunks: AsyncIterable<string>, options: { name: string; maxBytes: number }): Promise<ExportFile> {
  const plainMax = Math.min(PLAIN_CSV_MAX_BYTES, options.maxBytes);
  const gzip = createGzip({ level: 6 });
  const compressed: Buffer[] = [];
  let gzipBytes = 0;
  gzip.on('data', (chunk: Buffer) => {
    gzipBytes += chunk.byteLength;
    if (gzipBytes <= options.maxBytes) compressed.push(chunk);
  });
  const ended = new Promise<void>((resolve, reject) => gzip.once('end', resolve).once('error', reject));
  let plain: Buffer[] | undefined = [];
  let csvBytes = 0;
  for await (const text of chunks) {
    const bytes = Buffer.from(text, 'utf8');
    csvBytes += bytes.byteLength;
    if (plain && csvBytes <= plainMax) plain.push(bytes);
    else plain = undefined;
    if (gzipBytes > options.maxBytes) break;
    if (!gzip.write(bytes)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  if (plain) return { fits: true, csvBytes, attachment: { name: `${options.name}.csv`, mimeType: 'text/csv', data: Buffer.concat(plain) } };
  if (gzipBytes > options.maxBytes) return { fits: false, csvBytes, gzipBytes };
  return { fits: true, csvBytes, attachment: { name: `${options.name}.csv.gz`, mimeType: 'application/gzip', data: Buffer.concat(compressed) } };
}
