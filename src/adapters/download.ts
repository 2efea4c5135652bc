// Downloads a member's file for /import with a size cap, and decodes it (UTF-8, UTF-16 with a BOM,
// else Windows-1252).
import { UserInputError } from '../core/errors.js';

/** The largest file /import downloads: an Urgent Action is tens of kilobytes of text. */
export const MAX_IMPORT_FILE_BYTES = 1_000_000;

const DOWNLOAD_TIMEOUT_MS = 15_000;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Refuses a file whose announced size is over the cap, before anything is downloaded. */
export function assertImportSize(size: number | undefined, max = MAX_IMPORT_FILE_BYTES): void {
  if (size !== undefined && size > max) throw new UserInputError('import_file_too_large', { size: megabytes(size), max: megabytes(max) });
}

/**
 * Downloads a member's file and decodes it as text. The announced size can be wrong or missing, so
 * the body is read in chunks and abandoned as soon as it passes `max`. Failures are user errors:
 * the member can send the file again.
 */
export async function downloadText(url: string, max = MAX_IMPORT_FILE_BYTES, fetcher: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new UserInputError('import_file_download_failed', { problem: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' });
  }
  if (!response.ok || !response.body) throw new UserInputError('import_file_download_failed', { problem: `HTTP ${response.status}` });
  assertImportSize(Number(response.headers.get('content-length') ?? 0) || undefined, max);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      assertImportSize(total, max);
    }
    chunks.push(value);
  }
  return decodeText(Buffer.concat(chunks));
}

/**
 * UTF-8 (with or without a BOM) as most files are; UTF-16 when its BOM says so (Windows "Unicode"
 * text); otherwise Windows-1252, the usual legacy encoding of a saved web page. Binary content
 * survives decoding and is refused by the importer with its own message.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] || c);
  }
}

/**
 * Windows-1252's 0x80-0x9F (curly quotes, dashes, euro...). Node 20's TextDecoder decodes that
 * label as Latin-1, so the difference is mapped here; unassigned bytes stay as they are.
 */
const CP1252 = '\u20ac\0\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\0\u017d\0\0\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\0\u017e\u0178'.split('').map((c) => (c === '\0' ? '' : c));
